"""A save that changes no glossary form keeps the term occurrences the corpus has read
(the reading screen's repaint reads none again); one that changes a form finds them anew,
and both give the occurrences a full load gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.reload import reload_corpus
from nda_reader.index.open import CorpusIndex, open_corpus
from tests.helpers.corpora import MakeCorpus
from tests.helpers.index import TWO_TEXTS as FILES


def _opened(make_corpus: MakeCorpus, complete: bool) -> tuple[Path, CorpusIndex]:
    root = make_corpus(FILES).absolute()
    _, index = open_corpus(root, root.parent / "cache")
    assert index is not None
    if complete:
        assert index.complete()
    index.prepare()  # as the reader does while the form is open
    return root, index


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _terms(corpus_occurrences: object, doc_ids: list[str]) -> list[tuple[str, int, str]]:
    return [
        (o.doc, o.start, o.entry_id)
        for doc_id in doc_ids
        for o in corpus_occurrences.in_doc(doc_id)  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("complete", [True, False], ids=["terms indexed", "terms not yet"])
def test_a_note_saved_keeps_the_occurrences_read(make_corpus: MakeCorpus, complete: bool) -> None:
    root, index = _opened(make_corpus, complete)
    before = index.corpus
    assert len(before.occurrences.in_doc("a")) == 2
    notes = root / "annotations" / "notes.yaml"
    _append(notes, "  - {id: two, anchor: {doc: b, exact: public data}, text: mine}\n")
    change = reload_corpus(before, [notes])
    assert change.corpus is not before and len(change.corpus.notes) == 2
    assert change.corpus.occurrences is before.occurrences  # nothing read again
    assert _terms(change.corpus.occurrences, ["a", "b"]) == _terms(
        load_corpus(root).occurrences, ["a", "b"]
    )


def test_a_new_form_finds_the_occurrences_anew(make_corpus: MakeCorpus) -> None:
    root, index = _opened(make_corpus, complete=True)
    before = index.corpus
    assert before.occurrences.in_doc("b") == []
    glossary = root / "annotations" / "glossary.yaml"
    _append(
        glossary,
        "  - {id: public, kind: term, hanzi: 公共数据, pinyin: gōnggòng shùjù,\n"
        "     english: public data, hanzi_source: text}\n",
    )
    change = reload_corpus(before, [glossary])
    assert change.corpus.occurrences is not before.occurrences
    assert [o.entry_id for o in change.corpus.occurrences.in_doc("b")] == ["public"]
    assert _terms(change.corpus.occurrences, ["a", "b"]) == _terms(
        load_corpus(root).occurrences, ["a", "b"]
    )


def test_completing_an_index_that_has_every_term_reads_nothing_again(
    make_corpus: MakeCorpus,
) -> None:
    """Each launch completes the index after its first paint; when it had every term
    already, what the reader read of it (the open text's terms) stays read."""
    root = make_corpus(FILES).absolute()
    _, first = open_corpus(root, root.parent / "cache")
    assert first is not None and first.complete()
    first.writer.wait()
    corpus, index = open_corpus(root, root.parent / "cache")  # the next launch
    assert index is not None and corpus.occurrences.complete
    read = corpus.occurrences.in_doc("a")
    assert len(read) == 2
    assert index.complete()
    assert corpus.occurrences.in_doc("a") is read  # not asked of the index again
