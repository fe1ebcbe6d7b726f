"""Saving annotation edits: atomically, with minimal diffs, undoable, never blind.

Every change is one :class:`Edit` on one layer file: insert, remove or replace an item block
(see :mod:`nda_reader.formats.yaml_edit`). The store writes the new file at once through a
temporary file, ``fsync`` and ``rename``, so a crash leaves the old file or the new one,
whole. It remembers what each file held when it last read or wrote it; if something else
changed the file since (an editor, ``git pull``), the edit is re-applied to the file as it is
now and the caller is told, unless the entry being changed is itself what changed: that is
an :class:`EntryChanged` conflict carrying both versions, for the user to choose. An edit
that no longer fits raises :class:`ConflictError` and changes nothing. A write that fails
(a read-only file or folder, a file that is not valid YAML or UTF-8 now) raises
:class:`SaveError`, saying what to fix, and keeps the edit pending so it can be retried.

A file keeps its line endings (CRLF stays CRLF) and its byte-order mark. Undoing the insert
that created a file, or a list's key, removes them again, so an undo always returns to a
file (or no file) that ``nda-reader check`` accepted before.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from nda_reader.editing.edits import Edit
from nda_reader.formats.atomic import ReadOnlyFile, atomic_write, remove
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.safe_read import read_file
from nda_reader.formats.yaml_edit import EntryGone, FileNotEditable
from nda_reader.formats.yaml_handoff import keep as hand_over
from nda_reader.formats.yaml_source import parse_yaml
from nda_reader.formats.yaml_splice import Parsed, kept, parse_layer_text, splice
from nda_reader.formats.yaml_splice import keep as keep_parsed

__all__ = [
    "ConflictError",
    "Edit",
    "EntryChanged",
    "LayerStore",
    "SaveError",
    "SaveResult",
]

_BOM = b"\xef\xbb\xbf"


class SaveError(Exception):
    """The file could not be written; the edit stays pending."""


class ConflictError(Exception):
    """The edit no longer fits the file on disk; nothing was changed."""


class EntryChanged(ConflictError):
    """The entry being changed was itself changed on disk since the reader read it.

    ``disk`` is the entry as the file holds it now; ``mine`` what the edit would make of it
    (empty for a deletion). Nothing was written; re-apply the edit with ``force`` to keep
    ``mine``, or read the file again to keep ``disk``.
    """

    def __init__(self, edit: Edit, before: str) -> None:
        super().__init__(f"{edit.path}: the entry was changed on disk since it was read")
        self.edit = edit
        self.before = before
        self.disk = edit.old
        self.mine = edit.new


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What happened on save: ``reapplied`` when the file had changed on disk first."""

    edit: Edit
    reapplied: bool = False


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class _OnDisk:
    """A layer file as read: its text with ``\\n`` line endings, and how to write it back."""

    raw: bytes
    text: str
    crlf: bool = False
    bom: bool = False

    def encode(self, text: str) -> bytes:
        """``text`` in this file's line endings and byte-order mark."""
        data = (text.replace("\n", "\r\n") if self.crlf else text).encode("utf-8")
        return _BOM + data if self.bom else data


def _read(path: Path) -> _OnDisk:
    """The file as it is now (empty if missing). Raises :class:`SaveError` when it cannot be
    read or is not UTF-8: the edit waits until the file is fixed."""
    try:
        raw = read_file(path)
    except FileNotFoundError:
        return _OnDisk(b"", "")
    except OSError as exc:
        raise SaveError(f"{path}: cannot read it ({exc.strerror or exc}); fix the file") from exc
    try:
        decoded = raw.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SaveError(
            f"{path}: not valid UTF-8 now (byte 0x{raw[exc.start]:02x} on line {line}); "
            "save it as UTF-8"
        ) from exc
    first_break = decoded.find("\n")
    crlf = first_break > 0 and decoded[first_break - 1] == "\r"
    text = decoded.replace("\r\n", "\n").replace("\r", "\n")
    return _OnDisk(raw, text, crlf=crlf, bom=raw.startswith(_BOM))


