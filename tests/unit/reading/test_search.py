"""Literal, case-insensitive search in a body and across the corpus (KWIC hits)."""

from __future__ import annotations

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.reading.search import Hit, find_in_text, make_hit, search_corpus
from tests.helpers.corpora import REPO, MakeCorpus, text_file


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus(REPO)


def test_case_insensitive() -> None:
    text = "Data factor, DATA FACTOR and data Factor."
    spans = find_in_text(text, "data factor")
    assert [text[s:e] for s, e in spans] == ["Data factor", "DATA FACTOR", "data Factor"]


def test_literal_not_regex() -> None:
    text = "a.b axb (x) [y] a*b"
    assert find_in_text(text, "a.b") == [(0, 3)]
    assert find_in_text(text, "(x)") == [(8, 11)]
    assert find_in_text(text, "[y]") == [(12, 15)]
    assert find_in_text(text, "a*b") == [(16, 19)]
    assert find_in_text("back\\slash", "\\") == [(4, 5)]


def test_whitespace_matches_any_run() -> None:
    text = "the data\n  factor market and data\tfactor"
    spans = find_in_text(text, "data factor")
    assert [text[s:e] for s, e in spans] == ["data\n  factor", "data\tfactor"]
    assert find_in_text(text, "  data    factor ") == spans


def test_empty_query_finds_nothing() -> None:
    assert find_in_text("anything", "") == []
    assert find_in_text("anything", "   \n") == []
    assert search_corpus(Corpus(root=None), " ") == []


def test_hanzi() -> None:
    text = "刘烈宏 (Liu Liehong) 国家数据局局长，国家数据局"
    spans = find_in_text(text, "国家数据局")
    assert len(spans) == 2
    assert all(text[s:e] == "国家数据局" for s, e in spans)
    assert find_in_text(text, "刘烈宏") == [(0, 3)]


def test_no_overlapping_matches() -> None:
    assert find_in_text("aaaa", "aa") == [(0, 2), (2, 4)]


def test_kwic_is_single_line() -> None:
    body = "first line\nsecond   line with\nthe match here\nand\n\nmore after"
    start = body.index("match")
    hit = make_hit("d", body, start, start + 5, context=20)
    assert hit.match == "match"
    assert "\n" not in hit.before and "\n" not in hit.after
    assert hit.before.endswith("with the ")
    assert hit.after.startswith(" here and more")
    assert hit.start == start and hit.end == start + 5


def test_kwic_at_edges() -> None:
    hit = make_hit("d", "match", 0, 5)
    assert hit == Hit("d", 0, 5, "", "match", "")


def test_search_corpus_fixture_order(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
        {
            "texts/later.md": text_file("later", "Data factor here.\n", date="2025-01-01"),
            "texts/early.md": text_file(
                "early", "A data\nfactor, then another DATA FACTOR.\n", date="2023-05-05"
            ),
            "texts/none.md": text_file("none", "Nothing relevant.\n", date="2024-01-01"),
        }
    )
    corpus = load_corpus(root)
    hits = search_corpus(corpus, "data factor", context=10)
    assert [(h.doc_id, h.match) for h in hits] == [
        ("early", "data factor"),
        ("early", "DATA FACTOR"),
        ("later", "Data factor"),
    ]
    for h in hits:
        body = corpus.documents[h.doc_id].body
        assert body[h.start : h.end].lower().split() == ["data", "factor"]
    assert len(hits[0].before) <= 10 and len(hits[0].after) <= 10


def test_bundled_data_factor(bundled: Corpus) -> None:
    hits = search_corpus(bundled, "data factor")
    assert hits, "the bundled corpus talks about the data factor market"
    docs = [d.id for d in bundled.ordered_documents()]
    keys = [(docs.index(h.doc_id), h.start) for h in hits]
    assert keys == sorted(keys)
    for h in hits:
        body = bundled.documents[h.doc_id].body
        assert h.match.lower() == "data factor"
        assert body[h.start : h.end].lower() == "data factor"


def test_bundled_liu_liehong(bundled: Corpus) -> None:
    hits = search_corpus(bundled, "liu liehong")
    assert len({h.doc_id for h in hits}) >= 2
    assert {h.match.lower() for h in hits} == {"liu liehong"}
    assert "liu-liehong-pilot-zone-speech-2023" in {h.doc_id for h in hits}


def test_bundled_hanzi(bundled: Corpus) -> None:
    hits = search_corpus(bundled, "刘烈宏")
    assert hits
    assert all(h.match == "刘烈宏" for h in hits)
