"""Start-up: the first screen, its styles parsed once, the garbage collector the command
line pauses for it, and the styles of the next screens, parsed after the first paint."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

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


async def test_the_library_takes_the_place_of_a_document_given_on_the_command_line(
    tmp_path: Path,
) -> None:
    """The document given is the first screen; the library, once asked for, is the only
    screen beneath the documents opened from it (no stale reading screen below it)."""
    app = make_app(tmp_path, REPO / "texts" / "national-data-work-meeting-2025.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [ReadingScreen]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert [type(s) for s in app.screen_stack] == [LibraryScreen]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        assert [type(s) for s in app.screen_stack] == [LibraryScreen, ReadingScreen]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert [type(s) for s in app.screen_stack] == [LibraryScreen]


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


@pytest.mark.parametrize("document", [True, False], ids=["reading screen", "library"])
async def test_the_first_screen_parses_its_styles_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, document: bool
) -> None:
    """The first screen's styles are parsed in one go before it is mounted: each new class
    mounted would parse the whole stylesheet again (six times, ~45 ms before the first
    paint). A widget added to the screen belongs in ``warm_styles.first_screen``."""
    parse, batches = Stylesheet.parse, []
    seen: set[str] = set()

    def parse_noting_what_is_new(stylesheet: Stylesheet) -> None:
        names = {name for _, name in stylesheet.source}
        batches.append(names - seen)
        seen.update(names)
        parse(stylesheet)

    path = REPO / "texts" / "national-data-work-meeting-2025.md" if document else None
    app = make_app(tmp_path, path)
    first = ReadingScreen if document else LibraryScreen
    monkeypatch.setattr(Stylesheet, "parse", parse_noting_what_is_new)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, first) and app.screen.is_mounted)
        mounted = {type(node) for node in app.screen.walk_children()} | {first}
        own = {
            f"{cls.__name__}.DEFAULT_CSS"
            for node_type in mounted
            for cls in node_type.__mro__
            if "DEFAULT_CSS" in vars(cls) and cls.__name__ not in ("Screen", "Widget", "DOMNode")
        }
        assert len(own) > 5
        assert any(own <= batch for batch in batches), [own - b for b in batches if b & own]


def _sources(app: ReaderApp) -> set[str]:
    return {name for _, name in app.stylesheet.source}
