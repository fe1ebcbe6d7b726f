"""Whether the index is complete is asked at each save (and each corpus search); the answer
must not cost a read of every document's row, body included (on 1,000 documents of
~50 KB that read took 1.5-11 ms of each save). The work SQLite does for it is the same
for a corpus of three texts as for one of sixty."""

from __future__ import annotations

from pathlib import Path

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
