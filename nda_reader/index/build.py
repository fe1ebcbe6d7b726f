"""Bringing the index up to date with the corpus files, file by file.

:func:`update` re-reads only the files that changed (see :mod:`nda_reader.index.files`):
a changed text replaces its document (front matter, body) and drops what was derived from
it; a changed layer file is parsed again. Then the corpus is assembled as
:func:`~nda_reader.corpus.loader.assemble` does for a load without index (the same code: the
same documents, annotations and problems), from the stored results of the unchanged files
and the anchor placements already known, and its layer parts and problems are stored.

Two longer steps run later, in another thread, and resume where they stopped: :func:`index_terms`
finds the terms in each document not yet done, :func:`index_search` folds each body for search.
"""

from __future__ import annotations

import gc
import pickle
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nda_reader.corpus.anchors import Anchor, Resolution
from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.parts import DOC_PARTS, LAYER_PARTS, doc_parts
from nda_reader.corpus.progress import Progress, no_progress
from nda_reader.corpus.sources import FileResult, read_layer_file, read_text_file
from nda_reader.corpus.term_index import TermMatcher
from nda_reader.formats.digest import blake2b
from nda_reader.index.assembly import LayerPiece, assemble_pieces
from nda_reader.index.files import Changes, Known, Stamp, find_changes, read_stamped, relative
from nda_reader.index.lazy import StoredDocument, anchor_key, document_meta, placement
from nda_reader.index.search import fold, grams_text

BATCH = 25
"""Documents written per transaction by the resumable steps."""


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def known_files(con: sqlite3.Connection) -> dict[str, Known]:
    """What the index knows of each corpus file."""
    rows = con.execute("SELECT path, size, mtime, ctime, ino, digest, checked FROM files")
    return {r[0]: Known(Stamp(*r[1:5]), r[5], r[6]) for r in rows}


def forms_digest(corpus: Corpus) -> bytes:
    """A digest of the glossary forms: the term occurrences depend on nothing else."""
    return blake2b(_dumps(corpus.glossary.form_pairs()), digest_size=16).digest()


def body_loader(con: sqlite3.Connection, doc_id: str) -> Callable[[], str]:
    """Reads ``doc_id``'s body from the index."""

    def load() -> str:
        row = con.execute("SELECT body FROM docs WHERE id = ?", (doc_id,)).fetchone()
        return str(row[0]) if row is not None else ""

    return load


def _drop_document(con: sqlite3.Connection, n: int, doc_id: str) -> None:
    """Remove document ``n`` and everything derived from its body."""
    row = con.execute("SELECT text FROM folded WHERE n = ?", (n,)).fetchone()
    if row is not None:
        text = bytes(row[0]).decode("utf-8")
        con.execute("INSERT INTO tri(tri, rowid, text) VALUES('delete', ?, ?)", (n, text))
        con.execute("INSERT INTO phrases(phrases, rowid, text) VALUES('delete', ?, ?)", (n, text))
        con.execute(
            "INSERT INTO grams(grams, rowid, text) VALUES('delete', ?, ?)", (n, grams_text(text))
        )
        con.execute("DELETE FROM folded WHERE n = ?", (n,))
    con.execute("DELETE FROM occ WHERE doc = ?", (n,))
    con.execute("DELETE FROM place WHERE doc = ?", (doc_id,))
    con.execute("DELETE FROM docs WHERE n = ?", (n,))


def _remember(con: sqlite3.Connection, key: str, known: Known, result: bytes) -> None:
    s = known.stamp
    con.execute(
        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (key, s.size, s.mtime, s.ctime, s.ino, known.digest, known.checked, result),
    )


