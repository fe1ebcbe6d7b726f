"""``A`` in the library, second step: what was found in the text, for review; enter adds.

The form shows the inferred title, date, kind and id (editable), and below them what the
import found: website debris removed, speakers and their turns, Chinese/English pairs and
the glossary's findings. Enter writes the text (all its files or none) and dismisses with
an :class:`Added`; a source added before is updated in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from nda_reader.corpus.document import KINDS
from nda_reader.corpus.model import Corpus
from nda_reader.formats.schema import FULL_DATE, SLUG
from nda_reader.importing.plan import Planned, Prepared, prepare, write
from nda_reader.importing.report import document_report
from nda_reader.importing.rules import RulesError
from nda_reader.importing.sources import Source
from nda_reader.importing.texts import Overrides
from nda_reader.lang.terminal_text import display_text
from nda_reader.ui.dialogs.form import FormDialog


@dataclass(frozen=True, slots=True)
class Added:
    """What was added: the document to open and the files written."""

    doc_id: str
    paths: tuple[Path, ...]


class AddReviewDialog(FormDialog[Added]):
    """Review and add one source to the corpus at ``root``."""

    title_text = "Add a text: check what was found"
    hint_text = "enter add · tab next field · esc cancel (nothing is written)"

    DEFAULT_CSS = """
    AddReviewDialog > #form-box { max-width: 110; height: 90%; max-height: 34; }
    AddReviewDialog .add-row { height: 1; margin-bottom: 1; }
    AddReviewDialog .add-row Label { width: 7; color: $text-muted; }
    AddReviewDialog .add-row Input { width: 1fr; }
    AddReviewDialog #add-report { height: 1fr; color: $text-muted; border-top: hkey $panel; }
    """

    def __init__(self, source: Source, root: Path, corpus: Corpus) -> None:
        super().__init__()
        self.source = source
        self.root = root
        self.corpus = corpus
        self.error = ""
        try:
            self.prepared: Prepared | None = prepare([source], root, corpus=corpus)
        except RulesError as exc:
            self.prepared, self.error = None, str(exc)

    @property
    def planned(self) -> Planned | None:
        """The document as first worked out."""
        return self.prepared.documents[0] if self.prepared and self.prepared.documents else None

    def fields(self) -> ComposeResult:
        """Title, date, kind, id; then the report."""
        planned = self.planned
        meta = planned.document.parts[0].meta if planned else {}
        ident = (planned.same_source or planned.document.id) if planned else ""
        rows = (
            ("Title", "add-title", str(meta.get("part_title") or meta.get("title", "")), ""),
            ("Date", "add-date", str(meta.get("date", "")), "YYYY-MM-DD, the day of the event"),
            ("Kind", "add-kind", str(meta.get("kind", "")), " · ".join(KINDS)),
            ("Id", "add-id", ident, "the file name in texts/"),
        )
        for name, ident_, value, hint in rows:
            with Horizontal(classes="add-row"):
                yield Label(name, markup=False)
                yield Input(value, id=ident_, placeholder=hint, compact=True)
        with VerticalScroll(id="add-report"):
            yield Static(Text(self._report()), id="add-report-text")

    def _report(self) -> str:
        planned = self.planned
        if planned is None or self.prepared is None:
            return self.error
        lines = document_report(planned.document, self.corpus.glossary, self.corpus.matcher)
        if planned.same_source:
            lines.insert(0, f"  Added before as {planned.same_source}: enter updates it in place.")
        return "\n".join(display_text(line) for line in lines)

    def on_mount(self) -> None:
        """Focus the title."""
        super().on_mount()
        self.query_one("#add-title", Input).focus()

    def _overrides(self) -> Overrides:
        return Overrides(
            self.value("add-id").strip(),
            self.value("add-title").strip(),
            self.value("add-date").strip(),
            self.value("add-kind").strip(),
        )

    def problem(self) -> str:
        """Date, kind and id must be well formed; the id must be free (or the text's own)."""
        if self.planned is None:
            return self.error or "Nothing to add"
        if not self.value("add-title").strip():
            return "Give the title"
        if not FULL_DATE.match(self.value("add-date").strip()):
            return "Give the date of the event as YYYY-MM-DD"
        if self.value("add-kind").strip() not in KINDS:
            return f"The kind is one of: {', '.join(KINDS)}"
        ident = self.value("add-id").strip()
        if not SLUG.match(ident):
            return "The id is lowercase letters, digits and hyphens"
        if ident in self.corpus.documents and ident != self.planned.same_source:
            return f"texts/{ident}.md exists already; choose another id"
        return ""

    def submit(self) -> None:
        """Add the text (all its files or none) and close; or say what stops it."""
        if self.check():
            self.app.bell()
            return
        update = bool(self.planned and self.planned.same_source)
        prepared = prepare(
            [self.source], self.root, self._overrides(), update=update, corpus=self.corpus
        )
        planned = prepared.documents[0] if prepared.documents else None
        if planned is None or not planned.ok:
            problems = planned.problems if planned else [f.message for f in prepared.failed]
            self.query_one("#form-problem", Label).update(problems[0] if problems else "Not added")
            self.app.bell()
            return
        try:
            paths = write(planned)
        except OSError as exc:
            self.query_one("#form-problem", Label).update(f"Nothing written: {exc.strerror or exc}")
            self.app.bell()
            return
        self.dismiss(Added(planned.document.parts[0].id, tuple(paths)))
