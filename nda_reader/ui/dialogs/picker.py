"""PickerDialog: a form made of a filter box over a list of choices.

Typing filters the list (the subclass's :meth:`PickerDialog.fill`), ↑↓ move the highlight
while the cursor stays in the filter, and enter (in the filter or on a row) picks the
highlighted row. The entry picker and the speaker form are pickers.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from nda_reader.ui.dialogs.form import FormDialog
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.reader_list import ReaderList

T = TypeVar("T")


class PickerDialog(FormDialog[T]):
    """Base of the pickers: subclasses give ``fill``, ``problem`` and ``result``."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.FORM, Scope.PICKER)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.PICKER)

    filter_placeholder = ""

    def filter_box(self) -> ComposeResult:
        """The filter box and the list, for the subclass's ``fields``."""
        yield Input(placeholder=self.filter_placeholder, id="picker-filter")
        yield ReaderList(id="picker-list")

    def on_mount(self) -> None:
        """List every choice; focus the filter."""
        self.fill("")
        super().on_mount()
        self.query_one("#picker-filter", Input).focus(scroll_visible=False)

    def fill(self, text: str) -> None:
        """Show the choices matching ``text`` (with :meth:`show`)."""

    def show(self, options: list[Option], highlight: int | None = 0) -> None:
        """Put ``options`` in the list, row ``highlight`` highlighted (None: no row, so
        that enter saves nothing until one is chosen)."""
        found = self.query_one("#picker-list", OptionList)
        found.set_options(options)
        found.highlighted = highlight if options else None

    def highlighted_id(self) -> str | None:
        """The id of the highlighted row, or None when the list is empty."""
        found = self.query_one("#picker-list", OptionList)
        index = found.highlighted
        if index is None or not found.option_count:
            return None
        return found.get_option_at_index(index).id

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        # FormDialog's own Input.Changed handler then checks the form.
        self.fill(event.value)

    def action_move(self, step: int) -> None:
        """Move the highlight in the list while typing in the filter."""
        found = self.query_one("#picker-list", OptionList)
        found.action_cursor_down() if step > 0 else found.action_cursor_up()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.check()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit()
