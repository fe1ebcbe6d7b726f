"""Finding every glossary term in the texts in one pass per script.

All forms of all entries are compiled into two regular expressions shaped like tries, one
for Latin forms (matched on word boundaries) and one for hanzi forms (matched anywhere), so
a text is scanned twice however many terms there are. One combined alternation would be a
single pass in name only: Python's ``re`` then loses its first-character scan and gets
hundreds of times slower. Matching is case-insensitive; when forms overlap the longest wins
(the trie tries longer continuations first, and overlapping matches of the two passes are
resolved leftmost-longest). The expressions match the text's lower case (the forms are
kept in lower case): half the time of ``re.IGNORECASE`` over the same text. A text whose
lower case is longer than itself (a dotted capital İ), so that its matches would move, or
holds a capital sigma, which lowers to a final ς at the end of a word where
``re.IGNORECASE`` matches σ, is matched by the same expressions compiled case-insensitive.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from nda_reader.lang.hanzi import all_han, han_runs, has_han, longest_first
from nda_reader.lang.script import looks_traditional, to_simplified

_WORD = "0-9A-Za-z\u00c0-\u024f"
# The expressions below are compiled on first use: ~1 ms of the reader's start-up, which
# finds no term (the index holds them).


@functools.cache
def _latin() -> re.Pattern[str]:
    return re.compile(f"[{_WORD}]")


@functools.cache
def _url() -> re.Pattern[str]:
    """A web address: no term is matched inside one (the "tc609" in a source URL)."""
    return re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place where a glossary entry occurs."""

    doc: str
    start: int
    end: int
    entry_id: str


def form_key(text: str) -> str:
    """The lookup key of a form or a matched string: lower case, single spaces, ' for ’."""
    return " ".join(text.replace("\u2019", "'").split()).lower()


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the web addresses in ``text``, as ``_url().finditer(text)`` gives them.

    Only the lines with a "://" or "www." (in any case) are searched: an address holds no
    line break, and that expression over a whole text tries a match at every letter
    (seconds over 50 MB). Those are found by ``bytes.find`` in the text encoded to ASCII,
    "?" for every other character (one byte for each: offsets hold), in lower case."""
    marked = text.encode("ascii", "replace").lower()
    hints = sorted([*_positions(marked, b"://"), *_positions(marked, b"www.")])
    spans: list[tuple[int, int]] = []
    searched = 0  # where the last line searched ends
    for at in hints:
        if at < searched:
            continue
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        searched = len(text) if end < 0 else end
        spans.extend(m.span() for m in _url().finditer(text, start, searched))
    return spans


def _in_url(start: int, end: int, urls: list[tuple[int, int]]) -> bool:
    """True when ``start``-``end`` overlaps one of the web addresses ``urls``."""
    return any(a < end and start < b for a, b in urls)


def _positions(data: bytes, needle: bytes) -> list[int]:
    """Where ``needle`` starts in ``data``, each place."""
    found = []
    at = data.find(needle)
    while at >= 0:
        found.append(at)
        at = data.find(needle, at + 1)
    return found


def _trie_regex(forms: Iterable[str]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _char_regex(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return "['\u2019]"
    return re.escape(ch)


def _node_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends_here = "" in node
    branches = [_char_regex(ch) + _node_regex(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Greedy optional group: the longer form is tried first.
        return f"(?:{body})?"
    return body


def _compile(owner: Iterable[str], flags: int) -> list[re.Pattern[str]]:
    """The expressions for the forms ``owner`` holds (lower case): Latin, then the rest."""
    is_latin = _latin().search
    latin = [k for k in owner if is_latin(k)]
    other = [k for k in owner if not is_latin(k)]
    patterns = []
    if latin:
        patterns.append(re.compile(f"(?<![{_WORD}])(?:{_trie_regex(latin)})(?![{_WORD}])", flags))
    if other:
        patterns.append(re.compile(_trie_regex(other), flags))
    return patterns


@dataclass
class TermMatcher:
    """A compiled matcher for a set of forms, each belonging to one entry."""

    owner: dict[str, str] = field(default_factory=dict)
    _patterns: list[re.Pattern[str]] | None = field(default=None, compare=False, repr=False)
    _folding: list[re.Pattern[str]] | None = field(default=None, compare=False, repr=False)
    """The same compiled case-insensitive, once a text needs them (see the module)."""
    _hanzi: tuple[bool, dict[str, int]] | None = field(default=None, compare=False, repr=False)
    """Whether :meth:`han_spans` may look in runs of hanzi alone, and the length of the
    longest form beginning with each character."""

    @classmethod
    def build(cls, forms: Iterable[tuple[str, str]]) -> TermMatcher:
        """Compile ``(form, entry_id)`` pairs; the first entry to claim a form keeps it."""
        owner: dict[str, str] = {}
        for form, entry_id in forms:
            key = form_key(form)
            if key:
                owner.setdefault(key, entry_id)
        return cls(owner)

    @property
    def patterns(self) -> list[re.Pattern[str]]:
        """The forms' expressions, matched against a text's lower case (compiled when
        first needed: :meth:`han_spans` does without them)."""
        if self._patterns is None:
            self._patterns = _compile(self.owner, 0)
        return self._patterns

    def _matched(self, text: str) -> Iterable[re.Match[str]]:
        """Every match of each expression in ``text``, an expression at a time."""
        lower = text.lower()
        if len(lower) == len(text) and "\u03a3" not in text:
            return (m for pattern in self.patterns for m in pattern.finditer(lower))
        if self._folding is None:
            self._folding = _compile(self.owner, re.IGNORECASE)
        return (m for pattern in self._folding for m in pattern.finditer(text))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every ``(start, end, entry_id)`` in ``text``, left to right, non-overlapping."""
        owner = self.owner
        found = []
        for m in self._matched(text):
            start, end = m.span()
            if end > start:
                matched = m.group()
                # Most matches are a key: no need to fold their spaces.
                entry_id = owner.get(matched.lower()) or owner.get(form_key(matched))
                if entry_id is not None:
                    found.append((start, end, entry_id))
        if len(self.patterns) > 1:
            found.sort(key=lambda f: (f[0], f[0] - f[1]))
        urls = url_spans(text)
        out: list[tuple[int, int, str]] = []
        for item in found:
            if urls and _in_url(item[0], item[1], urls):
                continue
            if not out or item[0] >= out[-1][1]:
                out.append(item)
        return out

    def find_in(self, body: str) -> list[tuple[int, int, str]]:
        """:meth:`find` in a document's ``body``; a body in traditional characters is
        matched as converted to simplified, character for character, so that glossary
        hanzi written in simplified find 國家數據局 as well. Every way of finding a
        document's terms (in memory, the corpus index, the checks) comes here."""
        return self.find(_as_matched(body))

    def han_spans(
        self, body: str, runs: list[tuple[int, int]] | None = None
    ) -> list[tuple[int, int]] | None:
        """The ``(start, end)`` of the terms :meth:`find_in` finds in ``body`` that hold
        hanzi, in order, found by matching its runs of hanzi alone: a small part of an
        English text, where matching it all takes seconds over a large corpus. None when
        the forms do not allow it: that needs every form with no Latin letter to be all
        hanzi and no other form to hold any, so that such a term lies within one run, and
        no term without hanzi can overlap it (and take its place). ``runs``: the runs of
        hanzi of ``body``, if the caller has them (used unless it is converted to
        simplified for matching)."""
        if self._hanzi is None:
            latin = _latin().search
            hanzi = [k for k in self.owner if not latin(k)]
            allowed = all(map(all_han, hanzi)) and not any(
                has_han(k) for k in self.owner if latin(k)
            )
            longest: dict[str, int] = {}
            for form in hanzi:
                longest[form[0]] = max(longest.get(form[0], 0), len(form))
            self._hanzi = (allowed, longest)
        allowed, longest = self._hanzi
        if not allowed:
            return None
        if not longest:
            return []
        text = _as_matched(body)
        if runs is None or text is not body:
            runs = list(han_runs(text))
        spans = longest_first(text, runs, self.owner, longest)
        if spans and (urls := url_spans(text)):
            spans = [(s, e) for s, e in spans if not _in_url(s, e, urls)]
        return spans


