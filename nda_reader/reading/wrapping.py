"""Layout of documents into wrapped display lines, by terminal cell width (pure logic).

The reader shows a document (or all parts of a multi-part document) as a list of
:class:`DisplayLine` objects. Each text line keeps the body offsets it shows, so highlights
given as body offsets line up exactly, also with wide (CJK) characters. Text is shown
through :func:`display_text`, which replaces control characters one for one with visible
stand-ins, so offsets stay aligned and no escape sequence ever reaches the terminal.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from enum import StrEnum

from rich.cells import cell_len

from nda_reader.corpus.document import Block, BlockKind, Document, item_marker
from nda_reader.corpus.model import TurnSpan
from nda_reader.lang.hanzi import is_cjk
from nda_reader.reading.line_breaking import wrap
from nda_reader.reading.shown_text import shown_line

PROGRESSIVE_CHARS = 30_000
"""Texts longer than this (a few screens) are laid out progressively by the reader: the
first screens, then the rest a few passages at a time between keys."""

LAYOUT_STEP = 40
"""Passages laid out at a time, at most (a few milliseconds of work)."""

LAYOUT_SECONDS = 0.003
"""A step also ends once it has taken this long: a key pressed during it waits no longer
on a slower machine."""

KEY_PAUSE = 0.05
"""Seconds the layout waits after the frame of a key that moved the cursor: for the terminal
to draw that frame without the layout taking a core from it (a page down pressed 0.3 s
after the first paint of the 1 MB text: 32 ms, 25 ms with the pause, 23 ms once laid out;
medians of 10 runs in tmux on 2 cores)."""

SIZE_EVERY = 0.25
"""Seconds between the reader's updates of its scrollable size while it lays out a big text
(each update repaints the view)."""

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
    ``only_speaker``, blocks outside that speaker's turns are hidden; with ``only_blocks``
    (block indices by part id: a filter), blocks not listed are hidden; each hidden run
    becomes one HIDDEN line.
    """

    def __init__(
        self,
        parts: Sequence[Document],
        turns: Mapping[str, Sequence[TurnSpan]],
        width: int,
        *,
        only_speaker: str | None = None,
        only_blocks: Mapping[str, AbstractSet[int]] | None = None,
    ) -> None:
        self.layout = Layout(width=max(1, width), complete=False)
        self.parts = list(parts)
        self.turns = turns
        self.only_speaker = only_speaker
        self.only_blocks = only_blocks
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
        seconds: float | None = None,
    ) -> bool:
        """Lay out more: until ``lines`` lines exist, until offset ``through[1]`` of part
        ``through[0]`` is laid out, or ``blocks`` more blocks (everything when none is
        given), and at most for about ``seconds`` (at least one block). Returns True when
        the layout is complete."""
        target = None
        if through is not None:
            target = (self._order.get(through[0], len(self.parts)), through[1])
        deadline = None if seconds is None else time.perf_counter() + seconds
        done = 0
        while not self.layout.complete:
            if deadline is not None and done and time.perf_counter() >= deadline:
                break
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
        only_speaker, only_blocks = self.only_speaker, self.only_blocks
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
                if (only_speaker is not None and result.turn_speaker(turn) != only_speaker) or (
                    only_blocks is not None and block.index not in only_blocks.get(doc.id, ())
                ):
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
    only_blocks: Mapping[str, AbstractSet[int]] | None = None,
    limit: int | None = None,
) -> Layout:
    """Lay out ``parts`` (consecutive parts of one document) wrapped to ``width`` cells
    (see :class:`LayoutBuilder`). With ``limit``, stop after the block that reaches
    ``limit`` lines: the result (``complete`` False) is the exact beginning of the full
    layout."""
    builder = LayoutBuilder(parts, turns, width, only_speaker=only_speaker, only_blocks=only_blocks)
    builder.step(lines=limit)
    return builder.layout


def _add_block(
    lines: list[DisplayLine], doc: Document, block: Block, width: int, turn: int, label: bool
) -> None:
    prefix = ""
    heading = 0
    if block.kind is BlockKind.ITEM:
        number = item_marker(doc.body, block)
        space = "" if number and is_cjk(number[-1]) else " "
        prefix = INDENT * block.level + (number + space if number else BULLET)
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
    return shown_line(body, start, end).offset_at_cell(cell, past_end)
