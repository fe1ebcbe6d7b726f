"""What is annotated where in a (multi-part) document: the reader's navigation index.

Pure logic on top of :class:`~nda_reader.corpus.Corpus`: the glossary occurrences of all
parts in reading order, and which passages (blocks) carry cross-references or notes.
Positions across parts compare as ``(part index, offset)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus, LinkEnd
from nda_reader.corpus.notes import Note
from nda_reader.corpus.term_index import Occurrence

Pos = tuple[int, int]
"""A position across parts: (part index, body offset)."""


@dataclass
class DocMarks:
    """Occurrences, links and notes of the parts of one document, in reading order."""

    parts: list[Document]
    occurrences: list[Occurrence] = field(default_factory=list)
    links: dict[tuple[str, int], list[LinkEnd]] = field(default_factory=dict)
    notes: dict[tuple[str, int], list[Note]] = field(default_factory=dict)
    part_index: dict[str, int] = field(default_factory=dict)
    _occ_pos: list[Pos] = field(default_factory=list, repr=False)

    @classmethod
    def build(cls, corpus: Corpus, parts: Sequence[Document]) -> DocMarks:
        """Index ``parts`` (all parts of one document, in order) of ``corpus``."""
        marks = cls(list(parts))
        for i, doc in enumerate(parts):
            marks.part_index[doc.id] = i
            found = corpus.occurrences.in_doc(doc.id)
            if corpus.documents.get(doc.id) not in (doc, None):  # some passages shown
                found = [o for o in found if _shown(doc, o.start)]
            marks.occurrences.extend(found)
            for end in corpus.links_in(doc.id):
                if end.here_at.placed:
                    for block in _blocks(doc, end.here_at.start, end.here_at.end):
                        marks.links.setdefault((doc.id, block), []).append(end)
            for note in corpus.notes_in(doc.id):
                at = corpus.place(note.anchor)
                if at.placed:
                    for block in _blocks(doc, at.start, at.end):
                        marks.notes.setdefault((doc.id, block), []).append(note)
        return marks

    def occurrence_positions(self) -> list[Pos]:
        """Reading-order positions of :attr:`occurrences` (sorted; for bisecting)."""
        if len(self._occ_pos) != len(self.occurrences):
            self._occ_pos = [self.pos(o.doc, o.start) for o in self.occurrences]
        return self._occ_pos

    def pos(self, doc_id: str, offset: int) -> Pos:
        """The reading-order position of ``offset`` in part ``doc_id``."""
        return (self.part_index.get(doc_id, 0), offset)

    def annotated(self, *, links_only: bool = False) -> list[tuple[str, int]]:
        """(doc id, block index) of passages with links (and notes), in reading order."""
        keys = set(self.links)
        if not links_only:
            keys |= set(self.notes)
        return sorted(keys, key=lambda k: (self.part_index.get(k[0], 0), k[1]))

    def part(self, doc_id: str) -> Document | None:
        """The part ``doc_id`` (None when it is not one of :attr:`parts`)."""
        return next((p for p in self.parts if p.id == doc_id), None)

    def body(self, doc_id: str) -> str:
        """The body of part ``doc_id`` ("" when it is not one of :attr:`parts`)."""
        part = self.part(doc_id)
        return part.body if part is not None else ""

    def changed_passages(self, before: DocMarks) -> set[tuple[str, int]] | None:
        """(doc id, block index) of the passages whose link or note marks differ from
        ``before`` (the same parts' marks before a save); None when the glossary
        occurrences differ too, which may change any passage."""
        if self.occurrences != before.occurrences:
            return None
        return (self.links.keys() ^ before.links.keys()) | (self.notes.keys() ^ before.notes.keys())

    def occurrence_at(self, doc_id: str, offset: int) -> Occurrence | None:
        """The glossary occurrence covering ``offset`` of ``doc_id``, if any."""
        for occ in self.occurrences:
            if occ.doc == doc_id and occ.start <= offset < occ.end:
                return occ
        return None


def read_ahead(corpus: Corpus, doc: Document) -> None:
    """Read what opening ``doc`` needs first and keeps: each part's text and passages,
    its terms and the placements of its links and notes (from the corpus index, when the
    corpus has one), so that opening it does not wait for them."""
    DocMarks.build(corpus, corpus.parts_of(doc))


def _shown(doc: Document, offset: int) -> bool:
    block = doc.block_at(offset)
    return block is not None and block.start <= offset < block.end


def _blocks(doc: Document, start: int, end: int) -> list[int]:
    """Indices of the blocks a span ``[start, end)`` touches."""
    first = doc.block_at(start)
    last = doc.block_at(max(start, end - 1))
    if first is None or last is None:
        return []
    return list(range(first.index, last.index + 1))
