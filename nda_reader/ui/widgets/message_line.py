"""MessageLine: how the last annotation change went, on the footer's row.

"Saved: add note", "Undone: add note": the outcome of a save, an undo or a redo is shown
here for a few seconds, as a terminal program's message line would, instead of in a
toast. A toast is mounted for each message, and mounting it (a new widget, the screen
laid out again) gave a save a second frame ~35 ms after the one with its marks. Errors
and warnings still come as toasts: they are longer, and stay until read.

The line is docked over the footer (composed after it, so drawn above it) rather than
taking a row of its own: a row taken from the body resized the text and the context pane
for the message's few seconds, twice, and made the save's frame render every widget of
the screen again.
"""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from nda_reader.lang.terminal_text import visible_controls

SHOWN_FOR = 4.0
"""Seconds a message stays (an information toast's time)."""


class MessageLine(Static):
    """The outcome of the last annotation change, for a few seconds (hidden otherwise)."""

    DEFAULT_CSS = """
    MessageLine {
        dock: bottom; height: 1; padding: 0 1; background: $panel; color: $text;
        display: none;
    }
    """

    _hide_timer: Timer | None = None
    _message = ""

    @property
    def message(self) -> str:
        """The message on show ("" when hidden)."""
        return self._message if self.display else ""

    def show(self, message: str, seconds: float | None = None) -> None:
        """Show ``message`` (its control characters as visible stand-ins, never markup)
        for ``seconds`` (default :data:`SHOWN_FOR`), in place of the one before."""
        self._message = visible_controls(message)
        self.update(Text(self._message, no_wrap=True, overflow="ellipsis"))
        if not self.display:
            self.display = True
            # The screen lays out in its next frame, not the one after: left to this
            # widget, the layout request reaches the screen once this widget next idles,
            # which after a save comes after the screen's next frame (~50 ms later).
            self.screen.refresh(layout=True)
        if self._hide_timer is not None:
            self._hide_timer.stop()
        self._hide_timer = self.set_timer(SHOWN_FOR if seconds is None else seconds, self.hide)

    def hide(self) -> None:
        """Take the message off the screen."""
        if self._hide_timer is not None:
            self._hide_timer.stop()
            self._hide_timer = None
        self.display = False
