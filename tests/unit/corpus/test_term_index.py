"""The corpus-wide index of glossary occurrences: every alias and hanzi is found."""

from __future__ import annotations

import itertools
import re

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.locations import bundled_root
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import TermMatcher


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(bundled_root())


def _spans(corpus: Corpus, entry_id: str) -> set[tuple[str, int, int]]:
    return {(o.doc, o.start, o.end) for o in corpus.occurrences.of_entry(entry_id)}


def _independent_hits(corpus: Corpus, form: str) -> list[tuple[str, int, int]]:
    """Occurrences of one form found the slow, obvious way (a regex for this form only)."""
    pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(form) + r"(?![A-Za-z0-9])", re.I)
    return [
        (d.id, m.start(), m.end())
        for d in corpus.documents.values()
        for m in pattern.finditer(d.body)
    ]


@pytest.mark.parametrize(
    ("entry_id", "forms"),
    [
        ("nda", ["National Data Administration", "National Bureau of Data", "NDA"]),
        ("liu-liehong", ["Liu Liehong", "LIU Liehong", "Liu Honglie", "刘烈宏"]),
        ("zheng-shanjie", ["Zheng Shanjie", "郑栅洁"]),
    ],
)
def test_every_form_of_an_entry_is_found_everywhere(
    corpus: Corpus, entry_id: str, forms: list[str]
) -> None:
    entry = corpus.glossary.get(entry_id)
    assert entry is not None
    indexed = _spans(corpus, entry_id)
    for form in forms:
        assert form in entry.forms
        hits = _independent_hits(corpus, form)
        assert hits, f"{form!r} should occur in the bundled texts"
        missing = [h for h in hits if h not in indexed]
        assert missing == [], f"{form!r} not indexed at {missing}"


def test_misspelt_liu_honglie_in_the_2025_meeting_points_to_liu_liehong(corpus: Corpus) -> None:
    doc = corpus.documents["national-data-work-meeting-2025"]
    at = doc.body.index("Liu Honglie")
    found = [o for o in corpus.occurrences.in_doc(doc.id) if o.start == at]
    assert [o.entry_id for o in found] == ["liu-liehong"]


def test_matching_is_case_insensitive_on_word_boundaries() -> None:
    matcher = TermMatcher.build([("NDA", "nda"), ("Liu Liehong", "liu")])
    text = "The nda and LIU LIEHONG; not Foundation, NDAs or agenda."
    assert [(text[s:e], i) for s, e, i in matcher.find(text)] == [
        ("nda", "nda"),
        ("LIU LIEHONG", "liu"),
    ]


def test_longest_form_wins_and_hanzi_match_inside_running_chinese() -> None:
    matcher = TermMatcher.build(
        [("Digital China", "dc"), ("Digital China Summit", "summit"), ("数字中国", "dc")]
    )
    text = "the 7th Digital China Summit; 建设数字中国的要求; Digital\nChina"
    assert [(text[s:e], i) for s, e, i in matcher.find(text)] == [
        ("Digital China Summit", "summit"),
        ("数字中国", "dc"),
        ("Digital\nChina", "dc"),
    ]


def test_occurrences_are_in_text_order_and_do_not_overlap(corpus: Corpus) -> None:
    for doc_id in corpus.documents:
        occ = corpus.occurrences.in_doc(doc_id)
        assert all(a.end <= b.start for a, b in itertools.pairwise(occ))
