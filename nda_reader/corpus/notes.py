"""The notes layer: a user's comments and tags on spans of text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nda_reader.corpus.anchors import Anchor, read_anchor
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.schema import Field, read_list, slug_field, str_list
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
    """Read a ``layer: notes`` file; ``seen`` holds ids already used in the corpus."""
    notes = data.get("notes")
    if notes is None:
        return []
    if not isinstance(notes, YList):
        problems.error_at(path, data.where("notes"), "'notes:' must be a list")
        return []
    out: list[Note] = []
    for raw, values, what, (line, col) in read_list(notes, NOTE_FIELDS, path, problems, "note"):
        anchor = read_anchor(
            raw["anchor"], path, problems, f"anchor of {what}", raw.where("anchor")
        )
        if anchor is None:
            continue
        note = Note(
            values["id"],
            anchor,
            values["text"],
            str_list(raw.get("tags"), path, problems, f"tags of {what}", raw.where("tags")),
            values.get("created", ""),
            path,
            line,
            col,
        )
        if note.id in seen:
            problems.error_at(path, raw.where("id"), f"duplicate note id {note.id!r}")
            continue
        seen[note.id] = note
        out.append(note)
    return out
