"""Corpus search results as a keyword-in-context (KWIC) list.

A query that names a glossary entry (any form: hanzi, pinyin, English, alias) lists that
entry's occurrences first, under a term heading, then the other text matches (see
:mod:`nda_reader.reading.term_search`); the same screen shows one entry's concordance.
Matches are grouped under their document (title and date); each row shows the context
before the match right-aligned, the match highlighted and the context after, so that the
matches line up in one column. The first nine rows in view carry the digits 1-9: pressing
a digit opens that row at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import groupby
from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import Corpus
from nda_reader.reading.kwic import fit_left, fit_right
from nda_reader.reading.search import Hit, compile_query, documents_to_search, hits_in
from nda_reader.reading.term_search import CorpusSearch, TermHits, search_with_terms, term_hits
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.timers import after
from nda_reader.ui.widgets.reader_list import ReaderList

Target = tuple[str, int, int]
"""Where to go: (document id, start offset, end offset) in the document's body."""

Heading = tuple[str, str, int]
"""A heading row: ``("term", entry id, hits)``, ``("text", "", hits)`` or ``("doc", doc id,
0)``."""

MAX_HITS = 5000
"""At most this many matches are listed (the count still says how many there are)."""

FIRST_ROWS = 40
"""Rows (matches and their documents' headings) found before the list is shown: a screen
at 40 lines, unless that takes longer than :data:`FIRST_WAIT`; the rest are found while it
is on screen."""

FIRST_WAIT = 0.01
"""Seconds spent finding the first text matches, once one is found."""

_CONTEXT = 80


