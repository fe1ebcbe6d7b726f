"""Corpus search results as a keyword-in-context (KWIC) list.

Matches are grouped under their document (title and date); each row shows the context
before the match right-aligned, the match highlighted and the context after, so that the
matches line up in one column. The first nine rows in view carry the digits 1-9: pressing
a digit opens that row at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from nda_reader.corpus.model import Corpus
from nda_reader.reading.search import Hit, compile_query, documents_to_search, hits_in
from nda_reader.ui.keys import Scope, bindings_for

Target = tuple[str, int, int]
"""Where to go: (document id, start offset, end offset) in the document's body."""

MAX_HITS = 5000
"""At most this many matches are listed (the count still says how many there are)."""

FIRST_HITS = 60
"""Matches found before the list is shown (more than a screen of rows, unless that takes
longer than :data:`FIRST_WAIT`); the rest are found while it is on screen."""

FIRST_WAIT = 0.03
"""Seconds spent finding the first matches, once one is found."""

_CONTEXT = 80


def fit_left(text: str, cells: int) -> str:
    """The end of ``text`` that fits in ``cells`` cells, padded on the left to exactly that."""
    out: list[str] = []
    used = 0
    for ch in reversed(text):
        w = cell_len(ch)
        if used + w > cells:
            break
        out.append(ch)
        used += w
    return " " * (cells - used) + "".join(reversed(out))


def fit_right(text: str, cells: int) -> str:
    """The start of ``text`` that fits in ``cells`` cells (not padded)."""
    used = 0
    for i, ch in enumerate(text):
        used += cell_len(ch)
        if used > cells:
            return text[:i]
    return text


class SearchResultsScreen(ModalScreen[Target | None]):
    """Search the whole corpus and list the matches.

    ``SearchResultsScreen(corpus, query)`` runs :func:`~nda_reader.search.search_corpus`.
    Up/down move, enter opens the highlighted match, the digits 1-9 open the n-th match
    in view; escape closes. Dismisses with ``(doc_id, start, end)`` of the chosen match
    (offsets into ``Document.body``) or ``None``.
    """

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.RESULTS,)
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

    def __init__(self, corpus: Corpus, query: str) -> None:
        """Search ``corpus`` for ``query`` (literal, case-insensitive).

        Args:
            corpus: The loaded corpus.
            query: The text to find; whitespace matches any run of whitespace.
        """
        super().__init__()
        self.corpus = corpus
        self.query_text = query
        self.hits: list[Hit] = []
        self._pattern = compile_query(query)
        # The documents the index says hold the query (all of them without an index).
        self._todo = documents_to_search(corpus, query) if self._pattern is not None else []
        self._todo.reverse()  # popped from the end, in reading order
        self._rows: list[Hit | str] = []  # a Hit, or the id of the document it heads
        self._per_doc: dict[str, int] = {}  # matches in each document
        self._numbers: dict[int, int] = {}  # option index -> digit shown
        self._width = 0
        deadline = time.perf_counter() + FIRST_WAIT
        self._find(
            lambda: (
                len(self.hits) >= FIRST_HITS or (bool(self.hits) and time.perf_counter() > deadline)
            )
        )

    @property
    def counting(self) -> bool:
        """True while matches are still being found in the remaining documents."""
        return bool(self._todo)

    def _find(self, enough: Callable[[], bool]) -> int:
        """Find the matches of the next documents until ``enough()``; returns how many
        rows were added."""
        added = len(self._rows)
        assert self._pattern is not None or not self._todo
        while self._todo and not enough():
            doc = self._todo.pop()
            found = hits_in(doc, self._pattern, _CONTEXT) if self._pattern else []
            listed = found[: max(0, MAX_HITS - len(self.hits))]
            self.hits.extend(found)
            if found:
                self._per_doc[doc.id] = len(found)
            if listed:
                self._rows.append(doc.id)
                self._rows.extend(listed)
        return len(self._rows) - added

    def compose(self) -> ComposeResult:
        """Title with the count, the list (or a 'no matches' note) and a key hint."""
        with Vertical(id="results-box"):
            yield Label(self.summary(), id="results-title", markup=False)
            if self.hits:
                yield OptionList(id="results-list")
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
        """The title line: how many matches in how many documents."""
        query = self.query_text.strip()
        if not self.hits:
            return f"No matches for “{query}”"
        docs = len(self._per_doc)
        n = len(self.hits)
        text = (
            f"{n} match{'es' if n != 1 else ''} for “{query}” "
            f"in {docs} document{'s' if docs != 1 else ''}"
        )
        if self.counting:
            text += " so far, searching…"
        elif n > MAX_HITS:
            text += f" (showing the first {MAX_HITS})"
        return text

    def on_mount(self) -> None:
        """Fill the list and highlight the first match."""
        if not self.hits:
            return
        options = self.query_one(OptionList)
        options.add_options(self._build_options(self.app.size.width - 8))
        options.highlighted = next(i for i, r in enumerate(self._rows) if isinstance(r, Hit))
        options.focus()
        self.watch(options, "scroll_y", self._renumber, init=False)
        self.call_after_refresh(self._fit)
        if self.counting:
            self.set_timer(0.001, self._find_more)

    def _find_more(self) -> None:
        """Find the matches of a few more documents and list them (between keys)."""
        start = len(self._rows)
        deadline = time.perf_counter() + 0.008
        if self._find(lambda: time.perf_counter() > deadline):
            options = self.query_one(OptionList)
            options.add_options(
                Option(self._prompt(row, None), disabled=isinstance(row, str))
                for row in self._rows[start:]
            )
        self.query_one("#results-title", Label).update(self.summary())
        if self.counting:
            self.set_timer(0.001, self._find_more)

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

    def _build_options(self, width: int) -> list[Option]:
        self._width = width
        return [
            Option(self._prompt(row, None), disabled=isinstance(row, str)) for row in self._rows
        ]

    def _prompt(self, row: Hit | str, number: int | None) -> Content:
        """One row: a document heading, or a numbered KWIC line."""
        if isinstance(row, str):
            doc = self.corpus.documents[row]
            count = self._per_doc.get(row, 0)
            return Content.assemble(
                (f"{doc.date}  ", "$muted-text"),
                (doc.title, "bold $primary"),
                (f"  · {count} match{'es' if count != 1 else ''}", "$muted-text"),
            )
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
