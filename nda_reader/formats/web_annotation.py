"""W3C Web Annotation (JSON-LD) as nda-reader writes and reads it, and Hypothesis's export.

The vocabulary shared by the exporter (:mod:`nda_reader.export.web_annotation`) and the
importer (:mod:`nda_reader.editing.importing`): the IRIs of texts and annotations, the
JSON-LD context, and :func:`read_annotations`, which turns a file (ours, any Web Annotation
collection, or Hypothesis's export) into plain layer records. See docs/web-annotation.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BASE = "urn:nda-reader:"
CONTEXT: list[Any] = [
    "http://www.w3.org/ns/anno.jsonld",
    {
        "@version": 1.1,
        "nda": f"{BASE}ns#",
        "glossary": {"@id": "nda:glossary", "@type": "@json"},
        "speakers": {"@id": "nda:speakers", "@type": "@json"},
        "anchorPos": {"@id": "nda:anchorPos", "@type": "@json"},
    },
]
"""The standard Web Annotation context plus nda-reader's own terms: the glossary and the
speakers of each transcript (kept as JSON literals), and an anchor's stored ``pos`` where it
differs from the position found."""


def iri(kind: str, *parts: str) -> str:
    """``urn:nda-reader:<kind>:<part>:...`` (ids are slugs: no colons in them)."""
    return ":".join([BASE + kind, *parts])


def parse_iri(value: object) -> tuple[str, list[str]] | None:
    """``(kind, parts)`` of one of our IRIs, else ``None``."""
    if not isinstance(value, str) or not value.startswith(BASE):
        return None
    kind, *parts = value[len(BASE) :].split(":")
    return kind, parts


class AnnotationFileError(Exception):
    """The file is not Web Annotation JSON-LD nor a Hypothesis export."""


@dataclass
class Records:
    """Layer data read from an annotation file, in file order (dicts as in the layers)."""

    glossary: list[dict[str, Any]] = field(default_factory=list)
    speakers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    turns: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    links: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    """Notes from another tool: ``uri``, ``anchor`` (no ``doc``), ``text``, ``tags`` ..."""
    skipped: list[str] = field(default_factory=list)
    """What was left out, in words (page notes, replies, annotations of unknown shape)."""


def read_annotations(data: Any) -> Records:
    """The layer records in a parsed JSON file (see the module docstring)."""
    if isinstance(data, dict) and isinstance(data.get("annotations"), list):
        return _hypothesis(data["annotations"])  # Hypothesis client export
    if isinstance(data, dict) and isinstance(data.get("rows"), list):
        return _hypothesis(data["rows"])  # Hypothesis API search result
    if isinstance(data, list):
        if all(isinstance(a, dict) and "uri" in a for a in data):
            return _hypothesis(data)
        return _ours({"first": {"items": data}})
    if isinstance(data, dict) and data.get("type") in ("AnnotationCollection", "Annotation"):
        return _ours(data if data.get("type") == "AnnotationCollection" else {"items": [data]})
    raise AnnotationFileError(
        "not a Web Annotation collection or a Hypothesis export (no 'type': "
        "'AnnotationCollection', no 'annotations' list)"
    )


def _items(collection: dict[str, Any]) -> list[Any]:
    first = collection.get("first")
    if isinstance(first, dict):
        return list(first.get("items") or [])
    return list(collection.get("items") or [])


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _selectors(target: Any) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The target's source and its quote and position selectors."""
    if not isinstance(target, dict):
        return "", {}, {}
    quote: dict[str, Any] = {}
    position: dict[str, Any] = {}
    for sel in _list(target.get("selector")):
        if isinstance(sel, dict) and sel.get("type") == "TextQuoteSelector":
            quote = sel
        elif isinstance(sel, dict) and sel.get("type") == "TextPositionSelector":
            position = sel
    return str(target.get("source", "")), quote, position


def anchor_of(target: Any, *, with_doc: bool = True) -> dict[str, Any] | None:
    """An anchor (as in a layer) from one of our targets; ``None`` if it has no quote."""
    source, quote, position = _selectors(target)
    found = parse_iri(source)
    if not quote.get("exact") or found is None or found[0] != "text":
        return None
    anchor: dict[str, Any] = {"doc": found[1][0]} if with_doc else {}
    anchor["exact"] = quote["exact"]
    for key in ("prefix", "suffix"):
        if key in quote:
            anchor[key] = quote[key]
    if isinstance(target, dict) and "anchorPos" in target:
        if target["anchorPos"] is not None:
            anchor["pos"] = target["anchorPos"]
    elif isinstance(position.get("start"), int):
        anchor["pos"] = position["start"]
    return anchor


