"""The parse of a layer file after an edit, made from its parse before the edit.

Parsing a large layer file again after one entry was added takes a tenth of a second.
An edit changes whole item blocks of one list (:mod:`nda_reader.formats.yaml_edit`), so
:func:`splice` parses only the lines that differ, as items of that list on their own, and
puts them in place of the items they replace in the parse kept from before; the items
after them are moved by the lines added or removed. The result is what parsing the whole
text gives (tests compare the two). Whenever that is not certain, :func:`splice` says
so (None) and the caller parses the whole text: the file had problems, or aliases; the
change reaches outside the list's items; a line changed would read otherwise inside the
file than on its own; the list would lose its first item.

:func:`parse_layer_text` parses a whole text and keeps the result with what the limits of
:mod:`nda_reader.formats.yaml_guard` need to know; :func:`kept` gives it back for the
same text, for the next edit of the file.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nda_reader.formats.problems import Problem, ProblemList
from nda_reader.formats.yaml_edit import EditError, ListShape, is_trailer, list_shape
from nda_reader.formats.yaml_guard import MAX_DEPTH, MAX_VALUES
from nda_reader.formats.yaml_source import parse_yaml
from nda_reader.formats.yaml_values import YList, YMap, moved


@dataclass(frozen=True, slots=True)
class Parsed:
    """A text and its parse: the value, the problems, and how many ``values`` it holds
    and how deep it is nested (-1: not known, then it is not spliced)."""

    text: str
    value: Any
    problems: tuple[Problem, ...]
    values: int = -1
    deepest: int = -1


def keeps_blanks(text: str) -> bool:
    """True when ``text`` may hold the header of a block scalar that keeps its trailing
    blank lines (``|+``, ``>2+``: ``[|>][1-9]?\\+`` as a regex). Found from the ``+`` signs,
    rare in a layer file: the regex read every character of a 300 KB notes file, ~1.7 ms
    a search, twice a save."""
    plus = text.find("+", 1)
    while plus != -1:
        before = text[plus - 1]
        if before in "|>" or (before in "123456789" and plus > 1 and text[plus - 2] in "|>"):
            return True
        plus = text.find("+", plus + 1)
    return False


_KEPT = 2
"""Files whose last parse is kept."""
_kept: OrderedDict[Path, Parsed] = OrderedDict()
_lock = threading.Lock()


def keep(path: Path, parsed: Parsed) -> None:
    """Keep ``parsed`` as the last parse of ``path``."""
    with _lock:
        _kept[path] = parsed
        _kept.move_to_end(path)
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)


def kept(path: Path, text: str) -> Parsed | None:
    """The parse kept of ``path`` if it is of ``text``, else None."""
    with _lock:
        found = _kept.get(path)
    return found if found is not None and found.text == text else None


def parse_layer_text(text: str, path: Path) -> Parsed:
    """Parse the whole of ``text`` (the content of ``path``) and keep the result."""
    problems = ProblemList()
    stats: dict[str, int] = {}
    value = parse_yaml(text, path, problems, stats=stats)
    aliased = stats.get("repeats", 1) > 0
    parsed = Parsed(
        text,
        value,
        tuple(problems),
        -1 if aliased else stats["values"],
        -1 if aliased else stats["deepest"],
    )
    keep(path, parsed)
    return parsed


def splice(before: Parsed, after: str, key: str, path: Path) -> Parsed | None:
    """The parse of ``after``, made from ``before`` (a parse of the text before an edit
    of the list ``key``), or None when it cannot be made so with certainty."""
    root = before.value
    items = root.get(key) if isinstance(root, YMap) else None
    if before.problems or before.values < 0 or not isinstance(items, YList) or not items:
        return None
    if keeps_blanks(before.text) or keeps_blanks(after):
        return None
    try:
        shape = list_shape(before.text, key)
    except EditError:
        return None
    old, new = before.text.splitlines(keepends=True), after.splitlines(keepends=True)
    if len(shape.items) != len(items) or not _on_dash_lines(items, old, shape.indent):
        return None
    same_start = _same_lines(old, new, min(len(old), len(new)))
    room = min(len(old), len(new)) - same_start
    same_end = _same_lines(old, new, room, from_end=True)
    cut = _cuts(old, shape, same_start, len(old) - same_end)
    if cut is None:
        return None
    first, last = cut  # the lines [first, last) of ``old`` are replaced
    delta = len(new) - len(old)
    chunk = "".join(new[first : last + delta])
    if not _stands_alone(chunk, shape.indent):
        return None
    found = ProblemList()
    stats: dict[str, int] = {}  # left empty for a chunk of blank lines and comments
    value = parse_yaml(chunk, path, found, line_offset=first, stats=stats)
    # Inside the file the chunk's values are one level deeper (under ``key:``).
    deepest = stats.get("deepest", 0) + 1
    values = before.values + stats.get("values", 0)
    if found or stats.get("repeats", 0) or deepest >= MAX_DEPTH or values >= MAX_VALUES:
        return None
    if value is None:
        value = YList()
        value.item_pos = []
    elif not isinstance(value, YList) or not _on_dash_lines(value, new, shape.indent):
        return None
    keep_before = sum(1 for _, end in shape.items if end <= first)
    keep_after = sum(1 for start, _ in shape.items if start >= last)
    start = items.pos if keep_before else value.pos if value else None
    if start is None and not keep_after:
        return None
    if start is None:  # the first items went: the list starts at the first item moved
        start = (items.item_pos[len(items) - keep_after][0] + delta, shape.indent + 1)
    spliced = YList(items[:keep_before])
    spliced.extend(value)
    spliced.extend(moved(item, delta) for item in items[len(items) - keep_after :])
    spliced.item_pos = [
        *items.item_pos[:keep_before],
        *value.item_pos,
        *((line + delta, col) for line, col in items.item_pos[len(items) - keep_after :]),
    ]
    spliced.pos = start
    root = _with_list(root, key, spliced, last, delta)
    return Parsed(after, root, (), values, max(before.deepest, deepest))


def _on_dash_lines(items: YList, lines: list[str], indent: int) -> bool:
    """True when every item of ``items`` starts on the line of its dash, at column
    ``indent`` of ``lines`` (then an item's lines, as :func:`list_shape` finds them,
    start with its own dash, not the previous item's)."""
    dash = " " * indent + "- "
    return all(
        column == len(dash) + 1 and lines[line - 1].startswith(dash)
        for line, column in items.item_pos
    )


def _same_lines(old: list[str], new: list[str], most: int, *, from_end: bool = False) -> int:
    """How many lines the two texts share from their start (or end), at most ``most``."""
    count = 0
    while count < most:
        i = -1 - count if from_end else count
        if old[i] != new[i]:
            break
        count += 1
    return count


def _cuts(lines: list[str], shape: ListShape, start: int, end: int) -> tuple[int, int] | None:
    """The smallest run of whole items (and the blank lines and comments between them)
    of ``lines`` that holds the lines [start, end); None if it would reach outside the
    list's items."""
    top = shape.items[0][0]
    bottom = shape.items[-1][1]
    while bottom < len(lines) and is_trailer(lines[bottom], shape.indent):
        bottom += 1
    if start < top or end > bottom:
        return None
    first, last = start, max(start, end)
    for a, b in shape.items:
        if a < first < b:
            first = a
        if a < last < b:
            last = b
    return first, last


def _stands_alone(chunk: str, indent: int) -> bool:
    """True when the lines of ``chunk`` read on their own as they read in the file, as
    items of a list whose dashes are at column ``indent``: every line is blank, a
    comment, an item's dash at that column (the first line of content is one) or
    indented further. (Aliases need no check: the file had none, and one in ``chunk``
    makes it fail or counts a repeat. A block scalar keeping its trailing blank lines,
    ``|+``, is refused where the file has one: it could take in blank lines around.)"""
    seen_dash = False
    for line in chunk.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("\t"):
            return False
        column = len(line) - len(stripped)
        dash = column == indent and (stripped.rstrip() == "-" or stripped.startswith("- "))
        if column < indent or (column == indent and not dash) or not (dash or seen_dash):
            return False
        seen_dash = True
    return True


def _with_list(root: YMap, key: str, items: YList, last: int, delta: int) -> YMap:
    """A copy of ``root`` with ``items`` under ``key`` and the values written from line
    ``last`` (0-based, before the edit) on moved ``delta`` lines."""
    out = YMap()
    out.pos = root.pos

    def place(pos: tuple[int, int]) -> tuple[int, int]:
        return (pos[0] + delta, pos[1]) if pos[0] > last else pos

    for name, value in root.items():
        if name == key:
            out[name] = items
        elif root.value_pos[name][0] > last:
            out[name] = moved(value, delta)
        else:
            out[name] = value
    out.key_pos = {name: place(pos) for name, pos in root.key_pos.items()}
    out.value_pos = {name: place(pos) for name, pos in root.value_pos.items()}
    out.value_pos[key] = items.pos
    return out
