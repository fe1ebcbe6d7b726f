"""The values read from YAML: mappings and lists that remember where each came from.

:class:`~nda_reader.formats.yaml_builder.Builder` makes them from composed nodes; this
module does not import PyYAML, so that values kept between runs (the corpus index, the
parses of :mod:`~nda_reader.formats.yaml_memo`) are read back without it.
"""

from __future__ import annotations

import re
from typing import Any

from nda_reader.lang.terminal_text import find_control

Pos = tuple[int, int]
"""A 1-based (line, column) position."""


class YMap(dict[str, Any]):
    """A YAML mapping that remembers the position of itself, its keys and its values."""

    pos: Pos
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]
    origin: tuple[YMap, int] | None = None
    """The mapping this one is a moved copy of, and by how many lines (see :func:`moved`)."""

    def where(self, key: str | None = None) -> Pos:
        """Position of ``key``'s value if present, else of the key, else of the mapping."""
        if key is not None:
            if key in self.value_pos:
                return self.value_pos[key]
            if key in self.key_pos:
                return self.key_pos[key]
        return self.pos


class YList(list[Any]):
    """A YAML sequence that remembers the position of itself and of each item."""

    pos: Pos
    item_pos: list[Pos]

    def where(self, index: int) -> Pos:
        """Position of item ``index``."""
        return self.item_pos[index] if 0 <= index < len(self.item_pos) else self.pos


def shift(value: Any, offset: int, done: set[int] | None = None) -> None:
    """Move ``value`` and everything in it ``offset`` lines down (in place)."""
    done = set() if done is None else done
    if id(value) in done:  # a value shared by aliases is shifted once
        return
    done.add(id(value))
    if isinstance(value, YMap):
        value.pos = (value.pos[0] + offset, value.pos[1])
        value.key_pos = {k: (p[0] + offset, p[1]) for k, p in value.key_pos.items()}
        value.value_pos = {k: (p[0] + offset, p[1]) for k, p in value.value_pos.items()}
        for v in value.values():
            shift(v, offset, done)
    elif isinstance(value, YList):
        value.pos = (value.pos[0] + offset, value.pos[1])
        value.item_pos = [(p[0] + offset, p[1]) for p in value.item_pos]
        for v in value:
            shift(v, offset, done)


def moved(value: Any, offset: int) -> Any:
    """A copy of ``value`` ``offset`` lines further down (``value`` is left as it is; its
    text and numbers are shared). For values without aliases: a shared value is copied
    once per use. A mapping copied remembers its :attr:`~YMap.origin`, so that what was
    read from the original can be used again, moved."""
    if isinstance(value, YMap):
        out = YMap((k, moved(v, offset)) for k, v in value.items())
        out.pos = (value.pos[0] + offset, value.pos[1])
        out.key_pos = {k: (p[0] + offset, p[1]) for k, p in value.key_pos.items()}
        out.value_pos = {k: (p[0] + offset, p[1]) for k, p in value.value_pos.items()}
        base, before = value.origin or (value, 0)
        out.origin = (base, before + offset)
        return out
    if isinstance(value, YList):
        items = YList(moved(v, offset) for v in value)
        items.pos = (value.pos[0] + offset, value.pos[1])
        items.item_pos = [(p[0] + offset, p[1]) for p in value.item_pos]
        return items
    return value


_UNSAFE_ESCAPE = re.compile(r'\\[^nt"\\/ \n]')
"""A backslash not starting one of the escapes that can only give a printable character,
a line break or a tab (\\n \\t \\" \\\\ \\/ and a backslash before a space or a line break)."""


def clean(text: str) -> bool:
    """True when no value parsed from ``text`` can hold a control character: the text has
    none, nor an escape that could write one (``"\\e"``, ``"\\x1b"``, ``"\\u202e"``...)."""
    return find_control(text) is None and _UNSAFE_ESCAPE.search(text) is None
