"""LibraryScreen: the documents of the corpus by date; a multi-part document is one row.

Only front matter is needed here: a corpus opened from its index lists its documents
without reading a single body.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.timer import Timer
from textual.widgets import Static

from nda_reader.corpus.document import Document
from nda_reader.corpus.locations import bundled_root
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.reload import CorpusChange
from nda_reader.lang.terminal_text import display_text
from nda_reader.ui.fresh_screens import FreshScreen
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.timers import after
from nda_reader.ui.widgets.footer import ReaderFooter
from nda_reader.ui.widgets.index_progress import IndexProgress
from nda_reader.ui.widgets.library_table import Column, LibraryTable
from nda_reader.ui.widgets.message_line import MessageLine

if TYPE_CHECKING:
    from nda_reader.ui.host import ReaderHost

READ_AHEAD_AFTER = 0.15
"""Seconds the highlight rests on a row before its document is read ahead."""


def library_rows(corpus: Corpus) -> list[Document]:
    """One document per row, by date: the first part stands for a multi-part document."""
    rows: list[Document] = []
    seen: set[str] = set()
    for doc in corpus.ordered_documents():
        key = doc.part_of or doc.id
        if key not in seen:
            seen.add(key)
            rows.append(corpus.parts_of(doc)[0])
    return rows


def _part_counts(corpus: Corpus) -> dict[str, int]:
    """How many parts each multi-part document has."""
    counts: dict[str, int] = {}
    for doc in corpus.documents.values():
        if doc.part_of:
            counts[doc.part_of] = counts.get(doc.part_of, 0) + 1
    return counts


def count_line(corpus: Corpus, rows: list[Document]) -> str:
    """ "5 texts in 4 documents" (a multi-part document is one document of several texts),
    or "4 documents" when each text is a document."""
    texts, docs = len(corpus.documents), len(rows)
    plural = "s" if docs != 1 else ""
    if texts == docs:
        return f"{docs} document{plural}"
    return f"{texts} text{'s' if texts != 1 else ''} in {docs} document{plural}"


def _fit(text: str, width: int) -> str:
    text = display_text(" ".join(text.split()))
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def _pair_mark(corpus: Corpus, doc: Document) -> str:
    """``⇄ zh`` for a text with a counterpart (the counterpart's language)."""
    other = corpus.documents.get(corpus.counterpart_of(doc.id) or "")
    return f"⇄ {other.language}"[:6] if other is not None else ""


class LibraryScreen(FreshScreen[None]):
    """A table of documents; enter opens one."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.LIBRARY,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.LIBRARY)

    DEFAULT_CSS = """
    LibraryScreen #library-title {
        height: 1; padding: 0 1; background: $panel; color: $text;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    LibraryScreen LibraryTable { height: 1fr; }
    LibraryScreen #library-detail {
        height: 4; padding: 0 1; color: $muted-text; border-top: hkey $panel;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Document] = []
        self._width = 0
        self._read_ahead: Timer | None = None

    @property
    def reader(self) -> ReaderHost:
        """The app, as a screen may use it."""
        return cast("ReaderHost", self.app)

    def compose(self) -> ComposeResult:
        """Title line, the table, details of the highlighted row, footer."""
        yield Static(id="library-title")
        yield LibraryTable(id="library-table")
        yield Static(id="library-detail")
        yield IndexProgress()
        yield ReaderFooter()
        yield MessageLine()  # over the footer: see its module

    def on_mount(self) -> None:
        """Fill the table."""
        self.rows = library_rows(self.reader.corpus)
        self._show_title()
        self._fill(self.app.size.width)
        self.query_one(LibraryTable).focus()
        self.reader.corpus_changed.subscribe(self, self._corpus_changed)
        self.reader.index_work.checked.subscribe(self, lambda _: self._show_title())

    def _show_title(self) -> None:
        corpus = self.reader.corpus
        if corpus.root is None:
            where = "a single file"
        elif corpus.root.resolve() == bundled_root().resolve():
            where = "bundled corpus"
        else:
            where = str(corpus.root)
        # What matters first: a long corpus path comes last, cut at the edge.
        title = f"nda-reader · {count_line(corpus, self.rows)}"
        errors = len(corpus.problems.errors)
        if corpus.checking:
            title += " · checking the annotations for problems…"
        elif errors:
            title += f" · {errors} problem{'s' if errors != 1 else ''} (press !)"
        title += f" · enter opens · A adds a text · {display_text(where)}"
        self.query_one("#library-title", Static).update(Text(title))

    def _corpus_changed(self, change: CorpusChange) -> None:
        """A text was added (or removed): list the documents again."""
        if change.texts:
            self.rows = library_rows(change.corpus)
            self._show_title()
            self._width = 0
            self._fill(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        """Re-fit the title column to the width."""
        self._fill(event.size.width)

    def _fill(self, width: int) -> None:
        if width == self._width:
            return
        self._width = width
        wide = width >= 100
        publisher_width = 22 if wide else 0
        title_width = max(16, width - 10 - 11 - 8 - publisher_width - 10)
        columns = [Column("Date", 10), Column("Kind", 10), Column("Title", title_width)]
        if wide:
            columns.append(Column("Publisher", publisher_width))
        columns.append(Column("Parts", 6))
        corpus = self.reader.corpus
        parts = _part_counts(corpus)
        rows = []
        for doc in self.rows:
            count = parts.get(doc.part_of, 1) if doc.part_of else 1
            rows.append(
                [
                    doc.date,
                    doc.kind,
                    _fit(doc.part_title or doc.title, title_width),
                    *([_fit(doc.publisher or "—", publisher_width)] if wide else []),
                    str(count) if count > 1 else _pair_mark(corpus, doc),
                ]
            )
        self.query_one(LibraryTable).set_rows(columns, rows)

    @on(LibraryTable.Highlighted)
    def _highlighted(self, event: LibraryTable.Highlighted) -> None:
        doc = self._doc_at(event.row)
        detail = self.query_one("#library-detail", Static)
        if doc is None:
            detail.update("")
            return
        text = Text(_fit(doc.part_title or doc.title, 400) + "\n")
        bits = [doc.kind, doc.date]
        if doc.published:
            bits.append(f"published {doc.published}")
        if doc.publisher:
            bits.append(doc.publisher)
        corpus = self.reader.corpus
        parts = corpus.parts_of(doc)
        if len(parts) > 1:
            bits.append(f"{len(parts)} parts")
        other = corpus.documents.get(corpus.counterpart_of(doc.id) or "")
        if other is not None:
            bits.append(f"beside its {other.language} counterpart with P")
        text.append(" · ".join(display_text(b) for b in bits))
        if doc.source:
            text.append("\n" + _fit(doc.source, 400))
        detail.update(text)
        if self._read_ahead is not None:
            self._read_ahead.stop()
        self._read_ahead = after(self, READ_AHEAD_AFTER, partial(self._read, corpus, doc))

    def _read(self, corpus: Corpus, doc: Document) -> None:
        """Read ``doc`` ahead as the highlight rests on it, once the corpus index has every
        document's terms: Enter then opens it without waiting for its text, passages and
        terms (~10 ms of a document from the index; the same work, done sooner)."""
        if corpus is self.reader.corpus and corpus.occurrences.complete:
            from nda_reader.reading.doc_index import read_ahead

            read_ahead(corpus, doc)

    def _doc_at(self, row: int) -> Document | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @on(LibraryTable.Chosen)
    def _chosen(self, event: LibraryTable.Chosen) -> None:
        event.stop()
        self.action_open()

    @property
    def table(self) -> LibraryTable:
        """The list of documents."""
        return self.query_one(LibraryTable)

    def action_move(self, step: int) -> None:
        """Move the highlighted row by ``step``."""
        self.table.move_cursor(self.table.cursor_row + step)

    def action_page(self, step: int) -> None:
        """Move the highlighted row a page down (1) or up (-1)."""
        self.table.move_cursor(self.table.cursor_row + step * self.table.page)

    def action_first(self) -> None:
        """Highlight the oldest document."""
        self.table.move_cursor(0)

    def action_last(self) -> None:
        """Highlight the newest document."""
        self.table.move_cursor(self.table.row_count - 1)

    def action_open(self) -> None:
        """Open the highlighted document."""
        doc = self._doc_at(self.table.cursor_row)
        if doc is not None:
            self.reader.open_document(doc)

    def action_add_text(self) -> None:
        """Add a text from a file or pasted text, review what was found, then open it."""
        self.reader.add_text()

    def action_corpus_search(self) -> None:
        """Search the whole corpus and open the chosen hit."""
        self.reader.corpus_search()

    def action_export(self) -> None:
        """Export the highlighted document (asks where)."""
        doc = self._doc_at(self.table.cursor_row)
        if doc is not None:
            self.reader.export_document(doc.id)
