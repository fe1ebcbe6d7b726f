"""One change to one list of one layer file, its inverse, and how it applies to a text.

An :class:`Edit` inserts, removes or replaces an item block (see
:mod:`nda_reader.formats.yaml_edit`). Applied, it learns what it needs to be undone exactly:
what a removal cut out, and whether an insert created the file or the list's key (its undo
removes them again, so that no ``turns:`` with nothing under it is left behind).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from nda_reader.formats.layer_order import Slot, stable_slot
from nda_reader.formats.yaml_edit import (
    FileNotEditable,
    insert_block,
    item_blocks,
    list_shape,
    remove_block,
    replace_block,
)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    force: bool = False
    """Save even though the entry changed on disk since it was read (the user chose to)."""
    empty_key_line: str | None = None
    """For an insert into an empty list: the ``key:`` line as it was ("" when the insert
    added the key). Its undo, emptying the list again, puts that line back."""
    made_file: bool = False
    """For an insert: the file did not exist (or was blank) before it."""
    removes_file: bool = False
    """For an applied removal: only the header of a file the session made is left, so the
    file is deleted instead of written."""

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
        if self.new and not self.old:
            return Edit(
                self.path,
                self.key,
                old=self.new,
                header=self.header,
                description=what,
                empty_key_line=self.empty_key_line,
                made_file=self.made_file,
            )
        return Edit(
            self.path, self.key, old=self.new, new=self.old, header=self.header, description=what
        )

    def apply_to(self, text: str) -> tuple[str, Edit]:
        """Return the edited text and this edit as applied (a removal learns what it cut,
        an insert what it created)."""
        if self.old and self.new:
            return replace_block(text, self.key, self.old, self.new), self
        if self.old:
            new_text, index, cut = remove_block(text, self.key, self.old)
            new_text = self._close_empty_list(new_text)
            removes = self.made_file and new_text.strip() == self.header.strip()
            applied = replace(self, index=index, cut=cut, removes_file=removes)
            return ("" if removes else new_text), applied
        made_file = not text.strip()
        empty_line: str | None = None
        if made_file:
            empty_line = ""
        else:
            shape = list_shape(text, self.key)
            if shape.key_line == -1:
                empty_line = ""
            elif not shape.items:
                empty_line = text.splitlines(keepends=True)[shape.key_line]
        place, after = self.index, False
        if place is None and not self.raw:
            slot = _stable_slot(text, self.key, self.new)
            if slot is not None:
                place, after = slot.index, slot.after
        inserted = insert_block(
            text, self.key, self.new, place, self.header, raw=self.raw, after=after
        )
        return inserted, replace(self, empty_key_line=empty_line, made_file=made_file)

    def _close_empty_list(self, text: str) -> str:
        """After a removal that left the list empty: the key line as it was before the
        first insert (or no key, if that insert added it), else ``key: []``, so that the
        file stays a valid layer."""
        shape = list_shape(text, self.key)
        if shape.key_line == -1 or shape.items:
            return text
        lines = text.splitlines(keepends=True)
        line = lines[shape.key_line]
        if self.empty_key_line == "":
            del lines[shape.key_line]
        elif self.empty_key_line is not None:
            lines[shape.key_line] = self.empty_key_line
        elif not shape.flow_empty:
            lines[shape.key_line] = re.sub(
                rf"^(\s*{re.escape(self.key)}:)(?:\s*null|\s*~)?", r"\1 []", line, count=1
            )
        return "".join(lines)

    def same_entry_in(self, text: str) -> str | None:
        """The block of ``text`` holding the entry this edit changes (by its ``id``, or a
        turn by its anchor), or None. Raises :class:`FileNotEditable` for a broken text."""
        wanted = entry_identity(self.old)
        if wanted is None:
            return None
        for block in item_blocks(text, self.key):
            if entry_identity(block) == wanted:
                return block
        return None


def _stable_slot(text: str, key: str, block: str) -> Slot | None:
    """The stable place of a new item block (see :mod:`nda_reader.formats.layer_order`)."""
    try:
        data = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError:
        return None
    if not (isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict)):
        return None
    return stable_slot(text, key, data[0])


def entry_identity(block: str) -> str | None:
    """What names the entry of an item block: its ``id``, else its ``anchor`` (a turn)."""
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        raise FileNotEditable(str(exc)) from exc
    item = data[0] if isinstance(data, list) and data else None
    if not isinstance(item, dict):
        return None
    if "id" in item:
        return f"id:{item['id']}"
    if "anchor" in item:
        return "anchor:" + json.dumps(item["anchor"], sort_keys=True, default=str)
    return None
