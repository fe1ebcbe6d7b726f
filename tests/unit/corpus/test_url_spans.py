"""Web addresses in a text, where no glossary term is matched: found line by line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.term_index import TermMatcher, _url, url_spans
from tests.helpers.properties import bounded

_PIECES = st.sampled_from(
    ["http", "HTTPS", "://", "www.", "WwW.", "ftp", "1", "-", ".", "+", "a", "Z", " ", "\n",
     "\t", '"', "<", ">", "/", ":", "w", "数据", "tc609", "nda", "x://", "\u2028"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=40).map("".join))
@bounded(300)
def test_the_addresses_found_line_by_line_are_those_of_a_whole_text_search(text: str) -> None:
    assert url_spans(text) == [m.span() for m in _url().finditer(text)]


def test_addresses_on_several_lines_are_all_found_and_terms_inside_them_are_not() -> None:
    text = (
        "The NDA met.\nSource: https://www.example.org/nda/page and www.nda.example\n"
        "No address here, NDA.\nWWW.NDA.EXAMPLE/x closes."
    )
    spans = url_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "https://www.example.org/nda/page",
        "www.nda.example",
        "WWW.NDA.EXAMPLE/x",
    ]
    matcher = TermMatcher.build([("NDA", "nda")])
    assert [text[a:b] for a, b, _ in matcher.find(text)] == ["NDA", "NDA"]
    assert [a for a, _, _ in matcher.find(text)] == [4, text.index("NDA.\nWWW")]


def test_a_text_without_addresses_has_none() -> None:
    assert url_spans("国家数据局 and the National Data Administration\n" * 50) == []
