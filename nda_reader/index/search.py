"""Which documents contain a text, answered from the index.

Corpus search is literal and case-insensitive, and a run of whitespace in the query matches
any run of whitespace (:mod:`nda_reader.reading.search`). The index keeps each body
*folded* the same way: whitespace runs become one space and every character becomes the one
representative of the characters Python's ``re.IGNORECASE`` treats as equal to it (so ``K``
the Kelvin sign is ``k``, and ``ſ`` is ``s``). A query folded alike then occurs in a folded
body exactly where the reader's search finds a match.

These answer a query, all with one answer: the documents that contain it.

- A trigram index without positions (SQLite FTS5, small) gives the documents that contain
  every three-character piece of a query of three characters or more: a few candidates for
  a rare query, most of the corpus for a common one.
- Each candidate's folded body (kept in memory once loaded) is searched for the query,
  stopping at the first hit: a common query is found near the start of nearly every
  document, a rare one is looked for only in its few candidates.
- When few of the first candidates hold the query (its trigrams are everywhere but it is
  not), a trigram index with positions answers it exactly instead.
- A query of three characters or more without ASCII (Chinese, say) goes to the index
  with positions at once: its trigrams are rare.
- A query of one or two characters has no trigram. If it has no ASCII character (a Chinese
  word of two characters, say), an index of the characters and character pairs of each
  body answers it exactly; otherwise every folded body is searched.
"""

from __future__ import annotations

import functools
import importlib
import re
import sqlite3
import threading
from collections.abc import Callable


def _case_rules() -> tuple[Callable[[int], int], dict[int, tuple[int, ...]]]:
    """How Python's ``re`` folds case: its lower-casing of one character and the extra
    equivalences it adds (``s`` and ``ſ`` ...); plain lower-casing where they are missing."""
    try:
        sre = importlib.import_module("_sre")
        extra = importlib.import_module("re._casefix")._EXTRA_CASES
        return sre.unicode_tolower, dict(extra)
    except (ImportError, AttributeError):  # pragma: no cover - another Python

        def lower(c: int) -> int:
            low = chr(c).lower()
            return ord(low) if len(low) == 1 else c

        return lower, {}


_tolower, _EXTRA_CASES = _case_rules()


def _fold_char(ch: str) -> str:
    low = _tolower(ord(ch))
    return chr(min([low, *_EXTRA_CASES.get(low, ())]))


def _special() -> dict[str, str]:
    """Characters that ``str.lower`` does not fold as ``re.IGNORECASE`` compares them
    (``İ`` lowers to two characters, ``σ`` lowers to ``ς`` at a word's end, ...)."""
    chars = {"\u0130"}
    for low, others in _EXTRA_CASES.items():
        for c in (low, *others):
            chars.add(chr(c))
            chars.update(u for u in chr(c).upper() if len(chr(c).upper()) == 1)
    return {c: _fold_char(c) for c in chars}


@functools.cache
def _special_folding() -> tuple[dict[str, str], re.Pattern[str]]:
    """:func:`_special` and an expression finding those characters; made on first use
    (~1 ms of start-up otherwise)."""
    special = _special()
    return special, re.compile("[" + "".join(re.escape(c) for c in sorted(special)) + "]")


def fold(text: str) -> str:
    """``text`` with whitespace runs as one space and each character folded (see above)."""
    text = " ".join(text.split())
    if not text.isascii():
        special, found = _special_folding()
        text = found.sub(lambda m: special[m.group()], text)
    return text.lower()


