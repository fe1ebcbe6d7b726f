"""Composing YAML within limits: nesting depth, values and what aliases may repeat.

libyaml's composer recurses in C: lists nested some tens of thousands deep (two characters
a level) crash the process, so nesting is measured from the parser's events before a file
is composed. :mod:`nda_reader.formats.yaml_source` enforces the other limits while it
builds values; docs/annotation-format.md states them all.
"""

from __future__ import annotations

import operator
import threading
from collections import OrderedDict
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode

from nda_reader.formats.yaml_limits import MAX_ALIAS_CHARS as MAX_ALIAS_CHARS
from nda_reader.formats.yaml_limits import MAX_DEPTH as MAX_DEPTH
from nda_reader.formats.yaml_limits import MAX_VALUES as MAX_VALUES

# The C loader composes the same nodes (with marks) several times faster.
_SAFE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAGS: dict[str, str] = {}
"""The tag of recent short plain values: a layer file repeats its keys and numbers."""
_TAGS_KEPT = 4096
_TEXT = "tag:yaml.org,2002:str"


class _Loader(_SAFE):  # type: ignore[misc,valid-type]
    """The safe loader, doing less per value (the parser asks the loader for every node).

    A plain value's tag depends on its text alone (the safe loader has no path
    resolvers), so that of a short value is kept; and with no path resolvers, descending
    into and out of a node does nothing: builtins that take the same arguments stand for
    those calls.
    """

    descend_resolver = operator.is_
    ascend_resolver = tuple

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if not implicit[0]:  # quoted, or tagged "!": text
                return _TEXT
            if len(value) <= 64:
                known = _TAGS.get(value)
                if known is None:
                    known = super().resolve(kind, value, implicit)
                    if len(_TAGS) >= _TAGS_KEPT:
                        _TAGS.clear()
                    _TAGS[value] = known
                return known
        tag: str = super().resolve(kind, value, implicit)
        return tag


_LOADER = _Loader


class NestedTooDeep(yaml.YAMLError):
    """Lists and mappings nested deeper than :data:`MAX_DEPTH` (refused before composing:
    libyaml's composer recurses in C and very deep flow nesting crashes the process)."""

    def __init__(self, where: tuple[int, int]) -> None:
        super().__init__(
            f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; flatten them"
        )
        self.where = where
        """1-based (line, column) where the nesting goes too deep."""


_RECENT = 4
"""Texts whose composed nodes are kept: saving an entry composes the same layer file
several times (its shape, the entry's place, the check of the result, the reload)."""
_recent: OrderedDict[str, Node | None] = OrderedDict()
_recent_lock = threading.Lock()


def compose(text: str) -> Node | None:
    """``yaml.compose`` of ``text`` with the fast loader, refusing deep nesting first.

    The nodes of the last few texts are kept and given again for the same text: callers
    only read them. Raises :class:`NestedTooDeep` and :class:`yaml.YAMLError` as
    composing does.
    """
    with _recent_lock:
        if text in _recent:
            _recent.move_to_end(text)
            return _recent[text]
    node = _compose(text)
    with _recent_lock:
        _recent[text] = node
        while len(_recent) > _RECENT:
            _recent.popitem(last=False)
    return node


def _compose(text: str) -> Node | None:
    # Block nesting is bounded by the file size (each level indents every line further);
    # flow nesting costs two characters a level, so only it needs counting.
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = 0
        try:
            for event in yaml.parse(text, Loader=_LOADER):
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        mark = event.start_mark
                        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
                        raise NestedTooDeep(where)
                elif isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
        except yaml.MarkedYAMLError as error:
            # PyYAML 6.0.4's scanner has its own limit (1,000 levels) and reads a run of
            # brackets ahead of the events: say where our limit was passed, as before.
            if "maximum nesting depth" not in str(error.problem):
                raise
            raise NestedTooDeep(_flow_too_deep(text) or _where(error)) from None
    return yaml.compose(text, Loader=_LOADER)


def _where(error: yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = error.problem_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _flow_too_deep(text: str) -> tuple[int, int] | None:
    """Where flow brackets first open more than :data:`MAX_DEPTH` levels (1-based line and
    column), skipping quoted text and comments; None if they never do. A top-level block
    collection counts as a level, as in the parser's events (deeper block levels do not:
    the place may then be a few brackets late)."""
    depth = 0 if text.lstrip().startswith(("[", "{")) else 1
    line, column, quote = 1, 0, ""
    previous = "\n"
    for char in text:
        column += 1
        if char == "\n":
            line, column, previous = line + 1, 0, char
            if quote == "#":
                quote = ""
            continue
        if quote:
            if char == quote and quote != "#":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and previous in " \t\n":
            quote = "#"
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, column
        elif char in "]}":
            depth -= 1
        previous = char
    return None
