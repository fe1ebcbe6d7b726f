"""An annotation session: saving edits, undo and redo of whole actions, and what to tell the user.

Wraps a :class:`~nda_reader.store.LayerStore`. One user action can be several edits (a new
speaker and its first turn); the session undoes and redoes them together. Every call returns
an :class:`Outcome` with a message for the user and whether files changed (then the corpus
must be reloaded). Nothing here raises for a save that fails: the message says why, and a
failed write stays pending for :meth:`AnnotationSession.retry`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from nda_reader.corpus.model import Corpus
from nda_reader.editing.layer_store import (
    ConflictError,
    Edit,
    EntryChanged,
    LayerStore,
    SaveError,
    SaveResult,
)

STANDARD_FILES = ("glossary.yaml", "notes.yaml", "crossrefs.yaml")


@dataclass(frozen=True, slots=True)
class Conflict:
    """An entry changed on disk while the user changed it: both versions, and the action
    that would save the user's (nothing of it is written yet)."""

    path: Path
    shown: str
    """The file, as messages name it."""
    disk: str
    """The entry as the file holds it now."""
    mine: str
    """The entry with the user's change applied to it ("" for a deletion)."""
    edits: tuple[Edit, ...]
    """The user's action, ready to save over the version on disk."""
    what: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened: a message, its severity and whether any file changed."""

    message: str
    severity: Literal["information", "warning", "error"] = "information"
    """``information``, ``warning`` or ``error`` (as Textual's notify takes them)."""
    paths: frozenset[Path] = frozenset()
    """The layer files written (the corpus must be reloaded from them)."""
    conflict: Conflict | None = None
    """Set when nothing was saved because the entry changed on disk: ask the user."""

    @property
    def changed(self) -> bool:
        """True when any file was written."""
        return bool(self.paths)


@dataclass
class AnnotationSession:
    """Saves annotation actions and keeps their undo/redo history for one session."""

    store: LayerStore = field(default_factory=LayerStore)
    root: Path | None = None
    groups: list[tuple[int, str]] = field(default_factory=list)
    """Per undoable action: how many store edits it made and what it was."""
    redo_groups: list[tuple[int, str]] = field(default_factory=list)
    pending_groups: list[tuple[int, str]] = field(default_factory=list)

    def remember(self, corpus: Corpus) -> None:
        """Record every layer file of ``corpus`` as loaded (to notice outside changes)."""
        self.root = corpus.root
        paths = list(corpus.layer_files)
        if corpus.root is not None:
            paths += [corpus.root / "annotations" / name for name in STANDARD_FILES]
            paths += [
                corpus.root / "annotations" / "speakers" / f"{doc}.yaml" for doc in corpus.documents
            ]
        for path in paths:
            self.store.remember(path)

    def shown(self, path: Path) -> str:
        """``path`` relative to the corpus folder, for messages."""
        if self.root is not None and path.is_relative_to(self.root):
            return str(path.relative_to(self.root))
        return str(path)

    def _reapplied(self, results: list[SaveResult]) -> str:
        # A forced edit is the user's choice over a change on disk, not a merge to report.
        files = sorted(
            {self.shown(r.edit.path) for r in results if r.reapplied and not r.edit.force}
        )
        if not files:
            return ""
        return f"{', '.join(files)} had changed on disk; your change was applied to the new version"

    # ------------------------------------------------------------------ saving
    def apply(self, edits: Edit | list[Edit], what: str = "") -> Outcome:
        """Save one user action (one or more edits) and make it one undo step."""
        batch = edits if isinstance(edits, list) else [edits]
        what = what or batch[-1].description
        results: list[SaveResult] = []
        for i, edit in enumerate(batch):
            try:
                results.append(self.store.apply(edit))
            except EntryChanged as exc:
                self.store.take_back(len(results))
                forced = (*batch[:i], replace(edit, force=True), *batch[i + 1 :])
                shown = self.shown(edit.path)
                conflict = Conflict(edit.path, shown, exc.disk, exc.mine, forced, what)
                return Outcome(
                    f"Not saved yet: the entry was changed in {shown} while you edited it; "
                    "choose which version to keep",
                    "warning",
                    _paths(results),
                    conflict,
                )
            except ConflictError as exc:
                self.store.take_back(len(results))  # the part of this action already written
                return Outcome(f"Not saved: {exc}", "error", _paths(results))
            except SaveError as exc:
                self.store.defer(batch[i + 1 :])
                if results:
                    self.groups.append((len(results), what))
                self.pending_groups.append((len(batch) - len(results), what))
                self.redo_groups.clear()
                return Outcome(
                    f"Not saved: {exc}. Your change is kept; press ctrl+s to try again.",
                    "error",
                    _paths(results),
                )
        self.groups.append((len(batch), what))
        self.redo_groups.clear()
        note = self._reapplied(results)
        if note:
            return Outcome(f"Saved ({what}). {note}.", "warning", _paths(results))
        return Outcome(f"Saved: {what}", paths=_paths(results))

    def retry(self) -> Outcome:
        """Write the changes that could not be saved, oldest first."""
        if not self.store.pending:
            return Outcome("Nothing is waiting to be saved")
        before = len(self.store.pending)
        tried = frozenset(edit.path for edit in self.store.pending)
        error = ""
        try:
            results = self.store.retry()
        except (SaveError, ConflictError) as exc:
            results, error = [], str(exc)
        done = before - len(self.store.pending)
        while done and self.pending_groups:
            count, what = self.pending_groups[0]
            taken = min(count, done)
            self.groups.append((taken, what))
            done -= taken
            if taken == count:
                self.pending_groups.pop(0)
            else:
                self.pending_groups[0] = (count - taken, what)
        self.redo_groups.clear()
        if error:
            return Outcome(f"Still not saved: {error}", "error", tried)
        note = self._reapplied(results)
        return Outcome(
            "Saved the kept changes" + (f". {note}." if note else ""), paths=_paths(results)
        )

    @property
    def waiting(self) -> int:
        """How many edits are waiting for a retry."""
        return len(self.store.pending)

    # ------------------------------------------------------------------ history
    def undo(self) -> Outcome:
        """Undo the last action (all its edits)."""
        if not self.groups:
            return Outcome("Nothing to undo")
        count, what = self.groups[-1]
        return self._step(count, what, undo=True)

    def redo(self) -> Outcome:
        """Redo the last undone action."""
        if not self.redo_groups:
            return Outcome("Nothing to redo")
        count, what = self.redo_groups[-1]
        return self._step(count, what, undo=False)

    def _step(self, count: int, what: str, *, undo: bool) -> Outcome:
        verb = "Undone" if undo else "Redone"
        results: list[SaveResult] = []
        pending = len(self.store.pending)
        try:
            for _ in range(count):
                result = self.store.undo() if undo else self.store.redo()
                if result is not None:
                    results.append(result)
        except (SaveError, ConflictError) as exc:
            self.store.forget_pending(pending)  # an undo is not kept for a retry
            if results:  # half done: the rest stays on its stack
                source, target = (
                    (self.groups, self.redo_groups) if undo else (self.redo_groups, self.groups)
                )
                source[-1] = (count - len(results), what)
                target.append((len(results), what))
            return Outcome(
                f"Could not {'undo' if undo else 'redo'} {what}: {exc}", "error", _paths(results)
            )
        source, target = (
            (self.groups, self.redo_groups) if undo else (self.redo_groups, self.groups)
        )
        source.pop()
        target.append((count, what))
        note = self._reapplied(results)
        return Outcome(
            f"{verb}: {what}" + (f". {note}." if note else ""),
            "warning" if note else "information",
            _paths(results),
        )


def _paths(results: list[SaveResult]) -> frozenset[Path]:
    return frozenset(r.edit.path for r in results)
