"""Looking words up in the compiled CC-CEDICT: by hanzi, pinyin or English.

:meth:`Dictionary.longest_at` finds the longest dictionary word starting at a place in a
text (one query for every length at once); :meth:`Dictionary.search` takes what a person
types: hanzi in either script, pinyin with tone marks (``shùjù``), tone numbers
(``shu4ju4``) or none (``shuju``), or English words.
"""

from __future__ import annotations

import array
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nda_reader.dictionary.cedict import Entry
from nda_reader.dictionary.index import POSTINGS, SEP, connect, ensure
from nda_reader.lang.hanzi import han_run_end, han_runs, has_han, longest_first
from nda_reader.lang.tones import has_tones, marked, numbered_key, toneless_key

LONGEST = 12
"""The longest headword :meth:`Dictionary.longest_at` tries (characters)."""
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_PINYIN = re.compile(r"^[a-zA-Z:\u00c0-\u024f\u0300-\u036f1-5 '’-]+$")
_COLUMNS = "traditional, simplified, pinyin, senses"


@dataclass(frozen=True, slots=True)
class Word:
    """Every entry (reading) of one headword found at a place in a text."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def text(self) -> str:
        """The headword as the entries write it in simplified characters."""
        return self.entries[0].simplified if self.entries else ""


def reading(entry: Entry) -> str:
    """The entry's pinyin with tone marks (``shù jù``)."""
    return marked(entry.pinyin)


