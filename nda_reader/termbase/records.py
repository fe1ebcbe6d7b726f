"""Glossary entries as plain records: the fields of the YAML layer, in its order.

Every exchange format writes records and reads them back; a record read back equals the one
written. Empty fields are left out, as in a hand-written layer.
"""

from __future__ import annotations

import json
from typing import Any

from nda_reader.corpus.glossary import GlossaryEntry

Record = dict[str, Any]
"""One glossary entry as YAML would hold it (``id``, ``kind``, ``hanzi`` ...)."""

FIELD_ORDER = (
    "id",
    "kind",
    "hanzi",
    "traditional",
    "pinyin",
    "pinyin_override",
    "english",
    "aliases",
    "renderings",
    "hanzi_source",
    "note",
    "roles",
)


def entry_record(entry: GlossaryEntry) -> Record:
    """The record of ``entry``: every field it has, nothing it has not."""
    roles = [
        {
            k: v
            for k, v in (
                ("title", r.title),
                ("organisation", r.organisation),
                ("from", r.start),
                ("to", r.end),
            )
            if v
        }
        for r in entry.roles
    ]
    renderings = {
        form: {k: v for k, v in (("status", r.status), ("source", r.source), ("note", r.note)) if v}
        for form, r in entry.renderings.items()
    }
    record: Record = {
        "id": entry.id,
        "kind": entry.kind,
        "hanzi": entry.hanzi,
        "traditional": entry.traditional,
        "pinyin": entry.pinyin,
        "pinyin_override": entry.pinyin_override,
        "english": entry.english,
        "aliases": list(entry.aliases),
        "renderings": renderings,
        "hanzi_source": entry.hanzi_source,
        "note": " ".join(entry.note.split()),
        "roles": roles,
    }
    return tidy(record)


def tidy(record: Record) -> Record:
    """``record`` in field order, without empty fields (aliases are kept: ``[]`` is usual)."""
    out: Record = {}
    for key in FIELD_ORDER:
        value = record.get(key)
        if key == "aliases":
            out[key] = list(value or [])
        elif value not in (None, "", [], {}, False):
            out[key] = value
    return out


def extra_json(record: Record, shown: tuple[str, ...]) -> str:
    """The fields of ``record`` not in ``shown``, as one line of JSON (for a comment column)."""
    return json.dumps({k: v for k, v in record.items() if k not in shown}, ensure_ascii=False)


def from_json(text: str) -> Record:
    """The fields written by :func:`extra_json` (``{}`` for text that is not such JSON)."""
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}
