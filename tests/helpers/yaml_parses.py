"""Layer texts of notes to edit, and comparing parses value by value and position by
position (the splice tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nda_reader.editing.edits import Edit
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_edit import render_block
from nda_reader.formats.yaml_source import parse_yaml
from nda_reader.formats.yaml_values import YList, YMap


def same(spliced: Any, whole: Any, where: str = "file") -> None:
    """``spliced`` and ``whole`` hold the same values at the same positions."""
    assert type(spliced) is type(whole), where
    if isinstance(whole, YMap):
        assert list(spliced) == list(whole), where
        assert spliced.pos == whole.pos, where
        assert spliced.key_pos == whole.key_pos, where
        assert spliced.value_pos == whole.value_pos, where
        for key in whole:
            same(spliced[key], whole[key], f"{where}.{key}")
    elif isinstance(whole, YList):
        assert len(spliced) == len(whole), where
        assert (spliced.pos, spliced.item_pos) == (whole.pos, whole.item_pos), where
        for i, (a, b) in enumerate(zip(spliced, whole, strict=True)):
            same(a, b, f"{where}[{i}]")
    else:
        assert spliced == whole, where


def whole(text: str) -> Any:
    problems = ProblemList()
    value = parse_yaml(text, Path("/elsewhere.yaml"), problems)  # never a kept parse
    assert not problems
    return value


def note(ident: str, text: str = "a note", indent: int = 2) -> str:
    item = {"id": ident, "anchor": {"doc": "d", "exact": "words"}, "text": text, "tags": ["t"]}
    return render_block(item, indent)


def layer(ids: list[str], *, indent: int = 2, blank: bool = True, tail: str = "") -> str:
    gap = "\n" if blank else ""
    return (
        "layer: notes\nversion: 1\nnotes:\n" + gap.join(note(i, indent=indent) for i in ids) + tail
    )


EditStep = tuple[str, int, str]
"""One step of a run of edits: ``add``, ``change`` or ``drop``, which note, what is typed."""


def step_edit(path: Path, value: Any, text: str, n: int, step: EditStep) -> Edit | None:
    """The edit step ``n`` of a run makes to the notes file ``text`` (parsed as ``value``):
    a new note, or a change or removal of an existing one (None: skipped, the note is not
    written the way :func:`note` writes it)."""
    what, pick, typed = step
    items = value["notes"] if isinstance(value, YMap) else []
    if what == "add" or len(items) < 2:
        return Edit(path, "notes", new=note(f"{pick}-{n}", typed or "x"))
    item = items[pick % len(items)]
    old = note(item["id"], item["text"])
    new = note(item["id"], typed or "y") if what == "change" else ""
    return Edit(path, "notes", old=old, new=new) if old in text else None
