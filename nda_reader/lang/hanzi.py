"""The one answer to "is this Chinese?": Han ideographs in every CJK block.

Used by the glossary loader, the term form, pinyin drafting and the checks alike, so that
no part of the reader accepts a character another part rejects. A plain scan over code
point ranges: compiling the equivalent character-class regex costs ~1.5 ms at import.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Mapping
from functools import cache

HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3007, 0x3007),  # 〇, the ideographic zero of dates (二〇二四)
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # the unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2FFFF),  # plane 2: Extensions B-F, compatibility supplement (𠮷)
    (0x30000, 0x3FFFF),  # plane 3: Extensions G-H
)
"""Code point ranges of Han ideographs, inclusive."""


def is_han(char: str) -> bool:
    """True when the one character ``char`` is a Han ideograph (hanzi)."""
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in HAN_RANGES)


def has_han(text: str) -> bool:
    """True when ``text`` has at least one hanzi."""
    return any(is_han(ch) for ch in text)


def all_han(text: str) -> bool:
    """True when ``text`` is non-empty and every character is a hanzi."""
    return bool(text) and all(is_han(ch) for ch in text)


def is_chinese_text(text: str) -> bool:
    """True when ``text`` has hanzi and no Latin letters (a selection to file as hanzi)."""
    return has_han(text) and not any(ch.isascii() and ch.isalpha() for ch in text)


@cache
def _han_run() -> re.Pattern[str]:
    ranges = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in HAN_RANGES)
    return re.compile(f"[{ranges}]+")


@cache
def _marks() -> re.Pattern[bytes]:
    return re.compile(rb"\?+")


def non_ascii_runs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of characters outside ASCII in ``text``, in order
    (with, at their ends, any "?" beside them), found at C speed: encoded to ASCII with
    "?" for every other character (one byte for each character, so offsets hold), a
    text's runs of "?" are found by ``bytes.find``. A pattern of a character class over a
    whole text tries each character of it in turn: three times as long over an English
    corpus."""
    if text.isascii():
        return
    marked = text.encode("ascii", "replace")
    marks, find = _marks().match, marked.find
    at = find(b"?")
    while at >= 0:
        end = marks(marked, at).end()  # type: ignore[union-attr]  # a "?" is at ``at``
        yield at, end
        at = find(b"?", end)


def han_runs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of hanzi in ``text`` (what :func:`is_han` says of each
    character), in order: looked for in its runs of other characters than ASCII."""
    run = _han_run()
    for start, end in non_ascii_runs(text):
        for match in run.finditer(text, start, end):
            yield match.span()


def longest_first(
    text: str, runs: Iterable[tuple[int, int]], words: Container[str], longest: Mapping[str, int]
) -> list[tuple[int, int]]:
    """Where ``words`` occur in the ``runs`` of ``text``: at each place, the longest word
    beginning there (``longest`` gives, for each character, the length of the longest
    word it begins), going on after it; a place where none begins is passed. What a trie
    expression of the words whose longer branches are tried first finds (the glossary's
    hanzi terms), and the cut of a text into dictionary words."""
    spans = []
    first = longest.get
    for start, end in runs:
        i = start
        while i < end:
            n = first(text[i], 0)
            if n > end - i:
                n = end - i
            while n and text[i : i + n] not in words:
                n -= 1
            if n:
                spans.append((i, i + n))
                i += n
            else:
                i += 1
    return spans


def han_run_end(text: str, start: int, limit: int) -> int:
    """Where the run of hanzi at ``start`` of ``text`` ends, looking ``limit`` characters
    at most (``start`` when ``text[start]`` is no hanzi)."""
    match = _han_run().match(text, start, min(len(text), start + limit))
    return match.end() if match is not None else start


CJK_RANGES: tuple[tuple[int, int], ...] = (
    *HAN_RANGES,
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation: 。、「」…
    (0x3040, 0x30FF),  # kana (a Japanese quotation in a Chinese text)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # fullwidth forms: ，（）：
)
"""Code point ranges of characters written without spaces between them (hanzi, CJK
punctuation, kana, fullwidth forms), inclusive."""


def is_cjk(char: str) -> bool:
    """True when ``char`` is written without spaces around it: a hanzi, CJK punctuation
    (。，「), kana or a fullwidth form. Two such characters on either side of a line break
    are joined with nothing between them."""
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)
