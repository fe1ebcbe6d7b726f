"""``e``: ask where the annotated Markdown of a document goes, write it, say where it went.

The folder offered is the one used last (remembered in ``settings.yaml``), at first
``~/nda-reader-export``; it is shown whole and can be edited before enter, so an export
never lands in whatever folder the reader happened to be started from.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nda_reader.ui.app import ReaderApp


def default_export_dir() -> Path:
    """Where the first export goes unless the user says otherwise."""
    return Path.home() / "nda-reader-export"


def ask_export(app: ReaderApp, doc_id: str) -> None:
    """Ask for the folder, then export ``doc_id`` (all its parts) there and say where."""
    from nda_reader.ui.dialogs.search_input import SearchInput

    doc = app.corpus.documents.get(doc_id)
    if doc is None:
        return
    title = doc.part_title or doc.title

    def asked(answer: str | None) -> None:
        if answer is None or not answer.strip():
            return
        folder = Path(answer.strip()).expanduser()
        if not folder.is_absolute():
            folder = Path.cwd() / folder
        export_to(app, doc_id, folder)

    app.push_screen(
        SearchInput(
            f"Export “{title}” as annotated Markdown into the folder:",
            str(app.export_dir),
            hint="enter export · esc cancel",
        ),
        asked,
    )


def export_to(app: ReaderApp, doc_id: str, folder: Path) -> None:
    """Write ``doc_id``'s annotated Markdown into ``folder``; remember the folder."""
    from nda_reader.export.markdown import ExportError, export_documents

    notes: list[str] = []
    try:
        paths = export_documents(app.corpus, [doc_id], folder, notes=notes)
    except ExportError as exc:
        app.notify(exc.message, title="Export failed", severity="error", timeout=8)
        return
    said = "".join(f"; {note}" for note in notes)
    app.notify(f"Exported to {paths[0]}{said}", title="Export", timeout=8)
    app.export_dir = folder
    if app.settings.export_dir != str(folder):
        app.settings = replace(app.settings, export_dir=str(folder))
        error = app.save_settings()
        if error:
            app.notify(error, severity="warning")
