"""Reading the plain YAML that layer files are made of, several times faster than PyYAML.

Composing a file's nodes with libyaml and building values from them costs a few
microseconds a value; a corpus of a thousand texts has layer files of hundreds of
thousands of lines (cross-references, speaker turns), and ``check`` or a first launch
reads them all. Nearly every line of them is one of a few shapes: ``key: value``,
``key:`` opening a block below, ``- key: value`` starting a list item, ``- value``, with
values written plain, in quotes on one line, or as a one-line list (``[a, b]``).

:func:`read_lines` reads texts made only of those shapes, line by line, into the same
values with the same positions as :class:`~nda_reader.formats.yaml_builder.Builder` makes
from PyYAML's nodes. Anything else (a multi-line value, an anchor, a tag, a comment after
a value, a duplicate key, a tab, a character YAML refuses or reads as a line break...)
gives :data:`NOT_READ`, and the text is read by PyYAML as before, which reports what is
wrong: this path never reports a problem, so it only takes texts without any.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from nda_reader.formats.yaml_limits import MAX_DEPTH, MAX_VALUES
from nda_reader.formats.yaml_values import YList, YMap, clean


class _NotRead(Exception):
    """The text is not of the shapes read here."""


NOT_READ: Any = object()
"""What :func:`read_lines` gives for a text it does not read (PyYAML reads it)."""

_LINE = re.compile(
    r"(?P<indent> *)(?P<dash>- +)?"
    r"(?:(?P<key>[A-Za-z0-9_][A-Za-z0-9_-]*):(?: +(?P<value>.*))?|(?P<scalar>.*))"
)
_DOUBLE = re.compile(r'"((?:[^"\\]|\\[nt"\\/ ])*)" *')
_SINGLE = re.compile(r"'((?:[^']|'')*)' *")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", " ": " "}
_ESCAPE = re.compile(r"\\(.)")
_FLOW_ITEM = re.compile(r' *("(?:[^"\\]|\\[nt"\\/ ])*"|[A-Za-z0-9_][A-Za-z0-9_ .-]*?) *(,|\]$)')
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# What YAML refuses, or reads as a line break (libyaml: NEL, LS, PS), a tab, a BOM.
_UNREAD = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_TEXT = "tag:yaml.org,2002:str"
_KEPT_AS_TEXT = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp")
_PLAIN_TAGS = frozenset(
    {
        *_KEPT_AS_TEXT,
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
    }
)

Token = tuple[int, int, int, str | None, str | None, int]
"""One line: its number, indent, the column after its dash (-1 without one), its key
(None for a list item holding a value), the text of its value (None after ``key:``) and
the column it starts at (0-based)."""


def read_lines(text: str) -> Any:
    """The values of ``text`` as :func:`~nda_reader.formats.yaml_source.parse_yaml` gives
    them (a :class:`YMap` at the top), or :data:`NOT_READ` if ``text`` is not made only of
    the shapes read here, or would give any problem."""
    if _UNREAD.search(text) is not None or not clean(text):
        return NOT_READ
    try:
        tokens = _tokens(text)
        if not tokens or tokens[0][1] != 0 or tokens[0][2] >= 0:
            return NOT_READ
        reader = _Reader(tokens)
        value, end = reader.mapping(0, 0, 1)
        if end != len(tokens):
            return NOT_READ
    except _NotRead:
        return NOT_READ
    return value


def _tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    match = _LINE.fullmatch
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")  # spaces only: to YAML, U+3000 is no space
        if not stripped or stripped.startswith("#"):
            continue
        found = match(line)
        if found is None:  # pragma: no cover - the pattern matches any line
            raise _NotRead
        indent, dash, key, value, scalar = found.group("indent", "dash", "key", "value", "scalar")
        content = len(indent) + len(dash) if dash else -1
        if key is None:
            if not dash or not scalar:  # a line that is neither key nor list item
                raise _NotRead
            value, start = scalar, content
        else:
            start = found.start("value")
        tokens.append((number, len(indent), content, key, value, start))
    return tokens


class _Reader:
    """Builds values from the lines' tokens, counting them against the limits."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.count = 0
        self.keys: set[str] = set()
        """Keys known to be text."""

    def _counted(self, values: int) -> None:
        """Count ``values`` more, as the builder counts them: every key, every value,
        every collection (one). Each collection counts itself, its keys and its values
        that are not collections (those count themselves)."""
        self.count += values
        if self.count >= MAX_VALUES:
            raise _NotRead  # PyYAML's path says which limit

    def mapping(self, i: int, column: int, depth: int) -> tuple[YMap, int]:
        """The block mapping whose first key is on token ``i``, at ``column`` (0-based)."""
        if depth >= MAX_DEPTH:
            raise _NotRead  # PyYAML's path says which limit
        tokens = self.tokens
        keys = self.keys
        out = YMap()
        out.pos = (tokens[i][0], column + 1)
        key_pos: dict[str, tuple[int, int]] = {}
        value_pos: dict[str, tuple[int, int]] = {}
        out.key_pos, out.value_pos = key_pos, value_pos
        end = len(tokens)
        start = i
        collections = 0  # values that are collections: they count themselves
        while i < end:
            number, indent, content, key, value, value_column = tokens[i]
            if i != start:
                if indent < column:
                    break
                if indent > column or content >= 0:
                    raise _NotRead
            if key is None or key in out:
                raise _NotRead
            if key not in keys:
                if _tag(key) != _TEXT:
                    raise _NotRead
                keys.add(key)
            key_pos[key] = (number, column + 1)
            i += 1
            if value is not None:
                out[key] = self.scalar_or_flow(value, number, value_column, depth + 1)
                collections += out[key].__class__ is YList
                value_pos[key] = (number, value_column + 1)
                continue
            if i >= end or tokens[i][1] <= column:
                raise _NotRead  # an empty value, or a list at the key's own indent
            below = tokens[i]
            collections += 1
            if below[2] >= 0:
                out[key], i = self.sequence(i, below[1], depth + 1)
            else:
                out[key], i = self.mapping(i, below[1], depth + 1)
            value_pos[key] = (below[0], below[1] + 1)
        self._counted(1 + 2 * len(out) - collections)
        return out, i

    def sequence(self, i: int, indent: int, depth: int) -> tuple[YList, int]:
        """The block list whose first dash is on token ``i``, at column ``indent``."""
        if depth >= MAX_DEPTH:
            raise _NotRead
        tokens = self.tokens
        out = YList()
        out.pos = (tokens[i][0], indent + 1)
        out.item_pos = []
        while i < len(tokens) and tokens[i][1] == indent and tokens[i][2] >= 0:
            number, _, content, key, value, _start = tokens[i]
            out.item_pos.append((number, content + 1))
            if key is not None:
                item, i = self.mapping(i, content, depth + 1)
            else:
                assert value is not None
                item = self.scalar_or_flow(value, number, content, depth + 1)
                i += 1
            out.append(item)
        self._counted(1 + sum(not isinstance(item, (YMap, YList)) for item in out))
        return out, i

    def scalar_or_flow(self, raw: str, line: int, column: int, depth: int) -> Any:
        """A value written on one line, starting at ``column`` (0-based)."""
        if not raw:
            raise _NotRead  # trailing spaces after "key:": an empty value
        if raw.startswith("["):
            return self.flow_list(raw.rstrip(" "), line, column, depth)
        return _scalar(raw)

    def flow_list(self, raw: str, line: int, column: int, depth: int) -> YList:
        """A one-line list of quoted or simple plain values: ``[a, "b c"]``."""
        if depth >= MAX_DEPTH:
            raise _NotRead
        out = YList()
        out.pos = (line, column + 1)
        out.item_pos = []
        if re.fullmatch(r"\[ *\]", raw):
            return out
        at = 1
        while at < len(raw):
            found = _FLOW_ITEM.match(raw, at)
            if found is None:
                raise _NotRead
            item = found.group(1)
            out.item_pos.append((line, column + found.start(1) + 1))
            out.append(_scalar(item))
            at = found.end()
        if not raw.endswith("]") or at != len(raw):
            raise _NotRead
        self._counted(len(out) + 1)
        return out


