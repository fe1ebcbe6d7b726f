"""Telling traditional characters from simplified, and converting in place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nda_reader.corpus.loader import load_corpus
from nda_reader.lang.script import looks_traditional, to_simplified, to_traditional
from tests.helpers.bilingual import TRADITIONAL, bilingual_corpus
from tests.helpers.corpora import MakeCorpus


def test_a_traditional_text_is_told_from_a_simplified_one() -> None:
    assert looks_traditional("國家數據局今日發布公共數據開放新規")
    assert not looks_traditional("国家数据局今日发布公共数据开放新规")
    assert not looks_traditional("The National Data Administration (国家数据局) said so.")
    assert not looks_traditional("")


def test_conversion_keeps_every_character_in_its_place() -> None:
    assert to_simplified("國家數據局") == "国家数据局"
    assert to_traditional("国家数据局") == "國家數據局"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="國家數據局发表的數據要素市場化配置說明，abc 12", max_size=40))
def test_conversion_never_changes_the_length(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


def test_a_traditional_text_finds_glossary_entries_written_in_simplified(
    make_corpus: MakeCorpus,
) -> None:
    corpus = load_corpus(bilingual_corpus(make_corpus))
    body = corpus.documents[TRADITIONAL].body
    found = [(body[o.start : o.end], o.entry_id) for o in corpus.occurrences.in_doc(TRADITIONAL)]
    assert ("國家數據局", "nda") in found
    assert ("公共數據", "public-data") in found and ("數據要素", "data-factors") in found
