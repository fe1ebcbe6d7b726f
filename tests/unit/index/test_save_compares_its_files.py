"""A reload after a save compares only the layer files the save wrote (not every file of
the corpus); the rest is looked at afterwards (:meth:`CorpusIndex.outside_changes`), and
a full reload then gives the corpus of the files, a change made outside included."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.reload import reload_corpus
from nda_reader.index import reloading
from nda_reader.index.open import CorpusIndex, open_corpus
from tests.helpers.corpora import MakeCorpus
from tests.helpers.index import TWO_TEXTS as FILES
from tests.helpers.index import corpus_summary

PUBLIC = (
    "  - {id: public, kind: term, hanzi: 公共数据, pinyin: gōnggòng shùjù,\n"
    "     english: public data, hanzi_source: text}\n"
)
NEW_NOTE = "  - {id: two, anchor: {doc: b, exact: public data}, text: my own note}\n"


def _prepared(make_corpus: MakeCorpus) -> tuple[Path, CorpusIndex]:
    root = make_corpus(FILES).absolute()
    _, index = open_corpus(root, root.parent / "cache")
    assert index is not None and index.complete()
    index.prepare()  # as the reader does while the form is open
    return root, index


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_save_compares_only_its_file_and_the_look_after_finds_the_rest(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, index = _prepared(make_corpus)
    corpus = index.corpus
    glossary = root / "annotations" / "glossary.yaml"
    _append(glossary, PUBLIC)  # outside the reader
    notes = root / "annotations" / "notes.yaml"
    _append(notes, NEW_NOTE)  # the save

    def every_file(*args: object) -> None:
        raise AssertionError("a save's reload looked at every file")

    with monkeypatch.context() as patch:
        patch.setattr(reloading, "find_changes", every_file)
        corpus = reload_corpus(corpus, [notes]).corpus
    assert [n.id for n in corpus.notes] == ["one", "two"]
    assert "public" not in corpus.glossary.entries  # not looked at yet
    assert index.unscanned and index.outside_changes()
    corpus = reload_corpus(corpus, ()).corpus  # what the reader does when the look finds it
    assert "public" in corpus.glossary.entries
    assert not index.unscanned and not index.outside_changes()
    assert index.complete()  # the new term's occurrences, found as the reader does after
    assert corpus_summary(corpus) == corpus_summary(load_corpus(root))


def test_a_layer_file_a_save_creates_or_removes_is_seen(make_corpus: MakeCorpus) -> None:
    root, index = _prepared(make_corpus)
    corpus = index.corpus
    speakers = root / "annotations" / "speakers" / "b.yaml"
    speakers.parent.mkdir(exist_ok=True)
    speakers.write_text(
        "layer: speakers\nversion: 1\ndoc: b\nspeakers:\n  - {id: x, name: Someone}\n"
        "turns:\n  - {speaker: x, anchor: {exact: The second}}\n",
        encoding="utf-8",
    )
    corpus = reload_corpus(corpus, [speakers]).corpus
    assert "b" in corpus.speaker_layers
    assert corpus_summary(corpus) == corpus_summary(load_corpus(root))
    assert not index.outside_changes()
    speakers.unlink()  # undone: the save removes the file it made
    corpus = reload_corpus(corpus, [speakers]).corpus
    assert "b" not in corpus.speaker_layers
    assert corpus_summary(corpus) == corpus_summary(load_corpus(root))
    assert not index.outside_changes()


def test_a_text_among_the_files_makes_the_reload_look_at_every_file(
    make_corpus: MakeCorpus,
) -> None:
    root, index = _prepared(make_corpus)
    text = root / "texts" / "b.md"
    _append(text, "A line added to the text.\n")
    corpus = reload_corpus(index.corpus, [text]).corpus
    assert "A line added" in corpus.documents["b"].body
    assert not index.unscanned
