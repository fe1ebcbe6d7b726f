"""A corpus in memory: its texts and annotation layers, resolved and cross-indexed.

Built by :mod:`nda_reader.corpus.loader`; whatever was invalid on disk is not here, but is
listed in :attr:`Corpus.problems`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from nda_reader.corpus.anchors import Anchor, Resolution, Status, resolve
from nda_reader.corpus.crossrefs import CrossRef
from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import Glossary
from nda_reader.corpus.notes import Note
from nda_reader.corpus.speakers import Speaker, SpeakerLayer
from nda_reader.corpus.term_index import OccurrenceIndex, TermMatcher
from nda_reader.formats.problems import ProblemList


@dataclass(frozen=True, slots=True)
class TurnSpan:
    """A placed speaker turn: ``start`` is the speaker label, ``end`` the next turn."""

    doc: str
    speaker: Speaker
    start: int
    label_end: int
    end: int


@dataclass(frozen=True, slots=True)
class LinkEnd:
    """One end of a cross-reference seen from a document: where it is and where it leads."""

    link: CrossRef
    outgoing: bool
    here: Anchor
    there: Anchor
    here_at: Resolution
    there_at: Resolution


@dataclass(frozen=True, slots=True)
class Orphan:
    """An annotation whose anchor could not be placed; kept, never dropped."""

    kind: str
    id: str
    anchor: Anchor
    resolution: Resolution


@dataclass
class Corpus:
    """Everything loaded from one corpus folder."""

    root: Path | None
    documents: dict[str, Document] = field(default_factory=dict)
    glossary: Glossary = field(default_factory=Glossary)
    speaker_layers: dict[str, SpeakerLayer] = field(default_factory=dict)
    crossrefs: list[CrossRef] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    layer_files: list[Path] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)
    _placed: dict[Anchor, Resolution] = field(default_factory=dict, repr=False)

    def place(self, anchor: Anchor) -> Resolution:
        """Resolve ``anchor`` (cached)."""
        found = self._placed.get(anchor)
        if found is None:
            doc = self.documents.get(anchor.doc)
            if doc is None:
                found = Resolution(
                    Status.NO_DOCUMENT, reason=f"no text with id {anchor.doc!r} in texts/"
                )
            else:
                found = resolve(anchor, doc.body)
            self._placed[anchor] = found
        return found

    def ordered_documents(self) -> list[Document]:
        """Documents by date, multi-part documents in part order."""
        return sorted(self.documents.values(), key=lambda d: d.sort_key)

    def parts_of(self, doc: Document) -> list[Document]:
        """All parts of ``doc``'s multi-part document in order (``[doc]`` if it has none)."""
        if not doc.part_of:
            return [doc]
        parts = [d for d in self.documents.values() if d.part_of == doc.part_of]
        return sorted(parts, key=lambda d: d.part)

    @cached_property
    def matcher(self) -> TermMatcher:
        """The compiled matcher of every glossary form."""
        return TermMatcher.build(
            (form, e.id) for e in self.glossary.entries.values() for form in e.forms
        )

    @cached_property
    def occurrences(self) -> OccurrenceIndex:
        """Every glossary occurrence in the corpus (built on first use)."""
        return OccurrenceIndex.build(
            self.matcher, ((d.id, d.body) for d in self.ordered_documents())
        )

    def __getstate__(self) -> dict[str, object]:
        # The compiled matcher is left out of a pickle: unpickling recompiles a pattern,
        # which is what a cached corpus is meant to avoid. It is rebuilt when needed.
        state = dict(self.__dict__)
        state.pop("matcher", None)
        return state

    def refresh_terms(self) -> None:
        """Forget the compiled matcher and index after the glossary changed."""
        self.__dict__.pop("matcher", None)
        self.__dict__.pop("occurrences", None)

    def turns(self, doc_id: str) -> list[TurnSpan]:
        """The placed speaker turns of a document, in text order."""
        layer = self.speaker_layers.get(doc_id)
        doc = self.documents.get(doc_id)
        if layer is None or doc is None:
            return []
        placed = []
        for turn in layer.turns:
            at = self.place(turn.anchor)
            if at.placed:
                placed.append((at.start, at.end, layer.speakers[turn.speaker]))
        placed.sort(key=lambda t: t[0])
        spans = []
        for i, (start, label_end, speaker) in enumerate(placed):
            end = placed[i + 1][0] if i + 1 < len(placed) else len(doc.body)
            spans.append(TurnSpan(doc_id, speaker, start, label_end, end))
        return spans

    def links_in(self, doc_id: str) -> list[LinkEnd]:
        """Cross-references with an end in ``doc_id``: outgoing and incoming (backlinks)."""
        ends = []
        for link in self.crossrefs:
            for outgoing, here, there in (
                (True, link.source, link.target),
                (False, link.target, link.source),
            ):
                if here.doc == doc_id:
                    ends.append(
                        LinkEnd(link, outgoing, here, there, self.place(here), self.place(there))
                    )
        return sorted(ends, key=lambda e: e.here_at.start)

    def notes_in(self, doc_id: str) -> list[Note]:
        """Notes on ``doc_id``, in text order of their anchors."""
        found = [n for n in self.notes if n.anchor.doc == doc_id]
        return sorted(found, key=lambda n: self.place(n.anchor).start)

    def orphans(self) -> list[Orphan]:
        """Every annotation whose anchor cannot be placed."""
        out = []
        for kind, ident, anchor in self._all_anchors():
            at = self.place(anchor)
            if not at.placed:
                out.append(Orphan(kind, ident, anchor, at))
        return out

    def _all_anchors(self) -> Iterator[tuple[str, str, Anchor]]:
        for layer in self.speaker_layers.values():
            for turn in layer.turns:
                yield "turn", turn.speaker, turn.anchor
        for link in self.crossrefs:
            yield "link source", link.id, link.source
            yield "link target", link.id, link.target
        for note in self.notes:
            yield "note", note.id, note.anchor

    def speaker_name(self, speaker: Speaker) -> str:
        """Display name of a speaker: the glossary's English name, or the outlet name."""
        entry = self.glossary.get(speaker.term) if speaker.term else None
        return entry.english if entry else speaker.name or speaker.id
