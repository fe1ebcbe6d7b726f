"""One hanzi predicate for the whole reader: every CJK block, the same answer everywhere."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nda_reader.corpus.loader import load_corpus
from nda_reader.lang.hanzi import all_han, has_han, is_chinese_text, is_han
from nda_reader.lang.pinyin import check_pinyin
from tests.helpers.corpora import MakeCorpus, text_file


@pytest.mark.parametrize(
    "char",
    ["数", "㐀", "䶿", "丽", "𠮷", "𪜀", "𰀀", "〇"],
    ids=["basic", "ext-a-first", "ext-a-last", "compat", "ext-b", "ext-c", "ext-g", "zero"],
)
def test_every_cjk_block_is_han(char: str) -> None:
    assert is_han(char)
    assert has_han(f"x{char}x")
    assert all_han(char * 3)


@pytest.mark.parametrize("char", ["a", "ア", "한", "。", "，", "×", "⺀", " "])
def test_other_scripts_and_punctuation_are_not_han(char: str) -> None:
    assert not is_han(char)


def test_a_selection_is_chinese_text_when_it_has_hanzi_and_no_latin_letters() -> None:
    assert is_chinese_text("数据要素×")
    assert is_chinese_text("𠮷野家")
    assert not is_chinese_text("data 数据")
    assert not is_chinese_text("data")
    assert not all_han("")


def test_the_loader_accepts_an_entry_written_in_extension_b(make_corpus: MakeCorpus) -> None:
    root: Path = make_corpus(
        {
            "texts/a.md": text_file("a", "The 𠮷野家 chain.\n"),
            "annotations/glossary.yaml": """
                layer: glossary
                version: 1
                entries:
                  - id: yoshinoya
                    kind: organisation
                    hanzi: 𠮷野家
                    pinyin: Jíyějiā
                    english: Yoshinoya
                    hanzi_source: text
                """,
        }
    )
    corpus = load_corpus(root)
    assert [p.message for p in corpus.problems] == []
    assert "yoshinoya" in corpus.glossary.entries


def test_pinyin_counts_an_extension_b_character_as_a_hanzi() -> None:
    problem = check_pinyin("𠮷", "jí") or ""
    assert "hanzi but" not in problem


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ?〇一二𠮷\u3400\u9fff\ua000。,é\ud800"), max_size=30))
def test_hanzi_runs_are_the_runs_of_characters_is_han_accepts(text: str) -> None:
    from nda_reader.lang.hanzi import han_runs

    runs, start = [], None
    for i, ch in enumerate([*text, "x"]):
        if i < len(text) and is_han(ch):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    assert list(han_runs(text)) == runs


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ?é一𠮷。\ud800\n"), max_size=30))
def test_the_runs_outside_ascii_hold_every_other_character_and_no_letter(text: str) -> None:
    from nda_reader.lang.hanzi import non_ascii_runs

    runs = list(non_ascii_runs(text))
    inside = {i for start, end in runs for i in range(start, end)}
    assert {i for i, ch in enumerate(text) if not ch.isascii()} <= inside
    assert all(not text[i].isascii() or text[i] == "?" for i in inside)
    assert all(a[1] < b[0] for a, b in pairwise(runs))
