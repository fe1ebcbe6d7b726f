"""Changing fields of one entry of a layer file, leaving every byte not edited as it was.

:func:`set_fields` rewrites only the fields whose value changes, each in the style it was
written in where it can (a flow list stays a flow list, quoted text keeps its quotes and
stays on one line, a comment after the value stays); comment lines between fields, and the
fields not changed, are left byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from nda_reader.formats.yaml_edit import (
    FileNotEditable,
    IndentedDumper,
    first_line,
    is_trailer,
    lines_of,
)
from nda_reader.formats.yaml_guard import compose


def set_fields(block: str, changes: dict[str, Any]) -> str:
    """Change top-level fields of one item block, leaving every byte not edited as it was.

    A value of ``None`` removes the field; a new field is added after the last one. A field
    already holding the value given is not touched. A changed field keeps its style where it
    can: a flow list stays a flow list, quoted text keeps its quotes, and a comment after the
    value on its line stays; comment lines between fields belong to no field and stay.
    """
    lines = lines_of(block)
    try:
        root = compose(block)
        current = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        raise FileNotEditable(f"the entry is not valid YAML ({first_line(exc)})") from exc
    if not isinstance(root, SequenceNode) or not root.value or not isinstance(current, list):
        raise FileNotEditable("not a list item")
    mapping = root.value[0]
    if not isinstance(mapping, MappingNode) or not isinstance(current[0], dict):
        raise FileNotEditable("the item is not a mapping")
    if not mapping.value:
        raise FileNotEditable("the item has no fields")
    fields = _field_spans(lines, mapping)
    column = mapping.value[0][0].start_mark.column
    replaced: dict[int, tuple[int, str]] = {}
    appended = ""
    for name, value in changes.items():
        span = fields.get(name)
        if span is None:
            if value is not None:
                appended += _render_field(name, value, column)
            continue
        if value is not None and _same(current[0].get(name), value):
            continue
        rendered = "" if value is None else _render_field(name, value, column, span.node)
        if rendered:
            rendered = _keep_line_parts(lines, span, rendered, column)
        replaced[span.start] = (span.end, rendered)
    out: list[str] = []
    i = 0
    last_field_end = max(span.end for span in fields.values())
    while i < len(lines):
        if i == last_field_end and appended:
            out.append(appended)
            appended = ""
        if i in replaced:
            end, text = replaced[i]
            out.append(text)
            i = end
            continue
        out.append(lines[i])
        i += 1
    if appended:
        out.append(appended)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _FieldSpan:
    """The lines [start, end) of one field of an item, its value node and where it ends."""

    start: int
    end: int
    node: Node
    first: bool
    """The field shares its first line with the item's dash."""


def _field_spans(lines: list[str], mapping: MappingNode) -> dict[str, _FieldSpan]:
    """Each field's lines: from its key to the last line of its value. Blank lines and
    comments after a value (not inside a block scalar or a nested block) are left out."""
    column = mapping.value[0][0].start_mark.column
    item_line = mapping.value[0][0].start_mark.line
    keys = [k.start_mark.line for k, _ in mapping.value]
    spans: dict[str, _FieldSpan] = {}
    for i, (key, value) in enumerate(mapping.value):
        start = key.start_mark.line
        limit = keys[i + 1] if i + 1 < len(keys) else len(lines)
        mark = value.end_mark
        end = min(limit, mark.line + (1 if mark.column > 0 else 0))
        end = max(end, start + 1)
        while end - 1 > start and is_trailer(lines[end - 1], column):
            end -= 1
        spans[str(key.value)] = _FieldSpan(start, end, value, start == item_line)
    return spans


def _same(old: Any, new: Any) -> bool:
    """True when a field already holds ``new`` (a number written where text is meant, or a
    date, compares as the text it is)."""
    if isinstance(new, str) and old is not None and not isinstance(old, (bool, list, dict)):
        return str(old) == new
    return bool(old == new and type(old) is type(new))


def _keep_line_parts(lines: list[str], span: _FieldSpan, rendered: str, column: int) -> str:
    """``rendered`` on the field's lines: after the item's dash on the first field, and
    followed by the comment that ended the old value's line, if any."""
    if span.first:
        rendered = lines[span.start][:column] + rendered[column:]
    mark = span.node.end_mark
    if rendered.count("\n") == 1 and span.end == span.start + 1 and mark.line == span.start:
        tail = lines[span.start][mark.column :].rstrip("\r\n")
        if tail.strip().startswith("#"):
            rendered = rendered.rstrip("\n") + tail + "\n"
    return rendered


class _Quoted(str):
    """Text to be written in the quotes its old value had (``style``: ``"`` or ``'``)."""

    style: str = '"'


def _represent_quoted(dumper: yaml.SafeDumper, value: _Quoted) -> yaml.ScalarNode:
    style = '"' if "\n" in value or "\r" in value else value.style
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


IndentedDumper.add_representer(_Quoted, _represent_quoted)


def _render_field(name: str, value: Any, column: int, like: Node | None = None) -> str:
    """``name: value`` at ``column``, in the style of the value it replaces (``like``)."""
    flow = False
    width = 96
    if isinstance(like, ScalarNode) and like.style in ('"', "'") and isinstance(value, str):
        quoted = _Quoted(value)
        quoted.style = like.style
        value = quoted
        if like.start_mark.line == like.end_mark.line:
            width = 1 << 30  # a value written on one line stays on one line
    elif (
        isinstance(like, SequenceNode)
        and like.flow_style
        and like.value
        and isinstance(value, list)
    ):
        flow = all(not isinstance(v, (list, dict)) for v in value)
    dumped = yaml.dump(
        {name: value},
        Dumper=IndentedDumper,
        allow_unicode=True,
        sort_keys=False,
        width=width,
        default_flow_style=None if flow else False,
    )
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in lines_of(dumped))
