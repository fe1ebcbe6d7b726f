"""The user's ``keymap.yaml``: action ids of the key table mapped to other keys.

::

    # ~/.config/nda-reader/keymap.yaml
    view.next_term: n              # one key
    view.next_match: ctrl+n        # ... so that n is free
    app.back: [ctrl+o, alt+left]   # several keys: a list, or "ctrl+o, alt+left"

An entry that names no action, a numbered action (the digits 1-9), a key that is not a key,
or a key that another action already has where both work is reported as a problem with its
``path:line:col`` and left out; the rest of the file still applies. The keymap is applied
through Textual's keymap support (``App.set_keymap``), by the bindings' ids.
"""

from __future__ import annotations

import difflib
import unicodedata
from pathlib import Path

from textual.keys import key_to_character

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_source import YList, YMap, parse_yaml, read_text
from nda_reader.ui.keys import SCOPES, KeyAction, by_id, keys_of, show_key, table

KEYMAP_FILE = "keymap.yaml"
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
NAMED_KEYS = frozenset(
    [
        "space",
        "enter",
        "tab",
        "escape",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        *(f"f{n}" for n in range(1, 25)),
    ]
)
_RENAMED = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def _character_key(char: str) -> str:
    """The Textual name of the key that types ``char`` (``?`` -> ``question_mark``)."""
    if char.isalnum():
        return char
    try:
        name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return char
    return _RENAMED.get(name, name)


def normal_key(text: str) -> str | None:
    """``text`` as a Textual key name (``ctrl+f``, ``question_mark``), or None if it is not
    a key."""
    text = text.strip()
    if len(text) == 1:
        return _character_key(text) if text.isprintable() and text != " " else None
    *mods, base = text.split("+")
    if not base or any(m not in MODIFIERS for m in mods):
        return None
    if len(base) == 1:
        base = _character_key(base)
    elif base not in NAMED_KEYS and key_to_character(base) is None:
        return None
    return "+".join([*mods, base])


def _overlap(a: KeyAction, b: KeyAction) -> bool:
    """True when the keys of ``a`` and ``b`` can be pressed in the same place."""
    na, nb = SCOPES[a.scope], SCOPES[b.scope]
    return na.node == nb.node or na.node in nb.below or nb.node in na.below


def _read_keys(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [k for k in value.split(",") if k.strip()]
    if isinstance(value, YList) and all(isinstance(k, str) for k in value):
        return [str(k) for k in value]
    return None


def load_keymap(config_dir: Path, problems: ProblemList) -> dict[str, str]:
    """The valid entries of ``config_dir/keymap.yaml`` (id -> comma-separated keys).

    A missing file is an empty keymap. Never raises: what cannot be used is a problem
    (added to ``problems`` in file order).
    """
    found = ProblemList()
    keymap = _load(config_dir / KEYMAP_FILE, found)
    problems.extend(sorted(found, key=lambda p: (p.line, p.column)))
    return keymap


def _load(path: Path, problems: ProblemList) -> dict[str, str]:
    if not path.is_file():
        return {}
    text = read_text(path, problems)
    if text is None or not text.strip():
        return {}
    data = parse_yaml(text, path, problems, keep=True)
    if data is None:
        return {}
    if not isinstance(data, YMap):
        problems.error(path, 1, 1, "a keymap maps action ids to keys, e.g. 'view.next_term: n'")
        return {}
    actions = by_id()
    wanted: dict[str, list[str]] = {}
    for ident, value in data.items():
        where = data.key_pos[ident]
        action = actions.get(ident)
        if action is None:
            close = difflib.get_close_matches(ident, list(actions), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "see docs/reader-keys.md for the ids"
            problems.error_at(path, where, f"unknown action {ident!r} in the keymap; {hint}")
            continue
        if action.numbered:
            problems.error_at(path, where, f"{ident!r} (the digits 1-9) cannot be remapped")
            continue
        raw = _read_keys(value)
        if not raw:
            problems.error_at(
                path, data.where(ident), f"give {ident!r} a key, or keys separated by commas"
            )
            continue
        keys = [normal_key(k) for k in raw]
        bad = [k.strip() for k, n in zip(raw, keys, strict=True) if n is None]
        if bad:
            problems.error_at(
                path,
                data.where(ident),
                f"{', '.join(map(repr, bad))} is not a key; write keys as 'x', 'X', 'ctrl+x', "
                "'f5', 'pagedown' or 'question_mark'",
            )
            continue
        wanted[ident] = [k for k in keys if k is not None]
    return _without_clashes(wanted, data, path, problems)


def _without_clashes(
    wanted: dict[str, list[str]], data: YMap, path: Path, problems: ProblemList
) -> dict[str, str]:
    """Drop (and report) entries whose keys another action has where both work."""
    keymap = {ident: ",".join(keys) for ident, keys in wanted.items()}
    rejected: set[str] = set()
    for ident, keys in wanted.items():
        action = by_id()[ident]
        for other in table():
            if other.id == ident or not _overlap(action, other):
                continue
            # Keys the two share by default are shared by design (g is "top" in the text
            # and "new term" while selecting); only keys the keymap brings can clash.
            shared = {
                k
                for k in set(keys) & set(keys_of(other, keymap))
                if not (k in action.key_list and k in other.key_list)
            }
            if shared:
                key = show_key(sorted(shared)[0])
                where = SCOPES[other.scope].title.lower()
                problems.error_at(
                    path,
                    data.where(ident),
                    f"{key} for {ident!r} is already {other.id!r} ({other.title}, "
                    f"{where}); choose another key, or move {other.id!r} too",
                )
                rejected.add(ident)
                break
    return {k: v for k, v in keymap.items() if k not in rejected}
