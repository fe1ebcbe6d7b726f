"""Helpers for tests of the corpus index: what a corpus says, to compare two of them, and
counting the files the index reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.model import Corpus
from nda_reader.index import build, reloading
from nda_reader.index.lazy import META_FIELDS
from tests.helpers.corpora import text_file

TWO_TEXTS = {
    "texts/a.md": text_file("a", "The first text names the data market twice: data market.\n"),
    "texts/b.md": text_file("b", "The second text speaks of public data.\n"),
    "annotations/glossary.yaml": (
        "layer: glossary\nversion: 1\nentries:\n"
        "  - {id: market, kind: term, hanzi: 数据市场, pinyin: shùjù shìchǎng,\n"
        "     english: data market, hanzi_source: text}\n"
    ),
    "annotations/notes.yaml": (
        "layer: notes\nversion: 1\nnotes:\n"
        "  - {id: one, anchor: {doc: a, exact: first text}, text: a note}\n"
    ),
}
"""Two texts, a glossary of one term (twice in the first text), one note."""


def corpus_summary(corpus: Corpus) -> dict[str, object]:
    """Everything a reader or ``check`` can see of ``corpus``, as comparable values."""
    docs = corpus.ordered_documents()
    return {
        "documents": [
            (*(getattr(d, name) for name in META_FIELDS), d.path, d.body, d.blocks) for d in docs
        ],
        "problems": [str(p) for p in corpus.problems],
        "glossary": [
            (e.id, e.english, tuple(e.aliases), e.hanzi, e.note, e.where("id"))
            for e in corpus.glossary.entries.values()
        ],
        "links": [
            (d.id, [(e.link.id, e.here_at, e.there_at) for e in corpus.links_in(d.id)])
            for d in docs
        ],
        "notes": [(d.id, [n.id for n in corpus.notes_in(d.id)]) for d in docs],
        "turns": [
            (d.id, [(t.speaker.id, t.start, t.end) for t in corpus.turns(d.id)]) for d in docs
        ],
        "occurrences": [(d.id, list(corpus.occurrences.in_doc(d.id))) for d in docs],
        "concordance": {
            e: list(corpus.occurrences.of_entry(e)) for e in list(corpus.glossary.entries)[:20]
        },
        "orphans": [(o.id, o.label, o.resolution) for o in corpus.orphans()],
        "layer_files": [str(p) for p in corpus.layer_files],
        "counterparts": sorted(corpus.counterparts.items()),
        "alignments": [
            (d.id, [(p.status, p.blocks(0), p.blocks(1)) for p in alignment.pairs])
            for d in docs
            if (alignment := corpus.alignment(d.id)) is not None
        ],
    }


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every corpus file the index reads (texts and layers) from now on."""
    reads: list[Path] = []
    real_text, real_layer = build.read_text_file, build.read_layer_file

    def text(path: Path):  # type: ignore[no-untyped-def]
        reads.append(path)
        return real_text(path)

    def layer(path: Path):  # type: ignore[no-untyped-def]
        reads.append(path)
        return real_layer(path)

    monkeypatch.setattr(build, "read_text_file", text)
    monkeypatch.setattr(build, "read_layer_file", layer)
    monkeypatch.setattr(reloading, "read_layer_file", layer)
    return reads