def _read_text(
    con: sqlite3.Connection, root: Path, path: Path, key: str, old: dict[str, tuple[int, str]]
) -> FileResult:
    """Read a new or changed text into the index."""
    if key in old:
        _drop_document(con, *old.pop(key))
    read = read_stamped(path)
    result = read_text_file(path)
    problems = result.problems
    doc: Document | None = result.value
    if read is not None:
        _remember(con, key, read[1], _dumps(problems))
    if doc is None:
        return result
    if con.execute("SELECT 1 FROM docs WHERE id = ?", (doc.id,)).fetchone():
        return result  # an id taken twice: the loader reports it
    meta = document_meta(doc)
    cursor = con.execute(
        "INSERT INTO docs(id, path, ord, meta, body) VALUES (?, ?, 0, ?, ?)",
        (doc.id, key, _dumps(meta), doc.body),
    )
    stored = StoredDocument(path, meta, body_loader(con, doc.id), cursor.lastrowid or 0)
    stored.body = doc.body  # in hand: placing its anchors need not read it back
    return FileResult(stored, problems)


def _stored_text(
    con: sqlite3.Connection, root: Path, key: str, reuse: dict[int, StoredDocument]
) -> FileResult:
    row = con.execute("SELECT result FROM files WHERE path = ?", (key,)).fetchone()
    problems = tuple(pickle.loads(row[0])) if row is not None else ()
    doc = con.execute("SELECT n, id, meta FROM docs WHERE path = ?", (key,)).fetchone()
    if doc is None:
        return FileResult(None, problems)
    n, doc_id, meta = doc
    stored = reuse.get(n) or StoredDocument(
        root / key, pickle.loads(meta), body_loader(con, doc_id), n
    )
    return FileResult(stored, problems)


def _layer(
    con: sqlite3.Connection, path: Path, key: str, changed: bool, later: Later | None
) -> LayerPiece:
    if not changed:
        row = con.execute("SELECT result FROM files WHERE path = ?", (key,)).fetchone()
        if row is not None:
            found = pickle.loads(row[0])
            if isinstance(found, LayerPiece):
                found.path = path
                return found
    read = read_stamped(path)
    piece = LayerPiece.of(path, read_layer_file(path))
    if read is not None and later is not None:
        later[key] = (read[1], piece)
    elif read is not None:
        _remember(con, key, read[1], _dumps(piece))
    return piece


def remember_layer(con: sqlite3.Connection, key: str, known: Known, piece: LayerPiece) -> None:
    """Keep what a layer file (read by the reader after a save) gave."""
    _remember(con, key, known, _dumps(piece))


def placements(con: sqlite3.Connection) -> Callable[[Anchor], Resolution | None]:
    """Looks anchor placements up in the index (all read at once)."""
    rows = con.execute("SELECT key, status, start, stop, reason FROM place").fetchall()
    known = {bytes(r[0]): r[1:] for r in rows}

    def lookup(anchor: Anchor) -> Resolution | None:
        row = known.get(anchor_key(anchor))
        return placement(row) if row is not None else None

    return lookup


Later = dict[str, tuple[Known, LayerPiece] | None]
"""Layer files (by key) whose reading is yet to be kept in the index (None: gone)."""


@dataclass
class Assembled:
    """A corpus assembled by :func:`update`, and what it was made of."""

    corpus: Corpus
    changes: Changes
    texts: dict[Path, FileResult]
    pieces: dict[Path, LayerPiece]
    later: Later | None = None
    """With ``defer``: what :func:`store_corpus` and the layer files' rows are yet to
    keep (see :class:`~nda_reader.index.reloading.Writer`)."""


def update(
    con: sqlite3.Connection,
    root: Path,
    progress: Progress = no_progress,
    reuse: dict[int, StoredDocument] | None = None,
    *,
    defer: bool = False,
) -> Assembled | None:
    """Bring the index of ``root`` up to date; the assembled corpus and what changed, or
    None when nothing did (and the index is complete). Documents in ``reuse`` (by row)
    are used again for unchanged texts, so that an unchanged text stays the same object.

    With ``defer``, the texts and the corpus order are written now and the rest (layer
    files, parts, problems, anchor places: :attr:`Corpus.checking`) is left to the caller
    (:attr:`Assembled.later`), to do in a thread: a first launch shows its library sooner."""
    changes = find_changes(root, known_files(con))
    for key, known in changes.recheck.items():
        con.execute(
            "UPDATE files SET size=?, mtime=?, ctime=?, ino=?, checked=? WHERE path=?",
            (*_stamp_values(known.stamp), known.checked, key),
        )
    if not changes and con.execute("SELECT 1 FROM parts WHERE name = 'problems'").fetchone():
        return None
    paused = gc.isenabled()
    gc.disable()  # parsing makes many objects and no garbage: collections only cost time
    con.execute("BEGIN IMMEDIATE")
    try:
        assembled = _update(con, root, changes, progress, reuse or {}, {} if defer else None)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        if paused:
            gc.enable()
    return assembled