def grams_text(folded: str) -> str:
    """The characters and character pairs of ``folded`` that have no ASCII character,
    each once, as words for the pairs index."""
    if folded.isascii():
        return ""
    runs = re.findall(r"[^\x00-\x7f]+", folded)
    seen: set[str] = set()
    for run in runs:
        seen.update(run)
        seen.update(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(sorted(seen))


PHRASE_WINDOW = 10
"""Characters of a long query looked up in the phrase index (see
:meth:`TextFinder._phrase_hits`): a phrase of 19 characters took 18 ms there, its middle
10 characters 6 ms, and searching the ~200 documents they gave for the whole ~4 ms."""

LONG_PHRASE = 16
"""Queries this long or longer are looked up by their middle (shorter ones gain too
little: “data market” took as long either way)."""


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class TextFinder:
    """Finds the documents that contain a text (see the module docstring).

    ``con`` is a connection to the index; folded bodies are read from it on first use and
    kept (:meth:`load`).
    """

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self._folded: dict[int, bytes] | None = None
        self._order: dict[int, tuple[int, str]] | None = None
        """Each document's place in corpus order and id, by number (read with the texts)."""
        self._lock = threading.Lock()

    def ready(self) -> bool:
        """True when every document of the index is searchable."""
        with self._lock:
            row = self.con.execute("SELECT count(*) FROM docs WHERE searchable = 0").fetchone()
        return not row[0]

    def load(self) -> dict[int, bytes]:
        """The folded bodies by document number (read once)."""
        with self._lock:
            if self._folded is None:
                rows = self.con.execute(
                    "SELECT f.n, f.text FROM folded f JOIN docs d ON d.n = f.n"
                ).fetchall()
                self._folded = dict(rows)
                order = self.con.execute("SELECT n, ord, id FROM docs").fetchall()
                self._order = {n: (place, doc_id) for n, place, doc_id in order}
            return self._folded

    def forget(self) -> None:
        """Drop the folded bodies (the index changed)."""
        with self._lock:
            self._folded = None
            self._order = None

    def _query(self, table: str, match: str) -> list[int]:
        with self._lock:
            sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
            return [r[0] for r in self.con.execute(sql, (match,))]

    def _candidates(self, query: str) -> tuple[list[int] | None, bool]:
        """Document numbers that may contain ``query`` (None: every document), and
        whether each of them surely does."""
        if len(query) >= 3:
            # The documents with all its trigrams (without positions FTS5 takes no
            # phrase, but each trigram on its own).
            trigrams = dict.fromkeys(query[i : i + 3] for i in range(len(query) - 2))
            match = " AND ".join(_phrase(t) for t in trigrams)
            return self._query("tri", match), len(trigrams) == 1
        if query.isascii() or not all(ord(c) > 127 for c in query):
            return None, False
        return self._query("grams", _phrase(query)), True

    def _verify(self, query: str, candidates: list[int] | None) -> list[int]:
        """The candidates whose folded body contains ``query``. Each body is searched up
        to its first hit; when few of the first candidates hold the query (a phrase of
        common words, or a rare word, whose trigrams are everywhere), the phrase index,
        which knows where each trigram is, answers instead."""
        texts = self.load()
        needle = query.encode("utf-8")
        pool = list(texts) if candidates is None else candidates
        found: list[int] = []
        for i, n in enumerate(pool):
            if needle in texts.get(n, b""):
                found.append(n)
            if i == 40 and len(query) >= 3 and len(found) < 30:
                return self._phrase_hits(query, texts)
        return found

    def _phrase_hits(self, query: str, texts: dict[int, bytes]) -> list[int]:
        """The documents that contain ``query`` (three characters or more), by the
        phrase index. The index answers a phrase slower the more trigrams it has: for a
        query of :data:`LONG_PHRASE` characters or more, the documents with its middle
        :data:`PHRASE_WINDOW` characters are searched for the whole of it instead."""
        if len(query) < LONG_PHRASE:
            return self._query("phrases", _phrase(query))
        start = (len(query) - PHRASE_WINDOW) // 2
        middle = self._query("phrases", _phrase(query[start : start + PHRASE_WINDOW]))
        needle = query.encode("utf-8")
        return [n for n in middle if needle in texts.get(n, b"")]

    def documents_with(self, query: str, *, exact: bool = True) -> list[str]:
        """Ids of the documents that contain ``query``, in corpus order; with
        ``exact=False`` unless the folded texts are loaded already, those that may (the
        candidates of the trigram index, without reading a text)."""
        folded = fold(query)
        if not folded:
            return []
        if len(folded) >= 3 and not any(c.isascii() for c in folded):
            # Chinese (or another script): its trigrams are rare, the positions quick.
            found = self._query("phrases", _phrase(folded))
            return self._ids(found)
        candidates, sure = self._candidates(folded)
        if sure and candidates is not None:
            found = candidates
        elif exact or self._folded is not None:
            found = self._verify(folded, candidates)
        elif candidates is None:
            with self._lock:
                return [r[0] for r in self.con.execute("SELECT id FROM docs ORDER BY ord")]
        else:
            found = candidates
        return self._ids(found)

    def _ids(self, found: list[int]) -> list[str]:
        """The ids of documents ``found`` (numbers), in corpus order."""
        if not found:
            return []
        with self._lock:
            order = self._order
            if order is not None and all(n in order for n in found):
                return [order[n][1] for n in sorted(found, key=lambda n: order[n])]
            marks = ",".join("?" * len(found))
            rows = self.con.execute(
                f"SELECT id FROM docs WHERE n IN ({marks}) ORDER BY ord", found
            ).fetchall()
        return [r[0] for r in rows]
