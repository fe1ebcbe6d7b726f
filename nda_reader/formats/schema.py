"""Checking the fields of a YAML mapping against a small schema, with positions.

Each layer describes its entries as a dict of :class:`Field`; :func:`read_fields` returns
the values it could use and records a problem for anything missing, unknown or mistyped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_source import YList, YMap

MAX_ID_LENGTH = 100
"""The longest id: ids name files (``<id>.md``, ``speakers/<id>.yaml``, the export's)."""
# \Z, not $: "$" also matches before a final newline, and an id ending in one would name a
# file with a newline in it.
SLUG = re.compile(rf"(?=.{{1,{MAX_ID_LENGTH}}}\Z)[a-z0-9]+(?:[-_.][a-z0-9]+)*\Z", re.ASCII)
DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")
FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
SLUG_HINT = f"use lowercase letters, digits and hyphens (at most {MAX_ID_LENGTH})"

_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
}


@dataclass(frozen=True, slots=True)
class Field:
    """One allowed key: its type, whether it is required, and optional allowed values."""

    kind: type
    required: bool = False
    choices: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    pattern_hint: str = ""


def _type_ok(value: Any, kind: type) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is list:
        return isinstance(value, YList)
    if kind is dict:
        return isinstance(value, YMap)
    if kind is str:
        # Numbers and dates written without quotes are accepted as text.
        return isinstance(value, (str, int, float)) and not isinstance(value, bool)
    return isinstance(value, kind)


def read_fields(
    entry: Any,
    schema: dict[str, Field],
    path: Path,
    problems: ProblemList,
    what: str,
    where: tuple[int, int] = (1, 1),
) -> dict[str, Any] | None:
    """Validate ``entry`` against ``schema``; return the usable values or ``None``.

    ``what`` names the entry in messages ("glossary entry 'nda'"). Unknown keys are errors
    with a did-you-mean suggestion, since a misspelt key silently losing data is worse.
    """
    if not isinstance(entry, YMap):
        problems.error_at(path, where, f"{what} must be a mapping of keys to values")
        return None
    out: dict[str, Any] = {}
    ok = True
    for key, value in entry.items():
        field = schema.get(key)
        if field is None:
            line, col = entry.key_pos[key]
            close = difflib.get_close_matches(key, list(schema), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; allowed: {', '.join(schema)}"
            problems.error(path, line, col, f"unknown field {key!r} in {what}{hint}")
            continue
        if value is None and not field.required:
            continue
        kind = field.kind
        text = kind is str and value.__class__ is str  # the common case, checked first
        if not text and not _type_ok(value, kind):
            problems.error_at(
                path,
                entry.where(key),
                f"{key!r} in {what} must be {_TYPE_NAMES.get(kind, kind.__name__)}, "
                f"not {_describe(value)}",
            )
            ok = ok and not field.required
            continue
        if kind is str:
            if not text:
                value = str(value)
            if field.choices and value not in field.choices:
                problems.error_at(
                    path,
                    entry.where(key),
                    f"{key!r} in {what} is {value!r}; use one of: {', '.join(field.choices)}",
                )
                ok = ok and not field.required
                continue
            if field.pattern is not None and not field.pattern.match(value):
                problems.error_at(
                    path, entry.where(key), f"{key!r} in {what} is {value!r}; {field.pattern_hint}"
                )
                ok = ok and not field.required
                continue
        out[key] = value
    for key, field in schema.items():
        if field.required and key not in entry:
            problems.error_at(path, entry.pos, f"{what} is missing the required field {key!r}")
            ok = False
        elif field.required and entry.get(key) is None and key in entry:
            problems.error_at(path, entry.where(key), f"{key!r} in {what} is empty")
            ok = False
    return out if ok else None


def read_list(
    items: YList,
    schema: dict[str, Field],
    path: Path,
    problems: ProblemList,
    noun: str,
    *,
    by_id: bool = True,
) -> Iterator[tuple[YMap, dict[str, Any], str, tuple[int, int]]]:
    """``(raw, values, what, where)`` for each item of a layer's list that passes
    :func:`read_fields`. ``what`` names the item in messages: ``noun 'its id'`` when
    ``by_id`` and it has one, else ``noun N`` (counting from 1)."""
    for i in range(len(items)):
        item = read_item(items, i, schema, path, problems, noun, by_id=by_id)
        if item is not None:
            yield item


def read_item(
    items: YList,
    i: int,
    schema: dict[str, Field],
    path: Path,
    problems: ProblemList,
    noun: str,
    *,
    by_id: bool = True,
) -> tuple[YMap, dict[str, Any], str, tuple[int, int]] | None:
    """Item ``i`` of ``items`` as :func:`read_list` gives it (None when it does not pass)."""
    raw = items[i]
    where = items.where(i)
    label = raw.get("id") if by_id and isinstance(raw, YMap) else None
    what = f"{noun} {label!r}" if label else f"{noun} {i + 1}"
    values = read_fields(raw, schema, path, problems, what, where)
    return None if values is None else (raw, values, what, where)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    return f"{type(value).__name__} {value!r}"


def str_list(
    value: Any, path: Path, problems: ProblemList, what: str, where: tuple[int, int]
) -> list[str]:
    """Read a list of strings, reporting each item that is not text."""
    if value is None:
        return []
    if not isinstance(value, YList):
        problems.error_at(path, where, f"{what} must be a list")
        return []
    out: list[str] = []
    for i, item in enumerate(value):
        if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item):
            out.append(str(item))
        else:
            problems.error_at(path, value.where(i), f"item {i + 1} of {what} must be text")
    return out


def slug_field(required: bool = False) -> Field:
    """A field holding an id: lowercase letters, digits and hyphens."""
    return Field(str, required, pattern=SLUG, pattern_hint=SLUG_HINT)


def date_field(required: bool = False) -> Field:
    """A field holding a date: YYYY, YYYY-MM or YYYY-MM-DD."""
    return Field(str, required, pattern=DATE, pattern_hint="write YYYY, YYYY-MM or YYYY-MM-DD")
