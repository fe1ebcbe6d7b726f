"""Timers that must fire: a big text's layout and a corpus search's counting go on a step
per one-millisecond timer, and a step lost stops them for good."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import _time
from textual.app import App

from nda_reader.corpus.loader import load_corpus
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.screens.search_results import SearchResultsScreen
from nda_reader.ui.timers import after
from tests.helpers.corpora import MakeCorpus, text_file
from tests.helpers.pilot import screen_text, until
from tests.ui.test_aux_screens import ScreenHost
from tests.ui.test_big_document import _big_app


@pytest.fixture
def late_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Textual's clock as a loaded machine sees it: 10 ms pass between any two looks (as
    when the process is preempted or a collection runs between them)."""
    real = _time.get_time
    looks = [0]

    def late() -> float:
        looks[0] += 1
        return real() + looks[0] * 0.010

    monkeypatch.setattr(_time, "get_time", late)
    yield


async def test_a_timer_late_to_start_still_fires(late_clock: None) -> None:
    fired: list[str] = []
    app: App[None] = App()
    async with app.run_test() as pilot:
        app.set_timer(0.001, lambda: fired.append("set_timer"))  # Textual's: skipped
        after(app, 0.001, lambda: fired.append("after"))
        await until(pilot, lambda: "after" in fired)
        await pilot.pause(0.05)
    assert fired == ["after"]


async def test_a_stopped_timer_does_not_fire() -> None:
    fired: list[str] = []
    app: App[None] = App()
    async with app.run_test() as pilot:
        after(app, 0.02, lambda: fired.append("stopped")).stop()
        after(app, 0.05, lambda: fired.append("kept"))
        await until(pilot, lambda: "kept" in fired)
    assert fired == ["kept"]


async def test_a_big_text_is_laid_out_to_its_end_on_a_late_clock(
    late_clock: None, make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, body = _big_app(make_corpus, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen.main
        await until(pilot, lambda: view.flow.complete, timeout=20)
        last = view.flow.lines[-1]
        assert body.rstrip().endswith(view.doc.body[last.start : last.end])


async def test_corpus_search_counts_to_the_end_on_a_late_clock(
    late_clock: None, make_corpus: MakeCorpus
) -> None:
    body = "The market grew. " * 30  # our own words
    texts: dict[str, str | bytes] = {
        f"texts/t{i:02d}.md": text_file(f"t{i:02d}", body, date=f"2024-01-{i:02d}")
        for i in range(1, 21)
    }
    corpus = load_corpus(make_corpus(texts))
    app = ScreenHost()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = SearchResultsScreen(corpus, "market")
        assert screen.counting  # the first documents only
        app.open(screen)
        await until(pilot, lambda: not screen.counting, timeout=20)
        assert "600 matches for “market” in 20 documents" in screen_text(app)
