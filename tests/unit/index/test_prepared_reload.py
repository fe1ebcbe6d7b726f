"""A reload after a save starts from what :meth:`CorpusIndex.prepare` assembled while the
form was open, and checks again only the anchors of the kinds of annotation the changed
files hold: the corpus is still the one a load from the files gives, problems and their
order included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nda_reader.corpus.checked import check_anchors
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Anchored, AnnotationKind, Corpus
from nda_reader.corpus.reload import reload_corpus
from nda_reader.index.open import open_corpus
from tests.helpers.corpora import MakeCorpus, text_file
from tests.helpers.index import corpus_summary, count_reads

A = "The first text names the National Data Administration, 国家数据局, twice.\n"
B = "The second text continues the first one.\n"
FILES = {
    "texts/a.md": text_file("a", A),
    "texts/b.md": text_file("b", B),
    "annotations/glossary.yaml": (
        "layer: glossary\nversion: 1\nentries:\n"
        "  - {id: nda, kind: organisation, hanzi: 国家数据局, pinyin: Guójiā Shùjùjú,\n"
        "     english: National Data Administration, hanzi_source: text}\n"
    ),
    "annotations/notes.yaml": (
        "layer: notes\nversion: 1\nnotes:\n"
        "  - {id: fine, anchor: {doc: a, exact: first text}, text: placed}\n"
        "  - {id: lost, anchor: {doc: a, exact: nowhere at all}, text: an orphan}\n"
        "  - {id: near, anchor: {doc: b, exact: The secnd text continus}, text: fuzzy}\n"
    ),
    "annotations/crossrefs.yaml": (
        "layer: crossrefs\nversion: 1\nlinks:\n"
        "  - {id: one, relation: continues, source: {doc: a, exact: first},\n"
        "     target: {doc: b, exact: second}}\n"
        "  - {id: two, relation: continues, source: {doc: a, exact: gone},\n"
        "     target: {doc: c, exact: second}}\n"
    ),
    "annotations/speakers/a.yaml": (
        "layer: speakers\nversion: 1\ndoc: a\nspeakers:\n  - {id: x, name: Someone}\n"
        "  - {id: y, term: other}\n"  # no such glossary entry (ADDED's has no hanzi)
        "turns:\n  - {speaker: x, anchor: {exact: The first}}\n"
        "  - {speaker: x, anchor: {exact: not in the text}}\n"
    ),
}
ADDED = {
    "annotations/notes.yaml": "  - {id: new, anchor: {doc: b, exact: not there}, text: new}\n",
    "annotations/crossrefs.yaml": (
        "  - {id: three, relation: continues, source: {doc: b, exact: one},\n"
        "     target: {doc: a, exact: missing}}\n"
    ),
    "annotations/speakers/a.yaml": "  - {speaker: x, anchor: {exact: twice}}\n",
    "annotations/glossary.yaml": "  - {id: other, kind: term, english: first text}\n",
}


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[AnnotationKind | None]:
    """The kinds of annotation whose anchors are checked (None: every kind)."""
    kinds: list[AnnotationKind | None] = []
    anchored = Corpus.anchored

    def recording(self: Corpus, kind: AnnotationKind | None = None) -> Iterator[Anchored]:
        kinds.append(kind)
        return anchored(self, kind)

    monkeypatch.setattr(Corpus, "anchored", recording)
    return kinds


@pytest.mark.parametrize("changed", list(ADDED))
def test_a_save_after_prepare_gives_the_corpus_of_the_files(
    make_corpus: MakeCorpus, changed: str, asked: list[AnnotationKind | None]
) -> None:
    root = make_corpus(FILES).absolute()
    cache = root.parent / "cache"
    _, built = open_corpus(root, cache)
    assert built is not None
    built.writer.wait()
    corpus, index = open_corpus(root, cache)  # read from the index: nothing assembled
    assert index is not None and index.assembled is None and index.complete()
    index.prepare()
    assert index.assembled is not None and index.assembled.corpus.checked is not None
    for n, name in enumerate((changed, "annotations/notes.yaml")):  # a second save too
        path = root / name
        path.write_text(path.read_text(encoding="utf-8") + ADDED[name], encoding="utf-8")
        asked.clear()
        corpus = reload_corpus(corpus, [path]).corpus
        checked = list(asked)
        assert corpus_summary(corpus) == corpus_summary(load_corpus(root))
        kind = {"notes": "note", "crossrefs": "link", "a": "turn", "glossary": None}
        again = kind[Path(name).stem]
        if n == 0:  # (the second also reads the first file again: the index is not written)
            assert checked == ([AnnotationKind(again)] if again else [])  # the others kept


def _prepared(make_corpus: MakeCorpus) -> tuple[Path, Corpus]:
    """The corpus of :data:`FILES` through its complete index, prepared for a save."""
    root = make_corpus(FILES).absolute()
    corpus, index = open_corpus(root, root.parent / "cache")
    assert index is not None and index.complete()
    index.prepare()
    return root, corpus


def _add(root: Path, name: str) -> Path:
    """Append the entry :data:`ADDED` has for the layer file ``name``."""
    path = root / name
    path.write_text(path.read_text(encoding="utf-8") + ADDED[name], encoding="utf-8")
    return path


def test_a_file_read_by_a_reload_is_not_read_again_by_the_next(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, corpus = _prepared(make_corpus)
    reads = count_reads(monkeypatch)
    for name in ("annotations/notes.yaml", "annotations/crossrefs.yaml"):
        corpus = reload_corpus(corpus, [_add(root, name)]).corpus  # the index: a second later
    assert [p.name for p in reads] == ["notes.yaml", "crossrefs.yaml"]
    assert corpus_summary(corpus) == corpus_summary(load_corpus(root))


def test_kept_checks_are_those_a_full_check_finds(make_corpus: MakeCorpus) -> None:
    corpus = load_corpus(make_corpus(FILES))
    full = check_anchors(corpus)
    assert full.problems() and any(p.orphan for p in full.problems())
    for kind in AnnotationKind:
        assert check_anchors(corpus, full, {kind}).problems() == full.problems()


def test_problems_of_speakers_and_roles_are_found_again_only_when_they_may_differ(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nda_reader.corpus import loader

    root, corpus = _prepared(make_corpus)
    unknown = "speaker 'y' names unknown glossary entry 'other'"
    assert any(unknown in str(p) for p in corpus.problems)
    found = []
    real = loader.reference_problems
    monkeypatch.setattr(loader, "reference_problems", lambda c: found.append(1) or real(c))
    for name, again in (("annotations/notes.yaml", False), ("annotations/glossary.yaml", True)):
        corpus = reload_corpus(corpus, [_add(root, name)]).corpus
        assert bool(found) == again  # kept after the notes changed, found after the glossary
        assert corpus_summary(corpus) == corpus_summary(load_corpus(root))
