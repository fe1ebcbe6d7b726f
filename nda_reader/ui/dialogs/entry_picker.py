"""Pick a glossary entry by typing part of its name: for adding an alias in one step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets.option_list import Option

from nda_reader.corpus.model import Corpus
from nda_reader.ui.dialogs.picker import PickerDialog

LIMIT = 50


class EntryPicker(PickerDialog[str]):
    """Filter the glossary; enter dismisses with the highlighted entry's id."""

    hint_text = "type to filter · ↑↓ choose · enter add · esc cancel"
    filter_placeholder = "filter entries (English, hanzi, id)"

    def __init__(self, corpus: Corpus, alias: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.alias = alias
        self.title_text = f"Add {alias!r} as another form of…"

    def fields(self) -> ComposeResult:
        """Filter box and the matching entries."""
        yield from self.filter_box()

    def fill(self, text: str) -> None:
        """List the entries whose English, hanzi, id or aliases contain ``text``."""
        needle = text.strip().casefold()
        options = []
        for entry in self.corpus.glossary.entries.values():
            hay = f"{entry.english} {entry.hanzi} {entry.id} {' '.join(entry.aliases)}"
            if needle in hay.casefold():
                label = f"{entry.english}  {entry.hanzi}  ({entry.kind}, {entry.id})"
                options.append(Option(label, id=entry.id))
            if len(options) >= LIMIT:
                break
        self.show(options)

    def problem(self) -> str:
        """An entry must be chosen, and must not have the form already."""
        chosen = self.highlighted_id()
        if chosen is None:
            return "No entry matches"
        entry = self.corpus.glossary.get(chosen)
        if entry is not None and self.alias.casefold() in (f.casefold() for f in entry.forms):
            return f"{self.alias!r} is already a form of {chosen!r}"
        return ""

    def result(self) -> str | None:
        """The chosen entry id."""
        return self.highlighted_id()
