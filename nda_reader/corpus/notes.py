"""The notes layer: a user's comments and tags on spans of text."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from nda_reader.corpus.anchors import Anchor, read_anchor
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.schema import Field, read_item, slug_field, str_list
from nda_reader.formats.yaml_source import YList, YMap

NOTE_FIELDS: dict[str, Field] = {
    "id": slug_field(required=True),
    "anchor": Field(dict, True),
    "text": Field(str, True),
    "tags": Field(list),
    "created": Field(str),
}


@dataclass(slots=True)
class Note:
    """A comment with tags on a span."""

    id: str
    anchor: Anchor
    text: str
    tags: list[str] = field(default_factory=list)
    created: str = ""
    path: Path = Path("")
    line: int = 1
    column: int = 1


def read_notes(data: YMap, path: Path, problems: ProblemList, seen: dict[str, Note]) -> list[Note]:
    """Read a ``layer: notes`` file; ``seen`` holds ids already used in the corpus.

    Notes read from the very mappings of the file's last reading (or from their moved
    copies, see :func:`~nda_reader.formats.yaml_values.moved`) are used again, at their
    new line: after a save, the parse of the file is spliced from the one before
    (:mod:`~nda_reader.formats.yaml_splice`), and reading its hundreds of notes again
    took ~10 ms of the save's repaint. Only notes read without a problem are kept."""
    notes = data.get("notes")
    if notes is None:
        return []
    if not isinstance(notes, YList):
        problems.error_at(path, data.where("notes"), "'notes:' must be a list")
        return []
    before = _last_read.get(path, {})
    now: dict[int, _Read] = {}
    out: list[Note] = []
    for i, raw in enumerate(notes):
        base, offset = (raw.origin or (raw, 0)) if isinstance(raw, YMap) else (raw, 0)
        kept = before.get(id(base))
        note = kept.moved(base, offset, notes.where(i)) if kept is not None else None
        clean = note is not None
        if note is None:
            count = len(problems)
            note = _read_note(notes, i, path, problems)
            if note is None:
                continue
            clean = len(problems) == count
        if clean:
            now[id(base)] = _Read(base, offset, note)
        if note.id in seen:
            problems.error_at(path, raw.where("id"), f"duplicate note id {note.id!r}")
            continue
        seen[note.id] = note
        out.append(note)
    with _lock:  # a form's preparation reads in a thread
        _last_read.pop(path, None)  # the file read last is the last one dropped
        _last_read[path] = now
        while len(_last_read) > _KEPT:
            del _last_read[next(iter(_last_read))]
    return out


def _read_note(notes: YList, i: int, path: Path, problems: ProblemList) -> Note | None:
    item = read_item(notes, i, NOTE_FIELDS, path, problems, "note")
    if item is None:
        return None
    raw, values, what, (line, col) = item
    anchor = read_anchor(raw["anchor"], path, problems, f"anchor of {what}", raw.where("anchor"))
    if anchor is None:
        return None
    return Note(
        values["id"],
        anchor,
        values["text"],
        str_list(raw.get("tags"), path, problems, f"tags of {what}", raw.where("tags")),
        values.get("created", ""),
        path,
        line,
        col,
    )


@dataclass(frozen=True, slots=True)
class _Read:
    """A note read without a problem from ``raw``, a mapping ``offset`` lines below
    ``base`` (``raw`` itself or the mapping it was copied from)."""

    base: YMap
    offset: int
    note: Note

    def moved(self, base: object, offset: int, where: tuple[int, int]) -> Note | None:
        """The note again, for a mapping ``offset`` lines below the same ``base`` found
        at ``where``; None when the base differs or the note would not be at ``where``."""
        note = self.note
        line = note.line + offset - self.offset
        if base is not self.base or (line, note.column) != where:
            return None
        return note if line == note.line else replace(note, line=line)


_KEPT = 2
"""Notes files whose last reading is kept."""
_last_read: dict[Path, dict[int, _Read]] = {}
_lock = threading.Lock()
