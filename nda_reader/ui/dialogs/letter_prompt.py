"""LetterPrompt: one line at the bottom asking for a letter, as less asks after ``m``.

``m`` and ``'`` are followed by a letter naming a mark. The prompt shows what the marks
are, takes the next key and dismisses with it: a letter ``a``-``z`` (or one of ``extra``,
such as ``'`` for "where the last jump started"); escape dismisses with None.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Label

from nda_reader.reading.places import MARK_LETTERS
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for


class LetterPrompt(FreshModalScreen[str | None]):
    """Ask for one letter; ``extra`` characters are accepted too."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.PROMPT,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.PROMPT)

    DEFAULT_CSS = """
    LetterPrompt { align: left bottom; background: transparent; }
    LetterPrompt > #prompt-line {
        width: 100%; height: auto; padding: 0 1; background: $panel; color: $text;
    }
    """

    def __init__(self, prompt: str, extra: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.extra = extra

    def compose(self) -> ComposeResult:
        """The prompt line."""
        yield Label(self.prompt, id="prompt-line", markup=False)

    def on_key(self, event: events.Key) -> None:
        """A letter (or an extra character) answers; escape is the cancel binding."""
        char = event.character or ""
        if event.key == "escape":
            return
        event.stop()
        if len(char) == 1 and (char in MARK_LETTERS or char in self.extra):
            self.dismiss(char)
        else:
            self.app.bell()
            self.notify("A mark is a letter a-z (esc: none)", timeout=2)

    def action_cancel(self) -> None:
        """No letter."""
        self.dismiss(None)
