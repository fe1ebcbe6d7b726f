"""A cursor move that does not scroll has Textual render the lines of the passages it left
and entered only (a whole refresh rendered every line of the view again: ~3-4 ms of a
``t`` on a full screen), and what the screen shows is what a whole repaint shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.widgets.document_view.widget import DocumentView
from tests.helpers.annotating import MEETING, app_for, copy_corpus
from tests.helpers.pilot import open_from_library, passages_of, spy_rendered_lines


async def _whole_repaint_shows_the_same(pilot: Pilot[None], app: ReaderApp) -> None:
    shown = app.export_screenshot()
    view = app.screen.query_one("#main", DocumentView)
    view.painter.clear()
    view.refresh()
    await pilot.pause()
    assert app.export_screenshot() == shown


@pytest.mark.parametrize("keys", [("j",), ("t",), ("t", "t", "k"), ("j", "j", "T")])
async def test_a_move_on_screen_renders_the_passages_left_and_entered_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: tuple[str, ...]
) -> None:
    app = app_for(copy_corpus(tmp_path), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        view = screen.main
        await pilot.pause()
        rendered = spy_rendered_lines(monkeypatch, view)
        for key in keys:
            top = view.scroll_offset.y
            left = view.navigator.current_block(view.cursor)
            rendered.clear()
            await pilot.press(key)
            await pilot.pause()
            entered = view.navigator.current_block(view.cursor)
            assert view.scroll_offset.y == top, "the move scrolled: pick another key"
            assert rendered and passages_of(view, rendered) <= {left, entered}
        await _whole_repaint_shows_the_same(pilot, app)
