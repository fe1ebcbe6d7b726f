"""Saving annotation edits from the reader: write, undo, redo, retry, and say how it went.

Every change goes through an :class:`~nda_reader.editing.session.AnnotationSession`
(atomic, minimal-diff writes); the files written are then handed to the host, which reloads
just those files and repaints just the documents whose annotations changed.

Nothing the user typed is lost to a save that fails: a write that fails stays pending in
the session, and an annotation whose edit cannot even be built (its layer file is broken
or unreadable now) is kept here; ``ctrl+s`` tries both again. An entry changed on disk
while the user changed it is shown in both versions for the user to choose
(:class:`~nda_reader.ui.dialogs.conflict.ConflictDialog`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.screen import Screen

from nda_reader.editing.actions import AnnotateError, LayerUnreadable, prepare
from nda_reader.editing.layer_store import Edit
from nda_reader.editing.session import AnnotationSession, Conflict, Outcome
from nda_reader.ui.host import AnnotationHost

NO_FOLDER = (
    "Annotations need a corpus folder (with texts/ and annotations/); this file was "
    "opened on its own, so nothing can be saved"
)

COLLECTOR_PAUSE = 0.5
"""Seconds the garbage collector waits after a save (its repaint and notification)."""

EditMaker = Callable[[], Edit | list[Edit]]
"""Builds the edits of one action from the corpus as it is when the user confirms."""

Ask = Callable[[Screen[Any], Callable[[Any], None]], None]
"""Shows a dialog and hands its answer to a callback (the controller's, so that undo and
redo wait while it is open)."""


@dataclass(frozen=True, slots=True)
class KeptAction:
    """An annotation that could not be saved yet, to build and save again on ``ctrl+s``."""

    make: EditMaker
    what: str


class AnnotationSaver:
    """Writes annotation actions for the app, keeps their history, reports the outcome."""

    def __init__(self, host: AnnotationHost, ask: Ask | None = None) -> None:
        self.host = host
        self.ask: Ask = ask or (lambda screen, answered: host.push_screen(screen, answered))
        self.session = AnnotationSession()
        self.kept: list[KeptAction] = []
        """Actions whose edits could not be built or whose conflict waits for a choice."""
        self._remembered = False
        self._pauses = 0  # saves waiting to let the garbage collector run again
        self._preparing: threading.Thread | None = None

    def remember(self) -> None:
        """Record every layer file as loaded, to notice a change made outside the reader
        before a save. Reading them all takes a while in a large corpus, so the app does
        it after its first paint (and any save first makes sure it was done)."""
        if not self._remembered:
            self._remembered = True
            self.session.remember(self.host.corpus)

    def prepare(self, path: Path | None = None, key: str = "") -> None:
        """Get the corpus index ready for the reload after a save, and read the layer file
        ``path`` (whose ``key`` list is to be edited), in a thread while a form is open, so
        that the save does not wait for either (see
        :func:`~nda_reader.editing.actions.prepare` and the index's ``prepare``). Nothing
        new starts while a preparation is under way."""
        if self._preparing is not None and self._preparing.is_alive():
            return
        backing = self.host.corpus.backing

        def run() -> None:
            if path is not None:
                prepare(path, key)
            if backing is not None:
                backing.prepare()

        self._preparing = threading.Thread(target=run, name="nda-reader prepare", daemon=True)
        self._preparing.start()

    def can_annotate(self) -> bool:
        """True when there is a corpus folder to save in (else the user is told)."""
        if self.host.corpus.root is None:
            self.host.notify(NO_FOLDER, severity="error", timeout=8)
            return False
        return True

    def save(self, make: EditMaker, what: str = "") -> bool:
        """Build the edits with ``make`` and save them as one undoable action.

        Returns True when saved; an :class:`AnnotateError` or a failed write is reported
        (a failed write, or a layer file that cannot be read now, is kept for ``ctrl+s``).
        """
        self._pause_collector()
        self.remember()
        try:
            edits = make()
        except LayerUnreadable as exc:
            self._keep(KeptAction(make, what))
            self._tell(
                f"Not saved: {exc}. Your change is kept; fix the file and press ctrl+s to "
                "try again.",
                "error",
            )
            return False
        except AnnotateError as exc:
            self._tell(str(exc), "error")
            return False
        outcome = self.session.apply(edits, what)
        if outcome.conflict is not None:
            if outcome.changed:  # the first part of the action, written and taken back
                self.host.files_changed(outcome.paths)
            self._choose(outcome.conflict, KeptAction(make, what))  # the dialog says it all
            return False
        return self.report(outcome)

    def undo(self) -> None:
        """Undo the last action of this session."""
        self._pause_collector()
        self.remember()
        self.report(self.session.undo())

    def redo(self) -> None:
        """Redo the last undone action."""
        self._pause_collector()
        self.remember()
        self.report(self.session.redo())

    def retry(self) -> None:
        """Write the changes that could not be saved: the pending writes first, then the
        kept annotations, built again from the files as they are now."""
        self._pause_collector()
        self.remember()
        pending_first = self.session.waiting or not self.kept
        if pending_first and (not self.report(self.session.retry()) or not self.kept):
            return
        kept, self.kept = self.kept, []
        for i, action in enumerate(kept):
            if not self.save(action.make, action.what):
                self.kept.extend(k for k in kept[i + 1 :] if k not in self.kept)
                return

    @property
    def waiting(self) -> int:
        """How many changes wait for ``ctrl+s``."""
        return self.session.waiting + len(self.kept)

    def report(self, outcome: Outcome) -> bool:
        """Tell the user how it went and reload what was written; True unless an error."""
        self._tell(outcome.message, outcome.severity)
        if outcome.changed:
            # The store knows what it wrote; other files stay as remembered at start, so a
            # change made to them outside the reader is still noticed at the next save.
            self.host.files_changed(outcome.paths)
        return outcome.severity != "error"

    # ------------------------------------------------------------------ helpers
    def _pause_collector(self) -> None:
        """Keep Python's cyclic garbage collector out of a save until it is shown: the
        save and the reload make many objects and little garbage, and a full collection
        among them (tens of milliseconds with a large corpus in memory) would hold back
        the repaint and the notification. It runs after, as it would have."""
        if not gc.isenabled() and not self._pauses:
            return  # paused by someone else (start-up)
        gc.disable()
        self._pauses += 1

        def resume() -> None:
            self._pauses -= 1
            if not self._pauses:
                gc.enable()

        self.host.set_timer(COLLECTOR_PAUSE, resume)

    def _tell(self, message: str, severity: Any) -> None:
        if severity == "information":  # done as asked: in the message line (no toast)
            self.host.show_outcome(message)
            return
        self.host.notify(
            message,
            severity=severity,
            timeout=10,
            markup=False,
        )

    def _keep(self, action: KeptAction) -> None:
        if action not in self.kept:
            self.kept.append(action)

    def _choose(self, conflict: Conflict, action: KeptAction) -> None:
        """Show both versions of the entry; save or drop the user's as they choose."""
        from nda_reader.ui.dialogs.conflict import ConflictDialog, Kept

        def chosen(which: Kept | None) -> None:
            if which == "mine":
                self.report(self.session.apply(list(conflict.edits), conflict.what))
            elif which == "disk":
                self.session.store.remember(conflict.path)
                self.host.files_changed({conflict.path})
                self._tell(
                    f"Kept the version in {conflict.shown}; your change ({conflict.what}) "
                    "was not saved",
                    "information",
                )
            else:
                self._keep(action)
                self._tell(
                    f"Your change ({conflict.what}) is kept, not saved; press ctrl+s to "
                    "choose again",
                    "warning",
                )

        dialog = ConflictDialog(conflict.what, conflict.shown, conflict.disk, conflict.mine)
        self.ask(dialog, chosen)
