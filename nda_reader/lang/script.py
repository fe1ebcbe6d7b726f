"""Traditional and simplified characters: telling a text's script, and converting it.

Hong Kong and Taiwan reposts of mainland texts are in traditional characters (國家數據局),
while a glossary is written in simplified (国家数据局). :func:`looks_traditional` tells a
traditional text by characters that only traditional script has, without any library;
:func:`to_simplified` converts with OpenCC (imported on first use: a simplified corpus
never loads it) and keeps every character in its place, so offsets into the converted
text are offsets into the original.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# Frequent characters written only in traditional script (their simplified forms differ
# and these never appear in simplified text).
_TRADITIONAL_ONLY = (
    "國數據會說這們個來時為與發經業開關長問間現實學體點過還進動東車書見聽覺親記認讓論議"
    "語話該請讀變處應當從後將員網產權電貿區團務義風幾華導頭興機種極總營報場領億萬條轉際"
    "統計設資傳創雙強邊級陸價質標準絡術歷歲鄉觀專響藝鐵銀錢臺灣廣範圍監擊與農務勞醫療衛"
    "環護織構際議題協調運輸選舉黨驗證達戰爭軍險約續紀錄類夠網購"
)
SAMPLE = 20_000
"""Characters of a text looked at to tell its script."""
_MIN_SHARE = 0.02
"""At least this share of a text's non-ASCII characters must be traditional-only."""


def looks_traditional(text: str) -> bool:
    """True when ``text`` is in traditional characters (a few traditional-only ones, and
    no fewer than 2 % of its non-ASCII characters), judged on its first
    :data:`SAMPLE` characters (a text keeps its script)."""
    text = text[:SAMPLE]
    if text.isascii():  # (quicker than asking whether any character is CJK)
        return False
    found = len(_traditional().findall(text))
    if found < 2:
        return False
    other = len(text) - len(text.encode("ascii", "ignore"))
    return found >= _MIN_SHARE * other


@functools.cache
def _traditional() -> re.Pattern[str]:
    # Compiled when a text with CJK characters is first seen: compiling costs ~2 ms.
    return re.compile(f"[{_TRADITIONAL_ONLY}]")


@functools.cache
def _converter(config: str) -> Any:
    import opencc  # Apache-2.0; ~10 ms to import and load, so only when needed

    return opencc.OpenCC(config)


def _convert(text: str, config: str) -> str:
    converter = _converter(config)
    out = converter.convert(text)
    if len(out) == len(text):
        return str(out)
    # A phrase converted to a different length: character by character instead, so
    # that every offset still points at the same character.
    chars = []
    for ch in text:
        one = converter.convert(ch)
        chars.append(one if len(one) == 1 else ch)
    return "".join(chars)


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, each in its original place (OpenCC ``t2s``)."""
    return _convert(text, "t2s.json")


def to_traditional(text: str) -> str:
    """``text`` in traditional characters, each in its original place (OpenCC ``s2t``)."""
    return _convert(text, "s2t.json")
