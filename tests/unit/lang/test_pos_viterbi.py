"""Our Viterbi of jieba's part-of-speech model gives jieba's own answer, ties included, so
pinyin drafts come out as they did before it (only faster)."""

from __future__ import annotations

from functools import cache
from typing import Any

import jieba.posseg as posseg
from hypothesis import given, settings
from hypothesis import strategies as st
from jieba.posseg.viterbi import viterbi as jieba_viterbi

from nda_reader.lang.pos_viterbi import predecessors, viterbi
from nda_reader.lang.segment import _tokenizer

TABLES = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
INTO = predecessors(posseg.trans_P)

# Characters the model knows well, rarely, or not at all (these may be in any state).
_POOL = (
    "数据要素流通国家局委员会部门交易场所新型基础设施建设的了是和与及第十三五"
    "栅洁曾单解仇区朴查龘齉𠮷㐀丽〇"
)


def test_unknown_words_of_policy_texts_get_jiebas_states() -> None:
    texts = ["数据要素流通", "东数西算工程", "郑栅洁主任", "龘齉𠮷", "〇", "国家数据局局长刘烈宏"]
    for text in texts:
        assert viterbi(text, *TABLES, INTO) == jieba_viterbi(text, *TABLES)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_POOL), min_size=1, max_size=14))
def test_any_run_of_hanzi_gets_jiebas_states(text: str) -> None:
    assert viterbi(text, *TABLES, INTO) == jieba_viterbi(text, *TABLES)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=10))
def test_any_chinese_is_tagged_as_by_jieba(text: str) -> None:
    ours, theirs = _taggers()
    assert [(p.word, p.flag) for p in ours.cut(text)] == [
        (p.word, p.flag) for p in theirs.cut(text)
    ]


@cache
def _taggers() -> tuple[Any, Any]:
    """Ours, and jieba's own over the same dictionary (made once: it reads a file)."""
    ours = _tokenizer()
    return ours, posseg.POSTokenizer(ours.tokenizer)
