"""Plain values built from composed YAML nodes, remembering where each came from.

:mod:`~nda_reader.formats.yaml_source` composes a file's nodes and builds its values here
(:class:`~nda_reader.formats.yaml_values.YMap`, :class:`~nda_reader.formats.yaml_values.YList`):
text kept as written, explicit tags refused, and the limits on size, nesting and aliases
enforced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_limits import MAX_ALIAS_CHARS, MAX_DEPTH, MAX_VALUES
from nda_reader.formats.yaml_values import Pos, YList, YMap
from nda_reader.lang.terminal_text import find_control, visible_controls

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


def _pos(node: Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


@dataclass(slots=True)
class _Built:
    """A node already built: its value, and how many values and characters it holds."""

    value: Any
    values: int
    chars: int


_STOPS = frozenset({"size", "aliases", "recursive", "depth"})
_TEXT_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp")


@dataclass
class Builder:
    """Builds the values of one file's nodes (:meth:`build`), reporting into ``problems``."""

    path: Path
    problems: ProblemList
    shared: bool = True
    """The text may hold YAML anchors: a node may then occur again (an alias), and nodes
    built are remembered and counted for it. Without anchors nothing needs remembering."""
    clean: bool = False
    """The text has no control character and no escape that could make one, so no value
    holds one: text values are taken as they are, without looking for any."""
    count: int = 0
    """Values built so far, counting every use of an alias in full."""
    chars: int = 0
    """Characters of text built so far, counting every use of an alias in full."""
    alias_chars: int = 0
    """Characters of text repeated by aliases."""
    depth: int = 0
    deepest: int = 0
    """The deepest nesting of a value built (the top value is at 1)."""
    repeats: int = 0
    """Uses of an alias."""
    seen_error: set[str] = field(default_factory=set)
    stopped: bool = False
    """True once a limit was reached or a value contains itself: nothing more is built
    and the file is not used (one problem is enough)."""
    built: dict[int, _Built] = field(default_factory=dict)
    """Nodes already built, by identity: an alias is the same node again."""
    building: set[int] = field(default_factory=set)
    """Nodes being built now (an alias to one of them is a value containing itself)."""
    constructor: yaml.constructor.SafeConstructor = field(
        default_factory=yaml.constructor.SafeConstructor
    )

    def _once(self, kind: str, node: Node, message: str) -> None:
        if kind not in self.seen_error:
            self.seen_error.add(kind)
            self.stopped = self.stopped or kind in _STOPS
            self.problems.error_at(self.path, _pos(node), message)

    def build(self, node: Node) -> Any:
        """The value of ``node`` (None, with a problem, where it cannot be built)."""
        if self.stopped:
            return None
        shared = self.shared
        key = id(node)
        if shared:
            if key in self.building:
                self._once(
                    "recursive",
                    node,
                    "a YAML alias here refers to the value that contains it (a recursive "
                    "alias); remove the alias",
                )
                return None
            done = self.built.get(key)
            if done is not None:
                return self._alias(node, done)
        if self.count >= MAX_VALUES:
            self._once(
                "size",
                node,
                f"document is too large (over {MAX_VALUES:,} values, aliases counted in full); "
                "split it",
            )
            return None
        if self.depth >= MAX_DEPTH:
            self._once("depth", node, f"values are nested more than {MAX_DEPTH} levels deep")
            return None
        self.count += 1
        if self.depth >= self.deepest:
            self.deepest = self.depth + 1
        if not shared:  # most values of most files: text, taken as it is
            if self.clean and _is_text(node):
                return node.value
            self.depth += 1
            value = self._build(node)
            self.depth -= 1
            return value
        before_count, before_chars = self.count, self.chars
        self.building.add(key)
        self.depth += 1
        try:
            value = self._build(node)
        finally:
            self.depth -= 1
            self.building.discard(key)
        self.built[key] = _Built(value, self.count - before_count + 1, self.chars - before_chars)
        return value

    def _alias(self, node: Node, done: _Built) -> Any:
        """Another use of a node already built (a YAML alias): counted, not built again."""
        self.count += done.values
        self.repeats += 1
        self.chars += done.chars
        self.alias_chars += done.chars
        if self.alias_chars > MAX_ALIAS_CHARS or self.count > MAX_VALUES:
            self._once(
                "aliases",
                node,
                f"the value anchored here is repeated by aliases beyond the limit "
                f"({MAX_ALIAS_CHARS:,} characters or {MAX_VALUES:,} values in all); "
                "write the values out or remove the aliases",
            )
            return None
        return done.value

    def _build(self, node: Node) -> Any:
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
                mark = child.start_mark
                out.item_pos.append((mark.line + 1, mark.column + 1))
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
            self.chars += len(value)
            return value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, KeyError, yaml.YAMLError):
            if node.tag == "tag:yaml.org,2002:int" and len(node.value) > 4300:
                # Python refuses to read an integer of over 4,300 digits.
                message = (
                    f"number {node.value[:20]}… is too long ({len(node.value):,} characters); "
                    "write a number that fits"
                )
            else:  # an explicit !!int, !!bool ... whose value is not one
                message = (
                    f"{node.value[:40]!r} is not a {_short_tag(node.tag)} value; write one, "
                    "or remove the tag"
                )
            self.problems.error_at(self.path, _pos(node), message)
            return None

    def _mapping(self, node: MappingNode) -> YMap:
        out = YMap()
        out.pos = _pos(node)
        out.key_pos = {}
        out.value_pos = {}
        if node.value and self.depth >= self.deepest:  # its values, one level down
            self.deepest = self.depth + 1
        # What build() does for a text value of a file without anchors or controls, here
        # without a call for each key and value (most of a layer file's values).
        quick = not self.shared and self.clean and self.depth < MAX_DEPTH
        text, tags, limit = ScalarNode, _TEXT_TAGS, MAX_VALUES
        for key_node, value_node in node.value:
            if self.stopped:
                break
            if quick and key_node.__class__ is text and key_node.tag in tags and self.count < limit:
                self.count += 1
                key = key_node.value
            else:
                key = self.build(key_node)
                if self.stopped:
                    break
            mark = key_node.start_mark
            line, col = mark.line + 1, mark.column + 1
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
            value = value_node
            if quick and value.__class__ is text and value.tag in tags and self.count < limit:
                self.count += 1
                out[key] = value.value
            else:
                out[key] = self.build(value_node)
            out.key_pos[key] = (line, col)
            mark = value_node.start_mark
            out.value_pos[key] = (mark.line + 1, mark.column + 1)
        return out


def _is_text(node: Node) -> bool:
    return node.__class__ is ScalarNode and node.tag in _TEXT_TAGS


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")
