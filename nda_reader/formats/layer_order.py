"""Where a new entry goes in a layer file: a stable place, so that concurrent additions merge.

Appending every new entry at the end makes two people who each add an entry conflict in
``git merge``: both changed the same last lines. Instead a new entry goes next to its
neighbour in sort order:

* entries with an ``id`` are ordered by id; entries without one but with an anchor
  ``pos`` (speaker turns) by that offset, i.e. in document order;
* the list is read in *sections*, each begun by an item with a comment line above it at
  the list's indentation (``# ---- people``); an entry with a ``kind`` goes into the
  section holding most entries of that kind, otherwise the whole list is one section;
* within the section, the entry goes right after the entry with the greatest key below
  its own, or, when it would be the first, right before the entry with the smallest key.

The place depends only on the file and the entry, never on when it is added, so two
clones adding different entries change different lines; in a file kept sorted the order
stays sorted. Entries with neither key are appended, as before.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from nda_reader.formats.yaml_edit import ListShape, list_shape
from nda_reader.formats.yaml_guard import compose

SortKey = tuple[int, str] | tuple[int, int]
"""``(0, id)`` or ``(1, pos)``: keys of one kind compare with each other only."""


@dataclass(frozen=True, slots=True)
class Slot:
    """Insert before item ``index``, or after it when ``after``."""

    index: int
    after: bool


def _scalar(node: Node | None) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


def _field(node: Node, name: str) -> Node | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if _scalar(key) == name and isinstance(value, Node):
                return value
    return None


def node_sort_key(node: Node) -> SortKey | None:
    """The ordering key of one list item: its id, else its anchor's ``pos``."""
    ident = _scalar(_field(node, "id"))
    if ident:
        return (0, ident)
    anchor = _field(node, "anchor")
    pos = _scalar(_field(anchor, "pos")) if anchor is not None else None
    if pos is not None and pos.isdigit():
        return (1, int(pos))
    return None


def sort_key(item: dict[str, Any]) -> SortKey | None:
    """The ordering key of an entry given as data (see :func:`node_sort_key`)."""
    ident = item.get("id")
    if isinstance(ident, str) and ident:
        return (0, ident)
    anchor = item.get("anchor")
    pos = anchor.get("pos") if isinstance(anchor, dict) else None
    if isinstance(pos, int) and not isinstance(pos, bool):
        return (1, pos)
    return None


def _items(text: str, key: str) -> list[Node]:
    root = compose(text)
    if isinstance(root, MappingNode):
        for key_node, value in root.value:
            if _scalar(key_node) == key and isinstance(value, SequenceNode):
                return list(value.value)
    return []


def _sections(lines: list[str], shape: ListShape, items: list[Node]) -> list[list[int]]:
    """Item indexes grouped into sections (a comment line at the list's indent starts one)."""
    sections: list[list[int]] = []
    previous_end = shape.key_line + 1
    for i, ((first, last), node) in enumerate(zip(shape.items, items, strict=True)):
        dash = node.start_mark.line
        between = lines[min(previous_end, first) : dash]
        commented = any(
            ln.lstrip(" ").startswith("#") and len(ln) - len(ln.lstrip(" ")) <= shape.indent
            for ln in between
        )
        if i == 0 or commented:
            sections.append([])
        sections[-1].append(i)
        previous_end = last
    return sections


def stable_slot(text: str, key: str, item: dict[str, Any]) -> Slot | None:
    """Where ``item`` goes in the list ``key`` of ``text``; ``None`` to append it."""
    new_key = sort_key(item)
    if new_key is None or not text.strip():
        return None
    order = list_order(text, key)
    if order is None:
        return None
    section = _section_for(item.get("kind"), order)
    keyed = [(k, i) for i in section if (k := order.keys[i]) and k[0] == new_key[0]]
    if not keyed:
        return Slot(section[-1], after=True)
    below = [(k, i) for k, i in keyed if k <= new_key]
    if below:
        return Slot(max(below)[1], after=True)
    return Slot(min(keyed)[1], after=False)


@dataclass(frozen=True, slots=True)
class ListOrder:
    """What :func:`stable_slot` reads of a list's items, whatever the new entry is."""

    sections: list[list[int]]
    """Item indexes by section."""
    kinds: list[str | None]
    """Each item's ``kind``."""
    keys: list[SortKey | None]
    """Each item's ordering key."""


@functools.lru_cache(maxsize=2)
def list_order(text: str, key: str) -> ListOrder | None:
    """The order of the items of the list ``key`` of ``text`` (None when the items cannot
    be told apart). The last two are kept: finding them in a 600-note file takes ~3 ms,
    which a form's preparation spends while the user types, not the save. Raises
    :class:`~nda_reader.formats.yaml_edit.EditError` for a list it cannot read."""
    shape = list_shape(text, key)
    items = _items(text, key)
    if not shape.items or len(items) != len(shape.items):
        return None
    return ListOrder(
        _sections(text.splitlines(keepends=True), shape, items),
        [_scalar(_field(node, "kind")) for node in items],
        [node_sort_key(node) for node in items],
    )


def _section_for(kind: Any, order: ListOrder) -> list[int]:
    """The section holding most entries of ``kind``; the whole list if none (or no kind)."""
    sections = order.sections
    if isinstance(kind, str) and kind:
        counts = [sum(order.kinds[i] == kind for i in s) for s in sections]
        best = max(counts, default=0)
        if best:
            return sections[counts.index(best)]
    return [i for s in sections for i in s]
