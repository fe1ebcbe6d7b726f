"""The speaker form: give a passage to a known speaker of the document, or a new one.

Type to filter: the list shows the document's speakers, then glossary people,
organisations and outlets, then "new speaker: <what you typed>".
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets.option_list import Option

from nda_reader.corpus.model import Corpus
from nda_reader.editing.actions import slugify
from nda_reader.ui.dialogs.picker import PickerDialog

SPEAKER_KINDS = ("person", "organisation", "outlet")
LIMIT = 40

Choice = tuple[str, dict[str, Any] | None]
"""(speaker id, the new speaker to add, or None for a known one)."""


class SpeakerForm(PickerDialog[Choice]):
    """Choose who speaks; dismisses with ``(speaker id, new speaker or None)``."""

    hint_text = "type a name to filter or add · ↑↓ choose · enter save · esc cancel"
    filter_placeholder = "name (or part of it)"

    def __init__(self, corpus: Corpus, doc_id: str, quote: str, current: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        self.doc_id = doc_id
        self.quote = quote
        self.current = current
        self.title_text = "Who speaks here?"
        layer = corpus.speaker_layers.get(doc_id)
        self.known = dict(layer.speakers) if layer else {}
        self.choices: dict[str, Choice] = {}

    def fields(self) -> ComposeResult:
        """Filter box and choices."""
        yield self.label(f"turn starting at: {self.quote}")
        yield from self.filter_box()

    def fill(self, text: str) -> None:
        """List the document's speakers, then glossary people, organisations and outlets
        matching ``text``, then a new speaker named ``text``."""
        needle = " ".join(text.split())
        low = needle.casefold()
        options: list[Option] = []
        self.choices = {}
        terms = {s.term: s.id for s in self.known.values() if s.term}
        for speaker in self.known.values():
            name = self.corpus.speaker_name(speaker)
            if low in f"{name} {speaker.id}".casefold():
                mark = "  (speaks here now)" if speaker.id == self.current else ""
                self._add(options, f"{name}{mark}", (speaker.id, None))
        taken = set(self.known)
        for entry in self.corpus.glossary.entries.values():
            if entry.kind not in SPEAKER_KINDS or entry.id in terms or not low:
                continue
            if low in f"{entry.english} {entry.hanzi} {entry.id}".casefold():
                ident = entry.id if entry.id not in taken else slugify(entry.id, taken)
                label = f"{entry.english} {entry.hanzi}  (glossary {entry.kind}; new here)"
                self._add(options, label, (ident, {"id": ident, "term": entry.id}))
            if len(options) >= LIMIT:
                break
        exact = any(o.prompt == needle for o in options)
        if needle and not exact:
            ident = slugify(needle, taken)
            new = {"id": ident, "name": needle, "kind": "person"}
            self._add(options, f"New speaker: {needle}", (ident, new))
        self.show(options)

    def _add(self, options: list[Option], label: str, choice: Choice) -> None:
        key = f"choice-{len(options)}"
        self.choices[key] = choice
        options.append(Option(label, id=key))

    def _chosen(self) -> Choice | None:
        return self.choices.get(self.highlighted_id() or "")

    def problem(self) -> str:
        """Someone must be chosen."""
        if self._chosen() is None:
            return "Type a name, or pick a speaker"
        return ""

    def result(self) -> Choice | None:
        """The chosen speaker."""
        return self._chosen()
