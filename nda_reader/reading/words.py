"""Words, for a cursor that moves word by word (pure logic).

A word is a glossary occurrence (as a whole), else the longest dictionary word at a place
in Chinese text (one character when the dictionary has none, or is not there yet), else a
run of letters and digits. The dictionary is handed in as a function, so this module
needs none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from nda_reader.corpus.term_index import Occurrence
from nda_reader.lang.hanzi import is_han

Longest = Callable[[str, int], int | None]
"""The end of the longest dictionary word starting at an offset of a text (or None)."""
WORD = ""
"""The ``entry_id`` of a cursor word that is not a glossary term."""
Found = tuple[int, int, Occurrence | None]
"""(start, end, the glossary occurrence when the word is one)."""

_LATIN = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


def _term_at(terms: Sequence[Occurrence], starts: Sequence[int], offset: int) -> Occurrence | None:
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and terms[i].start <= offset < terms[i].end:
        return terms[i]
    return None


def _is_word_char(ch: str) -> bool:
    return is_han(ch) or (ch.isalnum() and ch != "_")


def _word_from(
    body: str, i: int, terms: Sequence[Occurrence], starts: list[int], longest: Longest
) -> Found:
    """The word starting at ``i`` (a word character, or inside a term)."""
    term = _term_at(terms, starts, i)
    if term is not None:
        return term.start, term.end, term
    if is_han(body[i]):
        end = longest(body, i) or i + 1
        # a glossary term starting inside the dictionary word wins from there on
        nxt = bisect.bisect_right(starts, i)
        if nxt < len(terms) and terms[nxt].start < end:
            end = terms[nxt].start
        return i, end, None
    found = _LATIN.match(body, i)
    return i, found.end() if found else i + 1, None


def word_after(body: str, pos: int, terms: Sequence[Occurrence], longest: Longest) -> Found | None:
    """The first word starting at or after ``pos`` (a term covering ``pos`` counts)."""
    starts = [t.start for t in terms]
    i = pos
    while i < len(body):
        if _term_at(terms, starts, i) is not None or _is_word_char(body[i]):
            return _word_from(body, i, terms, starts, longest)
        i += 1
    return None


def word_before(body: str, pos: int, terms: Sequence[Occurrence], longest: Longest) -> Found | None:
    """The last word starting before ``pos``."""
    starts = [t.start for t in terms]
    i = pos - 1
    while i >= 0 and _term_at(terms, starts, i) is None and not _is_word_char(body[i]):
        i -= 1
    if i < 0:
        return None
    term = _term_at(terms, starts, i)
    if term is not None:
        return term.start, term.end, term
    if not is_han(body[i]):
        k = i
        while k > 0 and _is_word_char(body[k - 1]) and not is_han(body[k - 1]):
            k -= 1
        return _word_from(body, k, terms, starts, longest)
    # Chinese: segment the run of hanzi from its start up to the word holding ``i``.
    k = i
    while k > 0 and is_han(body[k - 1]) and _term_at(terms, starts, k - 1) is None:
        k -= 1
    while True:
        start, end, found = _word_from(body, k, terms, starts, longest)
        if end > i:
            return start, end, found
        k = end
