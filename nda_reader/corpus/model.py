"""A corpus in memory: its texts and annotation layers, resolved and cross-indexed.

Built by :mod:`nda_reader.corpus.loader`; whatever was invalid on disk is not here, but is
listed in :attr:`Corpus.problems`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from nda_reader.corpus.anchors import Anchor, Resolution, Status, resolve
from nda_reader.corpus.crossrefs import CrossRef
from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import Glossary
from nda_reader.corpus.notes import Note
from nda_reader.corpus.parts import EMPTY, Backing, doc_part
from nda_reader.corpus.sources import SourceFiles
from nda_reader.corpus.speakers import Speaker, SpeakerLayer
from nda_reader.corpus.term_index import OccurrenceIndex, Occurrences, TermMatcher
from nda_reader.formats.problems import ProblemList

if TYPE_CHECKING:  # imported where used: a corpus without counterparts never needs them
    from nda_reader.corpus.alignments import Alignment, AlignmentLayer
    from nda_reader.corpus.checked import Checked


class AnnotationKind(StrEnum):
    """What an annotation is: compared as a value, never as a string."""

    TERM = "term"
    """A glossary entry (a term, person, organisation ...)."""
    ALIAS = "alias"
    """Another form of an existing glossary entry."""
    NOTE = "note"
    TURN = "turn"
    """A speaker turn of a transcript."""
    LINK = "link"
    """A cross-reference between two passages."""
    PAIR = "pair"
    """A pair of aligned passages of a text and its counterpart."""


@dataclass(frozen=True, slots=True)
class AnnotationRef:
    """Which stored annotation something shows: a glossary entry, note or link by its id,
    or a speaker turn by its document (``id``) and the offset where it starts."""

    kind: AnnotationKind
    id: str
    offset: int = 0


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
class Anchored:
    """An anchor and the annotation it belongs to (see :class:`Orphan` for the fields)."""

    kind: AnnotationKind
    id: str
    anchor: Anchor
    end: str = ""

    @property
    def label(self) -> str:
        """What it is, in words: ``note``, ``turn``, ``link source`` ..."""
        return f"{self.kind.value} {self.end}" if self.end else self.kind.value


@dataclass(frozen=True, slots=True)
class Orphan:
    """An annotation whose anchor could not be placed; kept, never dropped.

    ``id`` is the note's or link's id, or a turn's speaker id; ``end`` says which end of a
    link (``"source"`` or ``"target"``) cannot be placed."""

    kind: AnnotationKind
    id: str
    anchor: Anchor
    resolution: Resolution
    end: str = ""

    @property
    def label(self) -> str:
        """What it is, in words: ``note``, ``turn``, ``link source`` ..."""
        return f"{self.kind.value} {self.end}" if self.end else self.kind.value


@dataclass
class Corpus:
    """Everything loaded from one corpus folder.

    A corpus opened from the index on disk (:mod:`nda_reader.index`) has lazy parts: its
    documents read their bodies, and its layer parts (glossary, speakers, links, notes)
    are unpickled, on first use; its term occurrences and anchor placements are looked
    up in the index. Code using a corpus sees no difference.
    """

    root: Path | None
    documents: dict[str, Document] = field(default_factory=dict)
    problems: ProblemList = field(default_factory=ProblemList)
    sources: SourceFiles | None = field(default=None, repr=False)
    """What each file gave when read, for a reload that re-reads only changed files."""
    _placed: dict[Anchor, Resolution] = field(default_factory=dict, repr=False)
    _parts: dict[str, Any] = field(default_factory=dict, repr=False)
    _doc_parts: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)
    _load_part: Callable[[str], Any] | None = field(default=None, repr=False)
    _load_doc_part: Callable[[str, str], Any] | None = field(default=None, repr=False)
    _lookup: Callable[[Anchor], Resolution | None] | None = field(default=None, repr=False)
    backing: Backing | None = field(default=None, repr=False)
    """The index the corpus was read from (None: read from its files)."""
    checking: bool = False
    """True until a first launch's anchors are placed and their problems listed."""
    checked: Checked | None = field(default=None, repr=False, compare=False)
    """What the anchor checks found, for a reload to keep what it did not change."""

    def lazy(
        self,
        load_part: Callable[[str], Any],
        placements: Callable[[Anchor], Resolution | None],
        occurrences: Occurrences,
        load_doc_part: Callable[[str, str], Any] | None = None,
    ) -> None:
        """Get the layer parts from ``load_part(name)`` (one of :data:`LAYER_PARTS`) on
        first use, anchor placements from ``placements`` before resolving them, and term
        occurrences from ``occurrences`` (the index on disk sets these). Until a part is
        loaded whole, ``load_doc_part(name, doc_id)`` gives what of it concerns one
        document (:data:`DOC_PARTS`) as a 1-tuple (None when it does not know), so that
        opening a document reads only that."""
        self._load_part = load_part
        self._load_doc_part = load_doc_part
        self._lookup = placements
        self.__dict__["occurrences"] = occurrences

    def _part(self, name: str) -> Any:
        found = self._parts.get(name)
        if found is None:
            found = self._load_part(name) if self._load_part is not None else None
            found = EMPTY[name]() if found is None else found
            self._parts[name] = found
        return found

    def _doc_part(self, name: str, doc_id: str) -> Any:
        """What part ``name`` holds about ``doc_id`` (see :data:`DOC_PARTS`)."""
        if name not in self._parts and self._load_doc_part is not None:
            found = self._doc_parts.get((name, doc_id))  # unpickled once, not at each key
            if found is None:
                found = self._load_doc_part(name, doc_id)  # (value,), or None: not known
                self._doc_parts[name, doc_id] = found
            if found is not None:
                return found[0]
        return doc_part(self, name, doc_id)

    def loaded_parts(self) -> dict[str, Any]:
        """The layer parts loaded so far, by name."""
        return dict(self._parts)

    @property
    def glossary(self) -> Glossary:
        """The glossary (all glossary files)."""
        return cast(Glossary, self._part("glossary"))

    @property
    def speaker_layers(self) -> dict[str, SpeakerLayer]:
        """Speaker layers by document id."""
        return cast(dict[str, SpeakerLayer], self._part("speaker_layers"))

    @property
    def crossrefs(self) -> list[CrossRef]:
        """Every cross-reference."""
        return cast(list[CrossRef], self._part("crossrefs"))

    @property
    def notes(self) -> list[Note]:
        """Every note."""
        return cast(list[Note], self._part("notes"))

    @property
    def alignment_layers(self) -> dict[str, AlignmentLayer]:
        """Alignment layers by the id of their ``doc``."""
        return cast("dict[str, AlignmentLayer]", self._part("alignment_layers"))

    @property
    def counterparts(self) -> dict[str, str]:
        """Each document that has a counterpart in another language, and that counterpart
        (both ways; see :meth:`counterpart_of`)."""
        return cast(dict[str, str], self._part("counterparts"))

    @property
    def layer_files(self) -> list[Path]:
        """The layer files read, in path order."""
        return cast(list[Path], self._part("layer_files"))

    def place(self, anchor: Anchor) -> Resolution:
        """Resolve ``anchor`` (cached)."""
        found = self._placed.get(anchor)
        if found is None and self._lookup is not None:
            found = self._lookup(anchor)
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
        return TermMatcher.build(self.glossary.form_pairs())

    @cached_property
    def occurrences(self) -> Occurrences:
        """Every glossary occurrence in the corpus (built on first use)."""
        return OccurrenceIndex.build(
            self.matcher, ((d.id, d.body) for d in self.ordered_documents())
        )

    def take_over(self, previous: Corpus, *, same_forms: bool = False) -> None:
        """Reuse what ``previous`` worked out that still holds here: where its anchors in
        unchanged texts were placed, and its term index when the texts and the glossary's
        forms are the same (``same_forms``: the caller knows they are)."""
        for ident, doc in self.documents.items():
            old = previous.documents.get(ident)
            if old is not None and old is not doc and old == doc:
                self.documents[ident] = old  # read again, unchanged (e.g. after the cache)
        same = {i for i, doc in self.documents.items() if previous.documents.get(i) is doc}
        all_same = same == set(self.documents) == set(previous.documents)
        self._placed = dict(previous._placed)  # a copy keeps the hashes: anchors hash slowly
        if not all_same:
            self._placed = {a: r for a, r in self._placed.items() if a.doc in same}
        if self._lookup is None:
            self._lookup = previous._lookup  # the index: what it places still holds
        if all_same and (
            same_forms or self.glossary.form_pairs() == previous.glossary.form_pairs()
        ):
            for name in ("matcher", "occurrences"):
                if name in previous.__dict__:
                    self.__dict__[name] = previous.__dict__[name]

    def refresh_terms(self) -> None:
        """Forget the compiled matcher and index after the glossary changed."""
        self.__dict__.pop("matcher", None)
        self.__dict__.pop("occurrences", None)

    def turns(self, doc_id: str) -> list[TurnSpan]:
        """The placed speaker turns of a document, in text order."""
        layer: SpeakerLayer | None = self._doc_part("speaker_layers", doc_id)
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
        links: list[CrossRef] = self._doc_part("crossrefs", doc_id)
        for link in links:
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
        found: list[Note] = self._doc_part("notes", doc_id)
        return sorted(found, key=lambda n: self.place(n.anchor).start)

    def orphans(self) -> list[Orphan]:
        """Every annotation whose anchor cannot be placed."""
        return self._anchors_where(lambda at: not at.placed)

    def fuzzy(self) -> list[Orphan]:
        """Every annotation placed only by a fuzzy match (its quote was edited): placed, but
        its anchor should be updated to the text now there."""
        return self._anchors_where(lambda at: at.status is Status.FUZZY)

    def _anchors_where(self, test: Callable[[Resolution], bool]) -> list[Orphan]:
        placed = ((a, self.place(a.anchor)) for a in self.anchored())
        return [Orphan(a.kind, a.id, a.anchor, at, a.end) for a, at in placed if test(at)]

    def anchored(self, kind: AnnotationKind | None = None) -> Iterator[Anchored]:
        """Every anchor of every annotation (turns, link ends, notes, pairs), or of ``kind``."""
        if kind in (None, AnnotationKind.TURN):
            for layer in self.speaker_layers.values():
                for turn in layer.turns:
                    yield Anchored(AnnotationKind.TURN, turn.speaker, turn.anchor)
        if kind in (None, AnnotationKind.LINK):
            for link in self.crossrefs:
                yield Anchored(AnnotationKind.LINK, link.id, link.source, "source")
                yield Anchored(AnnotationKind.LINK, link.id, link.target, "target")
        if kind in (None, AnnotationKind.NOTE):
            for note in self.notes:
                yield Anchored(AnnotationKind.NOTE, note.id, note.anchor)
        layers = self.alignment_layers if kind in (None, AnnotationKind.PAIR) else {}
        for doc_id, aligned in layers.items():
            for i, pair in enumerate(aligned.pairs):
                for end in ("doc", "counterpart"):
                    side = pair.doc if end == "doc" else pair.counterpart
                    if side is not None:
                        yield Anchored(AnnotationKind.PAIR, f"{doc_id}#{i + 1}", side.anchor, end)

    def counterpart_of(self, doc_id: str) -> str | None:
        """The id of the same text in another language, if the corpus has one: named by
        ``counterpart:`` in either text's front matter, by an alignment layer, or by the
        file name (``<id>.zh.md`` beside ``<id>.md``)."""
        return self.counterparts.get(doc_id)

    def has_parallel(self, doc: Document) -> bool:
        """True when ``doc`` can be read beside another language: it has a counterpart,
        or it is bilingual itself (``pairs: zh-en``)."""
        return doc.id in self.counterparts or doc.pairs == "zh-en"

    def alignment_layer(self, doc_id: str) -> AlignmentLayer | None:
        """The alignment layer with ``doc_id`` on either side, if any."""
        layer = self.alignment_layers.get(doc_id)
        if layer is not None:
            return layer
        other = self.counterparts.get(doc_id)
        layer = self.alignment_layers.get(other) if other else None
        return layer if layer is not None and doc_id in layer.docs else None

    def alignment(self, doc_id: str) -> Alignment | None:
        """The stored alignment of ``doc_id`` with its counterpart, placed, or the pairs of
        a text of alternating passages (None when there is no layer, or a side's text is
        missing)."""
        from nda_reader.corpus.alignments import alternating_alignment, place_pairs

        doc = self.documents.get(doc_id)
        if doc is not None and doc.pairs == "zh-en":
            return alternating_alignment(doc)
        layer = self.alignment_layer(doc_id)
        if layer is None:
            return None
        left, right = (self.documents.get(d) for d in layer.docs)
        if left is None or right is None:
            return None
        return place_pairs(layer, (left, right), self.place)

    def speaker_name(self, speaker: Speaker) -> str:
        """Display name of a speaker: the glossary's English name, or the outlet name."""
        entry = self.glossary.get(speaker.term) if speaker.term else None
        return entry.english if entry else speaker.name or speaker.id
