"""DocumentView: the reader's document view, a :class:`DocumentCanvas` driven by keys and mouse.

The keys (:mod:`.bindings`) move the cursor through the canvas's
:class:`~nda_reader.reading.navigation.Navigator` (lines, pages, terms, annotated passages,
cross-references, speaker turns, search matches) and select text through a
:class:`~nda_reader.reading.selecting.Selector`; a mouse drag selects too. A selection is a
body range ``[start, end)`` of *one* part. Outside a selection the annotation keys ``M``,
``p`` and ``r`` act on the passage under the cursor. The view only posts
:class:`DocumentView.Annotate`; the reading screen opens the forms.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.message import Message

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.reading.copying import cited, passage_text, span_text
from nda_reader.reading.motions import Selection
from nda_reader.reading.navigation import CursorState, Move, Nowhere
from nda_reader.reading.selecting import Selector
from nda_reader.reading.term_search import passages_with
from nda_reader.reading.words import Longest
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.document_view.canvas import DocumentCanvas, Scroll
from nda_reader.ui.widgets.document_view.painter import GUTTER

ALWAYS = frozenset({"select", "extend", "passage"})
"""Actions that work with and without a selection."""
SELECTING = frozenset({"sel", "sel_cancel", "annotate"})
"""Actions only while selecting (the others only while not)."""


def _no_words(text: str, offset: int) -> int | None:
    return None


class DocumentView(DocumentCanvas, can_focus=True, inherit_bindings=False):
    """A document canvas with keys to move, search, select and annotate, and mouse selection."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.VIEW, Scope.SELECTING)

    class Annotate(Message):
        """Annotate the selection (or the passage under the cursor): ``kind`` is
        ``term``, ``alias``, ``note``, ``turn`` or ``link``."""

        def __init__(self, view: DocumentView, kind: str, doc_id: str, start: int, end: int):
            super().__init__()
            self.view = view
            self.kind = kind
            self.doc_id = doc_id
            self.start = start
            self.end = end

    def __init__(
        self, corpus: Corpus, doc: Document, *, name: str | None = None, id: str | None = None
    ) -> None:
        super().__init__(corpus, doc, name=name, id=id)
        self.selector = Selector(self.navigator)
        """How a selection starts and grows."""
        self.dictionary_words: Longest = _no_words
        """The end of the longest dictionary word at a place (the screen gives the
        dictionary's; without it a Chinese word is one character)."""
        self._drag: tuple[str, int] | None = None
        self._dragged = False
        self._title_shown = ""

    def show_title(self, title: str) -> None:
        """Put ``title`` on the top border, unless it is there: Textual repaints the whole
        view each time a title is set (every line rendered again after each cursor move,
        ~2-4 ms of a frame, though the title had not changed)."""
        if title != self._title_shown:
            self._title_shown = title
            self.border_title = title

    # --------------------------------------------------------------- navigation
    def follow(self, y: int, top: int) -> None:
        """Put the cursor on line ``y`` and line ``top`` at the top without announcing it:
        the view beside leads (parallel view)."""
        lines = self.flow.lines
        if lines:
            self.cursor = CursorState(max(0, min(y, len(lines) - 1)))
            self.scroll_top_to(top)
            self.refresh()

    def _go(self, move: Move, scroll: Scroll = "nearest") -> None:
        """Put the cursor where a motion took it, or say why it stays."""
        if isinstance(move, Nowhere):
            if move.message:
                self.say(move.message)
            return
        self._set_cursor(move.y, move.term, scroll=scroll)

    def action_cursor(self, step: int) -> None:
        """Move the cursor one line down (1) or up (-1).

        If the cursor was scrolled out of sight (mouse wheel), it comes back at the top
        (or bottom) line of the view instead.
        """
        height = self.scrollable_content_region.height
        self._go(self.navigator.line_step(self.cursor, step, self._top(), height))

    def action_page(self, step: int) -> None:
        """Scroll a page down (1) or up (-1); the cursor goes to the top line of the view."""
        top = self.navigator.page_top(self._top(), self.scrollable_content_region.height, step)
        if top is None:
            self.action_edge(step)
            return
        self.scroll_top_to(top)
        self._go(self.navigator.to_line(top, 1))

    def action_edge(self, step: int) -> None:
        """Go to the top (-1) or bottom (1) of the document."""
        self._go(self.navigator.edge(step))

    def action_term(self, step: int) -> None:
        """Put the cursor on the next (1) or previous (-1) glossary term."""
        self._go(self.navigator.term(self.cursor, step))

    def next_term_place(self) -> tuple[str, int, str | None, int] | None:
        """Where ``t`` would put the cursor, as :meth:`cursor_info` gives it (None: no
        further term, or none laid out yet: asking lays nothing out)."""
        move = self.navigator.term_laid_out(self.cursor, 1)
        return self.cursor_info(move) if isinstance(move, CursorState) else None

    def action_word(self, step: int) -> None:
        """Put the cursor on the next (1) or previous (-1) word (see
        :meth:`~nda_reader.reading.navigation.Navigator.word`)."""
        self._go(self.navigator.word(self.cursor, step, self.dictionary_words))

    def action_annotated(self, step: int) -> None:
        """Go to the next (1) / previous (-1) passage with cross-references or notes."""
        self._go(self.navigator.passage(self.cursor, step))

    def action_crossref(self, step: int) -> None:
        """Go to the next (1) / previous (-1) passage with a cross-reference."""
        self._go(self.navigator.passage(self.cursor, step, links_only=True))

    def action_same_speaker(self) -> None:
        """Go to the next turn by the speaker of the current turn (wrapping).

        Outside any turn, go to the next turn of whoever speaks next.
        """
        self._go(self.navigator.same_speaker(self.cursor), scroll="top")

    def action_speaker_filter(self) -> None:
        """Toggle showing only the turns of the current speaker."""
        if self.only_speaker is not None:
            self.only_speaker = None
            self.say("Showing every passage again")
            return
        turn = self.navigator.turn(self.cursor)
        if turn < 0:
            self.say("Put the cursor in a speaker turn first")
            return
        self.only_speaker = self.flow.turn_speaker(turn)
        name = self.corpus.speaker_name(self.flow.turns[turn].speaker)
        self.say(f"Showing only {name}'s turns; S shows all")

    def filter_passages(self, query: str) -> int:
        """Show only the passages with ``query`` in them, as text or as any form of a
        glossary entry it names, the rest folded; return how many (0: nothing changed).
        An empty query shows every passage again."""
        if not query.strip():
            self.set_filter(None)
            return 0
        blocks = passages_with(self.corpus.glossary, self.marks.occurrences, self.parts, query)
        count = sum(len(b) for b in blocks.values())
        if count:
            self.set_filter(blocks, query.strip())
        return count

    def action_match(self, step: int) -> None:
        """Go to the next (1) / previous (-1) search match."""
        if not self.next_match(step):
            self.say("No search matches; press / to search")

    def search(self, query: str) -> int:
        """Highlight every match of ``query``; move to the first one after the cursor."""
        self.search_query = query
        self.matches = self.navigator.find(query)
        self.match_index = -1
        self.invalidate()
        if self.matches:
            self.next_match(1)
        return len(self.matches)

    def next_match(self, step: int) -> bool:
        """Go to the next (``step`` 1) or previous (-1) match, wrapping; False if none."""
        if not self.matches:
            return False
        self.match_index = self.navigator.next_match(
            self.cursor, self.matches, self.match_index, step
        )
        doc_id, start, _ = self.matches[self.match_index]
        if self.only_speaker is not None and not self.navigator.shows_match(doc_id, start):
            self.only_speaker = None
        self.invalidate()
        term = self.marks.occurrence_at(doc_id, start)  # a match on a term shows the term
        self._set_cursor(self.navigator.line_at(doc_id, start) or 0, term, scroll="center")
        return True

    # ---------------------------------------------------------------- selecting
    @property
    def selecting(self) -> bool:
        """True while a selection is being made."""
        return self.selection is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Selection keys only while selecting; the reading keys only while not."""
        if action in ALWAYS:
            return True
        if action in SELECTING:
            return self.selecting
        return not self.selecting

    def set_selection(self, selection: Selection | None) -> None:
        """Show ``selection`` (None ends selecting) and move the cursor to its head."""
        if selection is None and self.selection is None:
            return  # nothing selected before or now: no line to paint again
        was = self.selecting
        self.selection = selection
        if selection is not None:
            y = self.navigator.line_at(selection.doc_id, max(selection.start, selection.head - 1))
            if y is not None:
                self._set_cursor(y, None)
        if was != self.selecting:
            self.refresh_bindings()
        self.invalidate()

    def action_select(self) -> None:
        """Start selecting at the cursor (``v`` again, or escape, stops)."""
        if self.selecting:
            self.action_sel_cancel()
            return
        current = 0 <= self.match_index < len(self.matches)
        match = self.matches[self.match_index] if current else None
        self.set_selection(self.selector.start(self.cursor, match))
        self.say("Selecting: h/l w/b ( ) { } j/k extend · g term · M note · p speaker · r link")

    def action_sel_cancel(self) -> None:
        """Stop selecting, without any change."""
        self.set_selection(None)

    def action_extend(self, unit: str, step: int) -> None:
        """Extend the selection (starting one at the cursor if there is none)."""
        if self.selection is None:
            doc_id, offset = self.position()
            self.selection = Selection(doc_id, offset, offset)
            self.refresh_bindings()
        self.action_sel(unit, step)

    def action_sel(self, unit: str, step: int) -> None:
        """Move the selection's head by ``step`` ``unit``s (char, word, sentence, ...)."""
        if self.selection is not None:
            self.set_selection(self.selector.moved(self.selection, unit, step))

    def action_passage(self, kind: str) -> None:
        """Annotate the selection, or else the passage under the cursor (``M``, ``p``, ``r``)."""
        self.action_annotate(kind)

    def action_annotate(self, kind: str) -> None:
        """Ask the reading screen to annotate the selection (or the current passage)."""
        span = self.selector.target(self.selection, self.cursor)
        if isinstance(span, Nowhere):
            self.say(span.message)
            return
        self.post_message(self.Annotate(self, kind, *span))

    # --------------------------------------------------------------------- copy
    def copy_choices(self) -> dict[str, str]:
        """What ``y`` can copy here: the term's hanzi, pinyin and English (on a term), and
        the selection (while selecting) or else the passage, with and without citation."""
        choices: dict[str, str] = {}
        term = self.cursor.term
        entry = self.corpus.glossary.get(term.entry_id) if term is not None else None
        if entry is not None:
            choices.update(hanzi=entry.hanzi, pinyin=entry.pinyin, english=entry.english)
        doc_id, block_index = self.current_block()
        part = self.marks.part(doc_id)
        if part is None or not 0 <= block_index < len(part.blocks):
            return choices
        block = part.blocks[block_index]
        sel = self.selection
        if sel is not None and not sel.empty:
            text = span_text(part, sel.start, sel.end)
            block = part.block_at(sel.start) or block
        else:
            text = passage_text(part, block)
        choices.update(text=text, cited=cited(text, part, block))
        return choices

    # -------------------------------------------------------------------- mouse
    def _point(self, event: events.MouseEvent) -> tuple[int, int]:
        """(display line, text cell right of the gutter) under the mouse pointer."""
        offset = event.get_content_offset_capture(self)
        return offset.y + self._top(), offset.x - GUTTER

    def on_click(self, event: events.Click) -> None:
        """Clicking puts the cursor on the clicked passage, and term if there is one.

        A click that ended a drag keeps the selection it made; any other click ends one.
        """
        if self._dragged:
            self._dragged = False
            return
        if self.selection is not None:
            self.set_selection(None)
        if event.get_content_offset(self) is None:
            return
        move = self.navigator.clicked(*self._point(event))
        if isinstance(move, CursorState):
            self.focus()
            self._set_cursor(move.y, move.term)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Remember where a drag may start."""
        if event.button != 1:
            return
        self._drag = self.navigator.text_at(*self._point(event))
        self._dragged = False
        if self._drag is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Dragging selects, within the part where the drag started."""
        if self._drag is None or not event.button:
            return
        here = self.navigator.text_at(*self._point(event))
        if here is None:
            return
        selection = self.selector.dragged(self._drag, here)
        if not selection.empty or self._dragged:
            self._dragged = True
            self.set_selection(selection)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End a drag; the selection stays for the annotation keys."""
        if self._drag is not None:
            self.release_mouse()
        self._drag = None

    def say(self, message: str) -> None:
        """A short notification about navigation (e.g. "No more terms")."""
        self.notify(message, timeout=2)
