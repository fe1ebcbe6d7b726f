"""Which glossary forms occur in the texts (aliases never used, hanzi_source claims): the
search stops once every form is found, lowers the texts a piece at a time and looks for
hanzi in the runs of other characters than ASCII; the answer is a plain search's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus import check
from nda_reader.corpus.term_index import form_key
from tests.helpers.properties import bounded

# Our own pieces of text and forms: words, spaces and line breaks, a curly apostrophe,
# capitals (a sigma too), hanzi, a question mark.
_PIECES = ["data", "Data", " ", "\n", "’s", "'s", "ΑΣ", "ας", "数据", "局", "?", "é", "NDA"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_FORMS = ["data", "data's", "nda", "ας", "data nda", "数据局", "数据", "é"]
_KEYS = st.sets(st.sampled_from(_FORMS))


@given(_TEXT, _KEYS)
@bounded(300)
def test_the_forms_found_are_those_a_plain_search_finds(text: str, keys: set[str]) -> None:
    folded = form_key(text)
    lowered = text.replace("\u2019", "'").lower()
    plain = {k for k in keys if (k in folded if " " in k else k in lowered)}
    assert check._found_folded(keys, text) == plain
    assert check._found_exact(keys, text) == {k for k in keys if k in text}


def test_a_long_text_is_lowered_in_pieces_that_end_at_line_breaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(check, "CHUNK", 10)
    text = "The NDA said\nthat DATA\nmatters\n" * 5 + "last: Nda"
    pieces = list(check._lowered(text))
    assert len(pieces) > 3 and all(p.endswith("\n") for p in pieces[:-1])
    assert "".join(pieces) == text.lower()
    assert check._found_folded({"nda", "data", "missing"}, text) == {"nda", "data"}
