"""Terms are matched in a text's lower case, as ``re.IGNORECASE`` over the text found them.

One difference is known and wanted: ``re.IGNORECASE`` also takes ς for σ, so a form with σ
matched a final ς, which is no form; that match was dropped and hid any term it overlapped
(a form "σa" over "ςa" hid the form "a"). The alphabet below has no form with σ beside a
Latin letter."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from nda_reader.corpus.term_index import TermMatcher, _compile, form_key, url_spans
from tests.helpers.properties import bounded

_PIECES = ["Data", "DATA", "data", "Market", "market", "NDA", "nda", "As", "a", "s", " ",
           "\n", "  ", "\u2019", "'", "-", "数据", "市场", "國", "1", "Ü", "ü", "Σ", "ς", "é",
           "É"]  # fmt: skip
_FORMS = ["data", "Data Market", "NDA", "a", "nda's", "数据", "数据市场", "data 1", "Ü", "σ", "É"]


def _case_insensitive_find(forms: list[tuple[str, str]], text: str) -> list[tuple[int, int, str]]:
    """The matcher before lower-casing: each expression compiled ``re.IGNORECASE`` and run
    over the text itself, the matches merged as :meth:`TermMatcher.find` merges them."""
    owner = TermMatcher.build(forms).owner
    found = []
    for pattern in _compile(owner, re.IGNORECASE):
        for m in pattern.finditer(text):
            key = form_key(m.group())
            if m.end() > m.start() and key in owner:  # ς matched σ, and was not a key
                found.append((m.start(), m.end(), owner[key]))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    urls = url_spans(text)
    out: list[tuple[int, int, str]] = []
    for item in found:
        if any(s < item[1] and item[0] < e for s, e in urls):
            continue
        if not out or item[0] >= out[-1][1]:
            out.append(item)
    return out


@given(
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
    st.lists(st.sampled_from(_FORMS), min_size=1, max_size=6, unique=True),
)
@example("aΣ", ["σ"])  # a final capital sigma lowers to ς, which σ does not match
@example("İstanbul data", ["data"])  # İ lowers to two characters
@bounded(300)
def test_lower_case_matching_finds_what_case_insensitive_matching_found(
    text: str, forms: list[str]
) -> None:
    pairs = [(form, f"e{i}") for i, form in enumerate(forms)]
    assert TermMatcher.build(pairs).find(text) == _case_insensitive_find(pairs, text)


def test_a_text_whose_lower_case_is_longer_keeps_its_places() -> None:
    """A capital İ lowers to two characters: such a text is matched case-insensitive as it
    is, and every term found keeps its place."""
    text = "İstanbul hosted the NDA; the nda met in İzmir on Data Market day."
    matcher = TermMatcher.build([("NDA", "nda"), ("data market", "dm"), ("İzmir", "izmir")])
    found = [(text[s:e], entry) for s, e, entry in matcher.find(text)]
    assert found == [("NDA", "nda"), ("nda", "nda"), ("Data Market", "dm")]
    assert matcher.find(text.replace("İ", "I"))[-1][:2] == (text.index("Data"), text.index(" day"))
