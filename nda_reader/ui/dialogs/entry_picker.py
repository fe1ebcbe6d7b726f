"""Pick a glossary entry by typing part of its name: for adding an alias in one step."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from nda_reader.corpus import Corpus
from nda_reader.ui.dialogs.form import FormDialog

LIMIT = 50


class EntryPicker(FormDialog[str]):
    """Filter the glossary; enter dismisses with the highlighted entry's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FormDialog.BINDINGS,
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]
    hint_text = "type to filter · ↑↓ choose · enter add · esc cancel"

    def __init__(self, corpus: Corpus, alias: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.alias = alias
        self.title_text = f"Add {alias!r} as another form of…"

    def fields(self) -> ComposeResult:
        """Filter box and the matching entries."""
        yield Input(placeholder="filter entries (English, hanzi, id)", id="picker-filter")
        yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        """List every entry; focus the filter."""
        self._fill("")
        super().on_mount()
        self.query_one("#picker-filter", Input).focus()

    def _fill(self, text: str) -> None:
        needle = text.strip().casefold()
        options = []
        for entry in self.corpus.glossary.entries.values():
            hay = f"{entry.english} {entry.hanzi} {entry.id} {' '.join(entry.aliases)}"
            if needle in hay.casefold():
                label = f"{entry.english}  {entry.hanzi}  ({entry.kind}, {entry.id})"
                options.append(Option(label, id=entry.id))
            if len(options) >= LIMIT:
                break
        found = self.query_one("#picker-list", OptionList)
        found.set_options(options)
        if options:
            found.highlighted = 0

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        """Move the highlight in the list while typing in the filter."""
        found = self.query_one("#picker-list", OptionList)
        found.action_cursor_down() if step > 0 else found.action_cursor_up()

    def _chosen(self) -> str | None:
        found = self.query_one("#picker-list", OptionList)
        index = found.highlighted
        if index is None or not found.option_count:
            return None
        return found.get_option_at_index(index).id

    def problem(self) -> str:
        """An entry must be chosen, and must not have the form already."""
        chosen = self._chosen()
        if chosen is None:
            return "No entry matches"
        entry = self.corpus.glossary.get(chosen)
        if entry is not None and self.alias.casefold() in (f.casefold() for f in entry.forms):
            return f"{self.alias!r} is already a form of {chosen!r}"
        return ""

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.check()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit()

    def result(self) -> str | None:
        """The chosen entry id."""
        return self._chosen()
