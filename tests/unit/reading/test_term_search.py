"""The glossary side of search: any form of an entry names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.reading.search import Hit
from nda_reader.reading.term_search import (
    entries_named,
    entry_matches,
    passages_with,
    search_with_terms,
)
from tests.helpers.corpora import REPO


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(REPO)


@pytest.mark.parametrize(
    "query",
    [
        "国家数据局",
        "Guojia Shujuju",
        "guojiashujuju",
        "Guójiā Shùjùjú",
        "guo2jia1 shu4ju4ju2",
        "NDA",
        "nda",
        "National Bureau of Data",
        "national  data\nadministration",
    ],
)
def test_every_form_names_the_nda(corpus: Corpus, query: str) -> None:
    assert [e.id for e in entries_named(corpus.glossary, query)] == ["nda"]


@pytest.mark.parametrize("query", ["data", "Guojia", "National", "", "   "])
def test_part_of_a_form_names_no_entry(corpus: Corpus, query: str) -> None:
    assert entries_named(corpus.glossary, query) == []


def test_term_hits_come_first_and_text_hits_do_not_repeat_them(corpus: Corpus) -> None:
    found = search_with_terms(corpus, "国家数据局")
    nda = corpus.occurrences.of_entry("nda")
    assert [(h.doc_id, h.start) for h in found.terms[0].hits] == [(o.doc, o.start) for o in nda]
    assert found.text == []  # the texts are English: no 国家数据局 as such
    found = search_with_terms(corpus, "NDA")
    spans = {(h.doc_id, h.start, h.end) for h in found.terms[0].hits}
    assert not any((h.doc_id, h.start, h.end) in spans for h in found.text)


def test_the_text_search_is_passed_in(corpus: Corpus) -> None:
    calls: list[str] = []

    def backend(c: Corpus, query: str) -> list[Hit]:
        calls.append(query)
        return [Hit("x", 0, 1, "", "y", "")]

    found = search_with_terms(corpus, "NDA", text_search=backend)
    assert calls == ["NDA"] and [h.doc_id for h in found.text] == ["x"]


def test_the_browser_filter_matches_part_of_any_form(corpus: Corpus) -> None:
    nda = corpus.glossary.entries["nda"]
    for text in ("shuju", "Shùjùjú", "数据局", "bureau of", "nda", ""):
        assert entry_matches(nda, text), text
    assert not entry_matches(nda, "zzyzx")


def test_passages_with_a_term_in_any_form(corpus: Corpus) -> None:
    doc = corpus.documents["liu-liehong-pilot-zone-speech-2023"]
    blocks = passages_with(corpus.glossary, corpus.occurrences.in_doc(doc.id), [doc], "国家数据局")
    assert blocks[doc.id]
    for index in blocks[doc.id]:
        text = doc.block_text(doc.blocks[index])
        assert "National Bureau of Data" in text or "NDA" in text or "National Data" in text


def test_a_hanzi_typed_in_the_term_search_of_a_corpus_without_glossary(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    empty = load_corpus(tmp_path)
    found = search_with_terms(empty, "国家数据局")
    assert found.terms == [] and found.text == []


def test_a_reloaded_glossary_is_searched_as_it_is_now() -> None:
    """The keys of the last glossary searched are kept; a glossary whose entries changed
    (a save, a reload) is never answered from the old one's."""
    from nda_reader.corpus.glossary import Glossary, GlossaryEntry

    def glossary(*entries: GlossaryEntry) -> Glossary:
        return Glossary({e.id: e for e in entries})

    nda = GlossaryEntry("org-1", "org", "国家数据局", "Guójiā Shùjùjú", "NDA")
    before = glossary(nda)
    assert entries_named(before, "NDA") == [nda]
    renamed = GlossaryEntry("org-1", "org", "国家数据局", "Guójiā Shùjùjú", "National Data Admin")
    other = GlossaryEntry("org-2", "org", "数据局", "Shùjùjú", "NDA")
    after = glossary(other, renamed)
    assert entries_named(after, "NDA") == [other]
    assert entries_named(after, "national data admin") == [renamed]
    both = glossary(other, nda)
    assert entries_named(both, "nda") == [other, nda]  # glossary order
    assert entries_named(before, "NDA") == [nda]
