"""Where each document was left, and its marks, kept in ``places.yaml`` between launches.

The file sits in the configuration folder beside ``settings.yaml``::

    # Where you left off, and your marks (m + letter); written by nda-reader.
    corpora:
      /home/me/corpus:                       # the corpus folder (a single file: its path)
        scio-nda-briefing-2024:              # the document (a multi-part one: part_of)
          at: {doc: scio-nda-briefing-2024-p2, offset: 1834, text: 'Zhang Wang: Thank'}
          marks:
            a: {doc: scio-nda-briefing-2024-p1, offset: 120, text: 'In coordinating the'}

Loading never raises: a missing, unreadable or corrupt file (or entry) is as good as none.
Saving is atomic (:mod:`nda_reader.formats.atomic`) and reports, never raises.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.formats.atomic import atomic_write
from nda_reader.formats.yaml_source import plain_yaml
from nda_reader.reading.places import MARK_LETTERS, Place, place_at, relocate

PLACES_FILE = "places.yaml"
HEADER = "# Where you left off, and your marks (m + letter); written by nda-reader.\n"


def _place(value: Any) -> Place | None:
    """A place read from the file, or None when it is not one."""
    if not isinstance(value, dict):
        return None
    doc, offset, text = value.get("doc"), value.get("offset"), value.get("text", "")
    if not isinstance(doc, str) or not isinstance(offset, int) or isinstance(offset, bool):
        return None
    return Place(doc, max(0, offset), text if isinstance(text, str) else "")


def _data(place: Place) -> dict[str, Any]:
    return {"doc": place.doc, "offset": place.offset, "text": place.text}


class PlaceBook:
    """The places and marks of every document read, by corpus and document."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._corpora: dict[str, dict[str, dict[str, Any]]] = {}
        self.dirty = False
        """True when something changed since the file was read or written."""

    @classmethod
    def load(cls, config_dir: Path) -> PlaceBook:
        """The book kept in ``config_dir`` (empty when the file is missing or unusable)."""
        book = cls(config_dir / PLACES_FILE)
        try:
            text = book.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, ValueError):
            return book
        data = plain_yaml(text)
        corpora = data.get("corpora") if isinstance(data, dict) else None
        if isinstance(corpora, dict):
            book._corpora = {
                str(k): {str(d): e for d, e in v.items() if isinstance(e, dict)}
                for k, v in corpora.items()
                if isinstance(v, dict)
            }
        return book

    def _entry(self, corpus: str, doc: str, create: bool = False) -> dict[str, Any]:
        docs = self._corpora.setdefault(corpus, {}) if create else self._corpora.get(corpus, {})
        return docs.setdefault(doc, {}) if create else docs.get(doc, {})

    def left_at(self, corpus: str, doc: str) -> Place | None:
        """Where document ``doc`` of ``corpus`` was left, if anywhere."""
        return _place(self._entry(corpus, doc).get("at"))

    def leave(self, corpus: str, doc: str, place: Place) -> None:
        """Remember that ``doc`` was left at ``place``."""
        entry = self._entry(corpus, doc, create=True)
        if _place(entry.get("at")) != place:
            entry["at"] = _data(place)
            self.dirty = True

    def mark(self, corpus: str, doc: str, letter: str) -> Place | None:
        """Mark ``letter`` of ``doc``, if it is set."""
        marks = self._entry(corpus, doc).get("marks")
        return _place(marks.get(letter)) if isinstance(marks, dict) else None

    def set_mark(self, corpus: str, doc: str, letter: str, place: Place) -> None:
        """Set mark ``letter`` (a-z) of ``doc`` to ``place``."""
        if letter not in MARK_LETTERS:
            raise ValueError(f"a mark is a letter a-z, not {letter!r}")
        entry = self._entry(corpus, doc, create=True)
        marks = entry.get("marks")
        if not isinstance(marks, dict):
            marks = entry["marks"] = {}
        marks[letter] = _data(place)
        self.dirty = True

    def marks(self, corpus: str, doc: str) -> dict[str, Place]:
        """Every mark of ``doc`` set, by letter."""
        marks = self._entry(corpus, doc).get("marks")
        found = {k: _place(v) for k, v in marks.items()} if isinstance(marks, dict) else {}
        return {k: p for k, p in sorted(found.items()) if p is not None}

    def save(self) -> str | None:
        """Write the book if it changed; None, or why it could not be written."""
        if not self.dirty:
            return None
        import yaml

        text = HEADER + yaml.safe_dump(
            {"corpora": self._corpora}, allow_unicode=True, sort_keys=True, width=96
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, text)
        except OSError as exc:
            return f"could not keep your place in {self.path}: {exc.strerror or exc}"
        self.dirty = False
        plain_yaml(text)  # kept (with a memo in use) for the next start, read without PyYAML
        return None


def document_key(doc: Document) -> str:
    """What places are kept under: the whole document (``part_of``), or the text's id."""
    return doc.part_of or doc.id


class Places:
    """The places and marks of the open corpus's documents, kept in a :class:`PlaceBook`.

    A place is kept per document (all parts of a multi-part one) of a corpus folder (a file
    opened on its own: by its path), and found again with
    :func:`~nda_reader.reading.places.relocate` in a text edited meanwhile. Every change is
    saved at once; a failure to save is said through ``warn``, never raised.
    """

    def __init__(
        self, book: PlaceBook, corpus: Callable[[], Corpus], warn: Callable[[str], None]
    ) -> None:
        self.book = book
        self._corpus = corpus
        self._warn = warn

    def _key(self, doc: Document) -> tuple[str, str]:
        root = self._corpus().root
        return str((root or doc.path).resolve()), document_key(doc)

    def save(self) -> None:
        """Write what changed (a failure is said, not raised)."""
        error = self.book.save()
        if error:
            self._warn(error)

    def place_of(self, doc: Document) -> tuple[Document, int]:
        """Where ``doc`` (any part of it) was left: the part and the offset in it (its start
        when it was never read)."""
        place = self.book.left_at(*self._key(doc))
        part = self._corpus().documents.get(place.doc) if place is not None else None
        if place is None or part is None or document_key(part) != document_key(doc):
            return doc, 0
        return part, relocate(place, part.body)

    def leave(self, part: Document, offset: int) -> None:
        """Remember that ``part``'s document was left at ``offset`` of ``part``."""
        self.book.leave(*self._key(part), place_at(part.id, part.body, offset))
        self.save()

    def set_mark(self, letter: str, part: Document, offset: int) -> None:
        """Mark ``letter`` at ``offset`` of ``part``, kept across launches."""
        self.book.set_mark(*self._key(part), letter, place_at(part.id, part.body, offset))
        self.save()

    def mark(self, letter: str, doc: Document) -> tuple[str, int] | None:
        """Where mark ``letter`` of ``doc``'s document is now (part id, offset), if set."""
        place = self.book.mark(*self._key(doc), letter)
        if place is None:
            return None
        part = self._corpus().documents.get(place.doc)
        if part is None:  # a single file, outside any corpus
            return (place.doc, relocate(place, doc.body)) if place.doc == doc.id else None
        return part.id, relocate(place, part.body)

    def marks_set(self, doc: Document) -> str:
        """The letters of the marks set in ``doc``'s document."""
        return "".join(self.book.marks(*self._key(doc)))
