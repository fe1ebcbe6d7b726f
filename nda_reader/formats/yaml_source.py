"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers, accepts duplicate keys silently and turns
dates into ``datetime`` objects. Layer files need all three handled: ``check`` reports
``path:line:col``, a duplicate key is a mistake a user wants to hear about, and dates are
kept as the strings the user wrote. Only plain YAML is read: any explicit tag such as
``!!python/object`` is refused, never constructed.

The values come as :class:`~nda_reader.formats.yaml_values.YMap` and
:class:`~nda_reader.formats.yaml_values.YList` (also importable from here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from nda_reader.formats.conflict_markers import find_conflicts, our_side
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.safe_read import RefusedFile, decode_text, read_file
from nda_reader.formats.yaml_guard import (
    MAX_ALIAS_CHARS,
    MAX_DEPTH,
    MAX_VALUES,
    NestedTooDeep,
    compose,
)
from nda_reader.formats.yaml_handoff import take
from nda_reader.formats.yaml_values import Pos, shift
from nda_reader.formats.yaml_values import YList as YList
from nda_reader.formats.yaml_values import YMap as YMap
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


@dataclass
class _Builder:
    path: Path
    problems: ProblemList
    count: int = 0
    """Values built so far, counting every use of an alias in full."""
    chars: int = 0
    """Characters of text built so far, counting every use of an alias in full."""
    alias_chars: int = 0
    """Characters of text repeated by aliases."""
    depth: int = 0
    deepest: int = 0
    repeats: int = 0
    """Uses of an alias."""
    seen_error: set[str] = field(default_factory=set)
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
            self.problems.error_at(self.path, _pos(node), message)

    @property
    def stopped(self) -> bool:
        """True once a limit was reached or a value contains itself: nothing more is built
        and the file is not used (one problem is enough)."""
        return bool(self.seen_error & {"size", "aliases", "recursive", "depth"})

    def build(self, node: Node) -> Any:
        if self.stopped:
            return None
        key = id(node)
        if key in self.building:
            self._once(
                "recursive",
                node,
                "a YAML alias here refers to the value that contains it (a recursive alias); "
                "remove the alias",
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
        before_count, before_chars = self.count, self.chars
        self.building.add(key)
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
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
            self.chars += len(value)
            return value
        try:
            return self.constructor.construct_object(node, deep=True)
        except ValueError:  # Python refuses to read an integer of over 4,300 digits
            self.problems.error_at(
                self.path,
                _pos(node),
                f"number {node.value[:20]}… is too long ({len(node.value):,} characters); "
                "write a number that fits",
            )
            return None

    def _mapping(self, node: MappingNode) -> YMap:
        out = YMap()
        out.pos = _pos(node)
        out.key_pos = {}
        out.value_pos = {}
        for key_node, value_node in node.value:
            key = self.build(key_node)
            if self.stopped:
                break
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
    """Read ``path`` as UTF-8 text with ``\\n`` line endings (see
    :mod:`~nda_reader.formats.safe_read`), reporting a missing, unreadable or refused file
    and a bad byte with its position."""
    try:
        data = read_file(path)
    except FileNotFoundError:
        problems.error(path, 1, 1, "file not found")
        return None
    except RefusedFile as exc:
        problems.error(path, 1, 1, exc.reason)
        return None
    except OSError as exc:
        problems.error(path, 1, 1, f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        return decode_text(data)
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


def parse_yaml(
    text: str,
    path: Path,
    problems: ProblemList,
    *,
    line_offset: int = 0,
    stats: dict[str, int] | None = None,
) -> Any:
    """Parse YAML ``text`` safely into plain values, ``YMap`` and ``YList``.

    ``line_offset`` shifts reported lines, for YAML embedded in a larger file (front matter).
    Returns ``None`` (with a problem recorded) when the text cannot be parsed. A parse of
    the same text kept by :func:`~nda_reader.formats.yaml_handoff.keep` is taken instead.
    A ``stats`` dict given is filled, when the text is parsed here, with the ``values``
    built (aliases counted in full), the ``deepest`` nesting and the alias ``repeats``.
    """
    handed = take(path, text) if not line_offset else None
    if handed is not None:
        problems.extend(handed[1])
        return handed[0]
    local = ProblemList()
    try:
        node = compose(text)
    except NestedTooDeep as exc:
        line, col = exc.where
        problems.error(path, line + line_offset, col, str(exc))
        return None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        problems.error(
            path,
            line + line_offset,
            col,
            f"character U+{exc.character:04X} is not allowed in YAML; remove it or write it "
            'as an escape inside double quotes ("\\u001b")',
        )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        last = text.count("\n") + 1
        if line > last:  # the end of the text, past its last line break: show its last line
            line, col = last, len(text) - (text.rfind("\n") + 1) + 1
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
    builder = _Builder(path, local)
    value = builder.build(node)
    if stats is not None:
        stats.update(values=builder.count, deepest=builder.deepest, repeats=builder.repeats)
    if builder.stopped:
        value = None
    if line_offset:
        shift(value, line_offset)
        for p in local:
            problems.append(type(p)(p.path, p.line + line_offset, p.column, p.message, p.severity))
    else:
        problems.extend(local)
    return value


def _line_col(text: str, index: int) -> Pos:
    """1-based (line, column) of character ``index`` of ``text``."""
    before = text[: max(0, index)]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


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
