"""A small modal line of text input: ``/`` and ``f`` (searches), ``&`` (filter), ``e`` (the
export folder)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for


class SearchInput(FreshModalScreen[str | None]):
    """Ask for a line of text.

    ``SearchInput(prompt, initial="")`` shows ``prompt`` above an input box filled with
    ``initial`` (selected, so typing replaces it). Enter dismisses with the text as typed
    (possibly empty; the caller decides what an empty query means); escape dismisses with
    ``None``.
    """

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.ASK,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.ASK)

    DEFAULT_CSS = """
    SearchInput {
        align: center middle;
    }
    SearchInput > #search-input-box {
        width: 70%;
        max-width: 80;
        min-width: 30;
        height: auto;
        padding: 0 1;
        background: $surface;
        border: round $primary;
    }
    SearchInput #search-input-prompt {
        color: $text;
        text-style: bold;
        width: 100%;
    }
    SearchInput #search-input-hint {
        color: $muted-text;
        width: 100%;
    }
    """

    def __init__(
        self,
        prompt: str,
        initial: str = "",
        hint: str = "enter search · esc cancel",
        *,
        on_change: Callable[[str], object] | None = None,
    ):
        """Create the dialog.

        Args:
            prompt: What to ask for, e.g. ``"Search in this document"``.
            initial: Text the input starts with (for example the previous query).
            hint: The key hint under the input.
            on_change: Told the text after each change (typing, pasting).
        """
        super().__init__()
        self.prompt = prompt
        self.initial = initial
        self.hint = hint
        self.on_change = on_change

    def compose(self) -> ComposeResult:
        """An input box with its prompt and a key hint."""
        with Vertical(id="search-input-box"):
            yield Label(self.prompt, id="search-input-prompt", markup=False)
            yield Input(value=self.initial, id="search-input", select_on_focus=True)
            yield Label(self.hint, id="search-input-hint", markup=False)

    def on_mount(self) -> None:
        """Focus the input so typing goes there at once."""
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if self.on_change is not None:
            self.on_change(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)
