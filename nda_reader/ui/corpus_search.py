"""``f``: ask for a corpus search, then list its hits (glossary forms find their term).

The query is kept for the next ``f``; while it is typed, the index work reads ahead what
the search needs, and when typing pauses the documents the query may be in are looked up
(:class:`SearchAhead`), so that Enter starts from them. The chosen hit is shown by the app
(:meth:`ReaderApp.show_target`).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.timer import Timer

    from nda_reader.corpus.document import Document
    from nda_reader.corpus.model import Corpus
    from nda_reader.ui.app import ReaderApp

PROMPT = "Search the whole corpus (text, or a term in any form: 国家数据局, Guojia Shujuju, NDA)"

TYPING_PAUSE = 0.05
"""Seconds typing pauses before the documents the query may be in are looked up."""


class SearchAhead:
    """The documents a corpus search may look in, looked up while its query is typed
    (the corpus index's candidates: ~8 ms of the search on 1,000 documents)."""

    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        self._timer: Timer | None = None
        self._found: tuple[Corpus, str, list[Document]] | None = None

    def typed(self, query: str) -> None:
        """The query now reads ``query``: look its documents up once typing pauses."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(TYPING_PAUSE, partial(self._look_up, query))

    def _look_up(self, query: str) -> None:
        from nda_reader.reading.search import compile_query, documents_to_search

        corpus = self.app.corpus
        if compile_query(query) is not None:
            self._found = (corpus, query, documents_to_search(corpus, query))

    def stop(self) -> None:
        """The query is asked no more (Enter or escape): a look-up not made yet is not."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def documents(self, corpus: Corpus, query: str) -> list[Document] | None:
        """The documents looked up for ``query`` in ``corpus`` (None: not looked up, or
        for another query or an earlier state of the corpus)."""
        found = self._found
        if found is None or found[0] is not corpus or found[1] != query:
            return None
        return list(found[2])


def ask_corpus_search(app: ReaderApp) -> None:
    """Ask for the query (the last one offered again), then push the results screen."""
    from nda_reader.ui.dialogs.search_input import SearchInput
    from nda_reader.ui.screens.search_results import SearchResultsScreen

    ahead = SearchAhead(app)

    def asked(query: str | None) -> None:
        ahead.stop()
        if query and query.strip():
            app.last_corpus_query = query
            documents = ahead.documents(app.corpus, query)
            app.push_screen(
                SearchResultsScreen(app.corpus, query, documents=documents), app.show_target
            )

    app.index_work.prefetch_search(app.corpus)  # read while the query is typed
    app.push_screen(SearchInput(PROMPT, app.last_corpus_query, on_change=ahead.typed), asked)
