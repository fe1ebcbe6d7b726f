"""Reloading a corpus after some of its files changed, and saying what that changed.

A save in the reader changes one layer file. :func:`reload_corpus` re-reads only the files
named (and files that appeared or went away), reuses every other file's result, the anchors
already placed and, when the glossary's forms are unchanged, the term index; then it
compares the two corpora and returns a :class:`CorpusChange` naming the documents whose
annotations differ, so that only those are laid out and drawn again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable
from dataclasses import dataclass
from pathlib import Path

from nda_reader.corpus.anchors import Anchor
from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.loader import assemble, load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.sources import read_sources


@dataclass(frozen=True, slots=True)
class CorpusChange:
    """The corpus after a reload, and what differs from the one before."""

    corpus: Corpus
    documents: frozenset[str]
    """Documents whose speaker turns, links, notes or term occurrences differ (or that were
    added, removed or edited)."""
    glossary: bool = False
    """Some glossary entry differs (what the context pane shows of it)."""
    texts: bool = False
    """A text was added, removed or edited."""

    def touches(self, doc_ids: Collection[str]) -> bool:
        """True when any of ``doc_ids`` must be laid out and drawn again."""
        return self.texts or not self.documents.isdisjoint(doc_ids)


def _anchor_key(anchor: Anchor) -> tuple[str, str, str, str, int | None]:
    return (anchor.doc, anchor.exact, anchor.prefix, anchor.suffix, anchor.pos)


def annotation_keys(corpus: Corpus) -> dict[str, set[Hashable]]:
    """Per document, everything annotated in it, as comparable values (file positions left
    out, so that an entry moving down a file does not count as a change)."""
    out: dict[str, set[Hashable]] = defaultdict(set)
    for doc_id, layer in corpus.speaker_layers.items():
        for s in layer.speakers.values():
            out[doc_id].add(("speaker", s.id, s.term, s.name, s.kind, s.role, s.hanzi))
        for turn in layer.turns:
            out[doc_id].add(("turn", turn.speaker, _anchor_key(turn.anchor)))
    for link in corpus.crossrefs:
        key = ("link", link.id, link.relation, link.note)
        ends = (_anchor_key(link.source), _anchor_key(link.target))
        out[link.source.doc].add((*key, *ends))
        out[link.target.doc].add((*key, *ends))
    for note in corpus.notes:
        out[note.anchor.doc].add(
            ("note", note.id, note.text, tuple(note.tags), _anchor_key(note.anchor))
        )
    for aligned in corpus.alignment_layers.values():
        for i, pair in enumerate(aligned.pairs):
            sides = [
                (_anchor_key(s.anchor), s.passages) if s else None
                for s in (pair.doc, pair.counterpart)
            ]
            for doc_id in aligned.docs:
                out[doc_id].add(("pair", i, pair.status, *sides))
    return out


def _entry_key(entry: GlossaryEntry) -> tuple[object, ...]:
    return (
        entry.id,
        entry.kind,
        entry.hanzi,
        entry.pinyin,
        entry.english,
        tuple(entry.aliases),
        entry.traditional,
        entry.note,
        tuple(entry.roles),
        entry.hanzi_source,
    )


def compare(old: Corpus, new: Corpus) -> CorpusChange:
    """What differs between ``old`` and ``new`` (see :class:`CorpusChange`)."""
    ids = set(old.documents) | set(new.documents)
    texts = any(old.documents.get(i) is not new.documents.get(i) for i in ids)
    before, after = annotation_keys(old), annotation_keys(new)
    docs = {i for i in set(before) | set(after) if before.get(i) != after.get(i)}
    glossary = [_entry_key(e) for e in old.glossary.entries.values()] != [
        _entry_key(e) for e in new.glossary.entries.values()
    ]
    if texts:
        docs |= {i for i in ids if old.documents.get(i) is not new.documents.get(i)}
    if old.glossary.form_pairs() != new.glossary.form_pairs():
        docs |= {i for i in ids if old.occurrences.in_doc(i) != new.occurrences.in_doc(i)}
    return CorpusChange(new, frozenset(docs), glossary=glossary, texts=texts)


def reload_corpus(corpus: Corpus, changed: Collection[Path]) -> CorpusChange:
    """``corpus`` read again where ``changed`` files (or the set of files) differ."""
    root = corpus.root
    if root is None:
        return CorpusChange(corpus, frozenset())
    if not (root / "texts").is_dir():
        return compare(corpus, load_corpus(root))
    if corpus.backing is not None:
        fresh, documents, glossary = corpus.backing.reload(changed)
        if documents is None:
            return compare(corpus, fresh)
        return CorpusChange(fresh, documents, glossary=glossary)
    sources = read_sources(root, corpus.sources, changed if corpus.sources else ())
    fresh = assemble(root, sources, reuse=corpus)
    return compare(corpus, fresh)
