"""On a first launch the library is shown before the anchors are checked: it says the
check is under way, then gives the count of problems (and the reader tells of them)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from nda_reader.corpus.loader import load_corpus
from nda_reader.index.open import CorpusIndex
from nda_reader.ui.factory import create_app
from nda_reader.ui.screens.library import LibraryScreen
from tests.helpers.annotating import copy_corpus
from tests.helpers.pilot import until
from tests.unit.index.test_first_launch import ORPHANS


async def test_the_library_says_it_is_checking_then_counts_the_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_corpus(tmp_path).absolute()
    (root / "annotations" / "orphans.yaml").write_text(ORPHANS, encoding="utf-8")
    gate = threading.Event()
    check = CorpusIndex.check

    def held(index: CorpusIndex, *args: object) -> bool:
        gate.wait(60)
        return check(index, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(CorpusIndex, "check", held)
    app = create_app(root, config_dir=tmp_path / "config", cache_dir=tmp_path / "cache")
    assert app.corpus.checking
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))

        def title() -> str:
            return str(app.screen.query_one("#library-title", Static).render())

        assert "checking the annotations for problems…" in title()
        assert "problems (press !)" not in title()
        assert not list(app._notifications)
        await pilot.press("exclamation_mark")  # the problems so far, and a word about the rest
        await pilot.pause()
        assert [n.message for n in app._notifications] == [
            "The annotations are still being checked: not all problems are listed"
        ]
        await pilot.press("escape")
        app.clear_notifications()
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        gate.set()
        await until(pilot, lambda: "2 problems (press !)" in title())
        assert "checking" not in title()
        await until(pilot, lambda: bool(list(app._notifications)))
        assert [n.message for n in app._notifications] == ["2 problems — press ! to list them"]
        work = app.index_work
        await until(pilot, lambda: work._thread is not None and not work._thread.is_alive())
    assert [str(p) for p in app.corpus.problems] == [str(p) for p in load_corpus(root).problems]
