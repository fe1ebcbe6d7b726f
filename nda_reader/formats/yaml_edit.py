"""Editing a layer file as text, so that everything the edit does not touch stays byte-exact.

A layer file keeps its entries in one top-level block list (``entries:``, ``links:``,
``notes:`` or ``turns:``). Each item is a *block*: the lines from its ``- `` to its last line
of content, with the comment lines written above it. Edits insert, remove or replace whole
blocks and never re-serialise the rest of the file, so hand-written comments, order and
formatting survive and a new entry shows as one block in ``git diff``.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, SequenceNode

from nda_reader.formats.conflict_markers import find_conflicts
from nda_reader.formats.yaml_guard import compose


class EditError(Exception):
    """The edit cannot be applied to this text (the target is gone or the file is odd)."""


class FileNotEditable(EditError):
    """The file cannot be edited as it is now (not valid YAML, not a layer's shape): once it
    is fixed, the same edit can be tried again."""


class EntryGone(EditError):
    """The entry to change or remove is not in the file as it was (changed on disk)."""


@dataclass(frozen=True, slots=True)
class ListShape:
    """Where a top-level list lives in a file: its items' line ranges and indentation."""

    key_line: int
    """0-based line of ``key:``, or -1 when the key is absent."""
    indent: int
    """Column of the items' ``-``."""
    items: tuple[tuple[int, int], ...]
    """Per item, the 0-based [first, last) line range of its block (leading comments included)."""
    flow_empty: bool = False
    """True for ``key: []``."""


def lines_of(text: str) -> list[str]:
    """``text``'s lines, each with its line break."""
    return text.splitlines(keepends=True)


def first_line(exc: Exception) -> str:
    """An exception's message on one line (YAML errors quote the text over several)."""
    return " ".join(str(exc).split())


_SHAPES = 4
"""Shapes kept: an edit finds the shape of the same text several times (to place the new
entry, to insert it, to splice its parse)."""
_shapes: OrderedDict[tuple[str, str], ListShape] = OrderedDict()
_shapes_lock = threading.Lock()


def list_shape(text: str, key: str) -> ListShape:
    """Find the block list under top-level ``key`` in ``text`` (the shapes of the last few
    texts are kept). Raises :class:`FileNotEditable` for a text that cannot be edited."""
    with _shapes_lock:
        found = _shapes.get((text, key))
        if found is not None:
            _shapes.move_to_end((text, key))
            return found
    shape = _list_shape(text, key)
    with _shapes_lock:
        _shapes[(text, key)] = shape
        while len(_shapes) > _SHAPES:
            _shapes.popitem(last=False)
    return shape


def _list_shape(text: str, key: str) -> ListShape:
    conflicts = find_conflicts(text)
    if conflicts:
        raise FileNotEditable(
            f"the file has an unresolved merge conflict at line {conflicts[0].start}; "
            "resolve it first (nda-reader check shows where)"
        )
    try:
        root = compose(text)
    except yaml.YAMLError as exc:
        raise FileNotEditable(f"the file is not valid YAML now ({first_line(exc)})") from exc
    if root is None:
        return ListShape(-1, 2, ())
    if not isinstance(root, MappingNode):
        raise FileNotEditable("the file is not a mapping of keys")
    for key_node, value in root.value:
        if key_node.value != key:
            continue
        key_line = key_node.start_mark.line
        if isinstance(value, SequenceNode) and value.flow_style:
            if value.value:
                raise FileNotEditable(
                    f"'{key}:' is written as a flow list [...]; write it as a block"
                )
            return ListShape(key_line, 2, (), flow_empty=True)
        if value.tag == "tag:yaml.org,2002:null":
            return ListShape(key_line, 2, ())
        if not isinstance(value, SequenceNode):
            raise FileNotEditable(f"'{key}:' is not a list")
        return _block_shape(lines_of(text), key_line, value)
    return ListShape(-1, 2, ())


def _block_shape(lines: list[str], key_line: int, seq: SequenceNode) -> ListShape:
    starts = [item.start_mark.line for item in seq.value]
    if not starts:
        return ListShape(key_line, 2, ())
    indent = len(lines[starts[0]]) - len(lines[starts[0]].lstrip(" "))
    end_of_list = seq.end_mark.line if seq.end_mark.column == 0 else seq.end_mark.line + 1
    end_of_list = min(end_of_list, len(lines))
    ranges: list[tuple[int, int]] = []
    for i, start in enumerate(starts):
        # An item ends at its last line of content: blank lines and comments at the list's
        # indentation after it lead in to the next item (or close the list).
        last = starts[i + 1] if i + 1 < len(starts) else end_of_list
        while last - 1 > start and is_trailer(lines[last - 1], indent):
            last -= 1
        # Comment lines directly above an item, at or left of its dash, belong to it.
        first = start
        lower = ranges[-1][1] if ranges else key_line + 1
        while first - 1 >= lower and _is_comment_at(lines[first - 1], indent):
            first -= 1
        ranges.append((first, last))
    return ListShape(key_line, indent, tuple(ranges))


def _is_comment_at(line: str, indent: int) -> bool:
    stripped = line.lstrip(" ")
    return stripped.startswith("#") and len(line) - len(stripped) <= indent


def is_trailer(line: str, indent: int) -> bool:
    """Blank lines and comments at the list's own indentation (they precede the next item)."""
    return not line.strip() or _is_comment_at(line, indent)


class IndentedDumper(yaml.SafeDumper):
    """A safe dumper that indents lists inside mappings, as people write them by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Text with line breaks double-quoted with ``\\n`` escapes, as the format docs ask."""
    style = '"' if "\n" in value or "\r" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


IndentedDumper.add_representer(str, _represent_str)


def render_block(item: dict[str, Any], indent: int) -> str:
    """Serialise one list item as a YAML block at ``indent`` columns."""
    dumped = yaml.dump(
        [item],
        Dumper=IndentedDumper,
        allow_unicode=True,
        sort_keys=False,
        width=96,
        default_flow_style=False,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in lines_of(dumped))


def item_blocks(text: str, key: str) -> list[str]:
    """The text of every item block of the list under ``key``."""
    lines = lines_of(text)
    return ["".join(lines[a:b]) for a, b in list_shape(text, key).items]


def insert_block(
    text: str,
    key: str,
    block: str,
    index: int | None = None,
    header: str = "",
    *,
    raw: bool = False,
    after: bool = False,
) -> str:
    """Insert ``block`` as item ``index`` (default: last) of the list under ``key``.

    With ``after``, the block goes right after item ``index`` instead of before it. When the
    file is empty or lacks the key, ``header`` (e.g. ``layer: notes``) and the key are
    written first. A ``raw`` block (one that :func:`remove_block` cut out, with its
    separating blank lines) goes back verbatim; otherwise the new item is set off by a
    blank line when the file separates its items that way.
    """
    if not text.strip():
        text = header
    if text and not text.endswith("\n"):
        text += "\n"
    shape = list_shape(text, key)
    lines = lines_of(text)
    if shape.key_line == -1:
        return text + f"{key}:\n" + block
    if not shape.items:
        at = shape.key_line + 1
        # "key: []", "key: null" or "key: ~" becomes "key:" (a comment after it stays).
        lines[shape.key_line] = re.sub(
            rf"^(\s*{re.escape(key)}:)[ \t]*(?:\[[ \t]*\]|null|~)",
            r"\1",
            lines[shape.key_line],
            count=1,
        )
        if not lines[shape.key_line].endswith("\n"):
            lines[shape.key_line] += "\n"
    elif index is None or index >= len(shape.items):
        at = shape.items[-1][1]
        if not raw and _separated_by_blank_lines(lines, shape):
            block = "\n" + block
    elif after:
        at = shape.items[max(0, index)][1]
        if not raw and _separated_by_blank_lines(lines, shape):
            block = "\n" + block
    else:
        at = shape.items[max(0, index)][0]
        if not raw and _separated_by_blank_lines(lines, shape):
            block = (block if block.endswith("\n") else block + "\n") + "\n"
    lines.insert(at, block if block.endswith("\n") else block + "\n")
    return "".join(lines)


def _separated_by_blank_lines(lines: list[str], shape: ListShape) -> bool:
    """True when the file's items are separated by blank lines (new ones follow suit)."""
    return len(shape.items) > 1 and not lines[shape.items[1][0] - 1].strip()


def _find(text: str, key: str, block: str) -> tuple[list[str], tuple[int, int]]:
    lines = lines_of(text)
    found = [(a, b) for a, b in list_shape(text, key).items if "".join(lines[a:b]) == block]
    if not found:
        raise EntryGone(
            "the entry is no longer in the file as it was (changed on disk?); reload and try again"
        )
    return lines, found[0]


def remove_block(text: str, key: str, block: str) -> tuple[str, int, str]:
    """Remove the item whose block text is exactly ``block``.

    Returns the new text, the item's index, and the exact text cut out: the item with the
    blank lines that separated it from its neighbour, so that inserting that chunk back
    (``raw=True``) at the same index restores the file byte for byte.
    """
    lines, (a, b) = _find(text, key, block)
    items = list_shape(text, key).items
    index = [r[0] for r in items].index(a)
    if index + 1 < len(items):
        b = items[index + 1][0]
    elif index > 0:
        a = items[index - 1][1]
    return "".join(lines[:a] + lines[b:]), index, "".join(lines[a:b])


def replace_block(text: str, key: str, old: str, new: str) -> str:
    """Replace the item whose block text is exactly ``old`` with ``new``."""
    lines, (a, b) = _find(text, key, old)
    return "".join(lines[:a]) + (new if new.endswith("\n") else new + "\n") + "".join(lines[b:])
