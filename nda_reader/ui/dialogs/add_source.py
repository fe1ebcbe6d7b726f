"""``A`` in the library, first step: a file's path, or text pasted into the box."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, TextArea

from nda_reader.importing.sources import Source, SourceError, from_text, read_source
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for


class PathInput(Input):
    """The path box: a paste of several lines is a text, not a path, and goes to the paste
    box (a user who pastes right after ``A`` means the text)."""

    def _on_paste(self, event: events.Paste) -> None:
        # Textual runs Input's own handler after this one unless the default is prevented.
        text = event.text.replace("\r\n", "\n").replace("\r", "\n")
        if "\n" in text.strip("\n"):
            event.prevent_default()
            event.stop()
            box = self.screen.query_one("#add-paste", TextArea)
            box.insert(text)
            box.focus()


class AddSourceDialog(FreshModalScreen[Source | None]):
    """Read a source: the pasted text if there is any, else the file in the path box.

    Dismisses with the :class:`~nda_reader.importing.sources.Source` read, or ``None``
    (escape). A source that cannot be read keeps the dialog open and says why.
    """

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.ADD,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.ADD)

    DEFAULT_CSS = """
    AddSourceDialog { align: center middle; }
    AddSourceDialog > #add-box {
        width: 90%; max-width: 110; min-width: 40; height: 90%; max-height: 34;
        padding: 0 1; background: $surface; border: round $primary;
    }
    AddSourceDialog #add-title { color: $text; text-style: bold; width: 100%; }
    AddSourceDialog .form-label { color: $muted-text; width: 100%; }
    AddSourceDialog #add-path { margin-bottom: 1; }
    AddSourceDialog #add-paste { height: 1fr; min-height: 3; }
    AddSourceDialog #add-problem { color: $warning; width: 100%; }
    AddSourceDialog #add-hint { color: $muted-text; width: 100%; }
    """

    def __init__(self, base: Path | None = None) -> None:
        super().__init__()
        self.base = base if base is not None else Path.cwd()
        """The folder a relative path is read from."""

    def compose(self) -> ComposeResult:
        """Title, path box, paste box, problem line and keys."""
        with Vertical(id="add-box"):
            yield Label("Add a text", id="add-title", markup=False)
            yield Label(
                "Path of a file (.txt .md .html .docx .pdf), then enter", classes="form-label"
            )
            yield PathInput(id="add-path", placeholder="~/Downloads/briefing.html", compact=True)
            yield Label("… or paste the text here, then ctrl+n", classes="form-label")
            yield TextArea(id="add-paste", soft_wrap=True, show_line_numbers=False)
            yield Label("", id="add-problem", markup=False)
            yield Label(
                "enter/ctrl+n read · tab next box · esc cancel", id="add-hint", markup=False
            )

    def on_mount(self) -> None:
        """Start in the path box."""
        self.query_one("#add-path", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_read()

    def _source(self) -> Source | None:
        pasted = self.query_one("#add-paste", TextArea).text
        if pasted.strip():
            return from_text(pasted)
        typed = self.query_one("#add-path", Input).value.strip()
        if not typed:
            self.query_one("#add-problem", Label).update(
                "Give a file's path, or paste the text into the box"
            )
            return None
        path = Path(typed).expanduser()
        return read_source(path if path.is_absolute() else self.base / path)

    def action_read(self) -> None:
        """Read the source and close; or say what is wrong."""
        try:
            source = self._source()
        except SourceError as exc:
            self.query_one("#add-problem", Label).update(str(exc))
            self.app.bell()
            return
        if source is not None:
            self.dismiss(source)

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss(None)
