"""``f``: ask for a corpus search, then list its hits (glossary forms find their term).

The query is kept for the next ``f``; while it is typed, the index work reads ahead what
the search needs. The chosen hit is shown by the app (:meth:`ReaderApp.show_target`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nda_reader.ui.app import ReaderApp

PROMPT = "Search the whole corpus (text, or a term in any form: 国家数据局, Guojia Shujuju, NDA)"


def ask_corpus_search(app: ReaderApp) -> None:
    """Ask for the query (the last one offered again), then push the results screen."""
    from nda_reader.ui.dialogs.search_input import SearchInput
    from nda_reader.ui.screens.search_results import SearchResultsScreen

    def asked(query: str | None) -> None:
        if query and query.strip():
            app.last_corpus_query = query
            app.push_screen(SearchResultsScreen(app.corpus, query), app.show_target)

    app.index_work.prefetch_search(app.corpus)  # read while the query is typed
    app.push_screen(SearchInput(PROMPT, app.last_corpus_query), asked)
