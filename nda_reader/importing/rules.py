"""The rules of an import, kept as data: debris, words that are no speakers, kind words.

The package's ``rules.yaml`` holds the defaults; a corpus may add its own in
``import-rules.yaml`` at its root (same format: its debris rules come after the package's,
its word lists are added, ``disable:`` switches package rules off by name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nda_reader.importing.dates import DATE_PATTERN

RULES_FILE = Path(__file__).with_name("rules.yaml")
CORPUS_RULES = "import-rules.yaml"
"""The name of a corpus's own rules file, at the corpus root."""

WHERE = ("anywhere", "top", "header")
CAPTURES = ("published", "publisher", "title", "source", "date")


class RulesError(Exception):
    """A rules file cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class DebrisRule:
    """Lines that are website debris: a whole-line pattern, where it applies, what it is."""

    name: str
    what: str
    pattern: re.Pattern[str]
    where: str = "anywhere"
    rest: bool = False


@dataclass
class Rules:
    """Everything an import reads from ``rules.yaml`` (and a corpus's additions)."""

    debris: list[DebrisRule] = field(default_factory=list)
    not_speakers: set[str] = field(default_factory=set)
    clause_endings: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    outlet_words: set[str] = field(default_factory=set)
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _rule(raw: Any, where: str) -> DebrisRule:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise RulesError(f"{where}: each debris rule needs a 'name' and a 'pattern'")
    name = raw["name"]
    pattern = raw.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise RulesError(f"{where}: debris rule {name!r} needs a 'pattern' (a regular expression)")
    unknown = set(raw) - {"name", "what", "pattern", "where", "rest"}
    if unknown:
        raise RulesError(f"{where}: debris rule {name!r} has unknown keys: {', '.join(unknown)}")
    place = raw.get("where", "anywhere")
    if place not in WHERE:
        raise RulesError(f"{where}: debris rule {name!r}: 'where' must be one of {WHERE}")
    try:
        compiled = re.compile(pattern.replace("{date}", DATE_PATTERN))
    except re.error as exc:
        raise RulesError(f"{where}: debris rule {name!r}: bad pattern: {exc}") from exc
    bad = set(compiled.groupindex) - set(CAPTURES)
    if bad:
        raise RulesError(
            f"{where}: debris rule {name!r} names groups {sorted(bad)}; "
            f"allowed: {', '.join(CAPTURES)}"
        )
    return DebrisRule(name, str(raw.get("what", name)), compiled, place, bool(raw.get("rest")))


def _words(raw: Any, key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesError(f"{where}: '{key}' must be a list of words")
    return list(value)


def _merge(rules: Rules, raw: Any, where: str) -> None:
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise RulesError(f"{where}: a rules file is a mapping (debris:, not_speakers:, ...)")
    known = {"debris", "not_speakers", "clause_endings", "honorifics", "outlet_words"}
    unknown = set(raw) - known - {"kinds", "disable"}
    if unknown:
        raise RulesError(f"{where}: unknown keys: {', '.join(sorted(unknown))}")
    off = set(_words(raw, "disable", where))
    rules.debris = [r for r in rules.debris if r.name not in off]
    debris = raw.get("debris", [])
    if not isinstance(debris, list):
        raise RulesError(f"{where}: 'debris' must be a list of rules")
    rules.debris.extend(_rule(item, where) for item in debris)
    rules.not_speakers |= {w.lower() for w in _words(raw, "not_speakers", where)}
    rules.clause_endings += tuple(_words(raw, "clause_endings", where))
    rules.honorifics += tuple(_words(raw, "honorifics", where))
    rules.outlet_words |= {w.lower() for w in _words(raw, "outlet_words", where)}
    kinds = raw.get("kinds", {})
    if not isinstance(kinds, dict):
        raise RulesError(f"{where}: 'kinds' maps a kind to a list of words")
    for kind, words in kinds.items():
        rules.kinds[kind] = rules.kinds.get(kind, ()) + tuple(
            _words({"w": words}, "w", f"{where}: kinds.{kind}")
        )


def _load(path: Path, rules: Rules) -> None:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: cannot read the rules ({exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise RulesError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    _merge(rules, raw, str(path))


def load_rules(corpus_root: Path | None = None) -> Rules:
    """The package's rules, plus the corpus's ``import-rules.yaml`` if it has one."""
    rules = Rules()
    _load(RULES_FILE, rules)
    if corpus_root is not None and (corpus_root / CORPUS_RULES).is_file():
        _load(corpus_root / CORPUS_RULES, rules)
    return rules
