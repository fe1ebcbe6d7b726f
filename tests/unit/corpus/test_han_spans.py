"""The terms that hold hanzi, found in a text's runs of hanzi alone (what ``check`` without
the corpus index looks for in English texts): the same as those of a search of it all."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.check_terms import uncovered_in
from nda_reader.corpus.term_index import TermMatcher
from nda_reader.lang.hanzi import has_han
from tests.helpers.properties import bounded

# Our own pieces of text: English words, hanzi, a traditional form, addresses, spaces.
_TEXT = st.lists(
    st.sampled_from(
        ["the ", "data ", "Data", "数据", "数", "据局", "国家", "國家數據局", "局", "NDA", " ",
         "\n", "https://x.org/数据", "www.", "（", "）", "?", "é", "Beijing", "北京"]
    ),
    max_size=30,
).map("".join)  # fmt: skip
_HANZI_FORMS = st.lists(st.sampled_from(["数据", "国家数据局", "数据局", "北京", "局", "国家"]))
_LATIN_FORMS = st.lists(st.sampled_from(["data", "NDA", "the data", "Beijing", "national data"]))


def _matcher(hanzi: list[str], latin: list[str]) -> TermMatcher:
    forms = [*hanzi, *latin]
    return TermMatcher.build((form, f"e{i}") for i, form in enumerate(forms))


@given(_TEXT, _HANZI_FORMS, _LATIN_FORMS)
@bounded(300)
def test_the_terms_found_in_runs_of_hanzi_are_those_with_hanzi_of_the_whole_text(
    text: str, hanzi: list[str], latin: list[str]
) -> None:
    matcher = _matcher(hanzi, latin)
    whole = [(s, e) for s, e, _ in matcher.find_in(text) if has_han(text[s:e])]
    assert matcher.han_spans(text) == whole
    # And so the Chinese no term covers is the same.
    everything = [(s, e) for s, e, _ in matcher.find_in(text)]
    assert uncovered_in(text, whole) == uncovered_in(text, everything)


def test_a_form_mixing_hanzi_with_other_characters_asks_for_the_whole_text() -> None:
    assert _matcher(["数据"], ["5G网络"]).han_spans("5G网络 and 数据") is None
    assert _matcher(["《数据二十条》"], []).han_spans("《数据二十条》") is None
    assert _matcher([], ["data"]).han_spans("data 数据") == []
