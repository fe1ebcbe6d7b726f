"""Small laid-out documents for the navigation and selection tests, built without a corpus."""

from __future__ import annotations

import re
from pathlib import Path

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import TurnSpan
from nda_reader.corpus.speakers import Speaker
from nda_reader.corpus.term_index import Occurrence
from nda_reader.reading.doc_index import DocMarks
from nda_reader.reading.navigation import Navigator
from nda_reader.reading.wrapping import layout_document

TRANSCRIPT = """# Title

Alice:

The data market grew fast this year and the data bureau said so.

Bob:

A reply about data.

Alice:

More from Alice on data.
"""
"""Blocks: 0 the heading, 1 and 5 Alice's labels, 3 Bob's, 2, 4 and 6 what they say."""


def part(doc_id: str, body: str, number: int = 0) -> Document:
    """A document (or, with ``number``, a part of document ``doc``) with ``body``."""
    extra = {"part_of": "doc", "part": number} if number else {}
    return Document(id=doc_id, title="T", path=Path(f"{doc_id}.md"), body=body, **extra)  # type: ignore[arg-type]


def turns_of(doc: Document) -> list[TurnSpan]:
    """The turns of a body written like :data:`TRANSCRIPT` (``Name:`` passages)."""
    labels = list(re.finditer(r"^(\w+):$", doc.body, re.MULTILINE))
    ends = [m.start() for m in labels[1:]] + [len(doc.body)] if labels else []
    return [
        TurnSpan(doc.id, Speaker(id=m.group(1).lower(), name=m.group(1)), m.start(), m.end(), end)
        for m, end in zip(labels, ends, strict=True)
    ]


def navigator(
    parts: list[Document],
    width: int = 30,
    *,
    term: str = "data",
    only_speaker: str | None = None,
    links: tuple[tuple[str, int], ...] = (),
    notes: tuple[tuple[str, int], ...] = (),
) -> Navigator:
    """A navigator over ``parts`` laid out ``width`` cells wide: every ``term`` is a
    glossary occurrence, ``links`` and ``notes`` are the (part id, block) annotated."""
    marks = DocMarks(list(parts))
    for i, doc in enumerate(parts):
        marks.part_index[doc.id] = i
        marks.occurrences.extend(
            Occurrence(doc.id, m.start(), m.end(), term) for m in re.finditer(term, doc.body)
        )
    marks.links.update({key: [] for key in links})
    marks.notes.update({key: [] for key in notes})
    turns = {doc.id: turns_of(doc) for doc in parts}
    return Navigator(layout_document(parts, turns, width, only_speaker=only_speaker), marks)
