"""CC-CEDICT, compiled once into the cache: every reading kept, any way of typing a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.dictionary import index
from nda_reader.dictionary.cedict import parse
from nda_reader.dictionary.lookup import Dictionary, reading
from nda_reader.lang.tones import marked, numbered_key, toneless_key


def test_every_reading_of_xing_survives(dictionary: Dictionary) -> None:
    readings = {reading(e) for e in dictionary.entries("行")}
    assert {"xíng", "háng"} <= readings
    walk = next(e for e in dictionary.entries("行") if reading(e) == "xíng")
    assert "to walk" in walk.senses


@pytest.mark.parametrize("query", ["shuju", "shu4ju4", "shùjù", "Shù Jù", "data", "數據"])
def test_shuju_finds_shuju(dictionary: Dictionary, query: str) -> None:
    found = dictionary.search(query)
    assert found and found[0].simplified == "数据", [e.simplified for e in found[:5]]


def test_tones_narrow_the_search(dictionary: Dictionary) -> None:
    toneless = {e.simplified for e in dictionary.search("shuju")}
    assert {"数据", "书局"} <= toneless
    assert "书局" not in {e.simplified for e in dictionary.search("shu4ju4")}


def test_the_longest_word_at_a_place_with_both_scripts(dictionary: Dictionary) -> None:
    text = "會議強調，國家數據局的組建"
    word = dictionary.longest_at(text, text.index("國家"))
    assert word is not None and text[word.start : word.end] == "國家"
    assert word.entries[0].simplified == "国家" and word.entries[0].traditional == "國家"
    assert dictionary.longest_at(text, text.index("，")) is None
    # A phrase the dictionary lacks is given as the words it is made of.
    assert [e.simplified for e in dictionary.search("國家數據局")][:2] == ["国家", "数据"]


def test_english_finds_the_verb_and_ranks_exact_senses_first(dictionary: Dictionary) -> None:
    found = [e.simplified for e in dictionary.search("look around")]
    assert "张望" in found and "环顾" in found


def test_the_index_is_compiled_once_and_rebuilt_when_unusable(tmp_path: Path) -> None:
    text = (
        "# a tiny CC-CEDICT of our own\n#! date=2099-01-01T00:00:00Z\n"
        "行 行 [hang2] /row/line/\n行 行 [xing2] /to walk/to go/\n"
        "數據 数据 [shu4 ju4] /data/numbers/\n"
    )
    assert [e.pinyin for e in parse(text)] == ["hang2", "xing2", "shu4 ju4"]
    path = index.index_path(tmp_path, "2099-01-01T00:00:00Z")
    path.write_bytes(index.build(text))
    tiny = Dictionary(path)
    assert [reading(e) for e in tiny.entries("行")] == ["háng", "xíng"]
    assert index.ensure(tmp_path) == path  # usable: not rebuilt
    tiny.close()


def test_pinyin_keys() -> None:
    assert marked("lu:4 se4") == "lǜ sè" and marked("Zhong1 guo2") == "Zhōng guó"
    assert numbered_key("lǜsè") == numbered_key("lu:4 se4") == "lv4se4"
    assert toneless_key("Guójiā Shùjùjú") == "guojiashujuju"


def test_a_reading_is_suggested_word_by_word(dictionary: Dictionary) -> None:
    # For check's report of Chinese text no glossary entry covers.
    assert dictionary.suggest_reading("数据要素") == "shùjù yàosù"
    assert dictionary.suggest_reading("國家數據") == "guójiā shùjù"


def test_headwords_kept_in_memory_give_the_same_words(dictionary: Dictionary) -> None:
    texts = [
        *("会议强调，国家数据局的组建", "數據要素市場化配置改革", "数据要素x", "，。", "行"),
        *("中华人民共和国国务院新闻办公室的数据要素市场", "数据A要素b市场 改革", ""),
    ]
    kept = Dictionary(dictionary.path)  # the session's dictionary keeps querying
    kept.keep_headwords()
    for text in texts:
        assert kept.words(text) == dictionary.words(text)
        assert kept.suggest_reading(text) == dictionary.suggest_reading(text)
    assert kept.suggest_reading("数据要素") == "shùjù yàosù"
    kept.close()
