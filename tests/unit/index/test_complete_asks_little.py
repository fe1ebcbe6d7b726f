"""Whether the index is complete is asked at each save (and each corpus search); the answer
must not cost a read of every document's row, body included (on 1,000 documents of
~50 KB that read took 1.5-11 ms of each save). The work SQLite does for it is the same
for a corpus of three texts as for one of sixty."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from nda_reader.corpus.term_index import TermMatcher
from nda_reader.index.open import CorpusIndex, open_corpus
from tests.helpers.corpora import MakeCorpus, text_file


def _complete_index(make_corpus: MakeCorpus, texts: int) -> CorpusIndex:
    body = "A paragraph of my own about the data market. " * 200 + "\n"
    files = {f"texts/t{i:02}.md": text_file(f"t{i:02}", body) for i in range(texts)}
    root: Path = make_corpus(files, name=f"corpus-{texts}").absolute()
    _, index = open_corpus(root, root.parent / f"cache-{texts}")
    assert index is not None and index.complete()
    return index


def _steps(index: CorpusIndex) -> int:
    """SQLite virtual machine steps (in hundreds) taken to tell the index complete."""
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    index.con.set_progress_handler(count, 100)
    try:
        assert index.is_complete()
    finally:
        index.con.set_progress_handler(None, 100)
    return steps


def test_telling_the_index_complete_does_not_grow_with_the_corpus(
    make_corpus: MakeCorpus,
) -> None:
    small = _steps(_complete_index(make_corpus, 3))
    large = _steps(_complete_index(make_corpus, 60))
    assert large == small


def test_completing_a_complete_index_compiles_no_term_matcher(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # check completes the index before each run; with every text's terms in it already,
    # compiling the glossary's matcher (~0.3 s for 2,000 entries) would be for nothing.
    index = _complete_index(make_corpus, 3)
    built: list[object] = []
    real = TermMatcher.build

    def build(forms: Iterable[tuple[str, str]]) -> TermMatcher:
        built.append(forms)
        return real(forms)

    monkeypatch.setattr(TermMatcher, "build", staticmethod(build))
    assert index.complete(search=False)
    assert built == []
    # A text added outside the reader still has its terms found (the matcher made then).
    root = index.root
    (root / "texts" / "t99.md").write_text(
        text_file("t99", "The data market, again.\n"), encoding="utf-8"
    )
    _, again = open_corpus(root, root.parent / "cache-3")
    assert again is not None and again.complete(search=False)
    assert len(built) == 1
