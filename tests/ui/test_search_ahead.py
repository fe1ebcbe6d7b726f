"""Corpus search looks up the documents a query may be in while it is typed.

When typing pauses, the corpus index is asked which documents may hold the query; Enter
starts the search from them instead of asking again. The answer is used only for the
same query on the same corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.reading import search
from nda_reader.reading.search import search_corpus
from nda_reader.ui.corpus_search import SearchAhead
from nda_reader.ui.factory import create_app
from nda_reader.ui.screens import search_results
from nda_reader.ui.screens.library import LibraryScreen
from nda_reader.ui.screens.search_results import SearchResultsScreen
from tests.helpers.annotating import copy_corpus, type_text
from tests.helpers.pilot import until

QUERY = "the work report"


def _spy(monkeypatch: pytest.MonkeyPatch, module: Any, calls: list[str]) -> None:
    """Record each query ``module`` asks the documents of."""
    real = search.documents_to_search

    def spy(corpus: Corpus, query: str) -> list[Document]:
        calls.append(query)
        return real(corpus, query)

    monkeypatch.setattr(module, "documents_to_search", spy)


async def test_enter_searches_the_documents_found_while_typing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_corpus(tmp_path).absolute()
    app = create_app(root, config_dir=tmp_path / "config", cache_dir=tmp_path / "cache")
    typing: list[str] = []
    searching: list[str] = []
    _spy(monkeypatch, search, typing)  # imported by the look-up as typing pauses
    _spy(monkeypatch, search_results, searching)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await until(pilot, lambda: app.corpus.occurrences.complete)
        await pilot.press("f")
        await type_text(pilot, QUERY)
        await until(pilot, lambda: typing == [QUERY])
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SearchResultsScreen))
        results = app.screen
        assert isinstance(results, SearchResultsScreen)
        await until(pilot, lambda: not results.counting)
        assert searching == []  # not asked again
        found = [(h.doc_id, h.start, h.end) for h in results.hits]
        want = [(h.doc_id, h.start, h.end) for h in search_corpus(app.corpus, QUERY)]
        assert found == want and found


class _App:
    """What a :class:`SearchAhead` uses of the app: its corpus and timers (run at once)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def set_timer(self, delay: float, callback: Any) -> None:
        callback()


def test_documents_looked_up_serve_only_the_same_query_on_the_same_corpus(
    tmp_path: Path,
) -> None:
    from nda_reader.corpus.loader import load_corpus

    root = copy_corpus(tmp_path)
    corpus = load_corpus(root)
    ahead = SearchAhead(_App(corpus))  # type: ignore[arg-type]
    assert ahead.documents(corpus, QUERY) is None  # nothing typed yet
    ahead.typed(QUERY)
    found = ahead.documents(corpus, QUERY)
    assert found == search.documents_to_search(corpus, QUERY)
    assert ahead.documents(corpus, QUERY + "s") is None
    assert ahead.documents(load_corpus(root), QUERY) is None  # reloaded since
    ahead.typed("   ")  # no query: nothing looked up, the last answer kept for its query
    assert ahead.documents(corpus, QUERY) == found


class _Timer:
    """A timer that waits until told (see :class:`_WaitingApp`)."""

    def __init__(self, callback: Any) -> None:
        self.callback = callback
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class _WaitingApp(_App):
    """An app whose timers never fire by themselves."""

    def set_timer(self, delay: float, callback: Any) -> _Timer:  # type: ignore[override]
        self.timer = _Timer(callback)
        return self.timer


def test_a_look_up_still_waiting_when_the_query_is_given_is_not_made(tmp_path: Path) -> None:
    """Enter (or escape) before typing paused: the search asks the index itself, and the
    look-up waiting for the pause is dropped, not made afterwards for nothing."""
    from nda_reader.corpus.loader import load_corpus

    app = _WaitingApp(load_corpus(copy_corpus(tmp_path)))
    ahead = SearchAhead(app)  # type: ignore[arg-type]
    ahead.typed(QUERY)
    ahead.stop()
    assert app.timer.stopped
    assert ahead.documents(app.corpus, QUERY) is None


async def test_enter_before_typing_pauses_drops_the_look_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nda_reader.ui import corpus_search

    monkeypatch.setattr(corpus_search, "TYPING_PAUSE", 0.2)
    root = copy_corpus(tmp_path).absolute()
    app = create_app(root, config_dir=tmp_path / "config", cache_dir=tmp_path / "cache")
    typing: list[str] = []
    _spy(monkeypatch, search, typing)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("f")
        await type_text(pilot, QUERY)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SearchResultsScreen))
        await pilot.pause(0.4)  # past the pause the look-up waited for
        assert typing == []
