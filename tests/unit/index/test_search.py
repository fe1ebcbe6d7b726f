"""The index says which documents contain a text exactly as searching every body does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.index.open import CorpusIndex, open_corpus
from nda_reader.index.search import TextFinder, fold
from nda_reader.reading.search import compile_query, search_corpus
from tests.helpers.corpora import text_file

# Our own test texts: letters whose case folding is special for Python's re (Kelvin sign,
# long s, dotless and dotted i, Greek sigmas), CJK, punctuation and whitespace of all kinds.
ALPHABET = "abkKsSiIıİſσςΣé数据要素市场 \t\n\u00a0\u3000.,’'\"-"
TEXTS = [
    "The data market 数据要素市场 opened.\n\nData\u00a0Market rules",
    "KELVIN \u212a and ſeven Seas; DİYARBAKIR ıi; ΣΟΦΟΣ σοφος",
    "数据 据要 要素\u3000市场, the Data-Element × plan’s text",
    'a b c\n\nab  c   ‘quoted’ "double" 市',
    "plain text with nothing special",
]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, CorpusIndex]:
    root = tmp_path_factory.mktemp("search") / "corpus"
    (root / "texts").mkdir(parents=True)
    (root / "annotations").mkdir()
    for i, body in enumerate(TEXTS):
        (root / "texts" / f"t{i}.md").write_text(text_file(f"t{i}", body), encoding="utf-8")
    corpus, index = open_corpus(root, root.parent / "cache")
    assert index is not None and index.complete()
    return corpus, index


def _scanned(corpus: Corpus, query: str) -> list[str]:
    pattern = compile_query(query)
    if pattern is None:
        return []
    return [d.id for d in corpus.ordered_documents() if pattern.search(d.body)]


@pytest.mark.parametrize(
    "query",
    [
        "data market",
        "DATA\nmarket",
        "数据",
        "数",
        "据要素",
        "k",
        "K",
        "\u212a",
        "ſ",
        "s",
        "seven",
        "i",
        "ı",
        "İ",
        "σοφος",
        "ΣΟΦΟΣ",
        "ς",
        "a b",
        "ab c",
        "’",
        "'",
        "plan’s",
        "nothing here",
        "market rules",
        "市场, the",
    ],
)
def test_the_documents_found_are_those_a_scan_finds(
    indexed: tuple[Corpus, CorpusIndex], query: str
) -> None:
    corpus, index = indexed
    index.finder.forget()  # the candidates, before any text is read
    candidates = index.candidates(query) or []
    assert set(candidates) >= set(_scanned(corpus, query))
    assert index.documents_with(query) == _scanned(corpus, query)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_query_finds_what_a_scan_finds(
    indexed: tuple[Corpus, CorpusIndex], data: st.DataObject
) -> None:
    corpus, index = indexed
    if data.draw(st.booleans()):  # a piece of a text, or anything
        body = data.draw(st.sampled_from(TEXTS))
        start = data.draw(st.integers(0, len(body) - 1))
        query = body[start : start + data.draw(st.integers(1, 8))]
    else:
        query = data.draw(st.text(ALPHABET, min_size=1, max_size=6))
    assert index.documents_with(query) == _scanned(corpus, query)


@given(st.text(ALPHABET, max_size=12))
def test_folding_keeps_what_ignore_case_matches(text: str) -> None:
    # Wherever the reader's search matches, the folded query is in the folded text.
    for query in (text[:3], text[1:4], text):
        pattern = compile_query(query)
        if pattern is not None and pattern.search(text):
            assert fold(query) in fold(text)


def test_search_with_and_without_the_index_gives_the_same_hits(
    indexed: tuple[Corpus, CorpusIndex], tmp_path: Path
) -> None:
    corpus, _ = indexed
    assert corpus.root is not None
    plain = load_corpus(corpus.root)
    for query in ("data market", "数据", "s", "text"):
        assert search_corpus(corpus, query) == search_corpus(plain, query)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, CorpusIndex]:
    """Sixty texts of ours with the words of a long phrase everywhere and the phrase
    itself in a few, so that search asks the phrase index (most candidates miss)."""
    root = tmp_path_factory.mktemp("phrases") / "corpus"
    (root / "texts").mkdir(parents=True)
    (root / "annotations").mkdir()
    for i in range(60):
        # Every trigram of the phrase, and its middle ("l labour b"), in every text.
        body = "The rural office, the general labour board and the bureau met."
        if i % 7 == 3:
            body += " The Rural Labour Bureau\nreported."
        (root / "texts" / f"t{i:02d}.md").write_text(text_file(f"t{i:02d}", body), "utf-8")
    corpus, index = open_corpus(root, root.parent / "cache")
    assert index is not None and index.complete()
    return corpus, index


@pytest.mark.parametrize(
    "query", ["rural labour bureau", "RURAL LABOUR BUREAU REPORTED", "l labour b", "rural office"]
)
def test_a_phrase_most_candidates_miss_is_found_as_a_scan_finds_it(
    many: tuple[Corpus, CorpusIndex], query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = many
    asked: list[str] = []
    phrase_hits = TextFinder._phrase_hits

    def spy(finder: TextFinder, query: str, texts: dict[int, bytes]) -> list[int]:
        asked.append(query)
        return phrase_hits(finder, query, texts)

    monkeypatch.setattr(TextFinder, "_phrase_hits", spy)
    found = index.documents_with(query)
    assert found == _scanned(corpus, query)
    if query.startswith("rural labour"):
        assert found == [f"t{i:02d}" for i in range(60) if i % 7 == 3]
        assert asked == [fold(query)]  # the phrase index answered, not a scan of each
