"""Moving word by word: glossary terms whole, Chinese by the dictionary, Latin words."""

from __future__ import annotations

from nda_reader.corpus.term_index import Occurrence
from nda_reader.reading.words import word_after, word_before

WORDS = {"这个", "办法", "数据", "数据局", "国家"}


def longest(text: str, start: int) -> int | None:
    """A dictionary of our own: the longest of WORDS at ``start``."""
    ends = [start + len(w) for w in WORDS if text.startswith(w, start)]
    return max(ends) if ends else None


BODY = "这个办法行。国家数据局 said: data rules."
TERMS = [Occurrence("d", BODY.index("国家"), BODY.index("国家") + 5, "nda")]


def _walk(step: int) -> list[str]:
    out, pos = [], 0 if step > 0 else len(BODY)
    while True:
        found = (word_after if step > 0 else word_before)(BODY, pos, TERMS, longest)
        if found is None:
            return out
        start, end, _ = found
        out.append(BODY[start:end])
        pos = end if step > 0 else start


def test_words_forward_and_back_are_the_same() -> None:
    forward = ["这个", "办法", "行", "国家数据局", "said", "data", "rules"]
    assert _walk(1) == forward
    assert _walk(-1) == forward[::-1]


def test_a_glossary_term_is_one_word_and_says_so() -> None:
    start, end, term = word_after(BODY, BODY.index("国"), TERMS, longest) or (0, 0, None)
    assert BODY[start:end] == "国家数据局" and term is TERMS[0]
    # from inside the term, the word before is the term itself
    found = word_before(BODY, BODY.index("局"), TERMS, longest)
    assert found is not None and found[2] is TERMS[0]


def test_without_a_dictionary_a_chinese_word_is_a_character() -> None:
    found = word_after("这个办法", 0, [], lambda text, i: None)
    assert found == (0, 1, None)
