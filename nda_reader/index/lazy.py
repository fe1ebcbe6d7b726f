"""The parts of an indexed corpus that are read from the index only when used.

A :class:`StoredDocument` knows its front matter at once and reads its body (and splits
it into passages) on first use; :class:`StoredOccurrences` looks the term occurrences of a
document or an entry up in the index; :func:`anchor_key` names an anchor's placement.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any, overload

from nda_reader.corpus.anchors import Anchor, Resolution, Status
from nda_reader.corpus.document import Document
from nda_reader.corpus.term_index import Occurrence, Occurrences
from nda_reader.formats.digest import blake2b

META_FIELDS = tuple(
    f.name for f in fields(Document) if f.name not in ("path", "body") and f.name[0] != "_"
)
"""The fields of a document kept in the index besides its body."""


def document_meta(doc: Document) -> dict[str, Any]:
    """What the index keeps of ``doc`` besides its body."""
    return {name: getattr(doc, name) for name in META_FIELDS}


class StoredDocument(Document):
    """A document of the index: front matter now, body (and passages) when first used."""

    def __init__(
        self, path: Path, meta: dict[str, Any], load: Callable[[], str], row: int = 0
    ) -> None:
        # Document.__init__ would need the body; the fields are set here instead.
        for name, value in meta.items():
            object.__setattr__(self, name, value)
        self.path = path
        self.row = row
        """The document's row in the index: a new row for every new version of the text."""
        self._load = load
        self._text: str | None = None
        self._blocks = self._lines = self._starts = None

    @property
    def body(self) -> str:
        """The body, read from the index on first use."""
        if self._text is None:
            self._text = self._load()
        return self._text

    @body.setter
    def body(self, value: str) -> None:
        self._text = value

    @property
    def loaded(self) -> bool:
        """True once the body has been read."""
        return self._text is not None


SORTED_ROWS = 1000
"""An entry with more occurrences than this has its concordance's rows read document by
document in corpus order (see :meth:`StoredOccurrences.rows`), not all sorted."""

_ROWS_SORTED = (
    "SELECT d.id, o.start, o.stop FROM occ o JOIN docs d ON d.n = o.doc "
    "WHERE o.entry = ? ORDER BY d.ord, o.start LIMIT ? OFFSET ?"
)
_ROWS_BY_DOCUMENTS = (  # CROSS JOIN: SQLite keeps the documents as the outer loop
    "SELECT d.id, o.start, o.stop FROM docs d CROSS JOIN occ o ON o.entry = ? AND o.doc = d.n "
    "ORDER BY d.ord, o.start LIMIT ? OFFSET ?"
)


class EntryOccurrences(Sequence[Occurrence]):
    """The occurrences of one entry, read from the index as far as they are looked at:
    a concordance of thousands shows its count and first rows without reading the rest."""

    def __init__(self, source: StoredOccurrences, entry_id: str) -> None:
        self.source = source
        self.entry_id = entry_id
        self._len: int | None = None
        self._all: list[Occurrence] | None = None

    def __len__(self) -> int:
        if self._len is None:
            self._len = self.source.count(self.entry_id)
        return self._len

    @overload
    def __getitem__(self, index: int) -> Occurrence: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Occurrence]: ...

    def __getitem__(self, index: int | slice) -> Occurrence | Sequence[Occurrence]:
        if isinstance(index, slice) and index.step in (None, 1) and self._all is None:
            start, stop, _ = index.indices(len(self))
            return self.source.rows(self.entry_id, max(0, stop - start), start, len(self))
        if self._all is None:
            self._all = self.source.rows(self.entry_id, -1, 0)
        return self._all[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def anchor_key(anchor: Anchor) -> bytes:
    """The key of ``anchor``'s placement in the index (everything that decides it)."""
    text = "\0".join((anchor.doc, anchor.exact, anchor.prefix, anchor.suffix, str(anchor.pos)))
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def placement(row: tuple[str, int, int, str]) -> Resolution:
    """A placement read back from the index."""
    status, start, stop, reason = row
    return Resolution(Status(status), start, stop, reason)


class StoredOccurrences(Occurrences):
    """Term occurrences read from the index, per document and per entry.

    ``compute(doc_id)`` finds a document's occurrences when the index does not have them
    yet (while it is being built); :attr:`complete` says whether every document is in.
    """

    def __init__(
        self,
        con: sqlite3.Connection,
        compute: Callable[[str], list[Occurrence]],
    ) -> None:
        self.con = con
        self.compute = compute
        self.complete = False
        self._lock = threading.Lock()
        self._by_doc: dict[str, list[Occurrence]] = {}
        self._by_entry: dict[str, EntryOccurrences] = {}

    def in_doc(self, doc_id: str) -> Sequence[Occurrence]:
        """Occurrences in one document, in text order."""
        found = self._by_doc.get(doc_id)
        if found is not None:
            return found
        with self._lock:
            row = self.con.execute("SELECT n, terms FROM docs WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return []
            if not row[1]:
                found = self.compute(doc_id)  # not in the index yet
            else:
                rows = self.con.execute(
                    "SELECT start, stop, entry FROM occ WHERE doc = ? ORDER BY start", (row[0],)
                ).fetchall()
                found = [Occurrence(doc_id, s, e, entry) for s, e, entry in rows]
        self._by_doc[doc_id] = found
        return found

    def of_entry(self, entry_id: str) -> Sequence[Occurrence]:
        """Occurrences of one entry across the corpus, in corpus order (while the index is
        being built, in the documents it has so far: see :attr:`complete`)."""
        known = self._by_entry.get(entry_id)
        if known is not None:
            return known
        fresh = EntryOccurrences(self, entry_id)
        if self.complete:
            self._by_entry[entry_id] = fresh
        return fresh

    def rows(
        self, entry_id: str, limit: int, offset: int, total: int | None = None
    ) -> list[Occurrence]:
        """Occurrences ``offset`` to ``offset + limit`` of ``entry_id``, in corpus order
        (``total``: how many the entry has, if known; it chooses the query)."""
        # An entry's rows sorted by document order take a sort of them all (12 ms for
        # 35,000); the first rows of a frequent entry come sooner from the documents read
        # in order, each looked up in the entry's index (0.1 ms), which for a rare entry
        # would look up every document in vain.
        by_documents = total is not None and total > SORTED_ROWS and limit >= 0
        query = _ROWS_BY_DOCUMENTS if by_documents else _ROWS_SORTED
        with self._lock:
            rows = self.con.execute(query, (entry_id, limit, offset)).fetchall()
        return [Occurrence(doc, s, e, entry_id) for doc, s, e in rows]

    def count(self, entry_id: str) -> int:
        """How many occurrences ``entry_id`` has (in the documents indexed so far)."""
        with self._lock:
            row = self.con.execute("SELECT count(*) FROM occ WHERE entry = ?", (entry_id,))
            return int(row.fetchone()[0])

    def forget(self) -> None:
        """Drop what was looked up (the index changed)."""
        self._by_doc.clear()
        self._by_entry.clear()
