"""ParallelScreen: a text beside its counterpart in another language, pair by pair.

A reading screen with two document views, side 0 and side 1 of the text's
:class:`~nda_reader.corpus.alignments.Alignment` (side by side, stacked below
:data:`~nda_reader.ui.screens.reading.NARROW` columns), and the context pane below them.
When the cursor moves in one view, in the same frame the other view puts its cursor on the
counterpart passage and scrolls it level with the cursor's pair, both views highlight the
pair's passages, and a glossary term under the cursor lights up the same entry on the other
side (国家数据局 ↔ National Data Administration). A file of alternating Chinese and English
passages shows the same way: each view shows one language of it.

Without a stored alignment the screen shows the aligner's proposal; the first fix stores
it. Fixes (join, split, move a boundary, confirm) are saved like every annotation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.widgets import Static

from nda_reader.corpus.alignments import Alignment, orientation
from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.reload import CorpusChange
from nda_reader.editing.alignments import Fixer
from nda_reader.editing.layer_store import Edit
from nda_reader.reading.jump_history import Location
from nda_reader.reading.parallel import Parallel, level_top, one_side
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.widgets.context_pane import ContextPane
from nda_reader.ui.widgets.document_view import DocumentView
from nda_reader.ui.widgets.footer import ReaderFooter

Fix = Callable[[Fixer, int, int, int], list[Edit]]
"""Builds a fix from the fixer, the pair index, the cursor's side and its passage."""


def parallel_of(corpus: Corpus, doc: Document) -> Parallel | None:
    """The alignment of ``doc`` with its counterpart as two views: stored, implied by a
    file of alternating passages, or proposed by the aligner (None without counterpart)."""
    alignment = corpus.alignment(doc.id)
    if alignment is None:
        other = corpus.counterpart_of(doc.id)
        if other is None or other not in corpus.documents:
            return None
        from nda_reader.corpus.aligner import propose

        ids = orientation(corpus.documents, doc.id, other)
        docs = (corpus.documents[ids[0]], corpus.documents[ids[1]])
        alignment = Alignment(ids, propose(corpus, docs))
    left, right = (corpus.documents[d] for d in alignment.docs)
    if left.id == right.id:
        return Parallel(alignment, (one_side(left, alignment, 0), one_side(left, alignment, 1)))
    return Parallel(alignment, (left, right))


