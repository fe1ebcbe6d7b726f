"""A screen is not restyled as a whole when it first shows (its widgets were styled as
they mounted), and is restyled as Textual does when it shows again."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

import nda_reader.ui
from nda_reader.ui.fresh_screens import FreshModalScreen, FreshScreen

CSS = """
Static { color: rgb(0, 0, 255); }
App.-warm Static { color: rgb(255, 0, 0); }
"""


class Shown(FreshScreen[None]):
    def compose(self) -> ComposeResult:
        yield Static("fresh", id="line")


class Other(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("other")


class Switching(App[None]):
    CSS = CSS
    SCREENS: ClassVar[dict[str, Callable[[], Screen[None]]]] = {"shown": Shown, "other": Other}


@pytest.fixture
def restyled(monkeypatch: pytest.MonkeyPatch) -> list[DOMNode]:
    """The screens Textual restyles as a whole, in order."""
    screens: list[DOMNode] = []
    real = DOMNode.update_node_styles

    def counted(self: DOMNode, animate: bool = True) -> None:
        if isinstance(self, Screen):
            screens.append(self)
        real(self, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", counted)
    return screens


class Dialog(FreshModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield Static("dialog", id="line")


@pytest.mark.parametrize("make", [Shown, Dialog], ids=["screen", "dialog"])
async def test_a_screen_or_dialog_showing_for_the_first_time_is_styled_once(
    restyled: list[DOMNode], make: type[Screen[None]]
) -> None:
    app = Switching()
    async with app.run_test() as pilot:
        await app.push_screen(make())
        await pilot.pause()
        shown = app.screen
        assert isinstance(shown, make)
        assert shown.query_one("#line").styles.color == Color(0, 0, 255)
        assert shown not in restyled


async def test_a_screen_shown_again_takes_what_changed_while_it_was_hidden(
    restyled: list[DOMNode],
) -> None:
    app = Switching()
    async with app.run_test() as pilot:
        await app.push_screen("shown")
        await pilot.pause()
        await app.switch_screen("other")
        await pilot.pause()
        app.add_class("-warm")  # restyles the screen on show, not the hidden one
        await pilot.pause()
        shown = app.get_screen("shown")
        assert shown.query_one("#line").styles.color == Color(0, 0, 255)
        await app.switch_screen("shown")
        await pilot.pause()
        assert shown in restyled
        assert shown.query_one("#line").styles.color == Color(255, 0, 0)


def test_every_screen_and_dialog_of_the_reader_is_fresh() -> None:
    for info in pkgutil.walk_packages(nda_reader.ui.__path__, "nda_reader.ui."):
        importlib.import_module(info.name)
    ours = [c for c in _subclasses(Screen) if c.__module__.startswith("nda_reader.ui.")]
    assert {c.__name__ for c in ours} >= {"ReadingScreen", "LibraryScreen", "FormDialog"}
    stale = [c.__name__ for c in ours if not issubclass(c, FreshScreen | FreshModalScreen)]
    assert stale == []


def _subclasses(cls: type) -> list[type]:
    return [c for sub in cls.__subclasses__() for c in (sub, *_subclasses(sub))]
