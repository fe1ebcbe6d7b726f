"""Saving annotation edits from the reader: write, undo, redo, retry, and say how it went.

Every change goes through an :class:`~nda_reader.editing.session.AnnotationSession`
(atomic, minimal-diff writes); the files written are then handed to the host, which reloads
just those files and repaints just the documents whose annotations changed.
"""

from __future__ import annotations

from collections.abc import Callable

from nda_reader.editing.actions import AnnotateError
from nda_reader.editing.layer_store import Edit
from nda_reader.editing.session import AnnotationSession, Outcome
from nda_reader.ui.host import AnnotationHost

NO_FOLDER = (
    "Annotations need a corpus folder (with texts/ and annotations/); this file was "
    "opened on its own, so nothing can be saved"
)

EditMaker = Callable[[], Edit | list[Edit]]
"""Builds the edits of one action from the corpus as it is when the user confirms."""


class AnnotationSaver:
    """Writes annotation actions for the app, keeps their history, reports the outcome."""

    def __init__(self, host: AnnotationHost) -> None:
        self.host = host
        self.session = AnnotationSession()
        self._remembered = False

    def remember(self) -> None:
        """Record every layer file as loaded, to notice a change made outside the reader
        before a save. Reading them all takes a while in a large corpus, so the app does
        it after its first paint (and any save first makes sure it was done)."""
        if not self._remembered:
            self._remembered = True
            self.session.remember(self.host.corpus)

    def can_annotate(self) -> bool:
        """True when there is a corpus folder to save in (else the user is told)."""
        if self.host.corpus.root is None:
            self.host.notify(NO_FOLDER, severity="error", timeout=8)
            return False
        return True

    def save(self, make: EditMaker, what: str = "") -> bool:
        """Build the edits with ``make`` and save them as one undoable action.

        Returns True when saved; an :class:`AnnotateError` or a failed write is reported
        (a failed write is kept for ``ctrl+s``).
        """
        self.remember()
        try:
            edits = make()
        except AnnotateError as exc:
            self.host.notify(str(exc), severity="error", timeout=8)
            return False
        return self.report(self.session.apply(edits, what))

    def undo(self) -> None:
        """Undo the last action of this session."""
        self.remember()
        self.report(self.session.undo())

    def redo(self) -> None:
        """Redo the last undone action."""
        self.remember()
        self.report(self.session.redo())

    def retry(self) -> None:
        """Write the changes that could not be saved."""
        self.remember()
        self.report(self.session.retry())

    def report(self, outcome: Outcome) -> bool:
        """Tell the user how it went and reload what was written; True unless an error."""
        self.host.notify(
            outcome.message,
            severity=outcome.severity,
            timeout=10 if outcome.severity != "information" else 4,
            markup=False,
        )
        if outcome.changed:
            # The store knows what it wrote; other files stay as remembered at start, so a
            # change made to them outside the reader is still noticed at the next save.
            self.host.files_changed(outcome.paths)
        return outcome.severity != "error"
