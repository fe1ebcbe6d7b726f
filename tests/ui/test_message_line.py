"""How an annotation change went is said in the screen's message line, not in a toast:
mounting a toast gave a save a second frame after the one with its marks. Errors and
warnings still come as toasts; a screen without a message line gets a toast."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets._toast import Toast

from nda_reader.ui.screens.help import HelpScreen
from nda_reader.ui.widgets import message_line
from nda_reader.ui.widgets.footer import ReaderFooter
from nda_reader.ui.widgets.message_line import MessageLine
from tests.helpers.annotating import (
    MEETING,
    annotate_by_keys,
    app_for,
    copy_corpus,
    messages,
    select,
    type_text,
)
from tests.helpers.pilot import open_from_library, until


async def test_a_save_and_its_undo_are_said_in_the_message_line_which_then_hides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(message_line, "SHOWN_FOR", 600.0)
    root = copy_corpus(tmp_path)
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        line = screen.query_one(MessageLine)
        assert not line.display  # nothing said yet
        text_size, context_size = screen.main.size, screen.context.size
        await annotate_by_keys(pilot, "data circulation", "M", "Check the term")
        assert line.display and line.message == "Saved: add note"
        # Said on the footer's row, over its keys: the text and the context pane keep
        # every row (a row taken from them resized both, twice per message).
        assert line.region == screen.query_one(ReaderFooter).region
        assert (screen.main.size, screen.context.size) == (text_size, context_size)
        assert not app.screen.query(Toast)  # no toast mounted for it
        await pilot.press("u")
        await pilot.pause()
        assert line.message == "Undone: add note"  # in place of the one before
        assert messages(app) == ["Saved: add note", "Undone: add note"]
        line.show("Saved: again", seconds=0.05)
        await until(pilot, lambda: not line.display)
        assert line.message == ""
        line.show("Saved: once more")
        app.clear_notifications()  # as before a picture is taken
        assert not line.display


async def test_the_first_frame_after_a_save_already_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The line is laid out in the save's own frame: left to the line, its layout request
    reached the screen after that frame, and "Saved" came one frame (~50 ms) later."""
    monkeypatch.setattr(message_line, "SHOWN_FOR", 600.0)
    app = app_for(copy_corpus(tmp_path), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        line = screen.query_one(MessageLine)
        await select(pilot, "data circulation")
        await pilot.press("M")
        await pilot.pause()
        await type_text(pilot, "Check the term")
        shown: list[bool] = []  # for each frame after the save: is the line on it?
        display = app._display

        def spy_display(*args: Any) -> None:
            display(*args)
            if messages(app):
                shown.append(app.screen is screen and line.region.height == 1)

        monkeypatch.setattr(app, "_display", spy_display)
        await pilot.press("enter")
        await until(pilot, lambda: len(shown) >= 2)
        assert messages(app) == ["Saved: add note"]
        assert shown[0], f"frames after the save, with the line or not: {shown}"


async def test_a_screen_without_a_message_line_gets_a_toast(tmp_path: Path) -> None:
    app = app_for(copy_corpus(tmp_path), tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(HelpScreen())
        await pilot.pause()
        app.show_outcome("Undone: add \x1b[31mnote")
        await until(pilot, lambda: bool(app.screen.query(Toast)))
        assert [n.message for n in app._notifications] == ["Undone: add ␛[31mnote"]


async def test_a_message_with_control_characters_shows_them_as_stand_ins(
    tmp_path: Path,
) -> None:
    app = app_for(copy_corpus(tmp_path), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(MessageLine)  # the library's
        app.show_outcome("Saved: note on \x1b]0;title\x07 [b]x[/b]")
        await pilot.pause()
        assert "\x1b" not in line.message and "[b]x[/b]" in line.message  # no markup either
