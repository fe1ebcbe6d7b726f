"""The frame shared by the annotation dialogs: a modal box that validates as you type.

A form shows a title, its fields, a line saying what is wrong (or how to save) and a key
hint. Escape cancels (dismisses with ``None``) and changes nothing; enter saves only when
:meth:`FormDialog.problem` finds nothing wrong. The form fits any terminal: on a short one
its inputs lose their borders, and when the fields are still taller than the screen they
scroll (to the focused one) while the title, the problem line and the hint stay in view.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, TextArea

from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for

T = TypeVar("T")


def split_list(text: str) -> list[str]:
    """Comma-separated values, stripped, empty ones dropped."""
    return [part.strip() for part in text.split(",") if part.strip()]


class FormDialog(FreshModalScreen[T | None], Generic[T]):
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
        width: 80%; max-width: 90; min-width: 40; height: auto; max-height: 100%;
        padding: 0 1; background: $surface; border: round $primary;
    }
    FormDialog #form-title { color: $text; text-style: bold; width: 100%; }
    FormDialog #form-fields { height: auto; scrollbar-size-vertical: 1; }
    FormDialog .form-label { color: $muted-text; width: 100%; }
    FormDialog #form-problem { color: $warning; width: 100%; }
    FormDialog #form-hint { color: $muted-text; width: 100%; }
    FormDialog Input { margin: 0; }
    FormDialog Input.-textual-compact:focus { background: $panel; }
    FormDialog TextArea { height: auto; min-height: 3; max-height: 8; }
    FormDialog OptionList { height: auto; max-height: 12; }
    FormDialog.-short OptionList { max-height: 8; }
    """

    SHORT = 32
    """Below this many rows the inputs are drawn without borders."""

    title_text = "Annotate"
    hint_text = "enter save · tab next field · esc cancel"

    def compose(self) -> ComposeResult:
        """Title, the subclass's fields, the problem line and the hint."""
        with Vertical(id="form-box"):
            yield Label(self.title_text, id="form-title", markup=False)
            with VerticalScroll(id="form-fields", can_focus=False):
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
        """Show what is missing from the start; fit the terminal."""
        self._fit(self.app.size.height)
        self.check()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the fields to the terminal's height."""
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        short = height < self.SHORT
        self.set_class(short, "-short")
        # What is left for the fields once the border, title, problem line (which may take
        # two lines) and hint are drawn; they scroll within it.
        self.query_one("#form-fields").styles.max_height = max(3, height - 6)
        for field in self.query(Input):
            field.compact = short
        for area in self.query(TextArea):
            area.compact = short

    def value(self, ident: str) -> str:
        """The text of input (or text area) ``#ident``."""
        field = self.query_one(f"#{ident}")
        return (
            field.text if isinstance(field, TextArea) else self.query_one(f"#{ident}", Input).value
        )

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

    def action_newline(self) -> None:
        """A line break in the focused text area (a note); elsewhere nothing."""
        focused = self.focused
        if isinstance(focused, TextArea):
            focused.insert("\n")
