"""Assembling a corpus from what each layer file gives on its own, so that a change to one
file costs that file, not the corpus.

:func:`~nda_reader.corpus.loader.assemble` reads the layer files one after the other into
one corpus. A :class:`LayerPiece` is what the same reading gives for one file into an empty
corpus: its entries, speakers, links, notes, alignments and problems. Put together in path
order they are the loader's corpus, except where a file repeats an id (or a speakers layer's
document) of an earlier file: the loader then reports the repeat at its place and drops
it, so such a file is read into the corpus itself, exactly as the loader does
(:func:`assemble_pieces`). Tests compare the two on corpora with and without repeats.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from nda_reader.corpus.loader import read_layer, validate
from nda_reader.corpus.model import AnnotationKind, Corpus
from nda_reader.corpus.reload import annotation_keys
from nda_reader.corpus.sources import FileResult
from nda_reader.formats.problems import Problem


@dataclass
class LayerPiece:
    """What one layer file gives read on its own (see the module docstring)."""

    path: Path
    problems: tuple[Problem, ...]
    """Problems of parsing the file."""
    read: Corpus | None
    """The file read into an empty corpus (None when it did not parse)."""

    @classmethod
    def of(cls, path: Path, result: FileResult) -> LayerPiece:
        """The piece of ``path`` parsed as ``result``."""
        if result.value is None:
            return cls(path, result.problems, None)
        alone = Corpus(root=None)
        read_layer(alone, path, result.value)
        return cls(path, result.problems, alone)

    def kinds(self) -> set[AnnotationKind]:
        """The kinds of annotation this file holds (``TERM`` for glossary entries)."""
        read = self.read
        if read is None:
            return set()
        held = {
            AnnotationKind.TERM: read.glossary.entries,
            AnnotationKind.TURN: read.speaker_layers,
            AnnotationKind.LINK: read.crossrefs,
            AnnotationKind.NOTE: read.notes,
            AnnotationKind.PAIR: read.alignment_layers,
        }
        return {kind for kind, items in held.items() if items}

    def documents(self) -> set[str]:
        """The documents this file annotates."""
        return set(self.keys())

    def keys(self) -> dict[str, set[Hashable]]:
        """What this file annotates in each document (see
        :func:`~nda_reader.corpus.reload.annotation_keys`); worked out once per piece."""
        found = self.__dict__.get("_keys")
        if found is None:
            found = annotation_keys(self.read) if self.read is not None else {}
            self.__dict__["_keys"] = found
        return found

    def ids(self) -> _Ids:
        """The ids this file takes (entries, speakers, links, notes, aligned documents);
        worked out once per piece, as a reload merges every piece."""
        found = self.__dict__.get("_ids")
        if found is None:
            read = self.read
            found = (
                _Ids(
                    frozenset(read.glossary.entries),
                    frozenset(read.speaker_layers),
                    frozenset(ln.id for ln in read.crossrefs),
                    frozenset(n.id for n in read.notes),
                    frozenset(_aligned(read)),
                )
                if read is not None
                else _Ids()
            )
            self.__dict__["_ids"] = found
        return found

    def __getstate__(self) -> dict[str, object]:
        """What the index keeps of a piece: not the ids and keys worked out from it."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


class _Ids(NamedTuple):
    """The ids one layer file takes (see :meth:`LayerPiece.ids`)."""

    entries: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()
    notes: frozenset[str] = frozenset()
    aligned: frozenset[str] = frozenset()


@dataclass
class _Taken:
    """Ids the pieces merged so far have taken."""

    entries: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)
    aligned: set[str] = field(default_factory=set)
    """Documents of the alignment layers (a text has one alignment layer)."""

    def clash(self, ids: _Ids) -> bool:
        return not (
            self.entries.isdisjoint(ids.entries)
            and self.speakers.isdisjoint(ids.speakers)
            and self.links.isdisjoint(ids.links)
            and self.notes.isdisjoint(ids.notes)
            and self.aligned.isdisjoint(ids.aligned)
        )

    def take(self, corpus: Corpus) -> None:
        self.entries = set(corpus.glossary.entries)
        self.speakers = set(corpus.speaker_layers)
        self.links = {ln.id for ln in corpus.crossrefs}
        self.notes = {n.id for n in corpus.notes}
        self.aligned = _aligned(corpus)

    def add(self, ids: _Ids) -> None:
        self.entries |= ids.entries
        self.speakers |= ids.speakers
        self.links |= ids.links
        self.notes |= ids.notes
        self.aligned |= ids.aligned