@dataclass
class LayerStore:
    """Applies edits to layer files and keeps the undo and redo history of a session."""

    seen: dict[Path, str] = field(default_factory=dict)
    """Digest of each file as this store last read or wrote it."""
    known: dict[Path, str] = field(default_factory=dict)
    """The text of each file as this store last read or wrote it (what the reader shows)."""
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
        try:
            now = _read(path)
        except SaveError:
            self.seen[path] = ""  # unreadable now: any later content counts as a change
            self.known.pop(path, None)
            return
        self.seen[path] = _digest(now.raw)
        self.known[path] = now.text

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

    def _keep(self, edit: Edit) -> None:
        if edit not in self._pending:
            self._pending.append(edit)

    def _save(self, edit: Edit) -> SaveResult:
        path = edit.path
        try:
            now = _read(path)
        except SaveError:
            self._keep(edit)
            raise
        known = self.seen.get(path)
        reapplied = known is not None and known != _digest(now.raw)
        if reapplied and edit.old and not edit.force:
            self._refuse_if_entry_changed(edit)
        try:
            text, applied = edit.apply_to(now.text)
        except FileNotEditable as exc:
            self._keep(edit)
            raise SaveError(f"{path}: {exc}; fix the file") from exc
        except EntryGone as exc:
            raise ConflictError(f"{path}: {exc}") from exc
        self._refuse_new_errors(path, edit.key, now.text, text)
        if not path.parent.is_dir():
            self._keep(edit)
            raise SaveError(f"{path.parent}: folder does not exist; create it and retry")
        try:
            if applied.removes_file:
                remove(path)
            else:
                atomic_write(path, now.encode(text))
        except OSError as exc:
            self._keep(edit)
            raise SaveError(_write_failure(path, exc)) from exc
        self.seen[path] = _digest(b"" if applied.removes_file else now.encode(text))
        self.known[path] = "" if applied.removes_file else text
        return SaveResult(applied, reapplied)

    def _refuse_if_entry_changed(self, edit: Edit) -> None:
        """Raise :class:`EntryChanged` when the entry ``edit`` changes differs on disk from
        the version this store last knew (someone else edited the same entry)."""
        before = self.known.get(edit.path)
        if before is None:
            return
        try:
            then = edit.same_entry_in(before)
        except FileNotEditable:
            return
        if then is not None and then != edit.old:
            raise EntryChanged(edit, then)

    @staticmethod
    def _refuse_new_errors(path: Path, key: str, before: str, after: str) -> None:
        """Refuse an edit that would make the file invalid YAML (errors the file did not
        already have; a file with one bad key can still be edited elsewhere).

        The parse of ``after`` is spliced from the parse kept of ``before`` when there is
        one (see :mod:`~nda_reader.formats.yaml_splice`), else made whole; it is kept for
        the next edit, and handed to the reload after the save, which parses the same
        text."""
        had = kept(path, before)
        parsed = splice(had, after, key, path) if had is not None else None
        if parsed is None:
            parsed = parse_layer_text(after, path)
        else:
            keep_parsed(path, parsed)
        hand_over(path, after, parsed.value, parsed.problems)
        errors = sum(p.is_error for p in parsed.problems)
        if not errors:
            return
        if had is None:
            found = ProblemList()
            parse_yaml(before, path, found)
            had = Parsed(before, None, tuple(found))
        if errors > sum(p.is_error for p in had.problems):
            first = next(p for p in parsed.problems if p.is_error)
            raise ConflictError(f"{path}: the edit would make the file invalid: {first.message}")


def _write_failure(path: Path, exc: OSError) -> str:
    if isinstance(exc, ReadOnlyFile):
        return f"{path.name} is read-only; make it writable (chmod u+w {path})"
    return f"{path}: cannot save ({exc.strerror or exc}); fix the folder's permissions"
