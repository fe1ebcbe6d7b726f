"""ReadingScreen: a document, an optional second (split) view and the context pane.

Following a related passage, a concordance row or a corpus search hit opens the target in
a second :class:`DocumentView` beside the first (below it on narrow terminals); both stay
live. Every jump records the place left in the app's jump history. Below 100 columns the
context pane goes under the text, 40 % of the height, and can be hidden with ``c``; ``z``
zooms it to the whole screen (``Z`` the text) with Textual's maximize, and back.
Marks (``m``, ``'``), copying (``y``) and the passage filter (``&``) act on the text with
the focus; the copy menu and the mark prompt are small dialogs of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import OptionList

from nda_reader.corpus.anchors import Anchor, make_anchor
from nda_reader.corpus.document import Document
from nda_reader.corpus.model import AnnotationKind
from nda_reader.corpus.reload import CorpusChange
from nda_reader.reading.jump_history import Location
from nda_reader.reading.motions import trimmed
from nda_reader.ui.fresh_screens import FreshScreen
from nda_reader.ui.keys import Scope, bindings_for, by_id, keymap_of, keys_text
from nda_reader.ui.screens.reading_tools import ReadingTools
from nda_reader.ui.widgets.context_pane import ContextPane
from nda_reader.ui.widgets.document_view import DocumentView
from nda_reader.ui.widgets.footer import ReaderFooter
from nda_reader.ui.widgets.index_progress import IndexProgress
from nda_reader.ui.widgets.message_line import MessageLine

if TYPE_CHECKING:
    from nda_reader.ui.host import ReaderHost

NARROW = 100
"""Below this many columns the panes stack vertically."""


class ReadingScreen(FreshScreen[None]):
    """Read one document with its context; split view for followed links."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (
        Scope.VIEW,  # help lists moving in the text first
        Scope.READING,
        Scope.SELECTING,
        Scope.CONTEXT,
        Scope.LIST,
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.READING)

    DEFAULT_CSS = """
    ReadingScreen #body { layout: horizontal; height: 1fr; }
    ReadingScreen #docs { layout: horizontal; width: 1fr; height: 1fr; }
    ReadingScreen DocumentView {
        width: 1fr; height: 1fr; border-top: hkey $panel; border-title-color: $text-muted;
    }
    ReadingScreen DocumentView:focus { border-top: hkey $primary; border-title-color: $text; }
    ReadingScreen ContextPane { width: 38%; max-width: 56; height: 1fr; border-left: vkey $panel; }
    ReadingScreen.-narrow #body { layout: vertical; }
    ReadingScreen.-narrow #docs { layout: vertical; }
    ReadingScreen.-narrow ContextPane {
        width: 1fr; max-width: 100%; height: 40%; min-height: 6; border-left: none;
        border-top: hkey $panel;
    }
    ReadingScreen ContextPane.-maximized { width: 1fr; max-width: 100%; height: 1fr; }
    ReadingScreen.-no-context ContextPane { display: none; }
    """

    def __init__(self, doc: Document, offset: int = 0, end: int | None = None) -> None:
        super().__init__()
        self.start_doc = doc
        self.start_offset = offset
        self.start_end = end
        self._prefix = False
        self._last_view: DocumentView | None = None
        self.tools = ReadingTools(self)
        """Marks, copying and the passage filter."""

    @property
    def reader(self) -> ReaderHost:
        """The app, as a screen may use it."""
        return cast("ReaderHost", self.app)

    def compose(self) -> ComposeResult:
        """Main view and context pane (the split view is mounted on demand)."""
        corpus = self.reader.corpus
        with Container(id="body"):
            with Container(id="docs"):
                yield DocumentView(corpus, self.start_doc, id="main")
            yield ContextPane(corpus, id="context")
        yield IndexProgress()
        yield ReaderFooter()
        yield MessageLine()  # over the footer: see its module

    def on_mount(self) -> None:
        """Focus the text, go to the start offset, fit the layout to the terminal."""
        dictionaries = self.reader.dictionaries
        self.context.word_at = dictionaries.word_at
        self.context.next_place = lambda: self.active.next_term_place()
        dictionaries.ready.subscribe(self, lambda _ready: self.context.redraw())
        for view in self.views():
            view.dictionary_words = dictionaries.word_end
        main = self.main
        main.cursor_moved.subscribe(self, self._cursor_moved, immediate=True)
        self.reader.corpus_changed.subscribe(self, self._corpus_changed)
        main.show_title(self._title(self.start_doc))
        main.focus()
        zoom = by_id()["reading.zoom_context"]
        self.context.zoom_key = keys_text(zoom, keymap_of(self.app)).split(",")[0]
        if self.start_offset or self.start_end is not None:
            main.go_to(self.start_doc.id, self.start_offset, self.start_end)
        self._fit(self.app.size.width)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``P`` only for a text with a counterpart (or of two languages)."""
        if action == "parallel":
            doc = self.active.doc if self.is_mounted else self.start_doc
            return self.reader.corpus.has_parallel(doc)
        return True

    def on_resize(self, event: events.Resize) -> None:
        """Stack the panes on narrow terminals."""
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        context = self.context
        brief = narrow and self.maximized is not context
        if context.brief != brief:
            context.brief = brief
            context.redraw()

    def watch_maximized(self) -> None:
        """A zoomed context pane shows its entry whole; back from a zoom, the text has the
        focus again."""
        self._fit(self.app.size.width)
        if self.maximized is None and not isinstance(self.focused, DocumentView):
            self.active.focus()

    # ------------------------------------------------------------------ views
    @property
    def main(self) -> DocumentView:
        """The main document view."""
        return self.query_one("#main", DocumentView)

    @property
    def split(self) -> DocumentView | None:
        """The second view, if open."""
        found = self.query("#split")
        return found.first(DocumentView) if found else None

    @property
    def context(self) -> ContextPane:
        """The context pane."""
        return self.query_one(ContextPane)

    @property
    def active(self) -> DocumentView:
        """The focused document view (the main one when focus is elsewhere)."""
        focused = self.focused
        if isinstance(focused, DocumentView):
            return focused
        last = self._last_view
        return last if last is not None and last.is_attached else self.main

    def node_for(self, scope: Scope) -> Widget:
        """The active view runs the text's keys, the context pane its list's keys."""
        if scope in (Scope.VIEW, Scope.SELECTING):
            return self.active
        if scope is Scope.CONTEXT:
            return self.context
        return self

    def _title(self, doc: Document, view: DocumentView | None = None) -> str:
        """The border title: the document and its date, and the filter if one is on."""
        title = doc.part_title or doc.title
        if doc.date:
            title += f" · {doc.date}"
        if view is not None and view.filter_query:
            title = f"& {view.filter_query} · {title}"
        return f" {title} "

    def views(self) -> list[DocumentView]:
        """The open document views, main first."""
        split = self.split
        return [self.main] if split is None else [self.main, split]

    def location(self) -> Location:
        """Where the active view's cursor is."""
        view = self.active
        doc_id, offset = view.position()
        return Location(doc_id, offset, 0 if view is self.main else 1)

    async def open_split(self, doc_id: str, start: int, end: int) -> DocumentView | None:
        """Show ``[start, end)`` of ``doc_id`` in the second view (opening it if needed)."""
        doc = self.reader.corpus.documents.get(doc_id)
        if doc is None:
            self.notify(f"No document {doc_id!r}", severity="warning")
            return None
        split = self.split
        if split is None:
            split = DocumentView(self.reader.corpus, doc, id="split")
            split.dictionary_words = self.reader.dictionaries.word_end
            await self.query_one("#docs").mount(split)
            split.cursor_moved.subscribe(self, self._cursor_moved, immediate=True)
        split.show_title(self._title(doc, split))
        split.go_to(doc_id, start, end)
        split.focus()
        return split

    async def go(self, where: Location, end: int | None = None) -> None:
        """Put the cursor of pane ``where.pane`` at ``where`` (opening the split if needed)."""
        if where.pane == 1:
            await self.open_split(where.doc_id, where.offset, where.offset if end is None else end)
            return
        view = self.main
        doc = self.reader.corpus.documents.get(where.doc_id)
        view.go_to(where.doc_id, where.offset, end)
        if doc is not None:
            view.show_title(self._title(doc, view))
        view.focus()

    # ---------------------------------------------------------------- messages
    def _cursor_moved(self, event: DocumentView.CursorMoved) -> None:
        if event.view is self.active:
            view = event.view
            self.context.show(view.marks, event.doc_id, event.offset, event.entry_id, event.block)
            doc = self.reader.corpus.documents.get(event.doc_id)
            if doc is not None:
                event.view.show_title(self._title(doc, event.view))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The context pane follows the focused view."""
        if isinstance(event.widget, DocumentView):
            self._last_view = event.widget
            event.widget.announce()

    @on(DocumentView.Annotate)
    def _annotate(self, event: DocumentView.Annotate) -> None:
        self.reader.annotations.annotate(
            AnnotationKind(event.kind), event.doc_id, event.start, event.end,
            event.view.action_sel_cancel,
        )  # fmt: skip

    @on(ContextPane.Edit)
    def _edit(self, event: ContextPane.Edit) -> None:
        annotations = self.reader.annotations
        (annotations.delete if event.delete else annotations.edit)(event.item)

    def _corpus_changed(self, change: CorpusChange) -> None:
        """Show the corpus after a save: views whose text changed are drawn again."""
        for view in self.views():
            view.set_corpus(change.corpus, relayout=change.touches([p.id for p in view.parts]))
        self.context.set_corpus(change.corpus)
        self.sync_context()

    def selected_anchor(self) -> Anchor | None:
        """An anchor for the active view's selection (None when nothing is selected)."""
        view = self.active
        sel = view.selection
        doc = self.reader.corpus.documents.get(sel.doc_id) if sel is not None else None
        if sel is None or doc is None or sel.empty:
            return None
        start, end = trimmed(doc.body, sel.start, sel.end)
        return make_anchor(doc.id, doc.body, start, end) if start < end else None

    @on(ContextPane.Follow)
    async def _follow(self, event: ContextPane.Follow) -> None:
        self.reader.history.push(self.location())
        await self.open_split(event.doc_id, event.start, event.end)

    # ----------------------------------------------------------------- actions
    def sync_context(self) -> None:
        """Bring the context pane up to date with the active view's cursor now."""
        view = self.active
        self.context.show(view.marks, *view.cursor_info())

    def action_follow(self, number: int) -> None:
        """Follow row ``number`` of the context pane."""
        self.sync_context()
        if not self.context.follow(number):
            self.notify(f"No row {number} in the context pane", timeout=2)

    def action_follow_first(self) -> None:
        """Follow the first related passage (or concordance row) of the cursor."""
        self.sync_context()
        if not self.context.follow_first():
            self.notify("Nothing to follow here: no related passage or term", timeout=2)

    def action_switch_pane(self) -> None:
        """Cycle focus: main view, split view, the context pane's list."""
        order: list[DocumentView | OptionList] = list(self.views())
        jumps = self.context.shown_jumps()
        if jumps is not None and not self.has_class("-no-context"):
            order.append(jumps)
        focused = self.focused
        index = order.index(focused) if focused in order else -1
        order[(index + 1) % len(order)].focus()

    def action_window_prefix(self) -> None:
        """ctrl+w: switch pane now; a following ``w`` (vim's ctrl+w w) is absorbed."""
        self.action_switch_pane()
        self._prefix = True
        self.set_timer(1.5, self._clear_prefix)

    def _clear_prefix(self) -> None:
        self._prefix = False

    async def action_close_split(self) -> None:
        """Close the second view."""
        if self._prefix:
            self._prefix = False
            return
        split = self.split
        if split is None:
            self.notify("No split view open", timeout=2)
            return
        self._last_view = self.main
        await split.remove()
        self.main.focus()

    def action_toggle_context(self) -> None:
        """Show or hide the context pane."""
        self.toggle_class("-no-context")

    def action_export(self) -> None:
        """Ask where, then write the open document as annotated Markdown."""
        self.reader.export_document(self.active.position()[0])

    def action_search(self) -> None:
        """Ask for text to find in this document; n/N then move between matches."""
        self.tools.search()

    def action_corpus_search(self) -> None:
        """Search the whole corpus; the chosen hit opens in the split view."""
        self.reader.corpus_search()

    def action_outline(self) -> None:
        """Headings and speaker turns of the active document; enter jumps there."""
        self.tools.outline()

    def action_variants(self) -> None:
        """Every rendering of the term under the cursor, by document and date."""
        self.tools.variants()

    def action_library(self) -> None:
        """Back to the list of documents; first, end a filter of the passages shown."""
        view = self.active
        if view.only_blocks is not None:
            self.action_filter()
        elif view.only_speaker is not None:
            view.action_speaker_filter()
        else:
            self.reader.show_library()

    def action_dictionary(self) -> None:
        """Look up the selection, the word at the cursor, or what is typed (``d``)."""
        from nda_reader.ui.dialogs.dictionary_form import open_dictionary

        open_dictionary(self.reader, self.active)

    def action_parallel(self) -> None:
        """The text beside its counterpart in another language (``P``)."""
        from nda_reader.ui.screens.parallel import open_parallel

        open_parallel(self)

    # ----------------------------------------------- zoom, filter, marks, copy
    def action_zoom_context(self) -> None:
        """The context pane at full size (its list focused), or back."""
        self.tools.zoom_context()

    def action_zoom_view(self) -> None:
        """The focused text at full size, or back."""
        self.tools.zoom_view()

    def action_filter(self) -> None:
        """``&``: show only the passages with a term or text (again: show all)."""
        self.tools.filter()

    def action_mark(self) -> None:
        """``m`` + a letter: remember the cursor's place under that letter."""
        self.tools.set_mark()

    def action_go_mark(self) -> None:
        """``'`` + a letter: back to that mark; ``''``: back where the last jump started."""
        self.tools.go_to_mark()

    def action_copy(self) -> None:
        """Copy the term (hanzi, pinyin, English), the passage or the selection."""
        self.tools.copy()