class _Merged:
    """The parts of a corpus the pieces are merged into, looked up once (a corpus's parts
    are properties: ~1 ms of lookups for 400 pieces)."""

    def __init__(self, corpus: Corpus) -> None:
        self.problems = corpus.problems
        self.layer_files = corpus.layer_files
        self.entries = corpus.glossary.entries
        self.speaker_layers = corpus.speaker_layers
        self.crossrefs = corpus.crossrefs
        self.notes = corpus.notes
        self.alignment_layers = corpus.alignment_layers

    def add(self, read: Corpus) -> None:
        """Merge the corpus ``read`` of one layer file."""
        self.problems.extend(read.problems)
        self.layer_files.extend(read.layer_files)
        self.entries.update(read.glossary.entries)
        self.speaker_layers.update(read.speaker_layers)
        self.crossrefs.extend(read.crossrefs)
        self.notes.extend(read.notes)
        self.alignment_layers.update(read.alignment_layers)


def _aligned(corpus: Corpus) -> set[str]:
    return {d for layer in corpus.alignment_layers.values() for d in layer.docs}


@dataclass(frozen=True, slots=True)
class Before:
    """A corpus assembled before (its pieces by path), whose anchor checks an assembly of
    the same texts keeps for the kinds of annotation no changed piece holds."""

    corpus: Corpus
    pieces: Mapping[Path, LayerPiece]


def assemble_pieces(
    root: Path,
    texts: dict[Path, FileResult],
    pieces: Iterable[LayerPiece],
    reread: Callable[[Path], FileResult],
    reuse: Corpus | None = None,
    before: Before | None = None,
    *,
    anchors: bool = True,
) -> Corpus:
    """The corpus of ``texts`` and the layer ``pieces`` (in path order), as
    :func:`~nda_reader.corpus.loader.assemble` makes it; ``reread(path)`` parses a file
    again where its piece cannot be merged as it is (an id repeated across files).

    With ``before`` (``reuse`` being the same corpus, or one read from the same files),
    only the anchors of the kinds of annotation the changed pieces hold are checked
    again, and the glossary forms are known to be the same when no changed piece has
    glossary entries. Without ``anchors`` the anchors are left to place (see
    ``validate``)."""
    pieces = list(pieces)
    touched = _touched(pieces, before.pieces) if before is not None else None
    corpus = Corpus(root=root)
    for result in texts.values():
        corpus.problems.extend(result.problems)
        if result.value is not None:
            corpus.documents[result.value.id] = result.value
    taken = _Taken()
    merged = _Merged(corpus)
    for piece in pieces:
        merged.problems.extend(piece.problems)
        read = piece.read
        if read is None:
            continue
        ids = piece.ids()
        if taken.clash(ids):
            touched = None  # the loader's way, file by file: check everything again
            data = reread(piece.path).value
            if data is not None:
                read_layer(corpus, piece.path, data)
            taken.take(corpus)
            merged = _Merged(corpus)
            continue
        merged.add(read)
        taken.add(ids)
    if reuse is not None:
        corpus.take_over(
            reuse, same_forms=touched is not None and AnnotationKind.TERM not in touched
        )
    checked = before.corpus.checked if before is not None else None
    if not anchors:
        validate(corpus, anchors=False)
    elif touched is None or checked is None or not _same_texts(corpus, before):
        validate(corpus)
    else:
        validate(corpus, checked, touched)
    return corpus


def _touched(pieces: list[LayerPiece], before: Mapping[Path, LayerPiece]) -> set[AnnotationKind]:
    """The kinds of annotation held by a piece that is not in ``before`` as it is now, or
    that was in ``before`` and changed or went."""
    now = {piece.path: piece for piece in pieces}
    kinds: set[AnnotationKind] = set()
    for path in now.keys() | before.keys():
        old, new = before.get(path), now.get(path)
        if old is not new:
            for piece in (old, new):
                kinds |= piece.kinds() if piece is not None else set()
    return kinds


def _same_texts(corpus: Corpus, before: Before | None) -> bool:
    """True when ``corpus`` has the very documents of the corpus ``before``."""
    if before is None:
        return False
    old = before.corpus.documents
    return len(old) == len(corpus.documents) and all(
        old.get(doc_id) is doc for doc_id, doc in corpus.documents.items()
    )


def changed_documents(before: LayerPiece | None, after: LayerPiece | None) -> set[str]:
    """Documents whose annotations from this file differ between two versions of it."""
    old = before.keys() if before is not None else {}
    new = after.keys() if after is not None else {}
    return {d for d in old.keys() | new.keys() if old.get(d) != new.get(d)}
