"""DocumentCanvas: a document drawn line by line (Textual Line API) with a reading cursor.

Only visible lines are rendered (``render_line``), from a layout of wrapped display lines
computed by :mod:`nda_reader.reading.wrapping` and re-computed on resize. Colours come from the
theme's variables through component classes, so a theme switch restyles everything.
The cursor (a passage and, optionally, a glossary term) is placed by code here; every move
publishes a :class:`DocumentCanvas.CursorMoved` on the ``cursor_moved`` signal. A signal
rather than a message: a subscriber that follows the cursor (the context pane) is updated
before the next frame, so both repaint together instead of one frame apart.

Like Textual's ``TextArea``, the canvas owns plain objects: a
:class:`~nda_reader.reading.navigation.Navigator` (layout, marks, motions) and a
:class:`~nda_reader.ui.widgets.document_view.painter.LinePainter`; the
:class:`~nda_reader.ui.widgets.document_view.widget.DocumentView` adds keys and mouse.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.signal import Signal
from textual.strip import Strip

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import Occurrence
from nda_reader.reading.doc_index import DocMarks
from nda_reader.reading.motions import Selection
from nda_reader.reading.navigation import CursorState, DocSpan, Navigator, scroll_top_for
from nda_reader.reading.parallel import NO_ECHO, Echo
from nda_reader.reading.wrapping import (
    KEY_PAUSE,
    LAYOUT_SECONDS,
    LAYOUT_STEP,
    PROGRESSIVE_CHARS,
    SIZE_EVERY,
    Layout,
    LayoutBuilder,
)
from nda_reader.ui.timers import after
from nda_reader.ui.widgets.document_view.painter import (
    CANVAS_CSS,
    COMPONENT_CLASSES,
    GUTTER,
    LinePainter,
    Scene,
)

Scroll = Literal["nearest", "top", "center"]
"""Where a cursor move scrolls: just into view, a quarter from the top, to the middle."""


class DocumentCanvas(ScrollView):
    """A scrollable, wrapped, highlighted view of one document (all its parts) with a cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = COMPONENT_CLASSES
    DEFAULT_CSS = CANVAS_CSS

    @dataclass(frozen=True)
    class CursorMoved:
        """Where the cursor is now, published on :attr:`DocumentCanvas.cursor_moved`."""

        view: DocumentCanvas
        doc_id: str
        offset: int
        entry_id: str | None
        block: int

    only_speaker: reactive[str | None] = reactive(None, init=False)
    """Show only the turns of this speaker id (None: everything)."""

    def __init__(
        self, corpus: Corpus, doc: Document, *, name: str | None = None, id: str | None = None
    ) -> None:
        super().__init__(name=name, id=id)
        self.corpus = corpus
        parts = corpus.parts_of(doc) if corpus.documents.get(doc.id) is doc else [doc]
        self.navigator = Navigator(Layout(width=1), DocMarks.build(corpus, parts))
        """Where motions take the cursor; holds the layout and marks of the parts shown."""
        self.painter = LinePainter(self._style)
        """How a display line looks (and the lines it painted)."""
        self.cursor = CursorState(0)
        """The cursor: a display line, and the term on it the reader went to (if any)."""
        self.matches: list[DocSpan] = []
        """The matches of the last search, highlighted."""
        self.match_index = -1  # the current match (-1: none yet)
        self.search_query = ""  # what was searched for last
        self.target: DocSpan | None = None
        """The span a jump went to, highlighted."""
        self.selection: Selection | None = None
        """The text selected (None: not selecting)."""
        self.only_blocks: dict[str, frozenset[int]] | None = None
        """A filter (``&``): the passages shown, by part id (None: every passage)."""
        self.filter_query = ""  # what the filter looks for ("" when there is none)
        self.echo: Echo = NO_ECHO
        """Passages and terms highlighted for the cursor of a view beside this one."""
        self.part_view: Callable[[Document], Document] = lambda doc: doc
        """How a part is shown again after a reload (one language of a bilingual file)."""
        self._pending: tuple[str, int] | None = (doc.id, 0)
        self._sized_at = 0.0  # when the layout under way last set the scrollable size
        self._layout_generation = 0
        self._moved = False  # the cursor moved since the last layout step (see _lay_out_more)
        self._made: tuple[object, ...] = ()  # what the layout was made of
        self._frame_style: Style | None = None  # rich_style (all ancestors'), once a frame
        self.cursor_moved: Signal[DocumentCanvas.CursorMoved] = Signal(self, "cursor-moved")
        """Published after every cursor move (see :meth:`announce`)."""

    @property
    def parts(self) -> list[Document]:
        """The parts shown, in order (one for a single document)."""
        return self.navigator.marks.parts

    @property
    def marks(self) -> DocMarks:
        """What is annotated where in the parts shown."""
        return self.navigator.marks

    @property
    def flow(self) -> Layout:
        """The display lines of the parts shown."""
        return self.navigator.layout

    @property
    def doc(self) -> Document:
        """The part the cursor is in."""
        line = self.navigator.line(self.cursor.y)
        part = self.marks.part(line.doc_id) if line is not None else None
        return part or self.parts[0]

    @property
    def root_id(self) -> str:
        """Id of the whole document: ``part_of`` for multi-part documents, else the id."""
        return self.parts[0].part_of or self.parts[0].id

    def has_doc(self, doc_id: str) -> bool:
        """True when ``doc_id`` is one of the parts shown here."""
        return self.marks.part(doc_id) is not None

    def load(self, doc: Document) -> None:
        """Show another document (all its parts); the cursor goes to its start."""
        parts = self.corpus.parts_of(doc) if self.corpus.documents.get(doc.id) is doc else [doc]
        self.navigator.marks = DocMarks.build(self.corpus, parts)
        self.matches, self.match_index, self.target, self.selection = [], -1, None, None
        self.set_reactive(DocumentCanvas.only_speaker, None)
        self.only_blocks, self.filter_query = None, ""
        self._relayout((doc.id, 0), force=True)
        self._set_cursor(self.flow.line_at(doc.id, 0) or 0, None, scroll="top")

    def set_corpus(self, corpus: Corpus, *, relayout: bool = True) -> None:
        """Show the same parts from a reloaded ``corpus``, keeping the cursor's place;
        ``relayout=False`` when nothing shown here changed (no layout, no repaint)."""
        keep, before = self.position(), self.navigator.marks
        self.corpus = corpus
        if not relayout:
            return  # the texts and what is annotated in them are as they were
        parts = [self.part_view(corpus.documents.get(p.id, p)) for p in self.parts]
        self.navigator.marks = DocMarks.build(corpus, parts)
        self.selection = None
        self._relayout(keep, force=True, before=before)
        term = self.cursor.term
        if term is not None:
            found = self.marks.occurrence_at(term.doc, term.start)
            self.cursor = CursorState(self.cursor.y, found)
        self.refresh_bindings()
        self.announce()

    # ------------------------------------------------------------------- layout
    @property
    def text_width(self) -> int:
        """Cells available to text on a line."""
        return max(10, self.scrollable_content_region.width - GUTTER - 1)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in ``crop``, laid out first if need be: a new screen is painted before
        its resize events arrive, so its first frames showed no text."""
        if not self.flow.lines and self.size.width and self.is_mounted:
            self.on_resize()
        self._frame_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    def on_resize(self, event: events.Resize | None = None) -> None:
        """Re-wrap the text to the new width, keeping the cursor on its passage."""
        self._relayout(self._pending or self.position(), force=self._pending is not None)
        if self._pending is not None:
            doc_id, offset = self._pending
            self._pending = None
            term = self.marks.occurrence_at(doc_id, offset)
            term = term if term is not None and term.start == offset else None
            self._set_cursor(self.navigator.line_at(doc_id, offset) or 0, term, scroll="top")

    def _relayout(
        self, keep: tuple[str, int], *, force: bool = False, before: DocMarks | None = None
    ) -> None:
        """Lay out again (unless ``force``, only at a new width); ``before``: old marks."""
        if not force and self.flow.width == self.text_width and self.flow.lines:
            return
        turns = {p.id: self.corpus.turns(p.id) for p in self.parts}
        made = (tuple(self.parts), turns, self.text_width, self.only_speaker, self.only_blocks)
        if self.flow.lines and made == self._made:  # the same lines (a note was saved)
            return self.invalidate(before)  # what is marked on them may differ
        self._made = made
        self._layout_generation += 1
        builder = LayoutBuilder(
            self.parts,
            turns,
            self.text_width,
            only_speaker=self.only_speaker,
            only_blocks=self.only_blocks,
        )
        if sum(len(p.body) for p in self.parts) > PROGRESSIVE_CHARS:
            # A big text: the first two screens (and the cursor's) now, the rest between
            # keys (_lay_out_more); a key going further lays out as far first (reach).
            screens = 2 * max(self.size.height, 40)
            builder.step(lines=screens)
            builder.step(through=keep)
        else:
            builder.step()
        self.navigator.builder = None if builder.layout.complete else builder
        self._show_layout(builder.layout)
        if not builder.layout.complete:
            self.call_after_refresh(self._lay_out_more, self._layout_generation)
        y = self.flow.line_at(*keep)
        if y is not None:
            term = self.cursor.term
            shown = term is not None and self.navigator.shows_term(term)
            self.cursor = CursorState(y, term if shown else None)
            self._scroll_into_view("center")
        self.refresh()

    def _show_layout(self, flow: Layout) -> None:
        self.navigator.layout = flow
        self.painter.clear()
        self._sync_size()

    def _lay_out_more(self, generation: int) -> None:
        """Lay out a few more passages of a big text, then let keys and repaints through
        before the next few (each step takes a few milliseconds)."""
        builder = self.navigator.builder
        if builder is None or generation != self._layout_generation:
            return  # done, or the text, width or filter changed: a newer layout is under way
        if self._moved:  # a key moved the cursor: its frame first, then a pause (KEY_PAUSE)
            self._moved = False
            self.call_after_refresh(after, self, KEY_PAUSE, lambda: self._lay_out_more(generation))
            return
        before = len(self.flow.lines)
        builder.step(blocks=LAYOUT_STEP, seconds=LAYOUT_SECONDS)
        if builder.layout.complete:
            self.navigator.builder = None
        self.painter.forget_from(before - 1)  # that line may have changed, the rest are new
        # A new size repaints the view: a few times a second will do (a repaint per step
        # kept the terminal busy when a key came); a scroll sizes it first (scroll_top_to).
        now = time.monotonic()
        if self.navigator.builder is None or now - self._sized_at > SIZE_EVERY:
            self._sized_at = now
            self._sync_size()
        if self.navigator.builder is not None:
            after(self, 0.001, lambda: self._lay_out_more(generation))

    def _sync_size(self) -> None:
        """Make the scrollable size that of the lines laid out so far (if it is not)."""
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.flow.lines))

    def watch_only_speaker(self) -> None:
        """Re-lay out when the speaker filter changes."""
        self._relayout(self.position(), force=True)
        self.announce()

    def set_filter(self, blocks: dict[str, frozenset[int]] | None, query: str = "") -> None:
        """Show only ``blocks`` (by part id), the rest folded; None shows every passage."""
        keep = self.position()
        self.only_blocks, self.filter_query = blocks, query if blocks is not None else ""
        self._relayout(keep, force=True)
        if not self._shows(keep):  # the cursor's passage is folded: the first one shown
            first = self.navigator.to_line(0, 1)
            if isinstance(first, CursorState):
                self._set_cursor(first.y, first.term, scroll="top")
        self.announce()

    def _shows(self, where: tuple[str, int]) -> bool:
        """True when the passage at ``where`` (part id, offset) is on show."""
        part = self.marks.part(where[0])
        block = part.block_at(where[1]) if part else None
        return block is not None and bool(self.flow.block_lines(where[0], block.index))

    def notify_style_update(self) -> None:
        """Theme or CSS changed: forget rendered lines."""
        super().notify_style_update()
        self.painter.clear()

    # ----------------------------------------------------------------- position
    def position(self) -> tuple[str, int]:
        """(doc id, offset) of the cursor: the current term, else the line start."""
        return self.navigator.position(self.cursor)

    def current_block(self) -> tuple[str, int]:
        """(doc id, block index) of the passage under the cursor."""
        return self.navigator.current_block(self.cursor)

    def go_to(self, doc_id: str, offset: int, end: int | None = None) -> None:
        """Move the cursor to ``offset`` of ``doc_id`` (loading it if needed), scroll there;
        with ``end``, the span ``[offset, end)`` is highlighted as the jump target."""
        if not self.has_doc(doc_id):
            doc = self.corpus.documents.get(doc_id)
            if doc is None:
                return
            self.load(doc)
        if self.only_speaker is not None:
            self.only_speaker = None
        if self.only_blocks is not None and not self._shows((doc_id, offset)):
            self.set_filter(None)
        self.target = (doc_id, offset, end) if end is not None else None
        self.invalidate()  # the old target's lines too
        if not self.flow.lines:
            self._pending = (doc_id, offset)
            return
        y = self.navigator.line_at(doc_id, offset) or 0
        term = self.marks.occurrence_at(doc_id, offset)
        self._set_cursor(y, term if term and term.start == offset else None, scroll="top")

    def _set_cursor(self, y: int, term: Occurrence | None, *, scroll: Scroll = "nearest") -> None:
        lines = self.flow.lines
        if not lines:
            return
        y = max(0, min(y, len(lines) - 1))
        left, top = self.navigator.current_block(self.cursor), self._top()
        self.cursor = CursorState(y, term)
        self._scroll_into_view(scroll)
        # Not scrolled: only the passages left and entered look different (LinePainter).
        moved = {left, self.navigator.current_block(self.cursor)} if self._top() == top else None
        self.refresh(*(LinePainter.lines_of(self.navigator, moved, self._shown()) if moved else ()))
        self.announce()

    def _scroll_into_view(self, how: Scroll) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = scroll_top_for(self.cursor.y, self._top(), height, how)
        if top is not None:
            self.scroll_top_to(top)

    def _shown(self) -> Region:
        """The display lines on screen (x: 0, width: the view's)."""
        return Region(0, self._top(), self.size.width, self.size.height)

    def _top(self) -> int:
        return round(self.scroll_offset.y)

    def cursor_info(self, cursor: CursorState | None = None) -> tuple[str, int, str | None, int]:
        """(doc id, offset, glossary entry id of the term, block index) of ``cursor``."""
        cursor = cursor or self.cursor
        doc_id, offset = self.navigator.position(cursor)
        line, term = self.navigator.line(cursor.y), cursor.term
        return doc_id, offset, term.entry_id if term else None, line.block if line else -1

    def announce(self) -> None:
        """Publish :class:`CursorMoved` for the current cursor on :attr:`cursor_moved`."""
        self._moved = True
        self.cursor_moved.publish(self.CursorMoved(self, *self.cursor_info()))

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"document-view--{name}", partial=True)

    def render_line(self, y: int) -> Strip:
        """Render screen row ``y`` (only visible lines are ever drawn)."""
        scene = Scene(
            self.navigator, self.corpus.occurrences, self.cursor, self.matches, self.target,
            self.selection, self.echo,
        )  # fmt: skip
        width, base = self.scrollable_content_region.width, self._frame_style or self.rich_style
        return self.painter.paint(
            y + self._top(), scene, width=width, base=base, console=self.app.console
        )

    def scroll_top_to(self, y: int) -> None:
        """Scroll so that display line ``y`` is at the top, at once (the lines laid out
        since the scrollable size was last set are taken into it first)."""
        self._sync_size()
        self.scroll_to(y=y, animate=False, immediate=True)

    def show_echo(self, echo: Echo) -> None:
        """Highlight ``echo`` (the passages answering another view's cursor)."""
        if echo != self.echo:
            self.echo = echo
            self.invalidate()

    def invalidate(self, before: DocMarks | None = None) -> None:
        """Forget rendered lines (highlights changed) and redraw; with ``before``, the marks
        of the same lines before a reload, only the lines whose marks changed."""
        regions = self.painter.forget_changed(self.navigator, before, self._shown())
        if regions != []:  # None: all (Textual renders every line again: ~3 ms of a save)
            self.refresh(*(regions or ()))
