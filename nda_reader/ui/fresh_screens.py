"""Screens that are not restyled as a whole the first time they show.

Textual restyles every widget of a screen each time the screen resumes, in case the app's
classes or theme changed while it was hidden. When a screen first shows, its widgets were
styled as they mounted a moment before (and a change of theme restyles every screen on the
stack anyway), so that pass only redoes them: ~8 ms before the reading screen's first
frame at 120x40, 2-3 ms before the corpus search's results. Later resumes restyle as
Textual does. Every screen and dialog of the reader derives from one of these two.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events
from textual.screen import ModalScreen, Screen

ResultT = TypeVar("ResultT")


class FreshScreen(Screen[ResultT]):
    """A screen whose first resume skips Textual's restyling of all its widgets."""

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Skip the restyling of a screen that has not shown before."""
        _skip_first_restyle(self, event)


class FreshModalScreen(ModalScreen[ResultT]):
    """A modal screen (a dialog) whose first resume skips Textual's restyling."""

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Skip the restyling of a dialog that has not shown before."""
        _skip_first_restyle(self, event)


def _skip_first_restyle(
    screen: FreshScreen[Any] | FreshModalScreen[Any], event: events.ScreenResume
) -> None:
    """Tell Textual's own handler, which runs after ours, not to restyle ``screen`` if it
    has not shown before."""
    if not screen._shown_before:
        screen._shown_before = True
        event.refresh_styles = False
