"""Splitting Chinese into the words that GB/T 16159 writes as one pinyin word.

jieba (MIT) finds dictionary words; it is imported only when pinyin is drafted or checked, on a
private :class:`jieba.Tokenizer` so that no global dictionary is changed. Its words are then
cut to the size the standard writes as one word: jieba keeps whole names of institutions
(国务院新闻办公室) and idioms (新官上任三把火), which GB/T 16159 writes as several words
(Guówùyuàn Xīnwén Bàngōngshì; xīn guān shàngrèn sān bǎ huǒ). Words the caller already knows
(the glossary's entries with their curated pinyin) are matched first and kept whole.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from nda_reader.lang.hanzi import is_han

__all__ = ["KnownWord", "Token", "segment"]

#: Single characters joined to the word before them (monosyllabic suffixes, 16159 §6.1.6).
SUFFIXES = frozenset("化性者局部院署厅委法率型式家员界们感区网侧链")
#: Function words: separate words, lower case even inside proper names.
FUNCTION_WORDS = frozenset("和与及的之在对等了是为以于或而并向从把被将由其得地着过")
#: Measure words written apart from the numeral before them (sān nián, bā xiàng, yī cì).
MEASURE_WORDS = frozenset("个年项次件条届批种位名把张本部只家座所场轮期号")
#: Administrative units written apart from the place name (Běijīng Shì, Héběi Shěng).
PLACE_UNITS = frozenset("省市县区镇乡村")
#: Units of an institution: written apart when they follow a coordination
#: (工业和信息化部 -> Gōngyè hé Xìnxīhuà Bù: the 部 belongs to both).
UNITS = frozenset("司部局委院厅署办")
#: Words of today's policy language that jieba's dictionary lacks.
EXTRA_WORDS = ("大数据", "数据集", "算力", "数据局", "三中全会")
_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
#: Place names that are capitalised inside ordinary terms (Zhōngguó tèsè).
PLACE_WORDS = frozenset(
    [
        "中国",
        "中华",
        "中共",
        "北京",
        "上海",
        "天津",
        "重庆",
        "广州",
        "深圳",
        "香港",
        "澳门",
        "台湾",
        "亚洲",
        "欧洲",
        "非洲",
        "美洲",
    ]
)


@dataclass(frozen=True, slots=True)
class KnownWord:
    """A word whose pinyin is already known (a glossary entry): used as it is."""

    pinyin: str
    proper: bool = False
    """True for a proper noun: its capitals are kept inside ordinary terms."""


class KnownWords(Mapping[str, KnownWord]):
    """Known words, maybe without one of them (an entry is never drafted from itself).

    Drafting every entry of a large glossary against all the others neither copies the
    words for each entry nor measures them all again (:attr:`longest`)."""

    def __init__(self, words: Mapping[str, KnownWord], without: str = "") -> None:
        self.words = words
        self.without = without
        self.longest = max(map(len, words), default=0)
        """The length of the longest word (an upper bound, ``without`` counted)."""

    def excluding(self, hanzi: str) -> KnownWords:
        """The same words without ``hanzi``."""
        other = KnownWords({})
        other.words, other.without, other.longest = self.words, hanzi, self.longest
        return other

    def __getitem__(self, key: str) -> KnownWord:
        if key == self.without:
            raise KeyError(key)
        return self.words[key]

    def __contains__(self, key: object) -> bool:
        return key != self.without and key in self.words

    def __iter__(self) -> Iterator[str]:
        return (k for k in self.words if k != self.without)

    def __len__(self) -> int:
        return len(self.words) - (self.without in self.words)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a segmented text, or a run of other characters (``hanzi`` False)."""

    text: str
    hanzi: bool = True
    tag: str = ""
    """jieba's part of speech (``m`` numeral, ``ns`` place, ``nr`` person ...)."""
    known: KnownWord | None = None
    ordinal: bool = False
    """第 + numeral: written with a hyphen (dì-èrshí)."""
    parts: tuple[str, ...] = ()
    """The pieces that are read on their own (供给 + 侧: gōngjǐcè, not gōnggěicè)."""

    @property
    def reading_units(self) -> tuple[str, ...]:
        """What to ask pypinyin for, piece by piece."""
        return self.parts or (self.text,)


