"""Reloading after a save reads only the changed files and names only the documents that
changed; the result is the corpus a fresh load gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus import sources
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.reload import reload_corpus
from tests.helpers.corpora import MakeCorpus
from tests.helpers.small_corpus import READOUT_1, REPORT, TRANSCRIPT, small_corpus


def _summary(corpus: Corpus) -> tuple[object, ...]:
    return (
        sorted(corpus.documents),
        [(e.id, e.forms) for e in corpus.glossary.entries.values()],
        [(n.id, n.text, n.anchor.exact) for n in corpus.notes],
        [(ln.id, ln.relation) for ln in corpus.crossrefs],
        {
            d: [(t.speaker, t.anchor.exact) for t in s.turns]
            for d, s in corpus.speaker_layers.items()
        },
        sorted(p.format() for p in corpus.problems),
        {d: corpus.occurrences.in_doc(d) for d in corpus.documents},
    )


@pytest.fixture
def root(make_corpus: MakeCorpus) -> Path:
    return small_corpus(make_corpus)


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    for name in ("_read_text", "_read_layer"):
        real = getattr(sources, name)

        def counted(path: Path, real=real) -> sources.FileResult:  # type: ignore[no-untyped-def]
            reads.append(path.name)
            return real(path)

        monkeypatch.setattr(sources, name, counted)
    return reads


def test_a_new_note_rereads_one_file_and_touches_one_document(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load_corpus(root)
    _ = corpus.occurrences
    notes = root / "annotations" / "notes.yaml"
    notes.write_text(
        notes.read_text()
        + "  - id: growth\n    anchor:\n      doc: annual-report\n"
        + "      exact: grew by a tenth\n    text: Check the figure.\n"
    )
    reads = _count_reads(monkeypatch)
    change = reload_corpus(corpus, [notes])
    assert reads == ["notes.yaml"]
    assert change.documents == {REPORT}
    assert not change.glossary and not change.texts
    assert change.corpus.occurrences is corpus.occurrences  # the term index is reused
    assert _summary(change.corpus) == _summary(load_corpus(root))


def test_a_new_glossary_form_touches_the_documents_where_it_occurs(root: Path) -> None:
    corpus = load_corpus(root)
    glossary = root / "annotations" / "glossary.yaml"
    glossary.write_text(
        glossary.read_text()
        + "  - id: work-meeting\n    kind: event\n    hanzi: 工作会议\n"
        + "    pinyin: gōngzuò huìyì\n    english: work meeting\n    hanzi_source: annotator\n"
    )
    change = reload_corpus(corpus, [glossary])
    assert change.glossary
    assert change.documents == {READOUT_1}
    assert [o.entry_id for o in change.corpus.occurrences.in_doc(READOUT_1)].count(
        "work-meeting"
    ) == 1
    assert _summary(change.corpus) == _summary(load_corpus(root))


def test_an_unchanged_file_changes_nothing(root: Path) -> None:
    corpus = load_corpus(root)
    change = reload_corpus(corpus, [root / "annotations" / "crossrefs.yaml"])
    assert change.documents == frozenset() and not change.glossary and not change.texts
    assert not change.touches([TRANSCRIPT, REPORT])


def test_a_layer_file_that_appears_is_read_and_one_that_goes_is_dropped(root: Path) -> None:
    corpus = load_corpus(root)
    (root / "annotations" / "notes.yaml").unlink()
    extra = root / "annotations" / "more-notes.yaml"
    extra.write_text(
        "layer: notes\nversion: 1\nnotes:\n  - id: plan\n    anchor:\n"
        "      doc: readout-p1\n      exact: build the data market\n    text: Which market?\n"
    )
    change = reload_corpus(corpus, [])
    assert [n.id for n in change.corpus.notes] == ["plan"]
    assert change.documents == {TRANSCRIPT, READOUT_1}
    assert _summary(change.corpus) == _summary(load_corpus(root))


def test_an_edited_text_is_seen_and_its_anchors_placed_anew(root: Path) -> None:
    corpus = load_corpus(root)
    text = root / "texts" / f"{REPORT}.md"
    text.write_text(text.read_text().replace("drafted rules on data factors", "wrote rules"))
    change = reload_corpus(corpus, [text])
    assert change.texts and REPORT in change.documents and change.touches([REPORT])
    assert [o.id for o in change.corpus.orphans()] == ["rules-drafted"]
    assert _summary(change.corpus) == _summary(load_corpus(root))
