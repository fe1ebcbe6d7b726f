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
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from enum import StrEnum

from rich.cells import cell_len, get_character_cell_size

from nda_reader.corpus.document import Block, BlockKind, Document, item_marker
from nda_reader.corpus.model import TurnSpan
from nda_reader.lang.hanzi import is_cjk
from nda_reader.lang.terminal_text import display_text, joined_gap
from nda_reader.reading.shown_text import shown_line

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
    """False for the first lines only (see ``limit`` of :func:`layout_document`)."""
    _starts: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False)
    _blocks: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict, repr=False)

    def _index(self) -> None:
        for y, line in enumerate(self.lines):
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


NO_LINE_START = frozenset("。．，、；：？！）］｝〕〉》」』】〙〗〟”’》…‥ー々〆ゝゞヽヾ・")
"""CJK characters that never begin a line (closing punctuation, iteration marks)."""
NO_LINE_END = frozenset("（［｛〔〈《「『【〘〖〝“‘")
"""CJK characters that never end a line (opening punctuation)."""


def _gap(text: str, start: int, end: int) -> int:
    """Cells the whitespace ``text[start:end]`` takes between two words on one line: a
    line break inside a passage joins its lines with one space, or none between two CJK
    characters (see :func:`~nda_reader.lang.terminal_text.joined_gap`)."""
    token = text[start:end]
    if "\n" in token or "\r" in token:
        return len(joined_gap(text, start, end))
    return _cells(token)


def _breakable(text: str, end: int, start: int) -> bool:
    """True when a line may end at ``end`` and the next begin at ``start``: always at a
    space, else not before closing or after opening CJK punctuation."""
    return end != start or (text[start] not in NO_LINE_START and text[end - 1] not in NO_LINE_END)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` into ``[start, end)`` spans of at most ``width`` cells.

    Breaks at whitespace (which is dropped at line ends) and around wide characters (CJK
    can break anywhere); a word longer than a line is split. CJK line-breaking rules hold:
    no line starts with closing punctuation (:data:`NO_LINE_START`) and none ends with an
    opening one (:data:`NO_LINE_END`); the characters before are carried to the next line
    instead. Never returns an empty list for non-blank text; spans exclude leading and
    trailing whitespace. Text is tokenised with one regular expression and ASCII words are
    measured by length, so only non-ASCII words are looked at character by character.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    line: list[tuple[int, int, int, int]] = []  # the line's pieces: start, end, cells, gap
    used = 0
    space = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isspace() and token[0] != "\xa0":
            space = _gap(text, match.start(), match.end())
            continue
        for i, j, word in _pieces(token, match.start()):
            gap = space if line else 0
            space = 0
            if line and used + gap + word > width:
                keep = _break_point(text, line, i, word, width)
                spans.append((line[0][0], line[keep - 1][1]))
                line = line[keep:]
                if line:
                    line[0] = (*line[0][:3], 0)
                used = sum(cells + g for _, _, cells, g in line)
                gap = 0
            if not line and word > width:
                k = i
                while k < j:
                    cells, m = 0, k
                    while m < j and (cells == 0 or cells + _cells(text[m]) <= width):
                        cells += _cells(text[m])
                        m += 1
                    if m < j:
                        spans.append((k, m))
                    else:
                        line, used = [(k, m, cells, 0)], cells
                    k = m
                continue
            line.append((i, j, word, gap))
            used += gap + word
    if line:
        spans.append((line[0][0], line[-1][1]))
    return spans


def _break_point(
    text: str, line: list[tuple[int, int, int, int]], start: int, cells: int, width: int
) -> int:
    """How many pieces of a full ``line`` stay on it when the piece at ``start`` (``cells``
    wide) does not fit: all of them, unless CJK rules forbid that break; then the fewest
    pieces move down that allow one, if they fit with it on the next line."""
    if _breakable(text, line[-1][1], start):
        return len(line)
    moving = cells
    for keep in range(len(line) - 1, 0, -1):
        moving += line[keep][2] + (line[keep + 1][3] if keep + 1 < len(line) else 0)
        if moving > width:
            break
        if _breakable(text, line[keep - 1][1], line[keep][0]):
            return keep
    return len(line)


def _turn_of(turns: Sequence[TurnSpan], block: Block) -> int:
    for i, span in enumerate(turns):
        if span.start <= block.start < span.end or span.start <= block.end - 1 < span.end:
            return i
    return -1


def layout_document(
    parts: Sequence[Document],
    turns: Mapping[str, Sequence[TurnSpan]],
    width: int,
    *,
    only_speaker: str | None = None,
    only_blocks: Mapping[str, AbstractSet[int]] | None = None,
    limit: int | None = None,
) -> Layout:
    """Lay out ``parts`` (consecutive parts of one document) wrapped to ``width`` cells.

    Parts after the first are introduced by a ``— page N —`` separator. With
    ``only_speaker``, blocks outside that speaker's turns are hidden; with ``only_blocks``
    (block indices by part id: a filter), blocks not listed are hidden; each hidden run
    becomes one HIDDEN line. With ``limit``, stop after the block that reaches ``limit``
    lines: the result (``complete`` False) is the exact beginning of the full layout.
    """
    result = Layout(width=max(1, width))
    lines = result.lines
    for p, doc in enumerate(parts):
        if limit is not None and len(lines) >= limit:
            result.complete = False
            break
        doc_turns = list(turns.get(doc.id, ()))
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
            if (only_speaker is not None and result.turn_speaker(turn) != only_speaker) or (
                only_blocks is not None and block.index not in only_blocks.get(doc.id, ())
            ):
                if not hiding:
                    lines.append(DisplayLine(LineKind.HIDDEN, doc.id, caption="⋯"))
                    hiding = True
                continue
            if hiding:
                lines.append(DisplayLine(LineKind.BLANK))
                hiding = False
            label = local >= 0 and (
                block.start <= doc_turns[local].start and doc_turns[local].label_end <= block.end
            )
            _add_block(lines, doc, block, result.width, turn, label)
            lines.append(DisplayLine(LineKind.BLANK, doc.id, turn=turn))
            if limit is not None and len(lines) >= limit:
                result.complete = False
                break
    while lines and lines[-1].kind is LineKind.BLANK:
        lines.pop()
    for y in range(1, len(lines)):  # a blank line carries the bar only inside one turn
        line = lines[y]
        if line.kind is LineKind.BLANK and line.turn >= 0:
            after = lines[y + 1].turn if y + 1 < len(lines) else -1
            if after != line.turn:
                lines[y] = DisplayLine(LineKind.BLANK, line.doc_id)
    result._index()
    return result


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
