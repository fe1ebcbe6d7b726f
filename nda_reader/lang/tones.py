"""Pinyin written three ways, and the keys to look any of them up.

CC-CEDICT writes pinyin with tone numbers (``shu4 ju4``, ``lu:4``); readers write tone
marks (``shùjù``, ``lǜ``) or no tones at all (``shuju``). :func:`marked` turns numbers into
marks for display; :func:`numbered_key` and :func:`toneless_key` reduce any of the three to
a lookup key (lowercase, no spaces, ``v`` for ü).
"""

from __future__ import annotations

import re
import unicodedata

from nda_reader.lang.pinyin import syllables, tone_numbers

_MARKS = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}
_NUMBERED = re.compile(r"([A-Za-zÜü:]+)([1-5])")
_DIGITS = re.compile(r"[1-5]")
_DROP = re.compile(r"[\s'’\-·,]+")


def _mark_syllable(letters: str, tone: int) -> str:
    letters = letters.replace("u:", "ü").replace("U:", "Ü").replace("v", "ü").replace("V", "Ü")
    if tone not in _MARKS:
        return letters
    lower = letters.lower()
    if "a" in lower:
        at = lower.index("a")
    elif "e" in lower:
        at = lower.index("e")
    elif "ou" in lower:
        at = lower.index("o")
    else:
        vowels = [i for i, ch in enumerate(lower) if ch in "aeiouü"]
        if not vowels:
            return letters
        at = vowels[-1]
    return unicodedata.normalize("NFC", letters[: at + 1] + _MARKS[tone] + letters[at + 1 :])


def marked(numbered: str) -> str:
    """CC-CEDICT's ``shu4 ju4`` as ``shù jù`` (syllables without a number stay as they are)."""
    return _NUMBERED.sub(lambda m: _mark_syllable(m.group(1), int(m.group(2))), numbered)


def has_tones(pinyin: str) -> bool:
    """True when ``pinyin`` carries tones, as numbers or as marks."""
    if _DIGITS.search(pinyin):
        return True
    return any(tone_numbers(s) != 5 for s in syllables(pinyin))


def _plain(text: str) -> str:
    """``text`` without tone marks, ü written v."""
    decomposed = unicodedata.normalize("NFD", text).replace("u\u0308", "v").replace("U\u0308", "V")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def numbered_key(pinyin: str) -> str:
    """``shu4ju4`` for ``shu4 ju4``, ``shùjù`` or ``Shù Jù`` (neutral tones are 5)."""
    text = pinyin.lower().replace("u:", "v").replace("ü", "v")
    if _DIGITS.search(text):
        return _DROP.sub("", text)
    out = []
    for syllable in syllables(pinyin):
        out.append(_plain(syllable) + str(tone_numbers(syllable)))
    return "".join(out)


def toneless_key(pinyin: str) -> str:
    """``shuju`` for any way of writing 数据's pinyin."""
    text = _plain(pinyin.lower().replace("u:", "v"))
    return _DROP.sub("", _DIGITS.sub("", text))