@cache
def _tokenizer() -> Any:
    """jieba's dictionary and part-of-speech tagger, loaded once per process (~1 s)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in EXTRA_WORDS:
        tokenizer.add_word(word)
    return _tagger_class()(tokenizer)


def _tagger_class() -> Any:
    """jieba's part-of-speech tokenizer, tagging the words its dictionary lacks with the
    faster Viterbi of :mod:`~nda_reader.lang.pos_viterbi` (the same tags)."""
    import jieba.posseg as posseg

    from nda_reader.lang.pos_viterbi import predecessors, viterbi

    tables = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    into = predecessors(posseg.trans_P)

    class Tagger(posseg.POSTokenizer):  # type: ignore[misc]
        # jieba's private __cut (name-mangled), as it is but for the Viterbi it calls.
        def _POSTokenizer__cut(self, sentence: str) -> Iterator[Any]:
            _prob, pos_list = viterbi(sentence, *tables, into)
            begin, nexti = 0, 0
            for i, char in enumerate(sentence):
                pos = pos_list[i][0]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    yield posseg.pair(sentence[begin : i + 1], pos_list[i][1])
                    nexti = i + 1
                elif pos == "S":
                    yield posseg.pair(char, pos_list[i][1])
                    nexti = i + 1
            if nexti < len(sentence):
                yield posseg.pair(sentence[nexti:], pos_list[nexti][1])

    return Tagger


def _freq(word: str) -> int:
    return int(_tokenizer().tokenizer.FREQ.get(word) or 0)


def _split_word(word: str) -> list[str]:
    """The likeliest split of ``word`` into dictionary words other than itself."""
    total = math.log(_tokenizer().tokenizer.total)
    n = len(word)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(-math.inf, 0)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            piece = word[start:end]
            if piece == word:
                continue
            freq = _freq(piece)
            if not freq and len(piece) > 1:
                continue
            score = best[start][0] + math.log(max(freq, 1)) - total
            if score > best[end][0]:
                best[end] = (score, start)
    out: list[str] = []
    end = n
    while end:
        start = best[end][1]
        out.append(word[start:end])
        end = start
    return out[::-1]


def _standard_words(word: str, tag: str) -> list[Token]:
    """Cut one jieba word to GB/T 16159 words (recursively for long ones)."""
    if tag.startswith("nr") or len(word) == 1:
        return [Token(word, tag=tag)]
    if tag == "m" or all(c in _NUMERALS or c == "第" for c in word[:-1]):
        return _numeral(word, tag)
    place = tag == "ns" or word[:2] in PLACE_WORDS
    if len(word) == 3 and word[-1] in PLACE_UNITS and place and _freq(word[:2]):
        return [Token(word[:2], tag="ns"), Token(word[2], tag="n")]
    if len(word) <= 3:
        return [Token(word, tag=tag)]
    if len(word) == 4:
        halves = (word[:2], word[2:])
        if _freq(halves[0]) and _freq(halves[1]):
            return [Token(h, tag="ns" if h in PLACE_WORDS else "n") for h in halves]
        return [Token(word, tag=tag)]
    parts = _split_word(word)
    if len(parts) == 1:
        return [Token(word, tag=tag)]
    tokens: list[Token] = []
    for part in parts:
        tokens.extend(_standard_words(part, "ns" if part in PLACE_WORDS else "n"))
    return tokens


def _numeral(word: str, tag: str) -> list[Token]:
    """第二十次 -> dì-èrshí + cì; 八项 -> bā + xiàng; 十四五 stays one word."""
    tokens: list[Token] = []
    ordinal = word.startswith("第") and len(word) > 1
    body = word[1:] if ordinal else word
    measure = ""
    if len(body) > 1 and body[-1] in MEASURE_WORDS:
        body, measure = body[:-1], body[-1]
    if body:
        tokens.append(Token(("第" if ordinal else "") + body, tag="m", ordinal=ordinal))
    if measure:
        tokens.append(Token(measure, tag="q"))
    return tokens


def _group_singles(tokens: list[Token]) -> list[Token]:
    """Attach suffixes; join runs of lone characters jieba could not place (东数西算)."""
    out: list[Token] = []
    run: list[Token] = []

    def flush() -> None:
        if len(run) >= 2:
            for i in range(0, len(run) - len(run) % 2, 2):
                out.append(Token(run[i].text + run[i + 1].text, tag="n"))
            if len(run) % 2:
                last = out.pop()
                out.append(Token(last.text + run[-1].text, tag="n"))
        else:
            out.extend(run)
        run.clear()

    for tok in tokens:
        single = len(tok.text) == 1 and tok.hanzi and tok.known is None
        if single and tok.text in SUFFIXES and not run and out and _joins(out[-1]):
            prev = out.pop()
            parts = (*prev.reading_units, tok.text)
            out.append(Token(prev.text + tok.text, tag=prev.tag, parts=parts))
        elif single and tok.tag not in ("m", "q") and tok.text not in FUNCTION_WORDS:
            run.append(tok)  # lone characters: parts of a word jieba does not know
        else:
            flush()
            out.append(tok)
    flush()
    return out


def _joins(tok: Token) -> bool:
    return tok.hanzi and tok.known is None and tok.tag not in ("m", "q") and len(tok.text) > 1


def _jieba_words(text: str) -> list[Token]:
    tokens: list[Token] = []
    for pair in _tokenizer().cut(text, HMM=True):
        word, tag = pair.word, pair.flag
        if not _freq(word) and len(word) == 1:
            tag = ""  # jieba's guess for a character it has no word for
        tokens.extend(_standard_words(word, tag))
    return _split_shared_unit(_group_singles(tokens))


def _split_shared_unit(tokens: list[Token]) -> list[Token]:
    """After 和/与/及, a unit closing the name is its own word (it belongs to both sides)."""
    last = tokens[-1] if tokens else None
    joined = any(t.text in ("和", "与", "及") for t in tokens)
    if last is None or not joined or len(last.text) < 3 or last.text[-1] not in UNITS:
        return tokens
    return [*tokens[:-1], Token(last.text[:-1], tag=last.tag), Token(last.text[-1], tag="n")]


def _known_spans(text: str, known: Mapping[str, KnownWord]) -> list[tuple[int, int]]:
    """Leftmost-longest matches of the known words in ``text``."""
    if not known:
        return []
    longest = known.longest if isinstance(known, KnownWords) else max(len(k) for k in known)
    spans = []
    i = 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            if text[i : i + n] in known:
                spans.append((i, i + n))
                i += n
                break
        else:
            i += 1
    return spans


def known_in(text: str, known: Mapping[str, KnownWord]) -> list[tuple[str, KnownWord]]:
    """The known words :func:`segment` takes whole from ``text``, with their pinyin (all
    that ``known`` changes of the words of ``text``)."""
    return [(text[a:b], known[text[a:b]]) for a, b in _known_spans(text, known)]


def segment(text: str, known: Mapping[str, KnownWord] | None = None) -> list[Token]:
    """Split ``text`` into words (hanzi) and runs of other characters, in order.

    ``known`` maps hanzi to a :class:`KnownWord`: such words are matched first (longest
    first) and come back whole, carrying their pinyin.
    """
    known = known or {}
    tokens: list[Token] = []
    pos = 0
    for start, end in [*_known_spans(text, known), (len(text), len(text))]:
        tokens.extend(_plain(text[pos:start]))
        if end > start:
            word = text[start:end]
            tokens.append(Token(word, known=known[word]))
        pos = end
    return tokens


def _plain(text: str) -> list[Token]:
    """Words of a stretch without known words: hanzi runs through jieba, the rest as is."""
    out: list[Token] = []
    run = ""
    other = ""
    for ch in text:
        if is_han(ch):
            if other:
                out.append(Token(other, hanzi=False))
                other = ""
            run += ch
        else:
            if run:
                out.extend(_jieba_words(run))
                run = ""
            other += ch
    if run:
        out.extend(_jieba_words(run))
    if other:
        out.append(Token(other, hanzi=False))
    return out
