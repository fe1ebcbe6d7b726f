"""Dates written in texts: "July 22, 2024", "22 July 2024", "2024-07-22", "2024年7月22日",
ranges ("From 29 to 30 December 2025" is the 29th) and dates without a year ("November
10th"), which are reported but never completed by guessing."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = rf"(?:\s*(?:-|–|to|and)\s*\d{{1,2}}{_ORD})?"

DATE_PATTERN = (
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}{_ORD}{_RANGE},?\s+\d{{4}}"
    rf"|\d{{1,2}}{_ORD}{_RANGE}\s+{_MONTH}\.?,?\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
)
"""A full date, for patterns of the rules (``{date}``); no groups of its own."""

_FULL = re.compile(
    rf"(?<![A-Za-z0-9-])(?:"
    rf"(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}}){_ORD}{_RANGE},?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){_ORD}{_RANGE}\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})[-/.](?P<n3>\d{1,2})[-/.](?P<d3>\d{1,2})"
    r"|(?P<y4>\d{4})\s*年\s*(?P<n4>\d{1,2})\s*月\s*(?P<d4>\d{1,2})\s*日"
    r")(?![A-Za-z0-9-])"
)
_PARTIAL = re.compile(
    rf"(?<![A-Za-z0-9-])(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}}){_ORD}(?![\d,]*\s*\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m2>{_MONTH})(?!\.?,?\s+\d{{4}}))(?![A-Za-z0-9-])"
    r"|(?<!年)(?<!\d)(?P<n3>\d{1,2})\s*月\s*(?P<d3>\d{1,2})\s*日"
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a text: ISO (``2024-07-22``, or ``--07-22`` without a year)."""

    iso: str
    start: int
    end: int
    text: str

    @property
    def has_year(self) -> bool:
        """False for a date written without its year."""
        return not self.iso.startswith("--")


def _iso(year: int | None, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _month(name: str | None, number: str | None) -> int:
    if number:
        return int(number)
    return _MONTHS.get((name or "").lower().rstrip("."), 0)


def _parts(m: re.Match[str]) -> tuple[int | None, int, int]:
    g = m.groupdict()
    for i in "1234":
        if g.get(f"d{i}"):
            year = g.get(f"y{i}")
            month = _month(g.get(f"m{i}"), g.get(f"n{i}"))
            return (int(year) if year else None, month, int(g[f"d{i}"]))
    return None, 0, 0


def find_dates(text: str, *, partial: bool = True) -> list[FoundDate]:
    """Every date in ``text`` in order; with ``partial``, dates without a year too."""
    found: list[FoundDate] = []
    for pattern in (_FULL, _PARTIAL) if partial else (_FULL,):
        for m in pattern.finditer(text):
            iso = _iso(*_parts(m))
            if iso and not any(f.start <= m.start() < f.end for f in found):
                found.append(FoundDate(iso, m.start(), m.end(), m.group()))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str) -> str | None:
    """The ISO date ``text`` is (a whole date, possibly a range), or None."""
    m = _FULL.fullmatch(text.strip())
    iso = _iso(*_parts(m)) if m else None
    return iso if iso and not iso.startswith("--") else None
