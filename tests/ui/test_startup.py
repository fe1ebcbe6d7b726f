"""Start-up: the first screen, the garbage collector the command line pauses for it, and
the styles of the next screens, parsed after the first paint."""

from __future__ import annotations

import gc
from pathlib import Path

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.screens.library import LibraryScreen
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.corpora import REPO
from tests.helpers.pilot import make_app, until


async def test_a_document_given_on_the_command_line_opens_without_the_library(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, REPO / "texts" / "national-data-work-meeting-2025.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.main.doc.id == "national-data-work-meeting-2025"
        assert not any(isinstance(s, LibraryScreen) for s in app.screen_stack)


async def test_collection_paused_for_start_up_resumes_after_the_first_paint(
    tmp_path: Path,
) -> None:
    gc.disable()  # as cli.run_reader does
    try:
        app = make_app(tmp_path, REPO / "texts" / "national-data-work-meeting-2025.md")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ReadingScreen)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects are out of its way
    finally:
        gc.unfreeze()
        gc.enable()


async def test_styles_of_the_reading_and_search_screens_are_ready_before_they_open(
    tmp_path: Path,
) -> None:
    """After the library's first paint the reader parses the styles of the screens opened
    next, so opening a document adds no style of its own to parse (and looks the same)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await until(pilot, lambda: "ReadingScreen.DEFAULT_CSS" in _sources(app))
        before = _sources(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        await pilot.pause()
        assert _sources(app) == before
        await pilot.press("escape", "f", *"data", "enter")
        await until(pilot, lambda: type(app.screen).__name__ == "SearchResultsScreen")
        assert _sources(app) == before


def _sources(app: ReaderApp) -> set[str]:
    return {name for _, name in app.stylesheet.source}
