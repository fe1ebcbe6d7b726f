"""FreshScreen: a screen that is not restyled as a whole the first time it shows."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import Screen

ResultT = TypeVar("ResultT")


class FreshScreen(Screen[ResultT]):
    """A screen whose first resume skips Textual's restyling of all its widgets.

    Textual restyles every widget of a screen each time the screen resumes, in case the
    app's classes or theme changed while it was hidden. When a screen first shows, its
    widgets were styled as they mounted a moment before (and a change of theme restyles
    every screen on the stack anyway), so that pass only redoes them: ~8 ms before the
    reading screen's first frame at 120x40. Later resumes restyle as Textual does.
    """

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Skip the restyling of a screen that has not shown before (this handler runs
        before :class:`Screen`'s own, which reads ``refresh_styles``)."""
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
