"""Bilingual test texts of our own writing: an English briefing and our Chinese rendering
of it, a transcript of alternating Chinese and English paragraphs, and a text in
traditional characters. None is copied from anywhere; the people are invented."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.corpora import MakeCorpus, text_file

BRIEFING = "data-briefing"
BRIEFING_ZH = "data-briefing.zh"
ALTERNATING = "bilingual-presser"
TRADITIONAL = "hk-repost"
ZH_NOTE = "zh-note"

_BRIEFING = """
# Briefing on public data

Wang Lan:

Good afternoon. The National Data Administration opened 120 public data sets in 2024.

Reporter:

How many firms used them?

Wang Lan:

About 3,000 firms used public data in the first six months. We will publish a list of them in June.

Data factors are now traded in 12 cities, from Beijing to Shenzhen.
"""

# Our own rendering: the second answer is two paragraphs (a 1-2 pair) and the last English
# paragraph has no Chinese (a 1-0 pair).
_BRIEFING_ZH = """
# 公共数据情况介绍

王兰：

下午好。国家数据局2024年开放了120个公共数据集。

记者：

有多少企业使用了这些数据？

王兰：

前六个月，约有3000家企业使用了公共数据。

我们将于6月公布这些企业的名单。
"""

_ALTERNATING = """
# 数据工作新闻发布会

# Press conference on data work

王兰：各位记者朋友，下午好。今天我们介绍公共数据开放的进展。

Wang Lan: Good afternoon, friends from the press. Today we present progress in opening public data.

记者：国家数据局明年有什么计划？

Reporter: What does the National Data Administration plan for next year?

王兰：我们将继续推进数据要素市场建设。

Wang Lan: We will keep building the market for data factors.
"""

_TRADITIONAL = """
# 國家數據局發布新規

國家數據局今日發布公共數據開放新規，數據要素市場建設進入新階段。
"""

_ZH_NOTE = """
# 说明

这个办法行。张望说：公开数据很重要。
"""

GLOSSARY = """
layer: glossary
version: 1
entries:
  - id: nda
    kind: organisation
    hanzi: 国家数据局
    pinyin: Guójiā Shùjùjú
    english: National Data Administration
    hanzi_source: text
  - id: public-data
    kind: term
    hanzi: 公共数据
    pinyin: gōnggòng shùjù
    english: public data
    hanzi_source: text
  - id: data-factors
    kind: term
    hanzi: 数据要素
    pinyin: shùjù yàosù
    english: data factors
    hanzi_source: text
  - id: wang-lan
    kind: person
    hanzi: 王兰
    pinyin: Wáng Lán
    english: Wang Lan
    hanzi_source: text
    note: A spokesperson invented for the tests.
  - id: zhang-wang
    kind: person
    hanzi: 张望
    pinyin: Zhāng Wàng
    english: Zhang Wang
    hanzi_source: annotator
    note: A person whose name the dictionary also has, as a verb; invented for the tests.
"""


def bilingual_corpus(make_corpus: MakeCorpus) -> Path:
    """A corpus with the briefing and its Chinese counterpart (no alignment layer), the
    alternating transcript and the traditional text, and a small glossary."""
    return make_corpus(
        {
            f"texts/{BRIEFING}.md": text_file(BRIEFING, _BRIEFING),
            f"texts/{BRIEFING_ZH}.md": text_file(
                BRIEFING_ZH, _BRIEFING_ZH, language="zh", origin="annotators"
            ),
            f"texts/{ALTERNATING}.md": text_file(
                ALTERNATING, _ALTERNATING, language="mul", pairs="zh-en"
            ),
            f"texts/{TRADITIONAL}.md": text_file(
                TRADITIONAL, _TRADITIONAL, language="zh-Hant", kind="report"
            ),
            f"texts/{ZH_NOTE}.md": text_file(ZH_NOTE, _ZH_NOTE, language="zh", kind="report"),
            "annotations/glossary.yaml": GLOSSARY,
        }
    )
