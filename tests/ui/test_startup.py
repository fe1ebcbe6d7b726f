"""Start-up: the first screen, and the garbage collector the command line pauses for it."""

from __future__ import annotations

import gc
from pathlib import Path

from nda_reader.ui.screens.library import LibraryScreen
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.corpora import REPO
from tests.helpers.pilot import make_app


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
