"""What a display line shows of the body, and where each shown character comes from.

A passage written over several lines of its file (a hard-wrapped paragraph, a CRLF file)
is shown with its lines joined: a line break becomes one space, or nothing between two
CJK characters (:func:`~nda_reader.lang.terminal_text.joined_gap`), so neither
``foo\\r\\nbar`` nor ``数据\\n要素`` shows a gap that is not in the text as published. The
shown text is then shorter than the body slice; :class:`ShownLine` maps between the two,
so highlights given as body offsets and clicks given as cells still line up.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rich.cells import cell_len

from nda_reader.lang.terminal_text import LINE_BREAK, display_text, joined_gap


@dataclass(frozen=True, slots=True)
class ShownLine:
    """The text shown for body ``[start, end)``; ``offsets`` gives each shown character's
    body offset, then ``end`` (None when the text is the body slice itself)."""

    text: str
    start: int
    end: int
    offsets: tuple[int, ...] | None = None

    def index(self, offset: int) -> int:
        """The index in :attr:`text` of body ``offset`` (clamped to the line)."""
        if self.offsets is None:
            return max(0, min(offset - self.start, len(self.text)))
        return bisect.bisect_left(self.offsets, offset)

    def offset(self, index: int) -> int:
        """The body offset of shown character ``index`` (``end`` past the text)."""
        if self.offsets is None:
            return self.start + max(0, min(index, len(self.text)))
        return self.offsets[max(0, min(index, len(self.text)))]

    def offset_at_cell(self, cell: int, past_end: int | None = None) -> int:
        """The body offset shown at ``cell`` columns into the line; beyond the text it is
        ``past_end``, by default the line's last offset."""
        used = 0
        for i, ch in enumerate(self.text):
            used += cell_len(ch)
            if used > cell:
                return self.offset(i)
        if past_end is not None:
            return past_end
        return self.offset(len(self.text) - 1) if self.text else self.start

    def cells_before(self, offset: int) -> int:
        """Cells the line shows before body ``offset``."""
        return cell_len(self.text[: self.index(offset)])


def shown_line(body: str, start: int, end: int) -> ShownLine:
    """What a display line of ``body[start:end]`` shows (see the module docstring)."""
    piece = body[start:end]
    if "\n" not in piece and "\r" not in piece:
        return ShownLine(display_text(piece), start, end)
    text: list[str] = []
    offsets: list[int] = []
    at = start
    for m in LINE_BREAK.finditer(body, start, end):
        text.append(body[at : m.start()])
        offsets.extend(range(at, m.start()))
        gap = joined_gap(body, m.start(), m.end())
        text.append(gap)
        offsets.extend([m.start()] * len(gap))
        at = m.end()
    text.append(body[at:end])
    offsets.extend(range(at, end))
    offsets.append(end)
    return ShownLine(display_text("".join(text)), start, end, tuple(offsets))
