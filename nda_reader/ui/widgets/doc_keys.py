"""Keyboard navigation and search of a :class:`~nda_reader.ui.widgets.document_view.DocumentView`.

Kept apart from the rendering code: the key bindings and the cursor movements they run
(lines, pages, terms, annotated passages, cross-references, speaker turns, matches).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import Occurrence
from nda_reader.reading.doc_index import DocMarks
from nda_reader.reading.search import find_in_text
from nda_reader.reading.wrapping import DisplayLine, Layout, LineKind

DOCUMENT_BINDINGS: list[BindingType] = [
    Binding("down,j", "cursor(1)", "Down", show=False),
    Binding("up,k", "cursor(-1)", "Up", show=False),
    Binding("pagedown,space", "page(1)", "Page down", show=False),
    Binding("pageup,b", "page(-1)", "Page up", show=False),
    Binding("home,g", "edge(-1)", "Top", show=False),
    Binding("end,G", "edge(1)", "Bottom", show=False),
    Binding("t", "term(1)", "Next term"),
    Binding("T", "term(-1)", "Prev term", show=False),
    Binding("a", "annotated(1)", "Annotated"),
    Binding("A", "annotated(-1)", "Prev annotated", show=False),
    Binding("x", "crossref(1)", "Cross-ref"),
    Binding("X", "crossref(-1)", "Prev cross-ref", show=False),
    Binding("s", "same_speaker", "Same speaker"),
    Binding("S", "speaker_filter", "Only speaker"),
    Binding("n", "match(1)", "Next match", show=False),
    Binding("N", "match(-1)", "Prev match", show=False),
]


class NavigationMixin:
    """Cursor movements bound to keys; mixed into DocumentView."""

    flow: Layout
    marks: DocMarks
    only_speaker: str | None

    if TYPE_CHECKING:  # provided by DocumentView
        cursor: Any
        scrollable_content_region: Region
        scroll_offset: Offset

        def scroll_top_to(self, y: int) -> None: ...

        def _set_cursor(
            self, y: int, term: Occurrence | None, *, scroll: str = "nearest"
        ) -> None: ...

        def position(self) -> tuple[str, int]: ...

        def current_block(self) -> tuple[str, int]: ...

        def say(self, message: str) -> None: ...

        def invalidate(self) -> None: ...

        parts: list[Document]
        corpus: Corpus
        matches: list[tuple[str, int, int]]
        match_index: int
        search_query: str

    @property
    def _cursor_y(self) -> int:
        return int(self.cursor.y)

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def _text_line(self, y: int, step: int) -> int | None:
        """The nearest TEXT line from ``y`` going in ``step`` direction (inclusive)."""
        lines = self.flow.lines
        while 0 <= y < len(lines):
            if lines[y].kind is LineKind.TEXT:
                return y
            y += step
        return None

    def _first_term_on(self, line: DisplayLine) -> Occurrence | None:
        for occ in self.marks.occurrences:
            if occ.doc == line.doc_id and line.start <= occ.start < line.end:
                return occ
        return None

    def _move_to_line(self, y: int, step: int) -> None:
        found = self._text_line(y, step)
        if found is None:
            found = self._text_line(y, -step)
        if found is not None:
            self._set_cursor(found, self._first_term_on(self.flow.lines[found]))

    def _top(self) -> int:
        return round(self.scroll_offset.y)

    def action_cursor(self, step: int) -> None:
        """Move the cursor one line down (1) or up (-1).

        If the cursor was scrolled out of sight (mouse wheel), it comes back at the top
        (or bottom) line of the view instead.
        """
        y, top, height = self._cursor_y, self._top(), self.scrollable_content_region.height
        if not top <= y < top + height:
            self._move_to_line(top if step > 0 else top + height - 1, step)
            return
        self._move_to_line(y + step, step)

    def action_page(self, step: int) -> None:
        """Scroll a page down (1) or up (-1); the cursor goes to the top line of the view."""
        top = self._top()
        last = max(0, len(self.flow.lines) - self.scrollable_content_region.height)
        new_top = max(0, min(last, top + step * self._page))
        if new_top == top:
            self.action_edge(step)
            return
        self.scroll_top_to(new_top)
        self._move_to_line(new_top, 1)

    def action_edge(self, step: int) -> None:
        """Go to the top (-1) or bottom (1) of the document."""
        self._move_to_line(0 if step < 0 else len(self.flow.lines) - 1, -step)

    def action_term(self, step: int) -> None:
        """Put the cursor on the next (1) or previous (-1) glossary term."""
        here = self.marks.pos(*self.position())
        occs = self.marks.occurrences
        keys = self.marks.occurrence_positions()
        # Bisect to the cursor, then walk past occurrences hidden by the speaker filter.
        if step > 0:
            i = (bisect.bisect_right if self._term_set() else bisect.bisect_left)(keys, here)
            candidates = range(i, len(occs))
        else:
            candidates = range(bisect.bisect_left(keys, here) - 1, -1, -1)
        occ = next((occs[i] for i in candidates if self._occ_shown(occs[i])), None)
        if occ is None:
            self.say("No more terms")
            return
        y = self.flow.line_at(occ.doc, occ.start)
        if y is not None:
            self._set_cursor(y, occ)

    def _term_set(self) -> bool:
        return self.cursor.term is not None

    def _occ_shown(self, occ: Occurrence) -> bool:
        y = self.flow.line_at(occ.doc, occ.start)
        if y is None:
            return False
        line = self.flow.lines[y]
        return line.doc_id == occ.doc and line.start <= occ.start < line.end

    def _to_block(self, keys: list[tuple[str, int]], step: int, what: str) -> None:
        here = self.current_block()
        order = self.marks.part_index
        hk = (order.get(here[0], 0), here[1])
        shown = [k for k in keys if self.flow.block_lines(*k)]
        if step > 0:
            ahead = [k for k in shown if (order.get(k[0], 0), k[1]) > hk]
        else:
            ahead = [k for k in reversed(shown) if (order.get(k[0], 0), k[1]) < hk]
        if not ahead:
            self.say(f"No more {what}")
            return
        lines = self.flow.block_lines(*ahead[0])
        self._set_cursor(lines.start, self._first_term_on(self.flow.lines[lines.start]))

    def action_annotated(self, step: int) -> None:
        """Go to the next (1) / previous (-1) passage with cross-references or notes."""
        self._to_block(self.marks.annotated(), step, "annotated passages")

    def action_crossref(self, step: int) -> None:
        """Go to the next (1) / previous (-1) passage with a cross-reference."""
        self._to_block(self.marks.annotated(links_only=True), step, "cross-references")

    def _current_turn(self) -> int:
        y = self._cursor_y
        lines = self.flow.lines
        return lines[y].turn if 0 <= y < len(lines) else -1

    def action_same_speaker(self) -> None:
        """Go to the next turn by the speaker of the current turn (wrapping).

        Outside any turn, go to the next turn of whoever speaks next.
        """
        turn = self._current_turn()
        if turn < 0:  # not in a turn: go to the next turn of anyone
            for span in self.flow.turns:
                y = self.flow.line_at(span.doc, span.start)
                if y is not None and y > self._cursor_y:
                    self._set_cursor(y, None, scroll="top")
                    return
            self.say("No speaker turns after this point")
            return
        speaker = self.flow.turn_speaker(turn)
        turns = self.flow.turns
        order = [*range(turn + 1, len(turns)), *range(0, turn)]
        for i in order:
            if turns[i].speaker.id == speaker:
                y = self.flow.line_at(turns[i].doc, turns[i].start)
                if y is not None:
                    self._set_cursor(y, None, scroll="top")
                    return
        self.say("No other turn by this speaker")

    def action_speaker_filter(self) -> None:
        """Toggle showing only the turns of the current speaker."""
        if self.only_speaker is not None:
            self.only_speaker = None
            self.say("Showing every passage again")
            return
        turn = self._current_turn()
        if turn < 0:
            self.say("Put the cursor in a speaker turn first")
            return
        self.only_speaker = self.flow.turn_speaker(turn)
        name = self.corpus.speaker_name(self.flow.turns[turn].speaker)
        self.say(f"Showing only {name}'s turns; S shows all")

    def action_match(self, step: int) -> None:
        """Go to the next (1) / previous (-1) search match."""
        if not self.next_match(step):
            self.say("No search matches; press / to search")

    # ------------------------------------------------------------------ search
    def search(self, query: str) -> int:
        """Highlight every match of ``query``; move to the first one after the cursor."""
        self.search_query = query
        self.matches = [(p.id, s, e) for p in self.parts for s, e in find_in_text(p.body, query)]
        self.match_index = -1
        self.invalidate()
        if self.matches:
            self.next_match(1)
        return len(self.matches)

    def next_match(self, step: int) -> bool:
        """Go to the next (``step`` 1) or previous (-1) match, wrapping; False if none."""
        if not self.matches:
            return False
        if self.match_index < 0:
            here = self.marks.pos(*self.position())
            after = [i for i, m in enumerate(self.matches) if self.marks.pos(m[0], m[1]) >= here]
            self.match_index = (
                (after[0] if after else 0)
                if step > 0
                else ((after[0] - 1) % len(self.matches) if after else len(self.matches) - 1)
            )
        else:
            self.match_index = (self.match_index + step) % len(self.matches)
        doc_id, start, _ = self.matches[self.match_index]
        if self.only_speaker is not None and not self._shown(doc_id, start):
            self.only_speaker = None
        self.invalidate()
        y = self.flow.line_at(doc_id, start) or 0
        self._set_cursor(y, None, scroll="center")
        return True

    def _shown(self, doc_id: str, offset: int) -> bool:
        y = self.flow.line_at(doc_id, offset)
        if y is None:
            return False
        line = self.flow.lines[y]
        return line.doc_id == doc_id and line.start <= offset <= line.end
