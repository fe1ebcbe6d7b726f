"""The cross-reference form: the relation between two marked passages and a note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from nda_reader.corpus.crossrefs import RELATIONS
from nda_reader.ui.dialogs.form import FormDialog
from nda_reader.ui.widgets.reader_list import ReaderList

HELP = {
    "continues": "the target continues the source",
    "same-initiative": "both are about the same programme or policy",
    "follow-up": "the target reports progress on the source",
    "elaborates": "the target explains the source in detail",
    "contrasts": "they differ in a telling way",
    "same-event": "both describe the same event",
    "quotes": "one quotes or paraphrases the other",
}


class LinkForm(FormDialog[tuple[str, str]]):
    """Pick the relation and write a note; dismisses with ``(relation, note)`` or None."""

    title_text = "Cross-reference"
    hint_text = "↑↓ relation · tab note · enter save · esc cancel"

    def __init__(self, source: str, target: str, relation: str = "", note: str = "") -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.relation = relation
        self.note = note

    def fields(self) -> ComposeResult:
        """Both ends, the relations and the note."""
        yield self.label(f"from: {self.source}")
        yield self.label(f"to:   {self.target}")
        yield ReaderList(
            *(Option(f"{name:<16} {HELP.get(name, '')}", id=name) for name in RELATIONS),
            id="link-relation",
        )
        yield self.label("Note (why they belong together)")
        yield Input(self.note, id="link-note")

    def on_mount(self) -> None:
        """Highlight the current relation and focus the list."""
        relations = self.query_one("#link-relation", OptionList)
        relations.highlighted = RELATIONS.index(self.relation) if self.relation in RELATIONS else 0
        super().on_mount()
        relations.focus(scroll_visible=False)  # the form opens at its top

    def _relation(self) -> str:
        relations = self.query_one("#link-relation", OptionList)
        index = relations.highlighted
        return RELATIONS[index] if index is not None else ""

    def problem(self) -> str:
        """A relation must be chosen."""
        return "" if self._relation() else "Choose a relation"

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit()

    def result(self) -> tuple[str, str]:
        """``(relation, note)``."""
        return self._relation(), self.value("link-note").strip()
