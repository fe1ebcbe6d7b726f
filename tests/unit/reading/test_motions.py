"""Selection motions: characters, words (CJK one by one), sentences, passages."""

from __future__ import annotations

from nda_reader.reading.motions import (
    Selection,
    char_step,
    paragraph_backward,
    paragraph_forward,
    sentence_backward,
    sentence_forward,
    sentence_spans,
    trimmed,
    word_at,
    word_backward,
    word_forward,
)

BODY = "China's data market grew. Did it? Yes!\n\nThe 数据要素 plan (“data factor x”).\n\nEnd"
BLOCKS = [(0, 38), (40, 72), (74, 77)]


def test_blocks_fixture_matches_the_body() -> None:
    assert BODY[0:38].endswith("Yes!")
    assert BODY[40:72] == "The 数据要素 plan (“data factor x”)."
    assert BODY[74:77] == "End"


def test_selection_orders_anchor_and_head_and_clamps() -> None:
    sel = Selection("d", 10, 4)
    assert (sel.start, sel.end, sel.empty) == (4, 10, False)
    assert sel.moved(-5, len(BODY)).head == 0
    assert sel.moved(999, len(BODY)).head == len(BODY)
    assert Selection("d", 0, 7).text(BODY) == "China's"


def test_characters() -> None:
    assert char_step(BODY, 0, -1) == 0
    assert char_step(BODY, 3, 2) == 5
    assert char_step(BODY, len(BODY), 1) == len(BODY)


def test_words_keep_apostrophes_and_split_hanzi() -> None:
    assert word_forward(BODY, 0) == 7  # China's
    assert word_forward(BODY, 7) == 12  # data
    assert word_backward(BODY, 12) == 8
    assert word_backward(BODY, 10) == 8  # inside a word: its start
    cjk = BODY.index("数")
    assert word_forward(BODY, cjk) == cjk + 1
    assert word_forward(BODY, cjk - 1) == cjk + 1  # skips the space, one character
    assert word_backward(BODY, cjk + 2) == cjk + 1
    assert word_at(BODY, 8) == (8, 12)
    assert word_at(BODY, 7) == (8, 12)  # between words: the next one
    assert word_backward(BODY, 0) == 0
    assert word_forward(BODY, len(BODY)) == len(BODY)


def test_sentences_end_at_terminators_and_passages() -> None:
    spans = sentence_spans(BODY, BLOCKS)
    texts = [BODY[s:e] for s, e in spans]
    assert texts == [
        "China's data market grew.",
        "Did it?",
        "Yes!",
        "The 数据要素 plan (“data factor x”).",
        "End",
    ]
    assert sentence_forward(BODY, BLOCKS, 0) == BODY.index(".") + 1
    assert sentence_forward(BODY, BLOCKS, BODY.index(".") + 1) == BODY.index("?") + 1
    assert sentence_backward(BODY, BLOCKS, BODY.index("?")) == BODY.index("Did")
    assert sentence_forward(BODY, BLOCKS, 38) == 72  # the next passage's sentence


def test_chinese_sentences() -> None:
    body = "数据要素。加快发展！好"
    assert [body[s:e] for s, e in sentence_spans(body, [(0, len(body))])] == [
        "数据要素。",
        "加快发展！",
        "好",
    ]


def test_paragraphs() -> None:
    assert paragraph_forward(BLOCKS, 0, len(BODY)) == 38
    assert paragraph_forward(BLOCKS, 38, len(BODY)) == 72
    assert paragraph_backward(BLOCKS, 50) == 40
    assert paragraph_backward(BLOCKS, 40) == 0
    assert paragraph_forward(BLOCKS, 77, len(BODY)) == len(BODY)


def test_trim() -> None:
    assert trimmed(" ab \n", 0, 5) == (1, 3)
