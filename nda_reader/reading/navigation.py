"""Where the reading cursor goes: lines, pages, terms, passages, speaker turns, matches.

Pure logic over the wrapped display lines of a document (a
:class:`~nda_reader.reading.wrapping.Layout`) and what is annotated in it (its
:class:`~nda_reader.reading.doc_index.DocMarks`), in the manner of Textual's
``DocumentNavigator``: a motion takes the current :class:`CursorState` and returns the new
one, or :class:`Nowhere` with the message to show when there is nothing to go to. The
navigator keeps no cursor of its own; the view keeps it, applies the motions' answers and
scrolls.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from nda_reader.corpus.term_index import Occurrence
from nda_reader.reading.doc_index import DocMarks
from nda_reader.reading.search import find_in_text
from nda_reader.reading.words import WORD, Longest, word_after, word_before
from nda_reader.reading.wrapping import (
    DisplayLine,
    Layout,
    LayoutBuilder,
    LineKind,
    offset_at_cell,
)

DocSpan = tuple[str, int, int]
"""(part id, start, end) of a span of text, such as a search match."""


@dataclass(frozen=True, slots=True)
class CursorState:
    """Where the cursor is: a display line and optionally a term occurrence on it."""

    y: int
    term: Occurrence | None = None


@dataclass(frozen=True, slots=True)
class Nowhere:
    """A motion found nothing to go to; ``message`` tells the reader why ("": say nothing)."""

    message: str = ""


Move = CursorState | Nowhere
"""What a motion answers: where the cursor goes, or that it stays."""


class Navigator:
    """Computes cursor motions over a document's display lines and marks.

    :attr:`layout` and :attr:`marks` are replaced by the view when it re-wraps the text or
    shows other parts; every motion reads them afresh. While a big text is still being
    laid out (:attr:`builder`), a motion that goes beyond the lines laid out so far lays
    out just as far as it needs first, so it never waits for the whole text.
    """

    def __init__(self, layout: Layout, marks: DocMarks) -> None:
        self.layout = layout
        """The display lines of the parts shown."""
        self.marks = marks
        """What is annotated where in the parts shown (and the parts themselves)."""
        self.builder: LayoutBuilder | None = None
        """Lays out the rest of :attr:`layout` when it is not complete."""

    # ------------------------------------------------------------- laying out ahead
    def reach(self, doc_id: str, offset: int) -> None:
        """Make sure ``offset`` of part ``doc_id`` is laid out."""
        if self.builder is not None and not self.layout.complete:
            self.builder.step(through=(doc_id, offset))

    def reach_lines(self, count: int) -> None:
        """Make sure ``count`` lines are laid out (or all there are)."""
        if self.builder is not None and not self.layout.complete:
            self.builder.step(lines=count)

    def reach_end(self) -> None:
        """Lay out the whole text."""
        if self.builder is not None and not self.layout.complete:
            self.builder.step()

    def line_at(self, doc_id: str, offset: int) -> int | None:
        """The display line showing ``offset`` of ``doc_id`` (laid out first if needed)."""
        self.reach(doc_id, offset)
        return self.layout.line_at(doc_id, offset)

    # --------------------------------------------------------------- where things are
    def line(self, y: int) -> DisplayLine | None:
        """Display line ``y`` (None outside the layout)."""
        lines = self.layout.lines
        return lines[y] if 0 <= y < len(lines) else None

    def position(self, cursor: CursorState) -> tuple[str, int]:
        """(part id, offset) of ``cursor``: its term, else its line's start."""
        if cursor.term is not None:
            return cursor.term.doc, cursor.term.start
        line = self.line(cursor.y)
        if line is None or line.kind is not LineKind.TEXT:
            return self.marks.parts[0].id, 0
        return line.doc_id, line.start

    def current_block(self, cursor: CursorState) -> tuple[str, int]:
        """(part id, block index) of the passage under ``cursor``."""
        line = self.line(cursor.y)
        return (line.doc_id, line.block) if line else (self.marks.parts[0].id, -1)

    def turn(self, cursor: CursorState) -> int:
        """Index in :attr:`Layout.turns` of the speaker turn under ``cursor`` (-1: none)."""
        line = self.line(cursor.y)
        return line.turn if line else -1

    def _line_showing(self, doc_id: str, offset: int) -> DisplayLine | None:
        """The text line of ``doc_id`` nearest ``offset`` (None when none is shown)."""
        y = self.line_at(doc_id, offset)
        line = self.line(y) if y is not None else None
        return line if line is not None and line.doc_id == doc_id else None

    def shows_term(self, occ: Occurrence) -> bool:
        """True when ``occ`` starts on a shown line (not hidden by the speaker filter)."""
        line = self._line_showing(occ.doc, occ.start)
        return line is not None and line.start <= occ.start < line.end

    def shows_match(self, doc_id: str, offset: int) -> bool:
        """True when a match starting at ``offset`` of ``doc_id`` is on a shown line."""
        line = self._line_showing(doc_id, offset)
        return line is not None and line.start <= offset <= line.end

    def first_term_on(self, line: DisplayLine) -> Occurrence | None:
        """The first glossary occurrence starting on ``line``."""
        for occ in self.marks.occurrences:
            if occ.doc == line.doc_id and line.start <= occ.start < line.end:
                return occ
        return None

    def offset_in(self, line: DisplayLine, cell: int) -> int:
        """The body offset shown at text cell ``cell`` of ``line`` (its end if beyond)."""
        body = self.marks.body(line.doc_id)
        return offset_at_cell(body, line.start, line.end, cell, past_end=line.end)

    def text_at(self, y: int, x: int) -> tuple[str, int] | None:
        """(part id, offset) shown at cell ``x`` of display line ``y`` (clamped), if text.

        ``x`` counts from the left of the line's prefix (indent or bullet); left of the
        text is the line's start.
        """
        lines = self.layout.lines
        if not lines:
            return None
        line = lines[max(0, min(y, len(lines) - 1))]
        if line.kind is not LineKind.TEXT:
            return None
        cell = x - cell_len(line.prefix)
        if cell < 0:
            return line.doc_id, line.start
        return line.doc_id, self.offset_in(line, cell)

    # ----------------------------------------------------------------------- motions
    def clicked(self, y: int, x: int) -> Move:
        """A click at cell ``x`` (as in :meth:`text_at`) of line ``y``: the line, and the
        term clicked if there is one."""
        here = self.text_at(y, x)
        line = self.line(y)
        if here is None or line is None or line.kind is not LineKind.TEXT:
            return Nowhere()
        term = self.marks.occurrence_at(*here) if x >= cell_len(line.prefix) else None
        if term is not None and here[1] >= line.end:
            term = None
        return CursorState(y, term)

    def _text_line(self, y: int, step: int) -> int | None:
        """The nearest TEXT line from ``y`` going in ``step`` direction (inclusive)."""
        lines = self.layout.lines
        while 0 <= y < len(lines):
            if lines[y].kind is LineKind.TEXT:
                return y
            y += step
        return None

    def to_line(self, y: int, step: int) -> Move:
        """The text line nearest ``y``, looking in ``step``'s direction first, and the
        first term on it."""
        found = self._text_line(y, step)
        if found is None:
            found = self._text_line(y, -step)
        if found is None:
            return Nowhere()
        return CursorState(found, self.first_term_on(self.layout.lines[found]))

    def line_step(self, cursor: CursorState, step: int, top: int, height: int) -> Move:
        """One text line down (1) or up (-1) in a view of ``height`` lines from ``top``.

        A cursor scrolled out of sight comes back at the view's top (or bottom) line.
        """
        self.reach_lines(max(cursor.y, top) + 2 * height)
        if not top <= cursor.y < top + height:
            return self.to_line(top if step > 0 else top + height - 1, step)
        return self.to_line(cursor.y + step, step)

    def page_top(self, top: int, height: int, step: int) -> int | None:
        """The top line one page down (1) or up (-1) in a view of ``height`` lines from
        ``top``; None when the view is already at that edge."""
        page = max(1, height - 2)
        self.reach_lines(top + step * page + 2 * height)
        last = max(0, len(self.layout.lines) - height)
        new_top = max(0, min(last, top + step * page))
        return None if new_top == top else new_top

    def edge(self, step: int) -> Move:
        """The first (-1) or last (1) text line."""
        if step > 0:
            self.reach_end()
        return self.to_line(0 if step < 0 else len(self.layout.lines) - 1, -step)

    def term(self, cursor: CursorState, step: int) -> Move:
        """The next (1) or previous (-1) shown glossary term."""
        marks = self.marks
        here = marks.pos(*self.position(cursor))
        occs = marks.occurrences
        keys = marks.occurrence_positions()
        # Bisect to the cursor, then walk past occurrences hidden by the speaker filter.
        if step > 0:
            after = bisect.bisect_right if cursor.term is not None else bisect.bisect_left
            candidates = range(after(keys, here), len(occs))
        else:
            candidates = range(bisect.bisect_left(keys, here) - 1, -1, -1)
        occ = next((occs[i] for i in candidates if self.shows_term(occs[i])), None)
        if occ is None:
            return Nowhere("No more terms")
        y = self.line_at(occ.doc, occ.start)
        return Nowhere() if y is None else CursorState(y, occ)

    def term_laid_out(self, cursor: CursorState, step: int) -> Move:
        """:meth:`term` among the lines laid out so far: lays nothing out, and finds
        nothing when the term is further on."""
        builder, self.builder = self.builder, None
        try:
            return self.term(cursor, step)
        finally:
            self.builder = builder

    def word(self, cursor: CursorState, step: int, longest: Longest) -> Move:
        """The next (1) or previous (-1) shown word of the part: a glossary term, a
        dictionary word of Chinese text (``longest``), or a Latin word. A word that is no
        glossary term is the cursor's term with the entry id :data:`~.words.WORD`."""
        line = self.line(cursor.y)
        if line is None or line.kind is not LineKind.TEXT:
            return Nowhere()
        doc_id = line.doc_id
        body = self.marks.body(doc_id)
        terms = [o for o in self.marks.occurrences if o.doc == doc_id]
        term = cursor.term
        pos = (term.end if step > 0 else term.start) if term is not None else line.start
        for _ in range(10_000):  # past words the speaker filter hides
            found = (word_after if step > 0 else word_before)(body, pos, terms, longest)
            if found is None:
                return Nowhere("No more words")
            start, end, occ = found
            shown = self._line_showing(doc_id, start)
            if shown is not None and shown.start <= start < shown.end:
                y = self.line_at(doc_id, start)
                assert y is not None
                return CursorState(y, occ or Occurrence(doc_id, start, end, WORD))
            pos = end if step > 0 else start
        return Nowhere("No more words")

    def passage(self, cursor: CursorState, step: int, *, links_only: bool = False) -> Move:
        """The next (1) / previous (-1) shown passage with cross-references or notes (with
        ``links_only``, cross-references only)."""
        keys = self.marks.annotated(links_only=links_only)
        order = self.marks.part_index
        doc_id, block = self.current_block(cursor)
        here = (order.get(doc_id, 0), block)
        if step > 0:
            ahead = [k for k in keys if (order.get(k[0], 0), k[1]) > here]
        else:
            ahead = [k for k in reversed(keys) if (order.get(k[0], 0), k[1]) < here]
        for key in ahead:
            self._reach_block(*key)
            lines = self.layout.block_lines(*key)
            if lines:
                return CursorState(lines.start, self.first_term_on(self.layout.lines[lines.start]))
        return Nowhere(f"No more {'cross-references' if links_only else 'annotated passages'}")

    def _reach_block(self, doc_id: str, block: int) -> None:
        part = self.marks.part(doc_id)
        if part is not None and 0 <= block < len(part.blocks):
            self.reach(doc_id, part.blocks[block].end)

    def same_speaker(self, cursor: CursorState) -> Move:
        """The start of the next turn by the speaker at the cursor (wrapping around).

        Outside any turn, the next turn of whoever speaks next.
        """
        self.reach_end()  # the turns of every part
        turns = self.layout.turns
        turn = self.turn(cursor)
        if turn < 0:
            for span in turns:
                y = self.layout.line_at(span.doc, span.start)
                if y is not None and y > cursor.y:
                    return CursorState(y)
            return Nowhere("No speaker turns after this point")
        speaker = self.layout.turn_speaker(turn)
        for i in [*range(turn + 1, len(turns)), *range(0, turn)]:
            if turns[i].speaker.id == speaker:
                y = self.layout.line_at(turns[i].doc, turns[i].start)
                if y is not None:
                    return CursorState(y)
        return Nowhere("No other turn by this speaker")

    # ------------------------------------------------------------------------ search
    def find(self, query: str) -> list[DocSpan]:
        """Every match of ``query`` in the parts, in reading order."""
        return [(p.id, s, e) for p in self.marks.parts for s, e in find_in_text(p.body, query)]

    def next_match(
        self, cursor: CursorState, matches: Sequence[DocSpan], index: int, step: int
    ) -> int:
        """The index of the match after (``step`` 1) or before (-1) match ``index``, wrapping
        around; when no match is current (``index`` -1), the first one after (or the last
        one before) the cursor. ``matches`` must not be empty."""
        if index >= 0:
            return (index + step) % len(matches)
        here = self.marks.pos(*self.position(cursor))
        after = next((i for i, m in enumerate(matches) if self.marks.pos(m[0], m[1]) >= here), -1)
        if step > 0:
            return max(after, 0)
        return (after - 1) % len(matches) if after >= 0 else len(matches) - 1


def scroll_top_for(y: int, top: int, height: int, how: str) -> int | None:
    """The top line that shows line ``y`` in a view of ``height`` lines now scrolled to
    ``top``: a quarter from the top (``how`` "top"), in the middle ("center"), or just
    into view ("nearest"); None when it need not scroll."""
    if how == "top":
        return max(0, y - height // 4)
    if how == "center":
        return max(0, y - height // 2)
    if y < top:
        return y
    if y >= top + height:
        return y - height + 1
    return None
