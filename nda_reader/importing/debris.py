"""Removing website debris from the lines of a source, by the rules of ``rules.yaml``.

Every removed line is kept in :attr:`Cleaned.removed` with the rule that removed it, so the
report can list it (nothing goes silently), and what debris says about the text (a
publication date, a publisher, a repeated page title) is kept in :attr:`Cleaned.captures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nda_reader.importing.rules import DebrisRule
from nda_reader.lang.hanzi import is_han

_HEADING_MARK = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True, slots=True)
class Removed:
    """One removed line: its 1-based line number in the source, text and rule."""

    line: int
    text: str
    rule: str
    what: str


@dataclass
class Cleaned:
    """The lines that are left (blank where a line was removed), and what went."""

    lines: list[str]
    removed: list[Removed] = field(default_factory=list)
    captures: dict[str, str] = field(default_factory=dict)

    def removed_by(self, rule: str) -> list[Removed]:
        """The lines a rule removed."""
        return [r for r in self.removed if r.rule == rule]


def content(line: str) -> str:
    """A line as rules see it: no surrounding whitespace, no Markdown heading marker."""
    return _HEADING_MARK.sub("", line.strip())


def is_long(text: str) -> bool:
    """A line that is a real paragraph: 15 words or more, or 40 hanzi or more."""
    return len(text.split()) >= 15 or sum(map(is_han, text)) >= 40


def _match(
    rules: list[DebrisRule], text: str, zone: str
) -> tuple[DebrisRule, re.Match[str]] | None:
    for rule in rules:
        if rule.where not in ("anywhere", zone):
            continue
        m = rule.pattern.fullmatch(text)
        if m:
            return rule, m
    return None


def strip_debris(lines: list[str], rules: list[DebrisRule]) -> Cleaned:
    """Remove the lines ``rules`` match, zone by zone (see ``rules.yaml``)."""
    out = Cleaned(list(lines))
    zone = "top"
    n = len(lines)
    i = 0
    while i < n:
        text = content(lines[i])
        if not text:
            i += 1
            continue
        if zone == "header" and (is_long(text) or text.endswith((":", "："))):
            zone = "body"
        hit = _match(rules, text, zone)
        if hit is None:
            if zone == "top":
                zone = "header"  # this line is the headline
            i += 1
            continue
        rule, m = hit
        last = n if rule.rest else i + 1
        for j in range(i, last):
            if lines[j].strip():
                out.removed.append(Removed(j + 1, lines[j].strip(), rule.name, rule.what))
            out.lines[j] = ""
        for key, value in m.groupdict().items():
            if value and value.strip():
                out.captures.setdefault(key, " ".join(value.split()))
        i = last
    return out
