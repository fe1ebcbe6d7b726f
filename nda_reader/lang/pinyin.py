"""Pinyin helpers: drafting, splitting, normalising and checking pinyin.

Pure core module (no ``textual``). ``pypinyin`` and ``jieba`` are slow and large to import, so
they are imported lazily inside the functions that need them (drafting, checking), never at
module import time: the reader's context pane imports this module for :func:`syllables`.

Drafts follow GB/T 16159 for terms: words from :mod:`nda_reader.lang.segment`, the syllables
of a word joined (apostrophe before a, o, e inside a word), proper nouns capitalised
(Dōngshù Xīsuàn, Guójiā Shùjùjú); and GB/T 28039 for personal names (Zhèng Shānjié; a
single-unit name stays whole: Nǚwā). pypinyin's global dictionaries are never modified;
corrections (surname readings, 栅 = shān in names, × = chéng) are applied to the result.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from nda_reader.lang.hanzi import all_han, is_han
from nda_reader.lang.pinyin_tables import (
    COMPOUND_SURNAMES,
    GIVEN_NAME_READINGS,
    SINGLE_UNIT_NAMES,
    SURNAME_READINGS,
    SYLLABLES,
)
from nda_reader.lang.segment import FUNCTION_WORDS, PLACE_WORDS, KnownWord, Token

__all__ = [
    "KnownWord",
    "check_pinyin",
    "draft_pinyin",
    "form_issue",
    "normalize",
    "syllables",
    "tone_numbers",
    "toneless",
    "unreadable",
    "well_formed",
]

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_SEPARATORS = re.compile(r"[\s'’‘ʼ\-‐‑–—,.;:!?、，。；：！？“”\"()（）《》·]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")

#: Signs read aloud inside terms.
_SIGNS = {"×": "chéng"}
#: Chinese punctuation as written in pinyin text.
_PUNCTUATION = str.maketrans(
    {
        "、": ",",
        "，": ",",
        "。": ".",
        "；": ";",
        "：": ":",
        "！": "!",
        "？": "?",
        "（": "(",
        "）": ")",
        "《": "",
        "》": "",
        "·": " ",
    }
)
#: What separates words of stored pinyin when words are compared (hyphens stay inside words).
_WORD_BREAK = re.compile(r"[\s,.;:!?、，。；：！？“”\"()（）《》·]+")


def _is_hanzi(text: str) -> bool:
    return all_han(text)


def _base(char: str) -> str:
    """Lowercase letter of ``char`` without tone mark (ü kept, v read as ü)."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return "ü" if bare == "v" else bare


def _no_reading(chars: str) -> Any:
    """pypinyin's ``errors`` callback: no syllable for a character it cannot read."""
    return [None] * len(chars)


def _hanzi_syllables(word: str) -> list[str]:
    """Tone-marked syllables pypinyin gives for ``word``, one per hanzi it can read.

    ü is never written v; a character pypinyin cannot read (兙) gives no syllable.
    """
    from pypinyin import Style, pinyin

    out = []
    for char_syll in pinyin([word], style=Style.TONE, errors=_no_reading):
        syl = char_syll[0]
        if syl and not any(is_han(c) for c in syl):
            out.append(syl.replace("v", "ü"))
    return out


def unreadable(hanzi: str) -> list[str]:
    """The characters of ``hanzi`` that pypinyin cannot read (left out of every draft)."""
    from pypinyin import Style, pinyin

    chars = [c for c in hanzi if is_han(c)]
    got = pinyin(chars, style=Style.TONE, errors=_no_reading)
    return [c for c, syl in zip(chars, got, strict=True) if not syl[0]]


def _join_word(sylls: list[str]) -> str:
    """Join syllables into one word with an apostrophe before a, o, e (xī'ān)."""
    out = sylls[0] if sylls else ""
    for syl in sylls[1:]:
        out += ("'" if _base(syl[:1]) in ("a", "o", "e") else "") + syl
    return out


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:]


def _word_pinyin(tok: Token, proper: bool) -> str:
    """One token as pinyin, capitalised as GB/T 16159 wants it inside a term."""
    if tok.known is not None:
        words = tok.known.pinyin.split()
        if proper or tok.known.proper:
            return " ".join(_capitalize(w) for w in words)
        return " ".join(w.lower() for w in words)
    if tok.tag in ("nrfg", "nrt"):
        return _draft_person(tok.text)
    if tok.ordinal:
        word = "dì-" + _join_word(_hanzi_syllables(tok.text[1:]))
    else:
        word = _join_word([s for unit in tok.reading_units for s in _hanzi_syllables(unit)])
    place = any(tok.text.startswith(p) for p in PLACE_WORDS)
    if (proper and tok.text not in FUNCTION_WORDS) or place:
        return _capitalize(word)
    return word