def _stamp_values(stamp: Stamp) -> tuple[int, int, int, int]:
    return stamp.size, stamp.mtime, stamp.ctime, stamp.ino


def _update(
    con: sqlite3.Connection,
    root: Path,
    changes: Changes,
    progress: Progress,
    reuse: dict[int, StoredDocument],
    later: Later | None,
) -> Assembled:
    old = {r[0]: (r[1], r[2]) for r in con.execute("SELECT path, n, id FROM docs")}
    for key in changes.removed:
        if key in old:
            _drop_document(con, *old.pop(key))
        if later is not None and not key.startswith("texts/"):
            later[key] = None
        else:
            con.execute("DELETE FROM files WHERE path = ?", (key,))
    total = len(changes.texts) + len(changes.layers)
    texts: dict[Path, FileResult] = {}
    for i, path in enumerate(changes.texts):
        key = relative(root, path)
        if key in changes.changed:
            texts[path] = _read_text(con, root, path, key, old)
        else:
            texts[path] = _stored_text(con, root, key, reuse)
        if i % 50 == 0:
            progress("Reading texts", i, total)
    layers: dict[Path, LayerPiece] = {}
    for i, path in enumerate(changes.layers):
        key = relative(root, path)
        layers[path] = _layer(con, path, key, key in changes.changed, later)
        if i % 20 == 0:
            progress("Reading annotations", len(changes.texts) + i, total)
    progress("Checking anchors" if later is None else "Assembling the corpus", total, total)
    previous = Corpus(root=root, _lookup=placements(con))
    corpus = assemble_pieces(  # the reader (``later``) places the anchors after its first paint
        root, texts, layers.values(), read_layer_file, previous, anchors=later is None
    )
    if later is None:
        store_corpus(con, corpus, dict(corpus._placed))
    else:
        store_order(con, corpus)
    return Assembled(corpus, changes, texts, layers, later)


def store_order(con: sqlite3.Connection, corpus: Corpus) -> None:
    """Store the corpus order of the documents."""
    con.executemany(
        "UPDATE docs SET ord = ? WHERE id = ?",
        [(i, d.id) for i, d in enumerate(corpus.ordered_documents())],
    )


def store_corpus(con: sqlite3.Connection, corpus: Corpus, placed: dict[Anchor, Resolution]) -> None:
    """Store what was assembled: layer parts, problems, placements (``placed``, taken
    from the corpus by the caller), corpus order."""
    for name in LAYER_PARTS:
        con.execute(
            "INSERT OR REPLACE INTO parts VALUES (?, ?)", (name, _dumps(getattr(corpus, name)))
        )
    con.execute("INSERT OR REPLACE INTO parts VALUES ('problems', ?)", (_dumps(corpus.problems),))
    con.execute("DELETE FROM docparts")
    parts = doc_parts(corpus)
    con.executemany(
        "INSERT INTO docparts VALUES (?, ?, ?)",
        [
            (doc_id, name, _dumps(parts[name].get(doc_id, [])))
            for doc_id in corpus.documents
            for name in DOC_PARTS
        ],
    )
    con.executemany(
        "INSERT OR IGNORE INTO place VALUES (?, ?, ?, ?, ?, ?)",
        [
            (anchor_key(a), a.doc, r.status.value, r.start, r.end, r.reason)
            for a, r in placed.items()
            if a.doc in corpus.documents
        ],
    )
    store_order(con, corpus)
    forms = forms_digest(corpus)
    row = con.execute("SELECT value FROM parts WHERE name = 'forms'").fetchone()
    if row is None or bytes(row[0]) != forms:
        con.execute("DELETE FROM occ")
        con.execute("UPDATE docs SET terms = 0")
        con.execute("INSERT OR REPLACE INTO parts VALUES ('forms', ?)", (forms,))


