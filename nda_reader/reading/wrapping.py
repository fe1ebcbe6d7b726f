"""Layout of documents into wrapped display lines, by terminal cell width (pure logic).

The reader shows a document (or all parts of a multi-part document) as a list of
:class:`DisplayLine` objects. Each text line keeps the body offsets it shows, so highlights
given as body offsets line up exactly, also with wide (CJK) characters. Text is shown
through :func:`display_text`, which replaces control characters one for one with visible
stand-ins, so offsets stay aligned and no escape sequence ever reaches the terminal.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rich.cells import cell_len, get_character_cell_size

from nda_reader.corpus.document import Block, BlockKind, Document
from nda_reader.corpus.model import TurnSpan
from nda_reader.lang.terminal_text import display_text

BULLET = "• "
INDENT = "  "


class LineKind(StrEnum):
    """What a display line shows."""

    TEXT = "text"
    BLANK = "blank"
    SEPARATOR = "separator"
    HIDDEN = "hidden"


@dataclass(frozen=True, slots=True)
class DisplayLine:
    """One screen line: body ``[start, end)`` of ``doc_id``'s block ``block`` (TEXT lines).

    ``prefix`` is the indent/bullet shown before the text; ``turn`` indexes
    :attr:`Layout.turns` (-1 outside any speaker turn); ``label`` marks a speaker label.
    SEPARATOR and HIDDEN lines show ``caption`` instead of body text.
    """

    kind: LineKind
    doc_id: str = ""
    block: int = -1
    start: int = 0
    end: int = 0
    prefix: str = ""
    first: bool = False
    heading: int = 0
    turn: int = -1
    label: bool = False
    caption: str = ""


@dataclass
class Layout:
    """Display lines of one or more documents wrapped to ``width`` cells."""

    width: int
    lines: list[DisplayLine] = field(default_factory=list)
    turns: list[TurnSpan] = field(default_factory=list)
    speaker_slots: dict[str, int] = field(default_factory=dict)
    """Speaker id -> colour slot 1..6 in order of first appearance."""
    complete: bool = True
    """False while only the first lines are laid out (see :class:`LayoutBuilder`)."""
    _starts: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False)
    _blocks: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict, repr=False)

    def _index(self, start: int = 0) -> None:
        for y in range(start, len(self.lines)):
            line = self.lines[y]
            if line.kind is not LineKind.TEXT:
                continue
            starts, ys = self._starts.setdefault(line.doc_id, ([], []))
            starts.append(line.start)
            ys.append(y)
            key = (line.doc_id, line.block)
            first, _ = self._blocks.get(key, (y, y))
            self._blocks[key] = (first, y + 1)

    def line_at(self, doc_id: str, offset: int) -> int | None:
        """The index of the text line showing ``offset`` of ``doc_id`` (or the nearest)."""
        found = self._starts.get(doc_id)
        if not found:
            return None
        starts, ys = found
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return ys[i]

    def block_lines(self, doc_id: str, block: int) -> range:
        """Indices of the text lines of a block (empty when it is hidden)."""
        first, end = self._blocks.get((doc_id, block), (0, 0))
        return range(first, end)

    def turn_speaker(self, turn: int) -> str:
        """Speaker id of turn index ``turn`` ("" for -1)."""
        return self.turns[turn].speaker.id if 0 <= turn < len(self.turns) else ""


_TOKEN = re.compile(r"[^\S\xa0]+|(?:\S|\xa0)+")
"""Runs of breaking whitespace, or runs of anything else (a no-break space joins words)."""


def _cells(text: str) -> int:
    """Display width of ``text``; ASCII (controls shown as one glyph each) is one cell a char."""
    return len(text) if text.isascii() else cell_len(display_text(text))


def _pieces(word: str, offset: int) -> list[tuple[int, int, int]]:
    """Split a word at wide characters (CJK breaks anywhere): (start, end, cells) each."""
    if word.isascii():
        return [(offset, offset + len(word), len(word))]
    out: list[tuple[int, int, int]] = []
    run = 0
    for k, ch in enumerate(word):
        if get_character_cell_size(ch) == 2:
            if k > run:
                out.append((offset + run, offset + k, _cells(word[run:k])))
            out.append((offset + k, offset + k + 1, 2))
            run = k + 1
    if run < len(word):
        out.append((offset + run, offset + len(word), _cells(word[run:])))
    return out


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` into ``[start, end)`` spans of at most ``width`` cells.

    Breaks at whitespace (which is dropped at line ends) and around wide characters (CJK
    can break anywhere); a word longer than a line is split. Never returns an empty list
    for non-blank text; spans exclude leading and trailing whitespace. Text is tokenised
    with one regular expression and ASCII words are measured by length, so only non-ASCII
    words are looked at character by character.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    start = -1
    end = 0
    used = 0
    space = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isspace() and token[0] != "\xa0":
            space = _cells(token)
            continue
        for i, j, word in _pieces(token, match.start()):
            gap = space if start >= 0 else 0
            if start >= 0 and used + gap + word > width:
                spans.append((start, end))
                start, used, gap = -1, 0, 0
            if start < 0:
                if word > width:
                    k = i
                    while k < j:
                        used, m = 0, k
                        while m < j and (used == 0 or used + _cells(text[m]) <= width):
                            used += _cells(text[m])
                            m += 1
                        if m < j:
                            spans.append((k, m))
                        else:
                            start, end = k, m
                        k = m
                else:
                    start, end, used = i, j, word
            else:
                used += gap + word
                end = j
            space = 0
    if start >= 0:
        spans.append((start, end))
    return spans


def _turn_of(turns: Sequence[TurnSpan], block: Block) -> int:
    for i, span in enumerate(turns):
        if span.start <= block.start < span.end or span.start <= block.end - 1 < span.end:
            return i
    return -1


class LayoutBuilder:
    """Lays out ``parts`` (consecutive parts of one document) a few passages at a time.

    :attr:`layout` grows with each :meth:`step` and is always the exact beginning of the
    full layout (its last line may still change from a blank inside a speaker turn to a
    plain blank, and trailing blanks are dropped at the end). A big text is thus shown
    from its first screens while the rest is laid out in small steps between keys.
    Parts after the first are introduced by a ``— page N —`` separator. With
    ``only_speaker``, blocks outside that speaker's turns are hidden; each hidden run
    becomes one HIDDEN line.
    """

    def __init__(
        self,
        parts: Sequence[Document],
        turns: Mapping[str, Sequence[TurnSpan]],
        width: int,
        *,
        only_speaker: str | None = None,
    ) -> None:
        self.layout = Layout(width=max(1, width), complete=False)
        self.parts = list(parts)
        self.turns = turns
        self.only_speaker = only_speaker
        self.reached: tuple[int, int] = (0, -1)
        """(part index, end offset) of the last block laid out."""
        self._order = {p.id: i for i, p in enumerate(self.parts)}
        self._blocks = self._run()
        self._fixed = 1
        self._indexed = 0

    def step(
        self,
        *,
        lines: int | None = None,
        through: tuple[str, int] | None = None,
        blocks: int | None = None,
    ) -> bool:
        """Lay out more: until ``lines`` lines exist, until offset ``through[1]`` of part
        ``through[0]`` is laid out, or ``blocks`` more blocks (everything when none is
        given). Returns True when the layout is complete."""
        target = None
        if through is not None:
            target = (self._order.get(through[0], len(self.parts)), through[1])
        done = 0
        while not self.layout.complete:
            if lines is not None and len(self.layout.lines) >= lines:
                break
            if target is not None and self.reached >= target:
                break
            if blocks is not None and done >= blocks:
                break
            if not next(self._blocks, False):
                self._finish()
            done += 1
        self._fix_blanks(len(self.layout.lines) - 1)
        self.layout._index(self._indexed)
        self._indexed = len(self.layout.lines)
        return self.layout.complete

    def _run(self) -> Iterator[bool]:
        result = self.layout
        lines = result.lines
        only_speaker = self.only_speaker
        for p, doc in enumerate(self.parts):
            doc_turns = list(self.turns.get(doc.id, ()))
            base = len(result.turns)
            result.turns.extend(doc_turns)
            for span in doc_turns:
                if span.speaker.id not in result.speaker_slots:
                    result.speaker_slots[span.speaker.id] = len(result.speaker_slots) % 6 + 1
            if p > 0:
                if lines and lines[-1].kind is not LineKind.BLANK:
                    lines.append(DisplayLine(LineKind.BLANK))
                page = doc.part or p + 1
                lines.append(DisplayLine(LineKind.SEPARATOR, doc.id, caption=f"— page {page} —"))
                lines.append(DisplayLine(LineKind.BLANK))
            hiding = False
            for block in doc.blocks:
                local = _turn_of(doc_turns, block)
                turn = base + local if local >= 0 else -1
                self.reached = (p, block.end)
                if only_speaker is not None and result.turn_speaker(turn) != only_speaker:
                    if not hiding:
                        lines.append(DisplayLine(LineKind.HIDDEN, doc.id, caption="⋯"))
                        hiding = True
                    yield True
                    continue
                if hiding:
                    lines.append(DisplayLine(LineKind.BLANK))
                    hiding = False
                label = local >= 0 and (
                    block.start <= doc_turns[local].start
                    and doc_turns[local].label_end <= block.end
                )
                _add_block(lines, doc, block, result.width, turn, label)
                lines.append(DisplayLine(LineKind.BLANK, doc.id, turn=turn))
                yield True
            self.reached = (p + 1, -1)

    def _fix_blanks(self, upto: int) -> None:
        """A blank line carries the speaker bar only inside one turn: lines before
        ``upto`` (whose next line is known) are settled."""
        lines = self.layout.lines
        for y in range(self._fixed, min(upto, len(lines))):
            line = lines[y]
            if line.kind is LineKind.BLANK and line.turn >= 0:
                after = lines[y + 1].turn if y + 1 < len(lines) else -1
                if after != line.turn:
                    lines[y] = DisplayLine(LineKind.BLANK, line.doc_id)
        self._fixed = max(self._fixed, min(upto, len(lines)))

    def _finish(self) -> None:
        lines = self.layout.lines
        while lines and lines[-1].kind is LineKind.BLANK:
            lines.pop()
        self._fix_blanks(len(lines))
        self.layout.complete = True
        self.reached = (len(self.parts), 0)


def layout_document(
    parts: Sequence[Document],
    turns: Mapping[str, Sequence[TurnSpan]],
    width: int,
    *,
    only_speaker: str | None = None,
    limit: int | None = None,
) -> Layout:
    """Lay out ``parts`` (consecutive parts of one document) wrapped to ``width`` cells
    (see :class:`LayoutBuilder`). With ``limit``, stop after the block that reaches
    ``limit`` lines: the result (``complete`` False) is the exact beginning of the full
    layout."""
    builder = LayoutBuilder(parts, turns, width, only_speaker=only_speaker)
    builder.step(lines=limit)
    return builder.layout


def _add_block(
    lines: list[DisplayLine], doc: Document, block: Block, width: int, turn: int, label: bool
) -> None:
    prefix = ""
    heading = 0
    if block.kind is BlockKind.ITEM:
        prefix = INDENT * block.level + BULLET
    elif block.kind is BlockKind.HEADING:
        heading = block.level
    text = doc.body[block.start : block.end]
    spans = wrap(text, max(1, width - cell_len(prefix))) or [(0, 0)]
    for k, (s, e) in enumerate(spans):
        lines.append(
            DisplayLine(
                LineKind.TEXT,
                doc.id,
                block.index,
                block.start + s,
                block.start + e,
                prefix if k == 0 else " " * cell_len(prefix),
                first=k == 0,
                heading=heading,
                turn=turn,
                label=label,
            )
        )


def offset_at_cell(
    body: str, start: int, end: int, cell: int, *, past_end: int | None = None
) -> int:
    """The body offset shown at ``cell`` columns into the text of a line ``[start, end)``.

    Beyond the text it is ``past_end``, by default the line's last offset.
    """
    used = 0
    for i in range(start, end):
        used += cell_len(display_text(body[i]))
        if used > cell:
            return i
    return max(start, end - 1) if past_end is None else past_end