def _draft_term(text: str, proper: bool, known: Mapping[str, KnownWord]) -> str:
    from nda_reader.lang.segment import segment

    words: list[str] = []
    for tok in segment(text, known):
        if tok.hanzi:
            word = _word_pinyin(tok, proper)
            if word:
                words.append(word)
            continue
        for chunk in tok.text.translate(_PUNCTUATION).split():
            for part in re.split(r"(×)", chunk):
                if part in _SIGNS:
                    words.append(_capitalize(_SIGNS[part]) if proper else _SIGNS[part])
                elif part and re.fullmatch(r"[,.;:!?)]+", part) and words:
                    words[-1] += part
                elif part:
                    words.append(part)
    return " ".join(words).replace("( ", "(")


def _draft_person(name: str) -> str:
    parts = [p for p in re.split(r"[·•・\s]+", name) if p]
    if len(parts) != 1:  # transcribed minority or foreign name: one word per part
        return " ".join(_capitalize(_join_word(_hanzi_syllables(p))) for p in parts)
    if name in SINGLE_UNIT_NAMES:
        return _capitalize(_join_word(_hanzi_syllables(name)))
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        surname, given = COMPOUND_SURNAMES[name[:2]], name[2:]
    else:
        surname = SURNAME_READINGS.get(name[0]) or _join_word(_hanzi_syllables(name[0]))
        given = name[1:]
    if not given:
        return _capitalize(surname)
    given_sylls = [
        GIVEN_NAME_READINGS.get(char, syl)
        for char, syl in zip(given, _hanzi_syllables(given), strict=False)
    ]
    return f"{_capitalize(surname)} {_capitalize(_join_word(given_sylls))}"


def draft_pinyin(
    hanzi: str,
    *,
    person: bool = False,
    proper: bool = False,
    known: Mapping[str, KnownWord] | None = None,
) -> str:
    """Draft tone-marked pinyin for ``hanzi``.

    Terms (GB/T 16159): words from :func:`nda_reader.lang.segment.segment`, syllables of a
    word joined, words separated by spaces (数据要素 -> "shùjù yàosù"); ``proper`` capitalises
    every word but function words (a name: 国家数据局 -> "Guójiā Shùjùjú"); place names and
    ``known`` proper words are capitalised inside ordinary terms too. ``known`` maps hanzi to
    curated pinyin (the glossary's other entries), used as it is. × is read chéng.
    Persons (GB/T 28039, ``person=True``): capitalised surname and given name, with surname
    readings and compound surnames handled (郑栅洁 -> "Zhèng Shānjié", 单 -> "Shàn"); a
    single-unit name stays whole (女娲 -> "Nǚwā").
    ü is always written ü, never v; characters pypinyin cannot read are left out (see
    :func:`unreadable`). The result is a draft to be reviewed by a human.
    """
    text = unicodedata.normalize("NFC", hanzi).strip()
    if not text:
        return ""
    if person:
        return _draft_person(text)
    return _draft_term(text, proper, known or {})


def _split_run(run: str) -> list[str]:
    """Split one run of letters into syllables (fewest apostrophe violations, then fewest)."""
    bases = [_base(c) for c in run]
    marks = [_base(c) != c.lower() and c.lower() != "v" for c in run]
    best: list[tuple[int, int, int] | None] = [(0, 0, 0)] + [None] * len(run)
    for start in range(len(run)):
        here = best[start]
        if here is None:
            continue
        for end in range(start + 1, min(len(run), start + 6) + 1):
            if "".join(bases[start:end]) not in SYLLABLES or sum(marks[start:end]) > 1:
                continue
            penalty = here[0] + (1 if start and bases[start] in ("a", "o", "e") else 0)
            candidate = (penalty, here[1] + 1, start)
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    if best[-1] is None:
        return [run.lower()]
    out: list[str] = []
    end = len(run)
    while end:
        entry = best[end]
        assert entry is not None
        out.append(run[entry[2] : end].lower())
        end = entry[2]
    return out[::-1]


