"""DocumentView: a document drawn line by line (Textual Line API) with a reading cursor.

Only visible lines are rendered (``render_line``), from a layout of wrapped display lines
computed by :mod:`nda_reader.reading.wrapping` and re-computed on resize. Colours come from the
theme's variables through component classes, so a theme switch restyles everything.
Navigation keys move the cursor (a passage and, optionally, a glossary term); every move
publishes a :class:`DocumentView.CursorMoved` on the view's ``cursor_moved`` signal. A
signal rather than a message: a subscriber that follows the cursor (the context pane) is
updated before the next frame, so both repaint together instead of one frame apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, work
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.signal import Signal
from textual.strip import Strip

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus, TurnSpan
from nda_reader.corpus.term_index import Occurrence
from nda_reader.reading.doc_index import DocMarks
from nda_reader.reading.motions import Selection
from nda_reader.reading.wrapping import DisplayLine, Layout, LineKind, layout_document
from nda_reader.ui.widgets.doc_draw import GUTTER, DrawingMixin
from nda_reader.ui.widgets.doc_keys import DOCUMENT_BINDINGS, NavigationMixin
from nda_reader.ui.widgets.doc_selection import SELECTION_BINDINGS, SelectionMixin

PROGRESSIVE_CHARS = 300_000
"""Texts longer than this are laid out in two steps: the first screens, then the rest."""

Span = tuple[str, int, int]
"""(doc id, start, end) of a highlighted span."""


@dataclass(frozen=True, slots=True)
class CursorState:
    """Where the cursor is: a display line and optionally a term occurrence on it."""

    y: int
    term: Occurrence | None = None


class DocumentView(
    SelectionMixin,
    NavigationMixin,
    DrawingMixin,
    ScrollView,
    can_focus=True,
    inherit_bindings=False,
):
    """A scrollable, wrapped, highlighted view of one document (all its parts)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-view--term",
        "document-view--term-current",
        "document-view--cursor",
        "document-view--match",
        "document-view--target",
        "document-view--heading",
        "document-view--link-marker",
        "document-view--note-marker",
        "document-view--muted",
        "document-view--selection",
        *(f"document-view--speaker-{n}" for n in range(1, 7)),
    }

    DEFAULT_CSS = """
    DocumentView { overflow-x: hidden; overflow-y: scroll; scrollbar-size-vertical: 1; }
    DocumentView > .document-view--term { color: $term-highlight; text-style: underline; }
    DocumentView > .document-view--term-current {
        background: $term-current; text-style: bold underline;
    }
    DocumentView > .document-view--cursor { background: $cursor-passage; }
    DocumentView > .document-view--match { background: $match-highlight; }
    DocumentView > .document-view--target { background: $match-highlight; text-style: bold; }
    DocumentView > .document-view--heading { color: $primary; text-style: bold; }
    DocumentView > .document-view--link-marker { color: $link-marker; text-style: bold; }
    DocumentView > .document-view--note-marker { color: $note-marker; text-style: bold; }
    DocumentView > .document-view--muted { color: $muted-text; }
    DocumentView > .document-view--selection { background: $selection; }
    DocumentView > .document-view--speaker-1 { color: $speaker-1; }
    DocumentView > .document-view--speaker-2 { color: $speaker-2; }
    DocumentView > .document-view--speaker-3 { color: $speaker-3; }
    DocumentView > .document-view--speaker-4 { color: $speaker-4; }
    DocumentView > .document-view--speaker-5 { color: $speaker-5; }
    DocumentView > .document-view--speaker-6 { color: $speaker-6; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*DOCUMENT_BINDINGS, *SELECTION_BINDINGS]

    @dataclass(frozen=True)
    class CursorMoved:
        """Where the cursor is now, published on :attr:`DocumentView.cursor_moved`."""

        view: DocumentView
        doc_id: str
        offset: int
        entry_id: str | None
        block: int

    gutter_cells = GUTTER

    only_speaker: reactive[str | None] = reactive(None, init=False)
    """Show only the turns of this speaker id (None: everything)."""

    def __init__(
        self, corpus: Corpus, doc: Document, *, name: str | None = None, id: str | None = None
    ) -> None:
        super().__init__(name=name, id=id)
        self.corpus = corpus
        self.parts: list[Document] = corpus.parts_of(doc) if doc.id in corpus.documents else [doc]
        self.marks = DocMarks.build(corpus, self.parts)
        self.flow: Layout = Layout(width=1)
        self.cursor = CursorState(0)
        self.matches: list[Span] = []
        self.match_index = -1
        self.search_query = ""
        self.target: Span | None = None
        self.selection: Selection | None = None
        self._drag: tuple[str, int] | None = None
        self._dragged = False
        self._pending: tuple[str, int] | None = (doc.id, 0)
        self._cache: LRUCache[tuple[int, bool, int], Strip] = LRUCache(1024)
        self._occ_starts: dict[str, tuple[list[Occurrence], list[int]]] = {}
        self._layout_generation = 0
        self.cursor_moved: Signal[DocumentView.CursorMoved] = Signal(self, "cursor-moved")
        """Published after every cursor move (see :meth:`announce`)."""

    # ----------------------------------------------------------------- documents
    @property
    def doc(self) -> Document:
        """The part the cursor is in."""
        line = self._line(self.cursor.y)
        for part in self.parts:
            if line is not None and part.id == line.doc_id:
                return part
        return self.parts[0]

    @property
    def root_id(self) -> str:
        """Id of the whole document: ``part_of`` for multi-part documents, else the id."""
        return self.parts[0].part_of or self.parts[0].id

    def has_doc(self, doc_id: str) -> bool:
        """True when ``doc_id`` is one of the parts shown here."""
        return any(p.id == doc_id for p in self.parts)

    def load(self, doc: Document) -> None:
        """Show another document (all its parts); the cursor goes to its start."""
        self.parts = self.corpus.parts_of(doc) if doc.id in self.corpus.documents else [doc]
        self.marks = DocMarks.build(self.corpus, self.parts)
        self.matches, self.match_index, self.target = [], -1, None
        self.selection = None
        self.set_reactive(DocumentView.only_speaker, None)
        self._relayout((doc.id, 0), force=True)
        self._set_cursor(self.flow.line_at(doc.id, 0) or 0, None, scroll="top")

    def set_corpus(self, corpus: Corpus, *, relayout: bool = True) -> None:
        """Show the same parts from a reloaded ``corpus``, keeping the cursor's place.

        ``relayout=False`` when nothing shown here changed: the view only takes the new
        corpus, with no layout and no repaint.
        """
        keep = self.position()
        self.corpus = corpus
        self.parts = [corpus.documents.get(p.id, p) for p in self.parts]
        if not relayout:
            return
        self.marks = DocMarks.build(corpus, self.parts)
        self.selection = None
        self._relayout(keep, force=True)
        term = self.cursor.term
        if term is not None:
            found = self.marks.occurrence_at(term.doc, term.start)
            self.cursor = CursorState(self.cursor.y, found)
        self.refresh_bindings()
        self.announce()

    def _body(self, doc_id: str) -> str:
        for part in self.parts:
            if part.id == doc_id:
                return part.body
        return ""

    # ------------------------------------------------------------------- layout
    @property
    def text_width(self) -> int:
        """Cells available to text on a line."""
        return max(10, self.scrollable_content_region.width - GUTTER - 1)

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap the text to the new width, keeping the cursor on its passage."""
        self._relayout(self._pending or self.position(), force=self._pending is not None)
        if self._pending is not None:
            doc_id, offset = self._pending
            self._pending = None
            self._set_cursor(self.flow.line_at(doc_id, offset) or 0, None, scroll="top")

    def _relayout(self, keep: tuple[str, int], *, force: bool = False) -> None:
        if not force and self.flow.width == self.text_width and self.flow.lines:
            return
        turns = {p.id: self.corpus.turns(p.id) for p in self.parts}
        self._layout_generation += 1
        flow = None
        if sum(len(p.body) for p in self.parts) > PROGRESSIVE_CHARS:
            # A big text: lay out the first screens now, the rest in a thread after paint.
            first = layout_document(
                self.parts,
                turns,
                self.text_width,
                only_speaker=self.only_speaker,
                limit=4 * max(self.size.height, 40),
            )
            y = first.line_at(*keep)
            if y is not None and y < len(first.lines) - 2 * max(self.size.height, 40):
                flow = first
                self._finish_layout(turns, self.text_width, self._layout_generation)
        if flow is None:
            flow = layout_document(
                self.parts, turns, self.text_width, only_speaker=self.only_speaker
            )
        self.flow = flow
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.flow.lines))
        y = self.flow.line_at(*keep)
        if y is not None:
            term = self.cursor.term
            self.cursor = CursorState(y, term if term and self._visible(term) else None)
            self._scroll_into_view("center")
        self.refresh()

    @work(thread=True, exclusive=True, group="layout")
    def _finish_layout(self, turns: dict[str, list[TurnSpan]], width: int, generation: int) -> None:
        """Lay out the whole text off the main thread, then install it (same first lines)."""
        parts, only = list(self.parts), self.only_speaker
        flow = layout_document(parts, turns, width, only_speaker=only)
        self.app.call_from_thread(self._install_layout, flow, generation)

    def _install_layout(self, flow: Layout, generation: int) -> None:
        if generation != self._layout_generation or flow.width != self.flow.width:
            return  # the text, width or filter changed meanwhile: a newer layout is due
        self.flow = flow
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(flow.lines))
        self.refresh()

    def watch_only_speaker(self) -> None:
        """Re-lay out when the speaker filter changes."""
        self._relayout(self.position(), force=True)
        self.announce()

    def notify_style_update(self) -> None:
        """Theme or CSS changed: forget rendered lines."""
        super().notify_style_update()
        self._cache.clear()

    # ----------------------------------------------------------------- position
    def _line(self, y: int) -> DisplayLine | None:
        lines = self.flow.lines
        return lines[y] if 0 <= y < len(lines) else None

    def position(self) -> tuple[str, int]:
        """(doc id, offset) of the cursor: the current term, else the line start."""
        if self.cursor.term is not None:
            return self.cursor.term.doc, self.cursor.term.start
        line = self._line(self.cursor.y)
        if line is None or line.kind is not LineKind.TEXT:
            return self.parts[0].id, 0
        return line.doc_id, line.start

    def current_block(self) -> tuple[str, int]:
        """(doc id, block index) of the passage under the cursor."""
        line = self._line(self.cursor.y)
        return (line.doc_id, line.block) if line else (self.parts[0].id, -1)

    def _visible(self, occ: Occurrence) -> bool:
        y = self.flow.line_at(occ.doc, occ.start)
        line = self._line(y if y is not None else -1)
        return line is not None and line.doc_id == occ.doc and line.start <= occ.start < line.end

    def go_to(self, doc_id: str, offset: int, end: int | None = None) -> None:
        """Move the cursor to ``offset`` of ``doc_id`` (loading it if needed), scroll there.

        With ``end``, the span ``[offset, end)`` is highlighted as the jump target.
        """
        if not self.has_doc(doc_id):
            doc = self.corpus.documents.get(doc_id)
            if doc is None:
                return
            self.load(doc)
        if self.only_speaker is not None:
            self.only_speaker = None
        self.target = (doc_id, offset, end) if end is not None else None
        self._cache.clear()
        if not self.flow.lines:
            self._pending = (doc_id, offset)
            return
        y = self.flow.line_at(doc_id, offset) or 0
        term = self.marks.occurrence_at(doc_id, offset)
        self._set_cursor(y, term if term and term.start == offset else None, scroll="top")

    def _set_cursor(self, y: int, term: Occurrence | None, *, scroll: str = "nearest") -> None:
        lines = self.flow.lines
        if not lines:
            return
        y = max(0, min(y, len(lines) - 1))
        self.cursor = CursorState(y, term)
        self._scroll_into_view(scroll)
        self.refresh()
        self.announce()

    def _scroll_into_view(self, how: str) -> None:
        y, height = self.cursor.y, max(1, self.scrollable_content_region.height)
        top = round(self.scroll_offset.y)
        if how == "top":
            self.scroll_to(y=max(0, y - height // 4), animate=False, immediate=True)
        elif how == "center":
            self.scroll_to(y=max(0, y - height // 2), animate=False, immediate=True)
        elif y < top:
            self.scroll_to(y=y, animate=False, immediate=True)
        elif y >= top + height:
            self.scroll_to(y=y - height + 1, animate=False, immediate=True)

    def cursor_info(self) -> tuple[str, int, str | None, int]:
        """(doc id, offset, glossary entry id of the current term, block index)."""
        doc_id, offset = self.position()
        line = self._line(self.cursor.y)
        entry = self.cursor.term.entry_id if self.cursor.term else None
        return doc_id, offset, entry, line.block if line else -1

    def announce(self) -> None:
        """Publish :class:`CursorMoved` for the current cursor on :attr:`cursor_moved`."""
        self.cursor_moved.publish(self.CursorMoved(self, *self.cursor_info()))

    # ---------------------------------------------------------------- rendering
    def render_line(self, y: int) -> Strip:
        """Render screen row ``y`` (only visible lines are ever drawn)."""
        index = y + round(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        line = self._line(index)
        base = self.rich_style
        if line is None:
            return Strip.blank(width, base)
        block = (line.doc_id, line.block)
        in_cursor = line.kind is LineKind.TEXT and block == self.current_block()
        term = self.cursor.term
        term_here = (
            term.start
            if term is not None
            and term.doc == line.doc_id
            and term.end > line.start
            and term.start < line.end
            else -1
        )
        key = (index, in_cursor, term_here)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._draw(line, in_cursor, width)
            self._cache[key] = strip
        return strip

    def scroll_top_to(self, y: int) -> None:
        """Scroll so that display line ``y`` is at the top, at once."""
        self.scroll_to(y=y, animate=False, immediate=True)

    def invalidate(self) -> None:
        """Forget rendered lines (highlights changed) and redraw."""
        self._cache.clear()
        self.refresh()

    def say(self, message: str) -> None:
        """A short notification about navigation (e.g. "No more terms")."""
        self.notify(message, timeout=2)
