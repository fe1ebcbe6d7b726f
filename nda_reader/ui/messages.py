"""Where the reader says how an annotation change went: the screen's message line.

A screen with a :class:`~nda_reader.ui.widgets.message_line.MessageLine` (the library
and the reading screen) shows "Saved: …", "Undone: …" there; on other screens (a browser,
a dialog) the message comes as a toast. Everything said is also kept, in order, on
:attr:`Outcomes.said`.
"""

from __future__ import annotations

from textual.app import App
from textual.css.query import NoMatches

from nda_reader.ui.widgets.message_line import SHOWN_FOR, MessageLine


class Outcomes:
    """Shows the outcomes of annotation changes for ``app``, and keeps what was said."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.said: list[str] = []
        """Every outcome shown, oldest first."""

    def show(self, message: str) -> None:
        """Show ``message`` in the current screen's message line, else as a toast."""
        self.said.append(message)
        try:
            line = self.app.screen.query_one(MessageLine)
        except NoMatches:
            self.app.notify(message, timeout=SHOWN_FOR, markup=False)
            return
        line.show(message)

    def clear(self) -> None:
        """Hide the message line of every screen."""
        for screen in self.app.screen_stack:
            for line in screen.query(MessageLine):
                line.hide()