def syllables(pinyin: str) -> list[str]:
    """Split stored pinyin into lowercase syllables.

    Spaces, apostrophes, hyphens and non-letters separate; joined words are split by the
    syllable table ("Shùjùjú" -> ["shù", "jù", "jú"], "xī'ān" -> ["xī", "ān"]).
    """
    text = unicodedata.normalize("NFC", pinyin)
    out: list[str] = []
    for chunk in _SEPARATORS.split(text):
        for run in _LETTER_RUN.findall(chunk):
            out.extend(_split_run(run))
    return out


def well_formed(pinyin: str, count: int) -> bool:
    """True when ``pinyin`` is ``count`` standard syllables (tone marks and separators
    aside), e.g. a stored reading fit to help draft other words."""
    found = syllables(pinyin)
    return len(found) == count and all("".join(_base(c) for c in syl) in SYLLABLES for syl in found)


def normalize(pinyin: str) -> str:
    """Comparison key: NFC, lowercase, ü kept, spaces/apostrophes/hyphens removed."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFC", pinyin).lower())


_TONE_DIGIT = re.compile(r"(?<=[a-zü])[1-5](?![0-9])")


def toneless(text: str) -> str:
    """``text`` as one types pinyin without tones: lowercase, tone marks and tone digits
    dropped, ü as u ("Guójiā Shùjùjú" and "guo2jia1" -> "guojia shujuju", "guojia").
    Anything else (hanzi, English) is only lowercased."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TONE_DIGIT.sub("", unicodedata.normalize("NFC", bare))


def check_pinyin(
    hanzi: str,
    stored: str,
    *,
    person: bool = False,
    proper: bool = False,
    known: Mapping[str, KnownWord] | None = None,
    draft: str | None = None,
) -> str | None:
    """Compare the readings of ``stored`` pinyin with the draft for ``hanzi`` (``draft``
    when the caller has it already, else drafted here).

    Spaces, apostrophes and case do not count here (see :func:`form_issue` for those); nor
    does the draft when pypinyin cannot read a character (see :func:`unreadable`). Returns
    None when the syllables agree, else a short message naming the problems: v written for
    ü, a hanzi/syllable count mismatch, the differing draft.
    """
    if draft is None:
        draft = draft_pinyin(hanzi, person=person, proper=proper, known=known)
    problems: list[str] = []
    hanzi_count = sum(1 for char in hanzi if _is_hanzi(char)) + hanzi.count("×")
    foreign = re.findall(r"[A-Za-z0-9]+", hanzi)
    counted = stored
    for token in foreign:  # Latin words etc. carried over from the hanzi are not syllables
        counted = re.sub(re.escape(token), " ", counted, count=1, flags=re.IGNORECASE)
    uses_v = re.search(r"v", counted, flags=re.IGNORECASE) is not None
    if uses_v:
        problems.append("write ü, not v")
    syllable_count = len(syllables(counted))
    if syllable_count != hanzi_count:
        problems.append(f"{hanzi_count} hanzi but {syllable_count} syllables")
    fixed = stored.replace("v", "ü").replace("V", "Ü") if uses_v else stored
    if normalize(fixed) != normalize(draft) and not unreadable(hanzi):
        problems.append(f"pinyin {stored!r} differs from the draft {draft!r}")
    return "; ".join(problems) or None


def pinyin_words(pinyin: str) -> list[str]:
    """The words of a pinyin text, punctuation dropped (hyphens and apostrophes kept)."""
    text = unicodedata.normalize("NFC", pinyin).replace("’", "'")
    return [w for w in _WORD_BREAK.split(text) if w]


def form_issue(stored: str, draft: str, *, person: bool = False) -> str | None:
    """What differs in the *form* of ``stored`` from ``draft`` when the syllables agree.

    ``"word joining"`` (GB/T 16159: which syllables make one word), ``"capitalisation"``, or
    for a person ``"name form"`` (GB/T 28039: Surname Givenname); None when the words are the
    same, or when the syllables differ (that is :func:`check_pinyin`'s business).
    """
    if normalize(stored) != normalize(draft):
        return None
    mine, theirs = pinyin_words(stored), pinyin_words(draft)
    if mine == theirs:
        return None
    if person:
        return "name form"
    if [w.lower() for w in mine] != [w.lower() for w in theirs]:
        return "word joining"
    return "capitalisation"


def tone_numbers(syllable: str) -> int:
    """Tone of a syllable: 1-4 from the tone mark (or a trailing digit), 5 for neutral."""
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    digit = syllable.strip()[-1:]
    return int(digit) if digit in ("1", "2", "3", "4", "5") else 5