class ParallelScreen(ReadingScreen):
    """Two views of an alignment and the context pane; keys to fix the pairs."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (
        Scope.PARALLEL,
        Scope.READING,
        Scope.VIEW,
        Scope.SELECTING,
        Scope.CONTEXT,
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.PARALLEL)

    DEFAULT_CSS = """
    ParallelScreen #parallel-status {
        height: 1; padding: 0 1; background: $panel; color: $text-muted;
    }
    ParallelScreen #body { layout: vertical; }
    ParallelScreen ContextPane {
        width: 1fr; max-width: 100%; height: 10; border-left: none; border-top: hkey $panel;
    }
    ParallelScreen.-narrow ContextPane { display: none; }
    ParallelScreen.-narrow.-context ContextPane { display: block; height: 7; }
    """

    def __init__(self, doc: Document, parallel: Parallel, offset: int = 0) -> None:
        super().__init__(doc, offset)
        self.parallel = parallel
        ids = (parallel.sides[0].id, parallel.sides[1].id)
        self.side = 1 if ids[1] == doc.id != ids[0] else 0
        """The side of the text opened: its view gets the focus."""
        self._moves = 0
        """Cursor moves so far: a scroll that one caused is not followed by the top line."""
        self._leading = False
        """True while this screen scrolls a view itself (so it is not followed back)."""

    def compose(self) -> ComposeResult:
        """The pair line, both views, the context pane."""
        corpus = self.reader.corpus
        yield Static(id="parallel-status")
        with Container(id="body"):
            with Container(id="docs"):
                yield DocumentView(corpus, self.parallel.sides[0], id="main")
                yield DocumentView(corpus, self.parallel.sides[1], id="counterpart")
            yield ContextPane(corpus, id="context")
        yield ReaderFooter()

    def on_mount(self) -> None:
        """Both views follow each other; the view of the text opened gets the focus."""
        other = self.counterpart
        other.cursor_moved.subscribe(self, self._cursor_moved, immediate=True)
        for view, side in ((self.main, 0), (other, 1)):
            view.show_title(self._title(self.parallel.sides[side]))
            view.part_view = self._part_view(side)
        offset, self.start_offset = self.start_offset, 0
        super().on_mount()
        start = self.views()[self.side]
        if start is not self.main:
            self.call_after_refresh(start.focus)  # after the reading screen focused main
        if offset:
            start.go_to(self.parallel.sides[self.side].id, offset)
        self._keep_level(start)
        for view in self.views():
            self.watch(view, "scroll_y", self._on_scroll_of(view), init=False)

    def _part_view(self, side: int) -> Callable[[Document], Document]:
        def view(doc: Document) -> Document:
            if self.parallel.sides[0].id != self.parallel.sides[1].id:
                return doc
            return one_side(doc, self.parallel.alignment, side)

        return view

    @property
    def counterpart(self) -> DocumentView:
        """The view of side 1."""
        return self.query_one("#counterpart", DocumentView)

    def views(self) -> list[DocumentView]:
        """Side 0, side 1."""
        return [self.main, self.counterpart]

    def action_toggle_context(self) -> None:
        """Show or hide the context pane (hidden at first on narrow terminals)."""
        if self.has_class("-narrow"):
            self.toggle_class("-context")
        else:
            self.toggle_class("-no-context")

    # --------------------------------------------------------------- in step
    def _cursor_moved(self, event: DocumentView.CursorMoved) -> None:
        super()._cursor_moved(event)
        self._moves += 1
        if event.view is self.active:
            self._keep_level(self.active)

    def _on_scroll_of(self, view: DocumentView) -> Callable[[float], None]:
        return lambda _y: self._scrolled(view)

    def _scrolled(self, view: DocumentView) -> None:
        """A view scrolled: unless a cursor move scrolled it (then the cursor's pair leads),
        the other view follows, so a mouse wheel or scroll bar scrolls both in step."""
        if self._leading:
            return
        moves = self._moves

        def follow() -> None:
            if self._moves == moves:
                self._level_by_top(view)

        self.call_after_refresh(follow)

    def _level_by_top(self, view: DocumentView) -> None:
        """The other view puts the pair of the first passage that starts on ``view``'s
        screen level with it."""
        top = round(view.scroll_offset.y)
        lines = view.flow.lines[top : top + 50]
        shown = next((ln for ln in lines if ln.block >= 0 and ln.first), None)
        place = self._counterpart_place(view, shown.doc_id, shown.block) if shown else None
        if place is not None:
            with self._lead():
                self._other(view).scroll_top_to(place[1])

    def _keep_level(self, view: DocumentView) -> None:
        """The other view answers ``view``'s cursor: passage, scroll and highlights."""
        side = 0 if view is self.main else 1
        other = self._other(view)
        doc_id, block = view.current_block()
        term = view.cursor.term
        occurrences = self.reader.corpus.occurrences.in_doc(self.parallel.sides[1 - side].id)
        mine, theirs = self.parallel.echoes(
            side, block, term.entry_id if term else None, occurrences
        )
        view.show_echo(mine)
        other.show_echo(theirs)
        place = self._counterpart_place(view, doc_id, block)
        if place is not None:
            with self._lead():
                other.follow(*place)
        pair = self.parallel.pair_at(side, block)
        self._show_status(pair.index if pair else None)

    def _counterpart_place(
        self, view: DocumentView, doc_id: str, block: int
    ) -> tuple[int, int] | None:
        """For passage ``block`` of ``view``: the other view's line where its pair starts,
        and the other view's top line that puts that start level with the pair's start in
        ``view`` (None where either is not laid out, or there is no pair)."""
        side = 0 if view is self.main else 1
        pair = self.parallel.pair_at(side, block)
        start = self.parallel.counterpart_start(side, block)
        if pair is None or start is None:
            return None
        own = pair.blocks(side)
        first = self.parallel.sides[side].block_by_index(own.start) if own else None
        line = view.flow.line_at(doc_id, first.start) if first else None
        other = self._other(view)
        target = other.flow.line_at(*start)
        if line is None or target is None:
            return None
        height = max(1, other.scrollable_content_region.height)
        top = level_top(line, view.scroll_offset.y, target, len(other.flow.lines), height)
        return target, top

    def _other(self, view: DocumentView) -> DocumentView:
        """The view beside ``view``."""
        return self.counterpart if view is self.main else self.main

    @contextmanager
    def _lead(self) -> Iterator[None]:
        """While this screen scrolls a view itself (its scroll is not followed back)."""
        self._leading = True
        try:
            yield
        finally:
            self._leading = False

    def _show_status(self, index: int | None) -> None:
        alignment = self.parallel.alignment
        total = len(alignment.pairs)
        narrow = self.has_class("-narrow")
        bits = []
        if index is not None:
            pair = alignment.pairs[index]
            shape = f"{len(pair.blocks(0))}–{len(pair.blocks(1))}"
            bits.append(f"Pair {index + 1}/{total} {shape} {pair.status}")
        if not narrow:
            bits.append(f"{alignment.confirmed}/{total} confirmed")
        fixable = alignment.docs[0] != alignment.docs[1]
        if alignment.layer is None and fixable:
            bits.append("proposed by the aligner, not saved yet")
        if fixable:
            bits.append("J join B split < > boundary C confirm P back")
        self.query_one("#parallel-status", Static).update(" ⇄ " + " · ".join(bits))

    # ------------------------------------------------------------------ fixes
    def _fix(self, make: Fix) -> None:
        view = self.active
        side = 0 if view is self.main else 1
        _, block = view.current_block()
        pair = self.parallel.pair_at(side, block)
        if pair is None:
            self.notify("No pair here", timeout=2)
            return
        corpus = self.reader.corpus
        docs = (corpus.documents[self.parallel.alignment.docs[0]],
                corpus.documents[self.parallel.alignment.docs[1]])  # fmt: skip

        def edits() -> list[Edit]:
            return make(Fixer(corpus, self.parallel.alignment, docs), pair.index, side, block)

        self.reader.annotations.saver.save(edits)

    def action_join(self) -> None:
        """Join the cursor's pair with the next."""
        self._fix(lambda fixer, k, side, block: fixer.join(k))

    def action_split(self) -> None:
        """Split the cursor's pair before the cursor's passage."""
        self._fix(lambda fixer, k, side, block: fixer.split(k, side, block))

    def action_boundary(self, step: int) -> None:
        """Move the end of the cursor's pair a passage later (1) or earlier (-1)."""
        self._fix(lambda fixer, k, side, block: fixer.move(k, side, step))

    def action_confirm(self) -> None:
        """Confirm the cursor's pair, or make a confirmed one auto again."""
        self._fix(lambda fixer, k, side, block: fixer.confirm(k))

    def _corpus_changed(self, change: CorpusChange) -> None:
        doc = change.corpus.documents.get(self.parallel.alignment.docs[0])
        found = parallel_of(change.corpus, doc) if doc is not None else None
        if found is not None:
            self.parallel = found
        super()._corpus_changed(change)
        for view in self.views():
            view.invalidate()
        self._keep_level(self.active)

    # ------------------------------------------------------------- elsewhere
    def action_parallel(self) -> None:
        """Back to the reading screen, at the active view's place."""
        doc_id, offset = self.active.position()
        self.app.pop_screen()
        below = self.app.screen
        if isinstance(below, ReadingScreen):
            below.main.go_to(doc_id, offset)

    async def open_split(self, doc_id: str, start: int, end: int) -> DocumentView | None:
        """A followed link opens in the reading screen's split view, leaving this one."""
        self.app.pop_screen()
        below = self.app.screen
        if isinstance(below, ReadingScreen):
            return await below.open_split(doc_id, start, end)
        return None

    async def go(self, where: Location, end: int | None = None) -> None:
        """Put the cursor of view ``where.pane`` (0 or 1) at ``where``."""
        view = self.views()[min(where.pane, 1)]
        view.go_to(where.doc_id, where.offset, end)
        view.focus()

    async def action_close_split(self) -> None:
        """There is no split view here: ``P`` leaves the parallel view."""
        self.notify("P leaves the parallel view", timeout=2)


def open_parallel(screen: ReadingScreen) -> None:
    """Show the active view's text beside its counterpart (or say why not)."""
    view = screen.active
    doc = view.doc
    corpus = screen.reader.corpus
    parallel = parallel_of(corpus, corpus.documents.get(doc.id, doc))
    if parallel is None:
        screen.notify(
            "This text has no counterpart: name one with 'counterpart:' in its front "
            "matter (see docs/text-format.md)",
            timeout=4,
        )
        return
    screen.app.push_screen(ParallelScreen(doc, parallel, view.position()[1]))
