"""The context pane makes the rows of the place the next ``t`` goes to while the reader is
idle, and draws them: ``t`` then draws none of its concordance's rows in its own frame
(~6 ms of a ``t`` on the 1,000-document corpus), and shows what a pane made on the spot
shows, colours included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets.option_list import Option

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.screens.parallel import ParallelScreen
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.widgets import context_pane
from nda_reader.ui.widgets.context_pane import ContextPane
from nda_reader.ui.widgets.reader_list import ReaderList
from tests.helpers.annotating import CONFERENCE, MEETING, app_on, copy_corpus, messages, type_text
from tests.helpers.pilot import list_rows, until


async def _made_ahead(pilot: Pilot[None], app: ReaderApp) -> ReadingScreen:
    """The reading screen, once the rows of the next term's place are made."""
    await until(pilot, lambda: isinstance(app.screen, ReadingScreen))
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    await until(pilot, lambda: screen.context.made_ahead is not None)
    return screen


def _no_more_made_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on nothing is made ahead (what the next place would draw is not counted)."""
    monkeypatch.setattr(ContextPane, "prepare", lambda self: None)


def _spy_drawn_rows(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of each row any list draws from now on."""
    drawn: list[str] = []
    draw_row = ReaderList._draw_row

    def spy(self: ReaderList, option: Option, *args: Any) -> Any:
        drawn.append(str(option.prompt))
        return draw_row(self, option, *args)

    monkeypatch.setattr(ReaderList, "_draw_row", spy)
    return drawn


def _spy_steps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows each step of drawing rows ahead draws, from now on."""
    steps: list[int] = []
    drawn = _spy_drawn_rows(monkeypatch)
    draw_ahead = ReaderList.draw_ahead

    def spy(self: ReaderList, *args: Any) -> Iterator[None]:
        drawn.clear()
        for _ in draw_ahead(self, *args):
            steps.append(len(drawn))
            drawn.clear()
            yield

    monkeypatch.setattr(ReaderList, "draw_ahead", spy)
    return steps


async def _made_on_the_spot_shows_the_same(pilot: Pilot[None], app: ReaderApp) -> None:
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    shown = app.export_screenshot()
    targets = list(screen.context.targets)
    screen.context.redraw()  # everything made again, nothing taken from before
    await pilot.pause()
    assert screen.context.targets == targets
    assert app.export_screenshot() == shown


@pytest.mark.parametrize(("before", "scrolls"), [(0, False), (2, True)])
async def test_next_term_draws_none_of_its_rows_in_its_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: int, scrolls: bool
) -> None:
    """The first term's concordance fits in the pane; the third's (Beijing) does not, and
    the list's own scroll bar takes from the rows' width: both are drawn ahead right."""
    app = app_on(copy_corpus(tmp_path), MEETING, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _made_ahead(pilot, app)
        for _ in range(before):
            await pilot.press("t")
            await until(pilot, lambda: _ahead_of(screen))
        place = screen.context.made_ahead
        _no_more_made_ahead(monkeypatch)
        drawn = _spy_drawn_rows(monkeypatch)
        await pilot.press("t")
        await pilot.pause()
        assert screen.main.cursor_info() == place
        jumps = screen.context.query_one(ReaderList)
        assert any("Concordance" in row for row in list_rows(jumps))
        assert jumps.region and jumps.show_vertical_scrollbar == scrolls
        assert drawn == []
        await _made_on_the_spot_shows_the_same(pilot, app)


async def test_rows_are_drawn_ahead_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows made ahead are drawn one at a step, the reader free between steps: a key
    that comes meanwhile waits for one row at most, not for all of them."""
    steps = _spy_steps(monkeypatch)
    app = app_on(copy_corpus(tmp_path), MEETING, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _made_ahead(pilot, app)
        assert max(steps) == 1 and sum(steps) >= 5


async def test_t_before_the_rows_are_all_drawn_shows_them_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``t`` pressed after the rows were made but before they were drawn (here never: the
    next step is a minute away) shows what rows made on the spot show."""
    monkeypatch.setattr(context_pane, "STEP_PAUSE", 60.0)
    steps = _spy_steps(monkeypatch)
    app = app_on(copy_corpus(tmp_path), MEETING, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen) and bool(steps))
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen.context.made_ahead is None
        await pilot.press("t")
        await pilot.pause()
        assert "Concordance" in _rows(screen)
        await _made_on_the_spot_shows_the_same(pilot, app)


async def test_nothing_is_made_ahead_for_a_hidden_pane(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 the parallel view hides the context pane: the idle reader makes no rows
    for it (drawing rows no wider than nothing raised), and ``t`` still moves."""
    asked: list[object] = []
    prepare = ContextPane.prepare

    def spy(pane: ContextPane) -> None:
        prepare(pane)
        asked.append(pane.made_ahead)

    monkeypatch.setattr(ContextPane, "prepare", spy)
    app = app_on(copy_corpus(tmp_path), CONFERENCE, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _made_ahead(pilot, app)
        await pilot.press("P")
        await until(pilot, lambda: isinstance(app.screen, ParallelScreen))
        screen = app.screen
        assert isinstance(screen, ParallelScreen)
        asked.clear()
        await pilot.press("j")
        await until(pilot, lambda: bool(asked))
        assert not screen.context.region
        assert asked == [None]
        before = screen.active.cursor_info()
        await pilot.press("t")
        await pilot.pause()
        assert screen.active.cursor_info() != before


async def test_rows_made_ahead_are_made_again_in_a_new_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A theme switch after the rows were made ahead: ``t`` shows its rows in the new
    colours (nothing is made ahead after the switch: the rows shown are made then)."""
    app = app_on(copy_corpus(tmp_path), MEETING, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _made_ahead(pilot, app)
        _no_more_made_ahead(monkeypatch)
        app.theme = "nda-light" if app.theme != "nda-light" else "nda-dark"
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await _made_on_the_spot_shows_the_same(pilot, app)


async def test_rows_made_ahead_before_a_save_are_not_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows made ahead for the next term of the passage, then a note saved on that
    passage: ``t`` shows the note's row (the rows are made again from the saved corpus)."""
    app = app_on(copy_corpus(tmp_path), MEETING, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _made_ahead(pilot, app)
        await pilot.press("t", "t")  # into the first paragraph, which has more terms
        await until(pilot, lambda: _ahead_in_passage(screen))
        _no_more_made_ahead(monkeypatch)
        await pilot.press("M")
        await pilot.pause()
        await type_text(pilot, "A note made while rows were made ahead")
        await pilot.press("enter")
        await until(pilot, lambda: messages(app) == ["Saved: add note"])
        await pilot.press("t")
        await pilot.pause()
        assert "A note made while rows were made ahead" in _rows(screen)
        await _made_on_the_spot_shows_the_same(pilot, app)


def _ahead_of(screen: ReadingScreen) -> bool:
    """True once the rows made ahead are those of the term after the cursor's."""
    place = screen.context.made_ahead
    return place is not None and place == screen.main.next_term_place()


def _ahead_in_passage(screen: ReadingScreen) -> bool:
    """True once the rows made ahead are those of a place in the cursor's passage."""
    place = screen.context.made_ahead
    return place is not None and place[3] == screen.main.cursor_info()[3]


def _rows(screen: ReadingScreen) -> str:
    return "\n".join(list_rows(screen.context.query_one(ReaderList)))