def load_part(con: sqlite3.Connection, name: str) -> Any:
    """A stored layer part (or the problems), unpickled; None when there is none."""
    row = con.execute("SELECT value FROM parts WHERE name = ?", (name,)).fetchone()
    if row is None:
        return None
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(row[0])
    finally:
        if paused:
            gc.enable()


def _todo(con: sqlite3.Connection, column: str) -> list[tuple[int, str]]:
    return con.execute(f"SELECT n, id FROM docs WHERE {column} = 0 ORDER BY ord").fetchall()


def index_terms(
    con: sqlite3.Connection,
    make_matcher: Callable[[], TermMatcher],
    forms: bytes,
    progress: Progress = no_progress,
    stop: Callable[[], bool] = lambda: False,
) -> bool:
    """Find the glossary terms in every document not yet done (the matcher is made only if
    one is); False if stopped, or if the glossary changed meanwhile (work for a newer run)."""
    todo = _todo(con, "terms")
    matcher = make_matcher() if todo else TermMatcher()
    for start in range(0, len(todo), BATCH):
        if stop():
            return False
        batch = todo[start : start + BATCH]
        found = []
        for n, _doc_id in batch:
            row = con.execute("SELECT body FROM docs WHERE n = ?", (n,)).fetchone()
            if row is not None:
                found.append((n, matcher.find_in(row[0])))
        con.execute("BEGIN IMMEDIATE")
        row = con.execute("SELECT value FROM parts WHERE name = 'forms'").fetchone()
        if row is None or bytes(row[0]) != forms:
            con.execute("ROLLBACK")
            return False
        for n, occurrences in found:
            if con.execute("SELECT terms FROM docs WHERE n = ?", (n,)).fetchone() != (0,):
                continue  # replaced or done meanwhile
            con.executemany(
                "INSERT INTO occ VALUES (?, ?, ?, ?)",
                [(n, s, e, entry) for s, e, entry in occurrences],
            )
            con.execute("UPDATE docs SET terms = 1 WHERE n = ?", (n,))
        con.execute("COMMIT")
        progress("Finding glossary terms", start + len(batch), len(todo))
    return True


def index_search(
    con: sqlite3.Connection,
    progress: Progress = no_progress,
    stop: Callable[[], bool] = lambda: False,
) -> bool:
    """Fold every body not yet searchable into the search indexes; False if stopped."""
    todo = _todo(con, "searchable")
    for start in range(0, len(todo), BATCH):
        if stop():
            return False
        batch = todo[start : start + BATCH]
        folded = []
        for n, _doc_id in batch:
            row = con.execute("SELECT body FROM docs WHERE n = ?", (n,)).fetchone()
            if row is not None:
                folded.append((n, fold(row[0])))
        con.execute("BEGIN IMMEDIATE")
        for n, text in folded:
            if con.execute("SELECT searchable FROM docs WHERE n = ?", (n,)).fetchone() != (0,):
                continue
            con.execute("INSERT OR REPLACE INTO folded VALUES (?, ?)", (n, text.encode("utf-8")))
            con.execute("INSERT INTO tri(rowid, text) VALUES (?, ?)", (n, text))
            con.execute("INSERT INTO phrases(rowid, text) VALUES (?, ?)", (n, text))
            con.execute("INSERT INTO grams(rowid, text) VALUES (?, ?)", (n, grams_text(text)))
            con.execute("UPDATE docs SET searchable = 1 WHERE n = ?", (n,))
        con.execute("COMMIT")
        progress("Indexing texts for search", start + len(batch), len(todo))
    return True
