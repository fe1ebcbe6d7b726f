"""Whether a passage starts at a place is told from its line and the one before, as
splitting the whole text into passages would tell it (``check``'s speaker turns)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.document import split_blocks, starts_passage
from tests.helpers.properties import bounded

_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                " ",
                "# Title",
                "## ",
                "#no",
                "- item",
                "  * sub",
                "1. one",
                "(2) two",
                "一、首先",
                "（三）其次",
                "Zhao Ming:",
                "  indented",
                "\t",
            ]
        ),
        st.text(st.sampled_from("a #-1.\t 、一（）\r\u2028\x0c"), max_size=6),
    ),
    max_size=8,
)


@bounded(400)
@given(_LINES, st.booleans())
def test_a_passage_starts_where_splitting_the_text_says_one_does(
    lines: list[str], final_break: bool
) -> None:
    body = "\n".join(lines) + ("\n" if final_break else "")
    starts = {b.start for b in split_blocks(body)}
    told = 0
    for at in range(len(body) + 1):
        answer = starts_passage(body, at)
        if answer is not None:
            told += 1
            assert answer == (at in starts), at
    if not any(c in body for c in "\r\u2028\x0c"):
        assert told == len(body) + 1  # without other line breaks it always tells
