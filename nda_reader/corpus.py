"""A corpus: its texts and annotation layers, loaded, resolved and cross-indexed.

:func:`load_corpus` never raises on bad input: every problem becomes a
:class:`~nda_reader.problems.Problem` and whatever is valid is still loaded, so the reader
can open a corpus with errors and show them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from nda_reader.anchors import Anchor, Resolution, Status, resolve
from nda_reader.crossrefs import CrossRef, read_crossrefs
from nda_reader.glossary import Glossary, read_glossary
from nda_reader.notes import Note, read_notes
from nda_reader.occurrences import OccurrenceIndex, TermMatcher
from nda_reader.problems import Problem, ProblemList, Severity
from nda_reader.speakers import Speaker, SpeakerLayer, read_speakers
from nda_reader.text import Document, load_document
from nda_reader.yamlsource import YMap, load_yaml

LAYER_KINDS = ("glossary", "speakers", "crossrefs", "notes")


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


def load_corpus(root: Path) -> Corpus:
    """Load the corpus in ``root`` (``texts/`` and ``annotations/``), collecting problems."""
    corpus = Corpus(root=root)
    problems = corpus.problems
    texts = root / "texts"
    if not root.is_dir():
        problems.error(root, 1, 1, "corpus folder not found; give a folder with texts/ in it")
        return corpus
    if not texts.is_dir():
        problems.error(root, 1, 1, "no texts/ folder here; a corpus keeps its documents in texts/")
        return corpus
    text_files, layer_files = corpus_files(root)
    for path in text_files:
        doc = load_document(path, problems)
        if doc is not None:
            corpus.documents[doc.id] = doc
    for path in layer_files:
        _load_layer(corpus, path)
    _validate(corpus)
    return corpus


def corpus_files(root: Path) -> tuple[list[Path], list[Path]]:
    """The files :func:`load_corpus` reads: ``texts/*.md`` and the layer files under
    ``annotations/`` (``*.yaml``, ``*.yml``, in subfolders too), each list sorted."""
    texts = sorted((root / "texts").glob("*.md"))
    annotations = root / "annotations"
    layers = sorted(p for p in annotations.rglob("*") if p.suffix in (".yaml", ".yml"))
    return texts, layers


def load_single(path: Path, corpus: Corpus | None = None) -> tuple[Corpus, Document | None]:
    """Open one file: inside ``corpus`` if given, else as a corpus of its own with no layers."""
    if corpus is not None:
        stem = path.stem
        return corpus, corpus.documents.get(stem)
    own = Corpus(root=None)
    doc = load_document(path, own.problems, require_front_matter=False)
    if doc is not None:
        own.documents[doc.id] = doc
    return own, doc


def _load_layer(corpus: Corpus, path: Path) -> None:
    problems = corpus.problems
    data = load_yaml(path, problems)
    if data is None:
        return
    if not isinstance(data, YMap):
        problems.error(path, 1, 1, "a layer file must be a mapping starting with 'layer:'")
        return
    kind = data.get("layer")
    if kind not in LAYER_KINDS:
        problems.error_at(
            path, data.where("layer"), f"'layer:' is {kind!r}; use one of: {', '.join(LAYER_KINDS)}"
        )
        return
    version = data.get("version", 1)
    if version != 1:
        problems.error_at(
            path,
            data.where("version"),
            f"layer version {version!r} is not supported; this nda-reader reads 1",
        )
        return
    allowed = {
        "layer",
        "version",
        {"glossary": "entries", "speakers": "doc", "crossrefs": "links", "notes": "notes"}[kind],
    }
    if kind == "speakers":
        allowed |= {"speakers", "turns"}
    for key in data:
        if key not in allowed:
            problems.error(
                path,
                *data.key_pos[key],
                f"unknown top-level key {key!r} in a {kind} layer; "
                f"allowed: {', '.join(sorted(allowed))}",
            )
    corpus.layer_files.append(path)
    if kind == "glossary":
        read_glossary(data, path, problems, corpus.glossary)
    elif kind == "speakers":
        layer = read_speakers(data, path, problems)
        if layer is not None:
            if layer.doc in corpus.speaker_layers:
                other = corpus.speaker_layers[layer.doc].path
                problems.error(
                    path,
                    layer.doc_line,
                    layer.doc_column,
                    f"{other.name} already tags speakers of {layer.doc!r}; merge the two files",
                )
            else:
                corpus.speaker_layers[layer.doc] = layer
    elif kind == "crossrefs":
        seen = {link.id: link for link in corpus.crossrefs}
        corpus.crossrefs.extend(read_crossrefs(data, path, problems, seen))
    else:
        seen_notes = {n.id: n for n in corpus.notes}
        corpus.notes.extend(read_notes(data, path, problems, seen_notes))


def _validate(corpus: Corpus) -> None:
    """Cross-file checks: references to documents, terms and speakers; orphans."""
    problems = corpus.problems
    for layer in corpus.speaker_layers.values():
        if layer.doc not in corpus.documents:
            problems.error(
                layer.path,
                layer.doc_line,
                layer.doc_column,
                f"unknown document {layer.doc!r}; no texts/{layer.doc}.md",
            )
        for speaker in layer.speakers.values():
            if speaker.term and corpus.glossary.get(speaker.term) is None:
                problems.error(
                    layer.path,
                    speaker.line,
                    speaker.column,
                    f"speaker {speaker.id!r} names unknown glossary entry "
                    f"{speaker.term!r}; add it to the glossary or use 'name:'",
                )
    for entry in corpus.glossary.entries.values():
        for role in entry.roles:
            org = role.organisation
            if org and org.islower() and "-" in org and corpus.glossary.get(org) is None:
                problems.warning(
                    entry.path,
                    entry.line,
                    entry.column,
                    f"role organisation {org!r} of {entry.id!r} looks like an id "
                    "but is not in the glossary",
                )
    for orphan in corpus.orphans():
        a = orphan.anchor
        status = orphan.resolution.status.value
        problems.append(
            Problem(
                a.path,
                a.line,
                a.column,
                f"orphaned {orphan.kind} {orphan.id!r} ({status}): {orphan.resolution.reason}",
                Severity.ERROR,
                orphan=True,
            )
        )
    for kind, ident, anchor in corpus._all_anchors():
        at = corpus.place(anchor)
        if at.status is Status.FUZZY:
            problems.warning(
                anchor.path, anchor.line, anchor.column, f"{kind} {ident!r}: {at.reason}"
            )
