"""Saving annotation edits: atomically, with minimal diffs, undoable, never blind.

Every change is one :class:`Edit` on one layer file: insert, remove or replace an item block
(see :mod:`nda_reader.formats.yaml_edit`). The store writes the new file at once through a temporary
file, ``fsync`` and ``rename``, so a crash leaves the old file or the new one, whole. It
remembers what each file held when it last read or wrote it; if something else changed the
file since (an editor, ``git pull``), the edit is re-applied to the file as it is now, and
the caller is told. An edit that no longer fits raises :class:`ConflictError` and changes
nothing. A failed write keeps the edit pending so it can be retried.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from nda_reader.formats.atomic import atomic_write
from nda_reader.formats.layer_order import Slot, stable_slot
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_edit import EditError, insert_block, remove_block, replace_block
from nda_reader.formats.yaml_source import parse_yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SaveError(Exception):
    """The file could not be written; the edit stays pending."""


class ConflictError(Exception):
    """The edit no longer fits the file on disk; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to one list in one layer file.

    ``old``/``new`` are item blocks: insert has only ``new``, remove only ``old``, replace
    both. ``index`` places an insert (without one, a new entry goes to its stable place,
    see :mod:`nda_reader.formats.layer_order`); ``header`` starts a file that does not exist
    yet.
    """

    path: Path
    key: str
    old: str = ""
    new: str = ""
    index: int | None = None
    header: str = ""
    description: str = ""
    raw: bool = False
    """Insert ``new`` verbatim (a chunk cut out by a removal, being put back)."""
    cut: str = ""
    """For a removal that was applied: the exact chunk it cut out."""

    def inverse(self) -> Edit:
        """The edit that undoes this (applied) one."""
        what = f"undo {self.description}"
        if self.old and not self.new:
            return Edit(
                self.path,
                self.key,
                new=self.cut or self.old,
                index=self.index,
                header=self.header,
                description=what,
                raw=bool(self.cut),
            )
        return Edit(
            self.path, self.key, old=self.new, new=self.old, header=self.header, description=what
        )

    def apply_to(self, text: str) -> tuple[str, Edit]:
        """Return the edited text and this edit as applied (a removal learns what it cut)."""
        if self.old and self.new:
            return replace_block(text, self.key, self.old, self.new), self
        if self.old:
            new_text, at, cut = remove_block(text, self.key, self.old)
            return new_text, replace(self, index=at, cut=cut)
        index, after = self.index, False
        if index is None and not self.raw:
            slot = _stable_slot(text, self.key, self.new)
            if slot is not None:
                index, after = slot.index, slot.after
        inserted = insert_block(
            text, self.key, self.new, index, self.header, raw=self.raw, after=after
        )
        return inserted, self


def _stable_slot(text: str, key: str, block: str) -> Slot | None:
    """The stable place of a new item block (see :mod:`nda_reader.formats.layer_order`)."""
    try:
        data = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError:
        return None
    if not (isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict)):
        return None
    return stable_slot(text, key, data[0])


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What happened on save: ``reapplied`` when the file had changed on disk first."""

    edit: Edit
    reapplied: bool = False


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class LayerStore:
    """Applies edits to layer files and keeps the undo and redo history of a session."""

    seen: dict[Path, str] = field(default_factory=dict)
    """Digest of each file as this store last read or wrote it."""
    _undo: list[Edit] = field(default_factory=list)
    _redo: list[Edit] = field(default_factory=list)
    _pending: list[Edit] = field(default_factory=list)

    @property
    def pending(self) -> list[Edit]:
        """The edits waiting for a retry (a copy), oldest first."""
        return list(self._pending)

    def defer(self, edits: list[Edit]) -> None:
        """Keep ``edits`` for :meth:`retry` without trying them now (the rest of an action
        whose first edit could not be written)."""
        self._pending.extend(e for e in edits if e not in self._pending)

    def forget_pending(self, keep: int) -> None:
        """Drop the pending edits after the first ``keep`` (an undo that failed is not
        retried later)."""
        del self._pending[keep:]

    def take_back(self, count: int) -> None:
        """Undo the last ``count`` saved edits for good: they are not offered for redo
        (the first part of an action whose rest could not be saved)."""
        for _ in range(count):
            if self.undo() is not None:
                self._redo.pop()

    def remember(self, path: Path) -> None:
        """Record the file's current content as known (call after loading it)."""
        self.seen[path] = _digest(path.read_bytes()) if path.exists() else _digest(b"")

    def apply(self, edit: Edit) -> SaveResult:
        """Apply and save ``edit``; push it on the undo stack and clear redo."""
        result = self._save(edit)
        self._undo.append(result.edit)
        self._redo.clear()
        return result

    def undo(self) -> SaveResult | None:
        """Undo the last edit (re-applied to the file as it is now); None if nothing to undo."""
        if not self._undo:
            return None
        edit = self._undo[-1]
        result = self._save(edit.inverse())
        self._undo.pop()
        self._redo.append(edit)
        return result

    def redo(self) -> SaveResult | None:
        """Redo the last undone edit; None if there is nothing to redo."""
        if not self._redo:
            return None
        edit = self._redo[-1]
        result = self._save(edit)
        self._redo.pop()
        self._undo.append(result.edit)
        return result

    def retry(self) -> list[SaveResult]:
        """Try the pending (failed) writes again, oldest first."""
        done = []
        while self._pending:
            edit = self._pending[0]
            done.append(self.apply(edit))
            self._pending.pop(0)
        return done

    def _save(self, edit: Edit) -> SaveResult:
        path = edit.path
        try:
            before = path.read_bytes() if path.exists() else b""
        except OSError as exc:
            raise SaveError(f"{path}: cannot read: {exc.strerror}") from exc
        known = self.seen.get(path)
        reapplied = known is not None and known != _digest(before)
        try:
            text, applied = edit.apply_to(before.decode("utf-8"))
        except (EditError, UnicodeDecodeError) as exc:
            raise ConflictError(f"{path}: {exc}") from exc
        problems = ProblemList()
        parse_yaml(text, path, problems)
        if problems:
            raise ConflictError(
                f"{path}: the edit would make the file invalid: {problems[0].message}"
            )
        if not path.parent.is_dir():
            if edit not in self._pending:
                self._pending.append(edit)
            raise SaveError(f"{path.parent}: folder does not exist; create it and retry")
        try:
            atomic_write(path, text)
        except OSError as exc:
            if edit not in self._pending:
                self._pending.append(edit)
            raise SaveError(
                f"{path}: cannot save ({exc.strerror or exc}); "
                "your change is kept — fix the folder's permissions and retry"
            ) from exc
        self.seen[path] = _digest(text.encode("utf-8"))
        return SaveResult(applied, reapplied)