def _scalar(raw: str) -> Any:
    first = raw[0]
    if first == '"':
        if raw[-1] == '"' and raw.count('"') == 2 and "\\" not in raw:
            return raw[1:-1]  # most quoted values: no escape, nothing after them
        found = _DOUBLE.fullmatch(raw)
        if found is None:
            raise _NotRead
        inner = found.group(1)
        return _ESCAPE.sub(_unescape, inner) if "\\" in inner else inner
    if first == "'":
        found = _SINGLE.fullmatch(raw)
        if found is None:
            raise _NotRead
        return found.group(1).replace("''", "'")
    value = raw.rstrip(" ")
    if first in _INDICATORS or " #" in value or ": " in value or value.endswith(":"):
        raise _NotRead
    if _DECIMAL.fullmatch(value):
        return int(value)  # what the constructor makes of it, without the call
    tag = _tag(value)
    if tag in _KEPT_AS_TEXT:
        return value
    return _construct(tag, value)


def _unescape(found: re.Match[str]) -> str:
    return _ESCAPES[found.group(1)]


_DECIMAL = re.compile(r"[1-9][0-9]{0,17}")
"""Integers read without PyYAML's constructor (those that need no more than int())."""


_tags: dict[str, str] = {}


def _tag(value: str) -> str:
    """The tag PyYAML's resolver gives a plain value (kept for short values)."""
    tag = _tags.get(value)
    if tag is None:
        resolver = _resolver()
        if value[0] not in resolver.yaml_implicit_resolvers:
            return _TEXT  # no implicit type begins with this character
        tag = resolver.resolve(_scalar_node(), value, (True, False))
        if tag not in _PLAIN_TAGS:
            raise _NotRead
        if len(value) <= 64:
            if len(_tags) > 4096:
                _tags.clear()
            _tags[value] = tag
    return tag


def _construct(tag: str, value: str) -> Any:
    import yaml

    try:
        return _constructor().construct_object(yaml.ScalarNode(tag, value), deep=True)
    except (ValueError, KeyError, yaml.YAMLError):
        raise _NotRead from None


@cache
def _resolver() -> Any:
    import yaml

    return yaml.resolver.Resolver()


@cache
def _scalar_node() -> Any:
    import yaml

    return yaml.ScalarNode


@cache
def _constructor() -> Any:
    import yaml

    return yaml.constructor.SafeConstructor()
