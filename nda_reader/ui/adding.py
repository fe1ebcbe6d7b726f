"""``A`` in the library: a text from a file or pasted, its review form, then it opens.

The corpus is reloaded from the files written, as after any save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nda_reader.ui.app import ReaderApp


def ask_add_text(app: ReaderApp) -> None:
    """Add a text (``A`` in the library): a path or pasted text, the review form, then
    the new document opens; the corpus is reloaded from the files written."""
    from nda_reader.importing.sources import Source
    from nda_reader.ui.dialogs.add_review import Added, AddReviewDialog
    from nda_reader.ui.dialogs.add_source import AddSourceDialog

    root = app.corpus.root
    if root is None:
        app.notify(
            "Adding a text needs a corpus folder: open one (nda-reader PATH)",
            severity="warning",
        )
        return

    def added(result: Added | None) -> None:
        if result is None:
            return
        app.files_changed(result.paths)
        doc = app.corpus.documents.get(result.doc_id)
        app.notify(f"Added texts/{result.doc_id}.md", timeout=4)
        if doc is not None:
            app.open_document(doc)

    def read(source: Source | None) -> None:
        if source is not None:
            app.push_screen(AddReviewDialog(source, root, app.corpus), added)

    app.push_screen(AddSourceDialog(), read)
