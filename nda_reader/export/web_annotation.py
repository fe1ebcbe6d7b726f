"""Annotations as a W3C Web Annotation collection (JSON-LD), for other annotation tools.

Notes become ``commenting`` annotations (tags as ``tagging`` bodies), cross-references
``linking`` annotations (the other passage is the body), speaker turns and glossary
occurrences ``identifying`` annotations whose body is the speaker or glossary entry. Each
target names its text (``urn:nda-reader:text:<doc-id>``) and has a ``TextQuoteSelector``
(the anchor's quote and context, as stored) and, where the quote is found at its place, a
``TextPositionSelector`` whose ``start:end`` holds exactly that quote. The glossary and the
speakers of each transcript travel along as JSON, so that importing the file gives back
the same layers. See docs/web-annotation.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nda_reader.corpus.anchors import Anchor
from nda_reader.corpus.model import Corpus
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.web_annotation import CONTEXT, iri
from nda_reader.formats.yaml_source import load_yaml

_CONTEXT_CHARS = 32


def _layers(corpus: Corpus) -> list[tuple[Path, dict[str, Any]]]:
    """Every layer file's data as written (dicts and lists, positions dropped)."""
    out = []
    for path in corpus.layer_files:
        data = load_yaml(path, ProblemList())
        if isinstance(data, dict):
            out.append((path, json.loads(json.dumps(data, ensure_ascii=False, default=str))))
    return out


def target(corpus: Corpus, raw: dict[str, Any], doc: str) -> dict[str, Any]:
    """A target (or linked body) for a stored anchor ``raw`` in ``doc``."""
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": raw.get("exact", "")}
    for key in ("prefix", "suffix"):
        if key in raw:
            quote[key] = raw[key]
    selectors: list[dict[str, Any]] = [quote]
    out: dict[str, Any] = {"source": iri("text", doc), "selector": selectors}
    anchor = Anchor(
        doc, str(raw.get("exact", "")), str(raw.get("prefix", "")), str(raw.get("suffix", ""))
    )
    at = corpus.place(anchor)
    document = corpus.documents.get(doc)
    pos = raw.get("pos")
    if at.placed and document is not None and document.body[at.start : at.end] == anchor.exact:
        selectors.append({"type": "TextPositionSelector", "start": at.start, "end": at.end})
        if pos != at.start:
            out["anchorPos"] = pos
    else:
        out["anchorPos"] = pos
    return out


def _note(corpus: Corpus, note: dict[str, Any]) -> dict[str, Any]:
    anchor = note.get("anchor") or {}
    body: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": note.get("text", ""),
            "format": "text/plain",
            "purpose": "commenting",
        }
    ]
    body += [
        {"type": "TextualBody", "value": t, "purpose": "tagging"} for t in note.get("tags") or []
    ]
    out: dict[str, Any] = {
        "id": iri("note", str(note.get("id"))),
        "type": "Annotation",
        "motivation": "commenting",
        "body": body,
        "target": target(corpus, anchor, str(anchor.get("doc", ""))),
    }
    if "created" in note:
        out["created"] = note["created"]
    return out


def _link(corpus: Corpus, link: dict[str, Any]) -> dict[str, Any]:
    source, there = link.get("source") or {}, link.get("target") or {}
    linked = target(corpus, there, str(there.get("doc", "")))
    body: list[dict[str, Any]] = [
        {"type": "SpecificResource", **linked, "purpose": "linking"},
        {"type": "TextualBody", "value": link.get("relation", ""), "purpose": "classifying"},
    ]
    if "note" in link:
        body.append({"type": "TextualBody", "value": link["note"], "purpose": "commenting"})
    return {
        "id": iri("link", str(link.get("id"))),
        "type": "Annotation",
        "motivation": "linking",
        "body": body,
        "target": target(corpus, source, str(source.get("doc", ""))),
    }


def _occurrences(corpus: Corpus, doc_id: str) -> list[dict[str, Any]]:
    body = corpus.documents[doc_id].body
    out = []
    for occ in corpus.occurrences.in_doc(doc_id):
        out.append(
            {
                "id": iri("occurrence", doc_id, str(occ.start)),
                "type": "Annotation",
                "motivation": "identifying",
                "body": iri("term", occ.entry_id),
                "target": {
                    "source": iri("text", doc_id),
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": body[occ.start : occ.end],
                            "prefix": body[max(0, occ.start - _CONTEXT_CHARS) : occ.start],
                            "suffix": body[occ.end : occ.end + _CONTEXT_CHARS],
                        },
                        {"type": "TextPositionSelector", "start": occ.start, "end": occ.end},
                    ],
                },
            }
        )
    return out


def web_annotation(corpus: Corpus, doc_ids: list[str], label: str = "") -> str:
    """The JSON-LD text of a collection of the annotations on ``doc_ids``."""
    wanted = set(doc_ids)
    items: list[dict[str, Any]] = []
    glossary: list[Any] = []
    speakers: dict[str, Any] = {}
    links: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for _path, data in _layers(corpus):
        kind = data.get("layer")
        if kind == "glossary":
            glossary += data.get("entries") or []
        elif kind == "speakers" and data.get("doc") in wanted:
            doc = str(data["doc"])
            speakers[doc] = data.get("speakers") or []
            for n, turn in enumerate(data.get("turns") or [], start=1):
                items.append(
                    {
                        "id": iri("turn", doc, str(n)),
                        "type": "Annotation",
                        "motivation": "identifying",
                        "body": iri("speaker", doc, str(turn.get("speaker"))),
                        "target": target(corpus, turn.get("anchor") or {}, doc),
                    }
                )
        elif kind == "crossrefs":
            links += [
                ln
                for ln in data.get("links") or []
                if {(ln.get("source") or {}).get("doc"), (ln.get("target") or {}).get("doc")}
                & wanted
            ]
        elif kind == "notes":
            notes += [
                n for n in data.get("notes") or [] if (n.get("anchor") or {}).get("doc") in wanted
            ]
    items += [_link(corpus, ln) for ln in links] + [_note(corpus, n) for n in notes]
    for document in corpus.ordered_documents():
        if document.id in wanted:
            items += _occurrences(corpus, document.id)
    collection = {
        "@context": CONTEXT,
        "id": iri("collection"),
        "type": "AnnotationCollection",
        "label": label or "nda-reader annotations",
        "total": len(items),
        "glossary": glossary,
        "speakers": speakers,
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
