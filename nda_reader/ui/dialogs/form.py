"""The frame shared by the annotation dialogs: a modal box that validates as you type.

A form shows a title, its fields, a line saying what is wrong (or how to save) and a key
hint. Escape cancels (dismisses with ``None``) and changes nothing; enter saves only when
:meth:`FormDialog.problem` finds nothing wrong.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, TextArea

from nda_reader.ui.keys import Scope, bindings_for

T = TypeVar("T")


def split_list(text: str) -> list[str]:
    """Comma-separated values, stripped, empty ones dropped."""
    return [part.strip() for part in text.split(",") if part.strip()]


class FormDialog(ModalScreen[T | None], Generic[T]):
    """Base of the annotation forms: subclasses give fields, ``problem`` and ``result``."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.FORM,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.FORM)
    # Each form focuses its own first field, without scrolling: Textual's automatic focus
    # of the first field would scroll a form taller than the terminal before it is laid
    # out, hiding its title.
    AUTO_FOCUS: ClassVar[str | None] = ""

    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > #form-box {
        width: 80%; max-width: 90; min-width: 40; height: auto; max-height: 90%;
        padding: 0 1; background: $surface; border: round $primary;
    }
    FormDialog #form-title { color: $text; text-style: bold; width: 100%; }
    FormDialog .form-label { color: $muted-text; width: 100%; }
    FormDialog #form-problem { color: $warning; width: 100%; }
    FormDialog #form-hint { color: $muted-text; width: 100%; }
    FormDialog Input { margin: 0; }
    FormDialog TextArea { height: auto; max-height: 6; margin: 0; }
    FormDialog OptionList { height: auto; max-height: 12; }
    """

    title_text = "Annotate"
    hint_text = "enter save · tab next field · esc cancel"

    def compose(self) -> ComposeResult:
        """Title, the subclass's fields, the problem line and the hint."""
        # A scrolling box: on a short terminal the focused field is scrolled into view.
        with VerticalScroll(id="form-box", can_focus=False):
            yield Label(self.title_text, id="form-title", markup=False)
            yield from self.fields()
            yield Label("", id="form-problem", markup=False)
            yield Label(self.hint_text, id="form-hint", markup=False)

    def fields(self) -> ComposeResult:
        """The form's widgets (labels and inputs)."""
        yield from ()

    @staticmethod
    def label(text: str) -> Label:
        """A field label."""
        return Label(text, classes="form-label", markup=False)

    def on_mount(self) -> None:
        """Show what is missing from the start."""
        self.check()

    def value(self, ident: str) -> str:
        """The text of input ``#ident``."""
        return self.query_one(f"#{ident}", Input).value

    def problem(self) -> str:
        """What is wrong with the form now ("" when it can be saved)."""
        return ""

    def result(self) -> T | None:
        """What the form gives back when saved."""
        return None

    def check(self) -> str:
        """Validate and show the outcome; return the problem ("" if none)."""
        problem = self.problem()
        self.query_one("#form-problem", Label).update(problem or "✓ ready: enter saves")
        return problem

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | TextArea.Changed) -> None:
        event.stop()
        self.check()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        """Save if the form is valid; otherwise say why not."""
        if not self.check():
            self.dismiss(self.result())
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        """Close without any change."""
        self.dismiss(None)