def _bodies(annotation: dict[str, Any], purpose: str) -> list[Any]:
    return [
        b.get("value")
        for b in _list(annotation.get("body"))
        if isinstance(b, dict) and b.get("purpose") == purpose and "value" in b
    ]


def _ours(collection: dict[str, Any]) -> Records:
    records = Records()
    records.glossary = list(_list(collection.get("glossary")))
    speakers = collection.get("speakers")
    if isinstance(speakers, dict):
        records.speakers = {str(k): list(_list(v)) for k, v in speakers.items()}
    for annotation in _items(collection):
        found = parse_iri(annotation.get("id")) if isinstance(annotation, dict) else None
        kind = found[0] if found else ""
        if kind == "occurrence":
            continue  # made from the glossary, not stored
        if kind == "note":
            _note(annotation, found[1][0] if found else "", records)
        elif kind == "link":
            _link(annotation, found[1][0] if found else "", records)
        elif kind == "turn":
            _turn(annotation, records)
        else:
            records.skipped.append(f"annotation {annotation.get('id', '?')!s} (not ours)")
    return records


def _note(annotation: dict[str, Any], ident: str, records: Records) -> None:
    anchor = anchor_of(annotation.get("target"))
    texts = _bodies(annotation, "commenting")
    if anchor is None or not texts:
        records.skipped.append(f"note {ident} (no quote or no text)")
        return
    note: dict[str, Any] = {"id": ident, "anchor": anchor, "text": texts[0]}
    tags = _bodies(annotation, "tagging")
    if tags:
        note["tags"] = tags
    if "created" in annotation:
        note["created"] = annotation["created"]
    records.notes.append(note)


def _link(annotation: dict[str, Any], ident: str, records: Records) -> None:
    source = anchor_of(annotation.get("target"))
    targets = [
        b
        for b in _list(annotation.get("body"))
        if isinstance(b, dict) and b.get("purpose") == "linking"
    ]
    target = anchor_of(targets[0]) if targets else None
    relation = _bodies(annotation, "classifying")
    if source is None or target is None or not relation:
        records.skipped.append(f"link {ident} (an end or the relation is missing)")
        return
    link: dict[str, Any] = {
        "id": ident,
        "relation": relation[0],
        "source": source,
        "target": target,
    }
    note = _bodies(annotation, "commenting")
    if note:
        link["note"] = note[0]
    records.links.append(link)


def _turn(annotation: dict[str, Any], records: Records) -> None:
    speaker = parse_iri(annotation.get("body"))
    anchor = anchor_of(annotation.get("target"), with_doc=False)
    doc = parse_iri(_selectors(annotation.get("target"))[0])
    if speaker is None or anchor is None or doc is None:
        records.skipped.append(f"turn {annotation.get('id', '?')!s} (no speaker or quote)")
        return
    records.turns.setdefault(doc[1][0], []).append({"speaker": speaker[1][-1], "anchor": anchor})


def _hypothesis(rows: list[Any]) -> Records:
    records = Records()
    for row in rows:
        if not isinstance(row, dict):
            continue
        ident = str(row.get("id", "?"))
        if row.get("references"):
            records.skipped.append(f"Hypothesis reply {ident}")
            continue
        quote: dict[str, Any] = {}
        for target in _list(row.get("target")):
            quote = _selectors(target)[1] or quote
        if not quote.get("exact"):
            records.skipped.append(f"Hypothesis page note {ident} (no quote)")
            continue
        anchor = {"exact": quote["exact"]}
        for key in ("prefix", "suffix"):
            if quote.get(key):
                anchor[key] = quote[key]
        records.quotes.append(
            {
                "hypothesis_id": ident,
                "uri": str(row.get("uri", "")),
                "anchor": anchor,
                "text": str(row.get("text") or ""),
                "tags": [str(t) for t in _list(row.get("tags"))],
                "created": str(row.get("created") or ""),
            }
        )
    return records