def _as_matched(body: str) -> str:
    """``body`` as its terms are matched: a text in traditional characters converted to
    simplified, character for character (offsets hold)."""
    return to_simplified(body) if looks_traditional(body) else body


class Occurrences(Protocol):
    """Where glossary entries occur: by document and by entry (an :class:`OccurrenceIndex`
    in memory, or the corpus index on disk)."""

    complete: bool
    """False while an index is being built: :meth:`of_entry` then knows only the documents
    done so far (:meth:`in_doc` always answers in full)."""

    def in_doc(self, doc_id: str) -> Sequence[Occurrence]:
        """Occurrences in one document, in text order."""
        ...

    def of_entry(self, entry_id: str) -> Sequence[Occurrence]:
        """Occurrences of one entry across the corpus, in corpus order."""
        ...


@dataclass
class OccurrenceIndex:
    """Occurrences of glossary entries across the corpus, by document and by entry."""

    by_doc: dict[str, list[Occurrence]] = field(default_factory=dict)
    by_entry: dict[str, list[Occurrence]] = field(default_factory=dict)
    complete: bool = True

    @classmethod
    def build(cls, matcher: TermMatcher, bodies: Iterable[tuple[str, str]]) -> OccurrenceIndex:
        """Index ``(doc_id, body)`` pairs with ``matcher`` (see :meth:`TermMatcher.find_in`)."""
        index = cls()
        for doc_id, body in bodies:
            found = [Occurrence(doc_id, s, e, entry) for s, e, entry in matcher.find_in(body)]
            index.by_doc[doc_id] = found
            for occ in found:
                index.by_entry.setdefault(occ.entry_id, []).append(occ)
        return index

    def in_doc(self, doc_id: str) -> list[Occurrence]:
        """Occurrences in one document, in text order."""
        return self.by_doc.get(doc_id, [])

    def of_entry(self, entry_id: str) -> list[Occurrence]:
        """Occurrences of one entry across the corpus, in corpus order."""
        return self.by_entry.get(entry_id, [])