class Dictionary:
    """A read-only connection to the compiled dictionary."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = connect(path)
        self._headwords: frozenset[str] | None = None
        self._longest_from: dict[str, int] = {}
        """With the headwords kept: the length of the longest headword each character
        begins (at most :data:`LONGEST`)."""
        self._found: dict[str, tuple[Entry, ...]] = {}
        self._readings: dict[str, str] = {}
        self._word_readings: dict[str, str] = {}

    def keep_headwords(self) -> None:
        """Keep every headword in memory, and the entries of the words found: thousands
        of look-ups (``check`` suggesting readings for every uncovered span) then cost a
        query per new word, not two per place looked at."""
        if self._headwords is None:
            rows = self._db.execute(
                "SELECT simplified FROM entries UNION SELECT traditional FROM entries"
            )
            self._headwords = frozenset(row[0] for row in rows)
            longest = self._longest_from
            for word in self._headwords:
                if word and len(word) > longest.get(word[0], 0):
                    longest[word[0]] = min(len(word), LONGEST)

    @classmethod
    def open(cls, cache_dir: Path) -> Dictionary:
        """The dictionary in ``cache_dir``, compiled first if needed (see
        :func:`~nda_reader.dictionary.index.ensure` for what it raises)."""
        return cls(ensure(cache_dir))

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def _rows(self, sql: str, args: Iterable[object]) -> list[Entry]:
        rows = self._db.execute(sql, tuple(args)).fetchall()
        return [Entry(t, s, p, tuple(senses.split(SEP))) for t, s, p, senses in rows]

    def entries(self, hanzi: str) -> list[Entry]:
        """Every entry whose headword is ``hanzi`` (simplified or traditional)."""
        return self._rows(
            f"SELECT {_COLUMNS} FROM entries WHERE simplified = ? "
            f"UNION SELECT {_COLUMNS} FROM entries WHERE traditional = ? ORDER BY pinyin",
            (hanzi, hanzi),
        )

    def longest_at(self, text: str, start: int) -> Word | None:
        """The longest headword starting at ``start`` of ``text``, with all its readings
        (None when no word starts there, e.g. on a letter or a punctuation mark)."""
        end = han_run_end(text, start, LONGEST)
        if end == start:
            return None
        candidates = [text[start:k] for k in range(start + 1, end + 1)]
        if self._headwords is not None:
            best = next((c for c in reversed(candidates) if c in self._headwords), None)
            if best is None:
                return None
            entries = self._found.get(best)
            if entries is None:
                entries = self._found[best] = tuple(self.entries(best))
            return Word(start, start + len(best), entries)
        marks = ", ".join("?" * len(candidates))
        found = self._db.execute(
            f"SELECT simplified FROM entries WHERE simplified IN ({marks}) "
            f"UNION SELECT traditional FROM entries WHERE traditional IN ({marks})",
            (*candidates, *candidates),
        ).fetchall()
        if not found:
            return None
        best = max((row[0] for row in found), key=len)
        return Word(start, start + len(best), tuple(self.entries(best)))

    def words(self, text: str) -> list[Word]:
        """``text`` cut into its longest dictionary words, left to right (characters that
        start no word are skipped)."""
        if self._headwords is not None:
            return [Word(start, end, entries) for start, end, entries in self._kept_words(text)]
        out: list[Word] = []
        i = 0
        while i < len(text):
            word = self.longest_at(text, i)
            if word is None:
                i += 1
                continue
            out.append(word)
            i = word.end
        return out

    def _kept_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the words of :meth:`words` are, from the kept headwords: each run of hanzi
        is found once, and only as many lengths are tried at a place as the longest
        headword its character begins (``check`` cuts ~300,000 places)."""
        return longest_first(text, han_runs(text), self._headwords or (), self._longest_from)

    def _kept_entries(self, word: str) -> tuple[Entry, ...]:
        entries = self._found.get(word)
        if entries is None:
            entries = self._found[word] = tuple(self.entries(word))
        return entries

    def _kept_words(self, text: str) -> Iterator[tuple[int, int, tuple[Entry, ...]]]:
        """:meth:`words` from the kept headwords, as ``(start, end, entries)``."""
        for start, end in self._kept_spans(text):
            yield start, end, self._kept_entries(text[start:end])

    def suggest_reading(self, hanzi: str) -> str:
        """A pinyin reading of ``hanzi`` word by word, each word's syllables joined
        (``数据要素`` -> ``shùjù yàosù``): a suggestion, e.g. for Chinese text that no
        glossary entry covers. Each word takes its first reading in the dictionary."""
        if self._headwords is not None:
            return " ".join(self._kept_readings(hanzi))
        return " ".join(self._joined_reading(w.entries[0]) for w in self.words(hanzi))

    def _kept_readings(self, text: str) -> list[str]:
        """The joined reading of each word of :meth:`_kept_spans`, kept by word (tens of
        thousands of spans in a ``check``)."""
        kept = self._word_readings
        out: list[str] = []
        for start, end in self._kept_spans(text):
            word = text[start:end]
            joined = kept.get(word)
            if joined is None:
                joined = kept[word] = self._joined_reading(self._kept_entries(word)[0])
            out.append(joined)
        return out

    def _joined_reading(self, entry: Entry) -> str:
        joined = self._readings.get(entry.pinyin)
        if joined is None:
            joined = "".join(reading(entry).split())
            if len(self._readings) < 100_000:
                self._readings[entry.pinyin] = joined
        return joined

    def search(self, query: str, limit: int = 40) -> list[Entry]:
        """Entries for what a person typed: hanzi, pinyin (with or without tones) or
        English; English senses that are the query itself come first."""
        query = query.strip()
        if not query:
            return []
        if has_han(query):
            return self._hanzi(query, limit)
        if _PINYIN.match(query) and has_tones(query):
            return self._pinyin(query, limit)
        english = self._english(query, limit)
        exact = [e for e in english if query.lower() in (s.lower() for s in e.senses)]
        pinyin = self._pinyin(query, limit) if _PINYIN.match(query) else []
        out: list[Entry] = []
        for entry in (*exact, *pinyin, *english):
            if entry not in out:
                out.append(entry)
        return out[:limit]

    def _hanzi(self, query: str, limit: int) -> list[Entry]:
        """The headword itself; else the words it is made of, then longer words it
        starts."""
        exact = self.entries(query)
        if exact:
            return exact
        out = [e for word in self.words(query) for e in word.entries]
        longer = self._rows(
            f"SELECT {_COLUMNS} FROM entries WHERE simplified > ? AND simplified < ? "
            f"UNION SELECT {_COLUMNS} FROM entries WHERE traditional > ? AND traditional < ? "
            "LIMIT ?",
            (query, query + "\uffff", query, query + "\uffff", limit),
        )
        return [*out, *(e for e in longer if e not in out)][:limit]

    def _pinyin(self, query: str, limit: int) -> list[Entry]:
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM entries WHERE toneless = ? ORDER BY id",
            (toneless_key(query),),
        )
        if has_tones(query):
            wanted = numbered_key(query)
            rows = [e for e in rows if numbered_key(e.pinyin) == wanted]
        return rows[:limit]

    def _english(self, query: str, limit: int) -> list[Entry]:
        words = _WORD.findall(query.lower())
        if not words:
            return []
        ids: set[int] | None = None
        for word in words:
            row = self._db.execute("SELECT entries FROM words WHERE word = ?", (word,)).fetchone()
            found = set(array.array(POSTINGS, row[0]) if row else ())
            ids = found if ids is None else ids & found
            if not ids:
                return []
        assert ids is not None
        chosen = sorted(ids)[:2000]
        marks = ", ".join("?" * len(chosen))
        entries = self._rows(f"SELECT {_COLUMNS} FROM entries WHERE id IN ({marks})", chosen)
        wanted = query.lower()

        def rank(entry: Entry) -> tuple[int, int, int]:
            senses = [s.lower() for s in entry.senses]
            exact = wanted in senses or f"to {wanted}" in senses
            return (0 if exact else 1, len(entry.simplified), sum(len(s) for s in senses))

        return sorted(entries, key=rank)[:limit]


def open_dictionary(cache_dir: Path) -> Dictionary:
    """:meth:`Dictionary.open`, for callers that do not name the class."""
    return Dictionary.open(cache_dir)


def is_open_error(exc: BaseException) -> bool:
    """True for the errors opening a dictionary raises (no data, unwritable cache)."""
    from nda_reader.dictionary.cedict import DictionaryMissing

    return isinstance(exc, (DictionaryMissing, OSError, sqlite3.Error))
