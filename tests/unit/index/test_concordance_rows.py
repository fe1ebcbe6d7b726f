"""A concordance's rows from the index come in corpus order, however they are read.

A frequent entry's first rows are read document by document in corpus order; a rare
entry's rows are all sorted. Both give the rows of a corpus loaded from its files, also
when the index's rows of the documents are not in corpus order (an edited text gets a new
row).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.term_index import Occurrence
from nda_reader.index import lazy
from nda_reader.index.open import open_corpus
from tests.helpers.corpora import MakeCorpus, text_file

GLOSSARY = (
    "layer: glossary\nversion: 1\nentries:\n"
    "  - {id: market, kind: term, hanzi: 数据市场, pinyin: shùjù shìchǎng,\n"
    "     english: data market, hanzi_source: text}\n"
)


def _corpus(make_corpus: MakeCorpus) -> Path:
    """Five texts dated out of file order, each naming the term a few times (mine)."""
    files = {"annotations/glossary.yaml": GLOSSARY}
    for n, day in enumerate(["05", "01", "04", "02", "03"]):
        body = " ".join(["The data market grew."] * (n + 2)) + "\n"
        files[f"texts/t{n}.md"] = text_file(f"t{n}", body, date=f"2024-01-{day}")
    return make_corpus(files)


def _concordance(root: Path, cache: Path) -> list[Occurrence]:
    corpus, index = open_corpus(root, cache)
    assert index is not None and index.complete()
    corpus, _ = open_corpus(root, cache)
    stored = corpus.occurrences
    rows = stored.of_entry("market")
    return [*rows[:3], *rows[3:7], *rows[7:]]  # as a concordance reads them, page by page


@pytest.mark.parametrize("sorted_rows", [0, 10_000], ids=["by-documents", "sorted"])
def test_a_concordance_from_the_index_is_in_corpus_order(
    make_corpus: MakeCorpus,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sorted_rows: int,
) -> None:
    monkeypatch.setattr(lazy, "SORTED_ROWS", sorted_rows)
    root = _corpus(make_corpus)
    cache = tmp_path / "cache"
    open_corpus(root, cache)[1].complete()  # type: ignore[union-attr]
    # The earliest text edited: its new row in the index comes after all the others.
    first = root / "texts" / "t1.md"
    first.write_text(first.read_text(encoding="utf-8") + "One more data market.\n", "utf-8")
    want = list(load_corpus(root).occurrences.of_entry("market"))
    assert [o.doc for o in want][:3] == ["t1", "t1", "t1"]
    assert _concordance(root, cache) == want