class SearchResultsScreen(FreshModalScreen[Target | None]):
    """Search the whole corpus and list the matches.

    ``SearchResultsScreen(corpus, query)`` runs :func:`~nda_reader.search.search_corpus`.
    Up/down move, enter opens the highlighted match, the digits 1-9 open the n-th match
    in view; escape closes. Dismisses with ``(doc_id, start, end)`` of the chosen match
    (offsets into ``Document.body``) or ``None``.
    """

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.RESULTS, Scope.LIST)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.RESULTS)

    DEFAULT_CSS = """
    SearchResultsScreen {
        align: center middle;
    }
    SearchResultsScreen > #results-box {
        width: 96%;
        height: 90%;
        background: $surface;
        border: round $primary;
        padding: 0 1;
    }
    SearchResultsScreen #results-title {
        width: 100%;
        text-style: bold;
        color: $text;
    }
    SearchResultsScreen #results-hint {
        width: 100%;
        color: $muted-text;
    }
    SearchResultsScreen #results-list {
        height: 1fr;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    SearchResultsScreen #results-empty {
        width: 100%;
        height: 1fr;
        content-align: center middle;
        color: $muted-text;
    }
    """

    def __init__(
        self,
        corpus: Corpus,
        query: str,
        *,
        found: CorpusSearch | None = None,
        documents: list[Document] | None = None,
    ) -> None:
        """Search ``corpus`` for ``query`` (literal, case-insensitive; a glossary form also
        finds the entry's occurrences), or show what was ``found`` already.

        Args:
            corpus: The loaded corpus.
            query: The text to find; whitespace matches any run of whitespace.
            found: The results to show instead of searching (a concordance).
            documents: The documents that may hold the query, in reading order, if they
                were looked up already (else the corpus index is asked).
        """
        super().__init__()
        self.corpus = corpus
        self.query_text = query
        # The terms' occurrences now; the text matches of the documents the index names
        # (all of them without an index) from the first ones on, the rest on screen.
        self.found = found or search_with_terms(corpus, query, _CONTEXT, lambda c, q: [])
        self.is_concordance = False
        """One entry's occurrences (the title says so), not a search."""
        self.hits: list[Hit] = [h for t in self.found.terms for h in t.hits] + self.found.text
        self._rows: list[Hit | Heading] = []
        self._numbers: dict[int, int] = {}  # option index -> digit shown
        self._width = 0
        for terms in self.found.terms:
            self._rows.append(("term", terms.entry.id, len(terms.hits)))
            self._add_hits(terms.hits)
        self._add_hits(self.found.text)
        self._covered: dict[str, list[tuple[int, int]]] = {}
        for hit in self.hits:
            self._covered.setdefault(hit.doc_id, []).append((hit.start, hit.end))
        self._pattern = compile_query(query) if found is None else None
        if self._pattern is None:
            self._todo: list[Document] = []
        else:
            self._todo = documents if documents is not None else documents_to_search(corpus, query)
        self._todo.reverse()  # popped from the end, in reading order
        self._text_heading = -1  # the row of the "Text" heading, once there is one
        deadline = time.perf_counter() + FIRST_WAIT
        self._find(
            lambda: (
                len(self._rows) >= FIRST_ROWS
                or (bool(self.found.text) and time.perf_counter() > deadline)
            )
        )

    @property
    def counting(self) -> bool:
        """True while text matches are still being found in the remaining documents."""
        return bool(self._todo)

    def _find(self, enough: Callable[[], bool]) -> int:
        """Find the text matches of the next documents until ``enough()``; returns how
        many rows were added."""
        added = len(self._rows)
        while self._todo and not enough():
            doc = self._todo.pop()
            assert self._pattern is not None
            spans = self._covered.get(doc.id, ())
            found = [
                hit
                for hit in hits_in(doc, self._pattern, _CONTEXT)
                if not any(s <= hit.start and hit.end <= e for s, e in spans)
            ]
            if found and self.found.terms and self._text_heading < 0:
                self._text_heading = len(self._rows)
                self._rows.append(("text", "", 0))
            self.found.text.extend(found)
            self.hits.extend(found)
            self._add_hits(found)
        return len(self._rows) - added

    @classmethod
    def concordance(cls, corpus: Corpus, entry: GlossaryEntry) -> SearchResultsScreen:
        """Every occurrence of ``entry``, under every form it has."""
        found = CorpusSearch(entry.english, [TermHits(entry, term_hits(corpus, entry, _CONTEXT))])
        screen = cls(corpus, entry.english, found=found)
        screen.is_concordance = True
        return screen

    def _add_hits(self, hits: list[Hit]) -> None:
        """``hits`` under a heading per document (the heading counts that group's hits)."""
        room = max(0, MAX_HITS - sum(isinstance(r, Hit) for r in self._rows))
        for doc_id, group in groupby(hits[:room], key=lambda hit: hit.doc_id):
            items = list(group)
            self._rows.append(("doc", doc_id, len(items)))
            self._rows.extend(items)

    def compose(self) -> ComposeResult:
        """Title with the count, the list (or a 'no matches' note) and a key hint."""
        with Vertical(id="results-box"):
            yield Label(self.summary(), id="results-title", markup=False)
            if self.hits:
                yield ReaderList(id="results-list")
                yield Label(
                    "↑↓ move · enter open · 1-9 open match in view · esc close",
                    id="results-hint",
                    markup=False,
                )
            else:
                yield Label(
                    f"No matches for “{self.query_text.strip()}”.", id="results-empty", markup=False
                )
                yield Label("esc close", id="results-hint", markup=False)

    def summary(self) -> str:
        """The title line: how many matches in how many documents (term hits first)."""
        query = self.query_text.strip()
        if not self.hits:
            return f"No matches for “{query}”"
        n, docs = len(self.hits), len({h.doc_id for h in self.hits})
        where = f"in {docs} document{'s' if docs != 1 else ''}"
        terms, text = self.found.terms, len(self.found.text)
        if self.is_concordance:
            return f"{terms[0].entry.english}: {n} occurrence{'s' if n != 1 else ''} {where}"
        if terms:
            names = " and ".join(t.entry.english for t in terms)
            found = sum(len(t.hits) for t in terms)
            summary = f"“{query}” is the term {names}: {found} occurrences, every form"
            if text:
                summary += f"; {text} other match{'es' if text != 1 else ''} in the text"
            summary += f" ({where})"
        else:
            summary = f"{n} match{'es' if n != 1 else ''} for “{query}” {where}"
        if self.counting:
            summary += " so far, searching…"
        elif n > MAX_HITS:
            summary += f" (showing the first {MAX_HITS})"
        return summary

    def on_mount(self) -> None:
        """Fill the list and highlight the first match."""
        if not self.hits:
            return
        options = self.query_one(OptionList)
        # The first screen's rows now, the others once it is painted (a concordance has
        # hundreds, each fitted to the width).
        first = self.app.size.height
        options.add_options(self._build_options(self.app.size.width - 8, first))
        options.highlighted = next(i for i, r in enumerate(self._rows) if isinstance(r, Hit))
        options.focus()
        self.watch(options, "scroll_y", self._renumber, init=False)
        if len(self._rows) > first:
            self.call_after_refresh(self._add_options, first, len(self._rows))
        self.call_after_refresh(self._fit)
        if self.counting:  # once the first matches are on screen
            self.call_after_refresh(after, self, 0.001, self._find_more)

    def _find_more(self) -> None:
        """Find the text matches of a few more documents and list them (between keys)."""
        start = len(self._rows)
        deadline = time.perf_counter() + 0.008
        options = self.query_one(OptionList)
        if self._find(lambda: time.perf_counter() > deadline):
            self._add_options(start, len(self._rows))
        if 0 <= self._text_heading < start:  # its count has grown
            heading = self._rows[self._text_heading]
            assert not isinstance(heading, Hit)
            options.replace_option_prompt_at_index(self._text_heading, self._heading(heading))
        self.query_one("#results-title", Label).update(self.summary())
        if self.counting:
            after(self, 0.001, self._find_more)

    def on_resize(self, event: Resize) -> None:
        """Re-align the rows to the new width once the layout is done."""
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        if not self.hits:
            return
        options = self.query_one(OptionList)
        width = options.scrollable_content_region.width
        if width and width != self._width:
            highlighted = options.highlighted
            options.set_options(self._build_options(width))
            options.highlighted = highlighted
            self._numbers = {}
        self._renumber()

    def _build_options(self, width: int, upto: int | None = None) -> list[Option]:
        """The options of the rows (the first ``upto``), fitted to ``width``."""
        self._width = width
        return [self._option(row) for row in self._rows[:upto]]

    def _add_options(self, start: int, stop: int) -> None:
        """List rows ``start`` to ``stop`` (found or built after the list was shown)."""
        self.query_one(OptionList).add_options(map(self._option, self._rows[start:stop]))

    def _option(self, row: Hit | Heading) -> Option:
        """A row as an option: a heading cannot be chosen."""
        return Option(self._prompt(row, None), disabled=not isinstance(row, Hit))

    def _prompt(self, row: Hit | Heading, number: int | None) -> Content:
        """One row: a heading, or a numbered KWIC line."""
        if not isinstance(row, Hit):
            return self._heading(row)
        width = max(self._width, 40) - 3
        match = fit_right(row.match, max(8, width // 2))
        side = max(4, (width - cell_len(match) - 2) // 2)
        before = fit_left(row.before, side)
        after = fit_right(row.after, max(0, width - side - cell_len(match) - 2))
        label = f"{number} " if number is not None else "  "
        return Content.assemble(
            (label, "bold $accent"),
            (before, "$muted-text"),
            " ",
            (match, "bold $foreground on $match-highlight"),
            " ",
            after,
        )

    def _heading(self, row: Heading) -> Content:
        kind, ident, count = row
        if kind == "term":
            entry = self.corpus.glossary.get(ident)
            name = f"{entry.english}  {entry.hanzi}  {entry.pinyin}" if entry else ident
            return Content.assemble(
                ("Term  ", "bold $accent"),
                (name, "bold $text"),
                (f"  · {count} occurrence{'s' if count != 1 else ''}, every form", "$muted-text"),
            )
        if kind == "text":
            count = len(self.found.text)  # so far, while the search goes on
            return Content.assemble(
                ("Text  ", "bold $accent"),
                (f"{count} other match{'es' if count != 1 else ''}", "$muted-text"),
            )
        doc = self.corpus.documents[ident]
        return Content.assemble(
            (f"{doc.date}  ", "$muted-text"),
            (doc.title, "bold $primary"),
            (f"  · {count} match{'es' if count != 1 else ''}", "$muted-text"),
        )

    def visible_hit_rows(self) -> list[int]:
        """Option indices of the matches currently in view, top to bottom."""
        options = self.query_one(OptionList)
        top = round(options.scroll_y)
        height = options.scrollable_content_region.height
        return [
            i
            for i in range(top, min(top + height, len(self._rows)))
            if isinstance(self._rows[i], Hit)
        ]

    def _renumber(self) -> None:
        """Show the digits 1-9 beside the first nine matches in view."""
        options = self.query_one(OptionList)
        wanted = {index: n for n, index in enumerate(self.visible_hit_rows()[:9], 1)}
        if wanted == self._numbers:
            return
        for index in set(self._numbers) | set(wanted):
            if self._numbers.get(index) != wanted.get(index):
                options.replace_option_prompt_at_index(
                    index, self._prompt(self._rows[index], wanted.get(index))
                )
        self._numbers = wanted

    def target_of(self, index: int) -> Target | None:
        """The target of option ``index``, or None for a heading."""
        row = self._rows[index]
        return (row.doc_id, row.start, row.end) if isinstance(row, Hit) else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.target_of(event.option_index)
        if target is not None:
            self.dismiss(target)

    def action_pick(self, number: int) -> None:
        """Open the ``number``-th match in view (1-based)."""
        if not self.hits:
            return
        rows = self.visible_hit_rows()
        if 1 <= number <= len(rows):
            target = self.target_of(rows[number - 1])
            if target is not None:
                self.dismiss(target)
        else:
            self.notify(f"Only {len(rows)} matches in view", severity="warning", timeout=2)

    def action_close(self) -> None:
        """Close without choosing a match."""
        self.dismiss(None)
