"""Yes or no before something is deleted."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label


class ConfirmDialog(ModalScreen[bool]):
    """Ask ``question``; ``y`` dismisses with True, ``n`` or escape with False."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > #confirm-box {
        width: 70%; max-width: 80; min-width: 30; height: auto; padding: 0 1;
        background: $surface; border: round $warning;
    }
    ConfirmDialog #confirm-question { color: $text; text-style: bold; width: 100%; }
    ConfirmDialog #confirm-hint { color: $muted-text; width: 100%; }
    """

    annotation_form = True
    """While shown, the app's undo, redo and orphans keys are off."""

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
