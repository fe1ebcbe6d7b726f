"""The corpus after a save: read the layer files written, assemble in memory, and bring the
index up to date in a thread.

A save in the reader changes a layer file or two. :func:`reload_layers` reads those (and
any other layer file that changed meanwhile), puts the corpus together from the pieces of
every layer file (:mod:`nda_reader.index.assembly`) with the texts as they were, and hands
what the index must keep to a :class:`Writer`, which writes it in a thread of its own: the
reader shows the change without waiting for the index. Should the reader stop before the
index is written, the next start finds the file newer than the index and reads it again.
When a text changed too, the whole update of :func:`~nda_reader.index.build.update` runs
instead.
"""

from __future__ import annotations

import pickle
import sqlite3
import threading
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from nda_reader.corpus.anchors import Anchor, Resolution
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.sources import FileResult, read_layer_file
from nda_reader.index.assembly import Before, LayerPiece, assemble_pieces
from nda_reader.index.build import (
    Assembled,
    Later,
    forms_digest,
    known_files,
    remember_layer,
    store_corpus,
)
from nda_reader.index.files import (
    Changes,
    Known,
    find_changes,
    find_changes_of,
    read_stamped,
    relative,
)
from nda_reader.index.lazy import StoredDocument
from nda_reader.index.store import connect

Written = Later
"""Layer files to remember (by key), None for those gone."""


def stored_assembly(
    con: sqlite3.Connection, root: Path, changes: Changes, corpus: Corpus
) -> Assembled:
    """What ``corpus`` (read from the index) is made of: its documents, the problems of
    each text, the piece of each layer file."""
    rows = {r[0]: r[1] for r in con.execute("SELECT path, result FROM files")}
    by_path = {d.path: d for d in corpus.documents.values() if isinstance(d, StoredDocument)}
    texts = {}
    for path in changes.texts:
        stored = rows.get(relative(root, path))
        problems = tuple(pickle.loads(stored)) if stored is not None else ()
        texts[path] = FileResult(by_path.get(path), problems)
    pieces = {}
    for path in changes.layers:
        stored = rows.get(relative(root, path))
        piece = pickle.loads(stored) if stored is not None else None
        if isinstance(piece, LayerPiece):
            piece.path = path
            pieces[path] = piece
    return Assembled(corpus, changes, texts, pieces)


def assemble_stored(
    con: sqlite3.Connection,
    root: Path,
    corpus: Corpus,
    lookup: Callable[[Anchor], Resolution | None],
) -> Assembled:
    """``corpus`` (read from the index) assembled again from the pieces the index keeps,
    its anchors checked (placed by ``lookup``): what a reload after a save starts from,
    made ahead of it (see :meth:`~nda_reader.index.open.CorpusIndex.prepare`)."""
    stored = stored_assembly(con, root, find_changes(root, known_files(con)), corpus)
    previous = Corpus(root=root)
    previous._lookup = lookup
    pieces = stored.pieces.values()
    assembled = assemble_pieces(root, stored.texts, pieces, read_layer_file, reuse=previous)
    return Assembled(assembled, stored.changes, stored.texts, stored.pieces)


def reload_layers(
    con: sqlite3.Connection,
    root: Path,
    old: Corpus,
    assembled: Assembled | None,
    known: Mapping[str, Known] | None = None,
    only: Collection[Path] | None = None,
) -> tuple[Assembled, Written, Assembled] | None:
    """The corpus after layer files changed, assembled in memory, what the index must
    remember, and what the corpus before was made of; None when a text changed as well
    (or nothing did). ``known``: what is known of the files, if not the index's rows.
    With ``only`` (layer files a save wrote) and an ``assembled`` corpus, only those
    files are compared (see :func:`~nda_reader.index.files.find_changes_of`)."""
    known = known_files(con) if known is None else known
    if only is not None and assembled is not None:
        changes = find_changes_of(root, known, only, assembled.changes)
    else:
        changes = find_changes(root, known)
    listed = set(changes.texts)  # the paths' hashes are kept: cheaper than their keys
    text_changed = any(root / key in listed for key in changes.changed)
    text_gone = any(k.startswith("texts/") for k in changes.removed)
    if not changes or text_changed or text_gone:
        return None
    if assembled is None or set(assembled.texts) != set(changes.texts):
        assembled = stored_assembly(con, root, changes, old)
    pieces = dict(assembled.pieces)
    written: Written = {}
    for path in changes.layers:
        key = relative(root, path)
        if key in changes.changed or path not in pieces:
            read = read_stamped(path)
            pieces[path] = LayerPiece.of(path, read_layer_file(path))
            if read is not None:
                written[key] = (read[1], pieces[path])
    for key in changes.removed:
        written[key] = None
    ordered = {p: pieces[p] for p in changes.layers}
    before = Before(assembled.corpus, assembled.pieces)
    corpus = assemble_pieces(
        root, assembled.texts, ordered.values(), read_layer_file, reuse=old, before=before
    )
    return Assembled(corpus, changes, assembled.texts, ordered), written, assembled


AFTER_SAVE = 1.0
"""Seconds between a save and writing the index: storing a large corpus takes a few tenths
of a second of Python in a thread, which would hold back the repaint that shows the save."""


class Writer:
    """Writes what a reload made into the index, one reload at a time, in a thread; a
    write overtaken by a newer one is skipped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._latest = 0
        self._thread: threading.Thread | None = None

    def write(
        self,
        corpus: Corpus,
        placed: dict[Anchor, Resolution],
        written: Written,
        *,
        now: bool = False,
        delay: float = 0.0,
    ) -> None:
        """Store ``corpus`` and the ``written`` files (``now``: before returning; else in
        a thread, started ``delay`` seconds from now)."""
        self._latest += 1
        number = self._latest
        if now:
            self._write(number, corpus, placed, written)
            return
        args = (number, corpus, placed, written)
        thread = (
            threading.Timer(delay, self._write, args)
            if delay > 0
            else threading.Thread(target=self._write, args=args)
        )
        thread.name = "nda-reader save"
        thread.daemon = True
        thread.start()
        self._thread = thread

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the last write to be done."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _write(
        self, number: int, corpus: Corpus, placed: dict[Anchor, Resolution], written: Written
    ) -> None:
        with self._lock:
            con = connect(self.path)
            try:
                con.execute("BEGIN IMMEDIATE")
                for key, item in written.items():
                    if item is None:
                        con.execute("DELETE FROM files WHERE path = ?", (key,))
                    else:
                        remember_layer(con, key, *item)
                if number == self._latest:  # a newer write stores a newer corpus
                    store_corpus(con, corpus, placed)
                con.execute("COMMIT")
            except sqlite3.Error:
                if con.in_transaction:
                    con.execute("ROLLBACK")
            finally:
                con.close()


def forms_changed(old: Corpus, new: Corpus) -> bool:
    """True when the glossary forms differ (every document's terms are then found anew)."""
    return forms_digest(old) != forms_digest(new)
