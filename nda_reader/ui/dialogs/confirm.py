"""Yes or no before something is deleted."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Label

from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for


class ConfirmDialog(FreshModalScreen[bool]):
    """Ask ``question``; ``y`` dismisses with True, ``n`` or escape with False."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.CONFIRM,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.CONFIRM)

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > #confirm-box {
        width: 70%; max-width: 80; min-width: 30; height: auto; padding: 0 1;
        background: $surface; border: round $warning;
    }
    ConfirmDialog #confirm-question { color: $text; text-style: bold; width: 100%; }
    ConfirmDialog #confirm-hint { color: $muted-text; width: 100%; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and the keys."""
        with Vertical(id="confirm-box"):
            yield Label(self.question, id="confirm-question", markup=False)
            yield Label("y yes · n or esc no (undo with u)", id="confirm-hint", markup=False)

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
