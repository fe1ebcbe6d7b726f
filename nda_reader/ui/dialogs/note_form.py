"""The note form: free text, which may run over several lines, and comma-separated tags."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input, TextArea

from nda_reader.ui.dialogs.form import FormDialog, split_list


class NoteText(TextArea):
    """The note's text: enter saves the form, as in every form; ctrl+j (or alt+enter)
    starts a new line (the form's ``newline`` key)."""

    class Submitted(Message):
        """Enter in the note's text."""

    def on_key(self, event: events.Key) -> None:
        """Enter submits instead of breaking the line."""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted())


class NoteForm(FormDialog[tuple[str, list[str]]]):
    """Write or edit a note; dismisses with ``(text, tags)`` or None."""

    title_text = "Note"
    hint_text = "enter save · ctrl+j new line · tab next field · esc cancel"

    def __init__(self, quote: str, text: str = "", tags: list[str] | None = None) -> None:
        super().__init__()
        self.quote = quote
        self.text = text
        self.tags = list(tags or [])

    def fields(self) -> ComposeResult:
        """Text and tags."""
        yield self.label(f"on: {self.quote}")
        yield self.label("Note")
        yield NoteText(self.text, id="note-text", soft_wrap=True, show_line_numbers=False)
        yield self.label("Tags (comma-separated)")
        yield Input(", ".join(self.tags), id="note-tags")

    def on_mount(self) -> None:
        """Focus the text, at its end."""
        super().on_mount()
        area = self.query_one("#note-text", NoteText)
        area.focus(scroll_visible=False)
        area.move_cursor(area.document.end)

    def on_note_text_submitted(self, event: NoteText.Submitted) -> None:
        """Enter in the text saves, as enter in any field."""
        event.stop()
        self.submit()

    def problem(self) -> str:
        """A note needs text; tags are single words or slugs."""
        if not self.value("note-text").strip():
            return "Write the note"
        bad = [t for t in split_list(self.value("note-tags")) if " " in t or "#" in t]
        if bad:
            return f"A tag has no spaces or '#': {bad[0]!r}"
        return ""

    def result(self) -> tuple[str, list[str]]:
        """``(text, tags)``: the text without spaces at its ends or its lines' ends."""
        lines = [line.rstrip() for line in self.value("note-text").strip().splitlines()]
        return "\n".join(lines), split_list(self.value("note-tags"))
