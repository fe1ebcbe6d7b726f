"""Unresolved merge conflicts in a layer file: where they are, and the file without them.

After ``git merge`` (with or without nda-reader's merge driver) a layer file may hold git's
conflict markers::

    <<<<<<< ours
        pinyin: Liú Lièhóng
    =======
        pinyin: Liu Liehong
    >>>>>>> theirs

:func:`find_conflicts` finds each conflict and the entry it is in, so that ``check`` can
report it at its line; :func:`our_side` keeps our side of every conflict (the markers and
their side become blank lines, so line numbers stay right) so that the rest of the file can
still be read until the conflict is resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_START = re.compile(r"^<{7,}(?: |$)")
_BASE = re.compile(r"^\|{7,}(?: |$)")
_MIDDLE = re.compile(r"^={7,}\s*$")
_END = re.compile(r"^>{7,}(?: |$)")
_ITEM_ID = re.compile(r"^\s*-\s+id:\s*['\"]?([^'\"\s#]+)")


@dataclass(frozen=True, slots=True)
class Conflict:
    """One conflict: its 1-based first and last lines and the id of the entry it is in."""

    start: int
    end: int
    entry: str = ""


def find_conflicts(text: str) -> list[Conflict]:
    """The conflicts marked in ``text`` (an unterminated one runs to the end of the file)."""
    if "<<<<<<<" not in text:  # every start marker holds it: no line to look at
        return []
    lines = text.splitlines()
    out: list[Conflict] = []
    i = 0
    while i < len(lines):
        if not _START.match(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and not _END.match(lines[i]):
            i += 1
        end = min(i, len(lines) - 1)
        out.append(Conflict(start + 1, end + 1, _entry_of(lines, start, end)))
        i += 1
    return out


def _entry_of(lines: list[str], start: int, end: int) -> str:
    """The id of the entry a conflict is in, or of the first entry it wraps."""
    for line in lines[start:end]:
        found = _ITEM_ID.match(line)
        if found:
            return found.group(1)
    for line in reversed(lines[:start]):
        found = _ITEM_ID.match(line)
        if found:
            return found.group(1)
        if line.strip() and not line.startswith((" ", "\t", "-", "#")):
            break  # a top-level key: the conflict is not inside an item
    return ""


def our_side(text: str) -> str:
    """``text`` with our side of each conflict kept and the rest blanked (same line count)."""
    out: list[str] = []
    keep = True
    inside = False
    for line in text.splitlines(keepends=True):
        ending = "\n" if line.endswith("\n") else ""
        if _START.match(line):
            inside, keep = True, True
            out.append(ending)
        elif inside and (_BASE.match(line) or _MIDDLE.match(line)):
            keep = False
            out.append(ending)
        elif inside and _END.match(line):
            inside, keep = False, True
            out.append(ending)
        else:
            out.append(line if keep else ending)
    return "".join(out)
