"""Citations of the corpus's sources: CSL-JSON, BibTeX, and the front matter of exports.

One reference per exported document (a multi-part document is one), made from its front
matter: title (a multi-part document's ``part_title``), the date it was published (else
the date of the event), the event's date, publisher, the web address when ``source`` is
one (else the ``source`` text as a note), language, and the kind of document. Reference
managers (Zotero, pandoc's citeproc, BibLaTeX) read both files. See docs/citations.md.
"""

from __future__ import annotations

import json
import re
from typing import Any

from nda_reader.corpus.document import Document
from nda_reader.export.escape import escape_one_line, yaml_string

CSL_TYPES = {"speech": "speech", "transcript": "speech", "readout": "report", "report": "report"}
GENRES = {
    "speech": "Speech",
    "transcript": "Transcript",
    "readout": "Meeting readout",
    "report": "Report",
}
_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def is_url(value: str) -> bool:
    """True when ``value`` is a web address (a front matter ``source`` may be prose)."""
    return value.startswith(("http://", "https://")) and not any(c.isspace() for c in value)


def _date_parts(date: str) -> list[int]:
    return [int(p) for p in re.findall(r"\d+", date)[:3]]


def csl_item(group: str, docs: list[Document]) -> dict[str, Any]:
    """The CSL-JSON reference of an exported document (``docs``: its parts, in order)."""
    first = docs[0]
    title = first.part_title if first.part_of and first.part_title else first.title
    item: dict[str, Any] = {
        "id": group,
        "type": CSL_TYPES.get(first.kind, "document"),
        "title": _one_line(title),
        "genre": GENRES.get(first.kind, first.kind.capitalize()),
    }
    issued = first.published or first.date
    if issued:
        item["issued"] = {"date-parts": [_date_parts(issued)]}
    if first.published and first.date:
        item["event-date"] = {"date-parts": [_date_parts(first.date)]}
    if first.publisher:
        item["publisher"] = _one_line(first.publisher)
    if is_url(first.source):
        item["URL"] = first.source
    elif first.source:
        item["note"] = _one_line(first.source)
    if first.language:
        item["language"] = first.language
    return item


def csl_json(items: list[dict[str, Any]]) -> str:
    """A CSL-JSON file: the references as a JSON array."""
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _bib_text(value: str) -> str:
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in _one_line(value))


def _bib_date(parts: list[int]) -> str:
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


def bibtex_entry(item: dict[str, Any]) -> str:
    """One BibTeX (BibLaTeX-style ``@misc``) entry for a CSL item."""
    fields: list[tuple[str, str]] = [("title", "{" + _bib_text(item["title"]) + "}")]
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        fields += [("date", _bib_date(parts)), ("year", str(parts[0]))]
    if "event-date" in item:
        fields.append(("eventdate", _bib_date(item["event-date"]["date-parts"][0])))
    if "publisher" in item:
        fields.append(("publisher", _bib_text(item["publisher"])))
    if "URL" in item:
        fields.append(("url", item["URL"].replace("{", "%7B").replace("}", "%7D")))
    if "note" in item:
        fields.append(("note", _bib_text(item["note"])))
    fields.append(("type", _bib_text(item["genre"])))
    if "language" in item:
        fields.append(("langid", _bib_text(item["language"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{item['id']},\n{body}\n}}\n"


def bibtex(items: list[dict[str, Any]]) -> str:
    """A BibTeX file of the references."""
    return "\n".join(bibtex_entry(item) for item in items)


def front_matter_lines(group: str, docs: list[Document]) -> list[str]:
    """The citation in an exported file's front matter: a pandoc ``references`` list with
    this document's CSL item (prose values Markdown-escaped: pandoc reads them as Markdown)."""
    lines = ["references:"]
    for i, (key, value) in enumerate(csl_item(group, docs).items()):
        if isinstance(value, str):
            shown = yaml_string(value if key in ("id", "URL", "type") else escape_one_line(value))
        else:
            shown = json.dumps(value)
        lines.append(f"  {'- ' if i == 0 else '  '}{key}: {shown}")
    return lines
