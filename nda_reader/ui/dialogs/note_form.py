"""The note form: free text and comma-separated tags."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from nda_reader.ui.dialogs.form import FormDialog, split_list


class NoteForm(FormDialog[tuple[str, list[str]]]):
    """Write or edit a note; dismisses with ``(text, tags)`` or None."""

    title_text = "Note"

    def __init__(self, quote: str, text: str = "", tags: list[str] | None = None) -> None:
        super().__init__()
        self.quote = quote
        self.text = text
        self.tags = list(tags or [])

    def fields(self) -> ComposeResult:
        """Text and tags."""
        yield self.label(f"on: {self.quote}")
        yield self.label("Note")
        yield Input(self.text, id="note-text")
        yield self.label("Tags (comma-separated)")
        yield Input(", ".join(self.tags), id="note-tags")

    def on_mount(self) -> None:
        """Focus the text."""
        super().on_mount()
        self.query_one("#note-text", Input).focus(scroll_visible=False)

    def problem(self) -> str:
        """A note needs text; tags are single words or slugs."""
        if not self.value("note-text").strip():
            return "Write the note"
        bad = [t for t in split_list(self.value("note-tags")) if " " in t or "#" in t]
        if bad:
            return f"A tag has no spaces or '#': {bad[0]!r}"
        return ""

    def result(self) -> tuple[str, list[str]]:
        """``(text, tags)``."""
        return self.value("note-text").strip(), split_list(self.value("note-tags"))
