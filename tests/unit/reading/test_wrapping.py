"""Wrapping by terminal cells and the display-line layout the reader draws."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from nda_reader.corpus.document import Document
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import TurnSpan
from nda_reader.corpus.speakers import Speaker
from nda_reader.lang.terminal_text import display_text
from nda_reader.reading.line_breaking import NO_LINE_END, NO_LINE_START, wrap
from nda_reader.reading.shown_text import shown_line
from nda_reader.reading.wrapping import LineKind, layout_document, offset_at_cell
from tests.helpers.corpora import REPO


def _doc(body: str, doc_id: str = "d", **kw: object) -> Document:
    return Document(id=doc_id, title="T", path=Path(f"{doc_id}.md"), body=body, **kw)  # type: ignore[arg-type]


def test_wrap_breaks_at_spaces_and_fits_the_width() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    spans = wrap(text, 10)
    shown = [text[s:e] for s, e in spans]
    assert shown == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
    assert all(cell_len(s) <= 10 for s in shown)


def test_wrap_counts_cjk_as_two_cells_and_breaks_between_them() -> None:
    text = "国家数据局局长刘烈宏"
    spans = wrap(text, 7)
    shown = [text[s:e] for s, e in spans]
    assert shown == ["国家数", "据局局", "长刘烈", "宏"]
    assert all(cell_len(s) <= 7 for s in shown)


def test_wrap_splits_words_longer_than_a_line() -> None:
    spans = wrap("abcdefghij xy", 4)
    assert spans == [(0, 4), (4, 8), (8, 10), (11, 13)]


def test_wrap_mixed_text_never_exceeds_width() -> None:
    text = "Liu Liehong (刘烈宏), administrator of the 国家数据局, said: 数据要素× works."
    for width in range(1, 30):
        for s, e in wrap(text, width):
            assert cell_len(text[s:e]) <= width or e - s == 1


def test_display_text_keeps_length_and_removes_escapes() -> None:
    raw = "a\x1b[31mred\x07\x9b\u202eb\tc\nd"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert shown.startswith("a␛[31mred␇")
    assert "\u202e" not in shown
    assert shown.endswith("b c d")


def test_layout_keeps_body_offsets_for_every_line() -> None:
    body = (
        "# Title\n\nFirst paragraph is long enough to wrap twice here.\n\n"
        "- item one\n  - nested item\n"
    )
    doc = _doc(body)
    layout = layout_document([doc], {}, 20)
    text_lines = [ln for ln in layout.lines if ln.kind is LineKind.TEXT]
    assert text_lines[0].heading == 1 and body[text_lines[0].start : text_lines[0].end] == "Title"
    for line in text_lines:
        assert cell_len(line.prefix) + cell_len(body[line.start : line.end]) <= 20
    items = [ln for ln in text_lines if ln.prefix.strip()]
    assert items[0].prefix == "• " and items[1].prefix == "  • "
    y = layout.line_at("d", body.index("twice"))
    assert y is not None and "twice" in body[layout.lines[y].start : layout.lines[y].end]


def test_parts_are_separated_and_speaker_filter_hides_other_turns() -> None:
    corpus = load_corpus(REPO)
    p1 = corpus.documents["scio-nda-briefing-2024-p1"]
    parts = corpus.parts_of(p1)
    turns = {d.id: corpus.turns(d.id) for d in parts}
    layout = layout_document(parts, turns, 60)
    captions = [ln.caption for ln in layout.lines if ln.kind is LineKind.SEPARATOR]
    assert captions == ["— page 2 —"]
    assert layout.line_at("scio-nda-briefing-2024-p2", 0) is not None
    liu = "liu-liehong"
    only = layout_document(parts, turns, 60, only_speaker=liu)
    shown = [ln for ln in only.lines if ln.kind is LineKind.TEXT]
    assert shown and all(only.turn_speaker(ln.turn) == liu for ln in shown)
    assert any(ln.kind is LineKind.HIDDEN for ln in only.lines)
    assert len(shown) < len([ln for ln in layout.lines if ln.kind is LineKind.TEXT])


def test_turn_bar_spans_label_and_paragraphs() -> None:
    body = "Intro.\n\nAlice:\n\nHello there.\n\nMore words.\n"
    doc = _doc(body)
    alice = Speaker(id="alice", name="Alice")
    start = body.index("Alice:")
    span = TurnSpan("d", alice, start, start + 6, len(body))
    layout = layout_document([doc], {"d": [span]}, 40)
    lines = layout.lines
    assert lines[0].turn == -1
    label = next(ln for ln in lines if ln.label)
    assert body[label.start : label.end] == "Alice:"
    after_label = lines[lines.index(label) :]
    assert all(ln.turn == 0 for ln in after_label)
    assert layout.speaker_slots == {"alice": 1}


def test_offset_at_cell_with_wide_characters() -> None:
    body = "ab国家cd"
    assert offset_at_cell(body, 0, len(body), 0) == 0
    assert offset_at_cell(body, 0, len(body), 2) == 2
    assert offset_at_cell(body, 0, len(body), 3) == 2
    assert offset_at_cell(body, 0, len(body), 4) == 3
    assert offset_at_cell(body, 0, len(body), 6) == 4
    assert offset_at_cell(body, 0, len(body), 99) == 5
    assert offset_at_cell(body, 0, len(body), 99, past_end=len(body)) == 6


# ----------------------------------------------------------- text as published
CJK_TEXT = "国家数据局局长说：“数据要素”很重要。会议（第一次）指出，要推进工作！"
"""Our own sentence, dense with CJK punctuation."""


def test_no_line_starts_with_closing_or_ends_with_opening_cjk_punctuation() -> None:
    for width in range(4, 40):
        shown = [CJK_TEXT[s:e] for s, e in wrap(CJK_TEXT, width)]
        assert "".join(shown) == CJK_TEXT
        assert all(cell_len(line) <= width for line in shown), (width, shown)
        assert not any(line[0] in NO_LINE_START for line in shown[1:]), (width, shown)
        assert not any(line[-1] in NO_LINE_END for line in shown[:-1]), (width, shown)


_CLAUSE = st.tuples(
    st.sampled_from(["", "（", "「", "“"]),
    st.text(alphabet="数据要素市场", min_size=1, max_size=6),
    st.sampled_from(["", "）", "」", "”"]),
    st.sampled_from(["。", "，", "、", "：", "！", "？"]),
)
"""A clause as Chinese is written: hanzi, maybe in brackets or quotes, then punctuation."""


@settings(max_examples=150, deadline=None)
@given(clauses=st.lists(_CLAUSE, min_size=1, max_size=12), width=st.integers(8, 30))
def test_cjk_line_breaking_holds_for_any_chinese_text(
    clauses: list[tuple[str, str, str, str]], width: int
) -> None:
    # From 8 cells on, the longest unit that may not be broken ("（数）。") fits a line.
    text = "".join("".join(clause) for clause in clauses)
    lines = [text[s:e] for s, e in wrap(text, width)]
    assert "".join(lines) == text
    assert all(cell_len(line) <= width for line in lines)
    assert not any(line[0] in NO_LINE_START for line in lines[1:]), lines
    assert not any(line[-1] in NO_LINE_END for line in lines[:-1]), lines


def test_lines_of_a_passage_are_joined_with_one_space_or_none_between_hanzi() -> None:
    body = "Data factors\r\nare raw material.\n\n数据要素\n是新型生产要素。\n"
    doc = _doc(body)
    layout = layout_document([doc], {}, 60)
    shown = [
        shown_line(body, ln.start, ln.end).text for ln in layout.lines if ln.kind is LineKind.TEXT
    ]
    assert shown == ["Data factors are raw material.", "数据要素是新型生产要素。"]


def test_a_click_on_a_joined_line_finds_the_character_shown_there() -> None:
    body = "ab\r\ncd 数据\n要素"
    line = shown_line(body, 0, len(body))
    assert line.text == "ab cd 数据要素"
    assert body[line.offset_at_cell(3)] == "c"  # after "ab " (the CRLF shown as one space)
    assert body[line.offset_at_cell(10)] == "要"  # 数 and 据 take two cells each
    assert line.index(body.index("要")) == line.text.index("要")


def test_numbered_items_show_their_numbers() -> None:
    body = "1. At the invitation of the host\n2. Second\n\n（一）总体要求\n- a bullet\n"
    layout = layout_document([_doc(body)], {}, 40)
    prefixes = [ln.prefix for ln in layout.lines if ln.kind is LineKind.TEXT and ln.first]
    assert prefixes == ["1. ", "2. ", "（一）", "• "]
