"""Nothing from a file reaches the terminal as a control sequence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.document import load_document
from nda_reader.formats.problems import ProblemList
from nda_reader.lang.terminal_text import (
    _KEEP_LINES,
    display_text,
    find_control,
    join_lines,
    one_line,
    visible_controls,
)
from nda_reader.reading.search import make_hit
from tests.helpers.properties import bounded


def test_display_text_keeps_length_and_shows_each_control() -> None:
    raw = "a\x1b[31mb\x07\x9b\u202ec\td"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert shown == "a␛[31mb␇��c d"
    assert find_control(shown) is None


def test_visible_controls_keeps_line_breaks() -> None:
    assert visible_controls("x\x1by\nz") == "x␛y\nz"
    assert find_control("x\ny\tz") is None


def test_search_snippets_never_carry_escape_sequences() -> None:
    body = "before \x1b]0;pwned\x07 the data market after"
    start = body.index("data")
    hit = make_hit("d", body, start, start + 4, context=20)
    assert "\x1b" not in hit.before + hit.match + hit.after
    assert "␛]0;pwned␇" in hit.before


def test_title_of_a_plain_file_is_shown_harmlessly(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_text("Hello \x1b[31mred\x1b[0m text\n\nbody\n", encoding="utf-8")
    doc = load_document(path, ProblemList(), require_front_matter=False)
    assert doc is not None and doc.title == "Hello ␛[31mred␛[0m text"


def test_joining_lines_puts_one_space_between_words_and_none_between_hanzi() -> None:
    assert join_lines("data\nfactors") == "data factors"
    assert join_lines("data\r\nfactors") == "data factors"  # CRLF is one line break
    assert join_lines("数据\n要素") == "数据要素"
    assert join_lines("数据。\r\n要素") == "数据。要素"
    assert join_lines("NDA\n国家数据局") == "NDA 国家数据局"
    assert join_lines("two  spaces stay") == "two  spaces stay"


def test_one_line_never_spaces_out_chinese_joined_across_a_line_break() -> None:
    assert one_line("国家\n数据局  said\r\nso") == "国家数据局 said so"


@bounded(300)
@given(st.text(st.sampled_from("ab \n\t\r数。?\x00\x1b\x7f\x85\x9f\u202e\u200f\u2066é")))
def test_the_first_control_character_is_found_however_the_text_is_searched(text: str) -> None:
    first = next((c for c in text if ord(c) in _KEEP_LINES), None)
    assert find_control(text) == first


@pytest.mark.parametrize("at", [0, 100, 255, 256, 257, 400, 599])
def test_a_control_character_is_found_among_many_runs_of_chinese(at: int) -> None:
    words = ["数据"] * 600
    words[at] = "数\u202e据"
    assert find_control(" ".join(words)) == "\u202e"
    assert find_control(" ".join(["数据"] * 600)) is None
