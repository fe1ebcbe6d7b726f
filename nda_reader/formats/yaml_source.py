"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers, accepts duplicate keys silently and turns
dates into ``datetime`` objects. Layer files need all three handled: ``check`` reports
``path:line:col``, a duplicate key is a mistake a user wants to hear about, and dates are
kept as the strings the user wrote. Only plain YAML is read: any explicit tag such as
``!!python/object`` is refused, never constructed.

The values come as :class:`~nda_reader.formats.yaml_values.YMap` and
:class:`~nda_reader.formats.yaml_values.YList` (also importable from here), built by
:class:`~nda_reader.formats.yaml_builder.Builder`.

Texts made only of the usual shapes of a layer file (``key: value``, ``- key: value``,
one-line values) are read line by line by :mod:`~nda_reader.formats.yaml_lines`, to the
same values and positions, several times faster; any other text goes to PyYAML.

PyYAML is imported when a text is first parsed: with a :class:`YamlMemo` in use
(:func:`use_memo`, the reader's command line), a text parsed in an earlier run is not
parsed again, and the reader's first screen comes up without PyYAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nda_reader.formats.conflict_markers import find_conflicts, our_side
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.safe_read import RefusedFile, decode_text, read_file
from nda_reader.formats.yaml_handoff import take
from nda_reader.formats.yaml_memo import MISSING, YamlMemo
from nda_reader.formats.yaml_values import Pos, clean, shift
from nda_reader.formats.yaml_values import YList as YList
from nda_reader.formats.yaml_values import YMap as YMap

_memo: YamlMemo | None = None


def use_memo(memo: YamlMemo | None) -> None:
    """Keep and look up the parses of small texts in ``memo`` (None: parse every text)."""
    global _memo
    _memo = memo


def plain_yaml(text: str) -> Any:
    """``yaml.safe_load`` of ``text`` (plain Python values), or None when it is not YAML;
    for small files the reader writes itself (settings, places). Never raises."""
    memo = _memo
    if memo is not None:
        found = memo.get("plain", text)
        if found is not MISSING:
            return found
    import yaml

    try:
        value = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    if memo is not None:
        memo.put("plain", text, value)
    return value


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
    keep: bool = False,
) -> Any:
    """Parse YAML ``text`` safely into plain values, ``YMap`` and ``YList``.

    ``line_offset`` shifts reported lines, for YAML embedded in a larger file (front matter).
    Returns ``None`` (with a problem recorded) when the text cannot be parsed. A parse of
    the same text kept by :func:`~nda_reader.formats.yaml_handoff.keep` is taken instead.
    A ``stats`` dict given is filled, when the text is parsed here, with the ``values``
    built (aliases counted in full), the ``deepest`` nesting and the alias ``repeats``.
    With ``keep`` (a small file read at every start: a theme, the keymap) and a memo in
    use (:func:`use_memo`), a parse without problems is kept for later runs.
    """
    handed = take(path, text) if not line_offset else None
    if handed is not None:
        problems.extend(handed[1])
        return handed[0]
    memo = _memo if keep and not line_offset and stats is None else None
    if memo is not None:
        found = memo.get("parse", text)
        if found is not MISSING:
            return found
    if stats is None:  # most layer files: read without composing PyYAML's nodes
        from nda_reader.formats.yaml_lines import NOT_READ, read_lines  # not for a memo's

        value = read_lines(text)
        if value is not NOT_READ:
            if line_offset:
                shift(value, line_offset)
            if memo is not None:
                memo.put("parse", text, value)
            return value
    import yaml

    from nda_reader.formats.yaml_builder import Builder
    from nda_reader.formats.yaml_guard import NestedTooDeep, compose

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
    # Without "&" there is no anchor, so no alias.
    builder = Builder(path, local, "&" in text, clean(text))
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
    if memo is not None and not local and value is not None:
        memo.put("parse", text, value)
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
