"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers, accepts duplicate keys silently and turns
dates into ``datetime`` objects. Layer files need all three handled: ``check`` reports
``path:line:col``, a duplicate key is a mistake a user wants to hear about, and dates are
kept as the strings the user wrote. Only plain YAML is read: any explicit tag such as
``!!python/object`` is refused, never constructed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from nda_reader.formats.conflict_markers import find_conflicts, our_side
from nda_reader.formats.problems import ProblemList
from nda_reader.lang.terminal_text import find_control, visible_controls

Pos = tuple[int, int]
"""A 1-based (line, column) position."""

_MAX_NODES = 200_000
# The C loader composes the same nodes (with marks) several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class YMap(dict[str, Any]):
    """A YAML mapping that remembers the position of itself, its keys and its values."""

    pos: Pos
    span: tuple[int, int]
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]

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


def _pos(node: Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


@dataclass
class _Builder:
    path: Path
    problems: ProblemList
    count: int = 0
    seen_error: set[str] = field(default_factory=set)
    constructor: yaml.constructor.SafeConstructor = field(
        default_factory=yaml.constructor.SafeConstructor
    )

    def build(self, node: Node) -> Any:
        self.count += 1
        if self.count > _MAX_NODES:
            if "size" not in self.seen_error:
                self.seen_error.add("size")
                line, col = _pos(node)
                self.problems.error(
                    self.path,
                    line,
                    col,
                    f"document is too large or uses too many YAML aliases (over {_MAX_NODES} "
                    "values); split it or remove the aliases",
                )
            return None
        if node.tag not in _PLAIN_TAGS:
            line, col = _pos(node)
            self.problems.error(
                self.path,
                line,
                col,
                f"YAML tag {_short_tag(node.tag)} is not allowed: layer files hold plain values; "
                "remove the tag",
            )
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            out = YList()
            out.pos = _pos(node)
            out.item_pos = []
            for child in node.value:
                out.append(self.build(child))
                out.item_pos.append(_pos(child))
            return out
        if isinstance(node, MappingNode):
            return self._mapping(node)
        return None  # pragma: no cover - compose only yields the three node kinds

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            # Dates stay the strings the user wrote.
            value: str = node.value
            control = find_control(value)
            if control is not None:
                shown = visible_controls(control)
                self.problems.warning_at(
                    self.path,
                    _pos(node),
                    f"control character U+{ord(control):04X} in a value; it is shown as "
                    f"{shown!r} and never sent to the terminal — remove it",
                )
                value = visible_controls(value)
            return value
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: MappingNode) -> YMap:
        out = YMap()
        out.pos = _pos(node)
        out.span = (node.start_mark.index, node.end_mark.index)
        out.key_pos = {}
        out.value_pos = {}
        for key_node, value_node in node.value:
            key = self.build(key_node)
            line, col = _pos(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.error(self.path, line, col, "YAML merge keys (<<) are not supported")
                continue
            if not isinstance(key, str):
                self.problems.error(
                    self.path, line, col, f"keys must be text, found {type(key).__name__} {key!r}"
                )
                continue
            if key in out:
                first = out.key_pos[key]
                self.problems.error(
                    self.path,
                    line,
                    col,
                    f"duplicate key {key!r} (first given at line {first[0]}); keep only one",
                )
                continue
            out[key] = self.build(value_node)
            out.key_pos[key] = (line, col)
            out.value_pos[key] = _pos(value_node)
        return out


def read_text(path: Path, problems: ProblemList) -> str | None:
    """Read ``path`` as UTF-8, reporting a missing file or a bad byte with its position."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.error(path, 1, 1, "file not found")
        return None
    except OSError as exc:
        problems.error(path, 1, 1, f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.error(
            path,
            line,
            col,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
        )
        return None
    return text.removeprefix("\ufeff")


def parse_yaml(text: str, path: Path, problems: ProblemList, *, line_offset: int = 0) -> Any:
    """Parse YAML ``text`` safely into plain values, ``YMap`` and ``YList``.

    ``line_offset`` shifts reported lines, for YAML embedded in a larger file (front matter).
    Returns ``None`` (with a problem recorded) when the text cannot be parsed.
    """
    local = ProblemList()
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        problems.error(
            path, line + line_offset, col, f"YAML syntax error: {what}{context}; fix the syntax"
        )
        return None
    except yaml.YAMLError as exc:
        problems.error(path, 1 + line_offset, 1, f"YAML error: {exc}")
        return None
    if node is None:
        return None
    value = _Builder(path, local).build(node)
    if line_offset:
        _shift(value, line_offset)
        for p in local:
            problems.append(type(p)(p.path, p.line + line_offset, p.column, p.message, p.severity))
    else:
        problems.extend(local)
    return value


def _shift(value: Any, offset: int) -> None:
    if isinstance(value, YMap):
        value.pos = (value.pos[0] + offset, value.pos[1])
        value.key_pos = {k: (p[0] + offset, p[1]) for k, p in value.key_pos.items()}
        value.value_pos = {k: (p[0] + offset, p[1]) for k, p in value.value_pos.items()}
        for v in value.values():
            _shift(v, offset)
    elif isinstance(value, YList):
        value.pos = (value.pos[0] + offset, value.pos[1])
        value.item_pos = [(p[0] + offset, p[1]) for p in value.item_pos]
        for v in value:
            _shift(v, offset)


def load_yaml(path: Path, problems: ProblemList) -> Any:
    """Read and parse a YAML file; an empty file is reported, not silently accepted."""
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.error(
            path, 1, 1, "file is empty; add a `layer:` key and its entries, or delete it"
        )
        return None
    conflicts = find_conflicts(text)
    for conflict in conflicts:
        where = f" in entry {conflict.entry!r}" if conflict.entry else ""
        problems.error(
            path,
            conflict.start,
            1,
            f"unresolved merge conflict{where} (lines {conflict.start}-{conflict.end}): keep "
            "the side you want, delete the <<<<<<< ======= >>>>>>> lines, then run check "
            "again; until then the reader shows the first side",
        )
    return parse_yaml(our_side(text) if conflicts else text, path, problems)


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")
