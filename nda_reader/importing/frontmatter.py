"""Front matter of a new text, inferred from its words: title, date, publisher, source URL,
language, kind and id (see docs/text-format.md, "Front matter")."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

from nda_reader.importing.dates import find_dates, parse_date
from nda_reader.importing.rules import Rules
from nda_reader.lang.hanzi import is_han

ORDER = (
    "id",
    "title",
    "date",
    "published",
    "publisher",
    "source",
    "kind",
    "language",
    "pairs",
    "part_of",
    "part",
    "part_title",
    "source_digest",
    "note",
)
_BARE = {"id", "date", "published", "kind", "language", "pairs", "part_of", "part"}
_SOURCE_LINE = re.compile(r"^Source\s*[:：]\s*(https?://\S+)\s*$", re.M)
_DATE_LABEL = re.compile(r"^(?:Date|日期|时间)\s*[:：]\s*\n+\s*(.+)$", re.M)
_STOP = {"a", "an", "the", "of", "on", "in", "at", "for", "to", "and", "by", "with", "is"}


def restore_case(headline: str, body: str) -> str:
    """A headline written all in lower case takes the casing the body gives the same words
    ("first national data work conference held" -> "First National Data Work Conference
    held"); any other headline is kept as written."""
    if headline != headline.lower() or not re.search("[a-z]", headline):
        return headline
    words = headline.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            phrase = r"\s+".join(re.escape(w) for w in words[i:j])
            m = re.search(rf"(?<!\w){phrase}(?!\w)", body[len(headline) + 2 :], re.I)
            if m and (j - i > 1 or m.group() != m.group().lower()):
                out.extend(m.group().split())
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def language_of(text: str) -> str:
    """``zh`` when most letters are hanzi, else ``en``."""
    han = sum(map(is_han, text))
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    return "zh" if han > latin / 3 else "en"


def kind_of(words: str, has_turns: bool, rules: Rules) -> str:
    """``transcript`` when there are speaker turns; else a kind whose words the title or
    headings use (``rules.yaml``: ``kinds``); else ``report``."""
    if has_turns:
        return "transcript"
    lowered = words.lower()
    for kind, keys in rules.kinds.items():
        for key in keys:
            if re.search(rf"(?<![a-z]){re.escape(key.lower())}(?![a-z])", lowered):
                return kind
    return "report"


def source_url(body: str) -> str:
    """The URL a "Source: https://…" line of the text gives."""
    m = _SOURCE_LINE.search(body)
    return m.group(1) if m else ""


def infer_date(body: str, published: str = "", dateline: str = "") -> tuple[str, str]:
    """(ISO date, how it was found, or why not). The date after a "Date:" line wins, then
    a date line under the headline, then the first full date of the text, then a date
    without a year completed by the year of publication, then the publication date."""
    m = _DATE_LABEL.search(body)
    if m and (iso := parse_date(m.group(1))):
        return iso, f"from the line 'Date: {m.group(1).strip()}'"
    if dateline and (iso := parse_date(dateline)):
        return iso, f"the date line under the headline: '{dateline}'"
    found = find_dates(body)
    full = [f for f in found if f.has_year]
    if full:
        return full[0].iso, f"the first date of the text: '{full[0].text}'"
    partial = [f for f in found if not f.has_year]
    if partial and published:
        iso = published[:4] + partial[0].iso[1:]
        return iso, f"'{partial[0].text}' in the year of publication"
    if published:
        return published, "the date of publication"
    if partial:
        return "", (
            f"no date with a year: the text says '{partial[0].text}' but not the year; "
            "give --date YYYY-MM-DD"
        )
    return "", "no date in the text; give --date YYYY-MM-DD"


def make_id(title: str, date: str, taken: Collection[str] | None = None) -> str:
    """A slug from the title's first content words and the year: ``nda-work-conference-2024``."""
    words = [w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in _STOP]
    base = "-".join(words[:6]) or "text"
    year = date[:4]
    if year and not base.endswith(year):
        base = f"{base}-{year}"
    ident, n = base, 2
    while taken and ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def _value(key: str, value: Any) -> str:
    if isinstance(value, int) or (key in _BARE and re.fullmatch(r"[a-z0-9-]+", str(value))):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def render_front_matter(meta: dict[str, Any]) -> str:
    """The front matter block, ``---`` lines included, keys in the documented order, free
    text double-quoted."""
    keys = [k for k in ORDER if meta.get(k) not in (None, "")]
    keys += [k for k in meta if k not in ORDER and meta[k] not in (None, "")]
    lines = [f"{k}: {_value(k, meta[k])}" for k in keys]
    return "---\n" + "\n".join(lines) + "\n---\n"
