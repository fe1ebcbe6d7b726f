"""Pick a glossary entry by typing part of its name: for adding an alias in one step."""

from __future__ import annotations

from difflib import SequenceMatcher

from textual.app import ComposeResult
from textual.widgets.option_list import Option

from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import Corpus
from nda_reader.ui.dialogs.picker import PickerDialog

LIMIT = 50
LIKE_ENOUGH = 0.6
"""How alike (0-1) the selection and an entry's nearest form must be for the picker to
open on that entry."""


def similarity(alias: str, entry: GlossaryEntry) -> float:
    """How alike ``alias`` is to the nearest form of ``entry`` (0-1, case ignored)."""
    text = alias.casefold()
    return max(
        (SequenceMatcher(None, text, form.casefold()).ratio() for form in entry.forms),
        default=0.0,
    )


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
        """List the entries whose English, hanzi, id or aliases contain ``text``; with no
        text, every entry, the ones most like the alias first and the best one highlighted
        if it is like enough (else none: a careless enter files nothing)."""
        needle = text.strip().casefold()
        entries = list(self.corpus.glossary.entries.values())
        likeness = {e.id: similarity(self.alias, e) for e in entries}
        if not needle:
            entries.sort(key=lambda e: -likeness[e.id])
        options = []
        for entry in entries:
            hay = f"{entry.english} {entry.hanzi} {entry.id} {' '.join(entry.aliases)}"
            if needle in hay.casefold():
                label = f"{entry.english}  {entry.hanzi}  ({entry.kind}, {entry.id})"
                options.append(Option(label, id=entry.id))
            if len(options) >= LIMIT:
                break
        best = options[0].id if options else None
        close = needle or (best is not None and likeness[best] >= LIKE_ENOUGH)
        self.show(options, 0 if close else None)

    def problem(self) -> str:
        """An entry must be chosen, and must not have the form already."""
        chosen = self.highlighted_id()
        if chosen is None:
            return "Choose the entry: type part of its name, or ↓"
        entry = self.corpus.glossary.get(chosen)
        if entry is not None and self.alias.casefold() in (f.casefold() for f in entry.forms):
            return f"{self.alias!r} is already a form of {chosen!r}"
        return ""

    def result(self) -> str | None:
        """The chosen entry id."""
        return self.highlighted_id()
