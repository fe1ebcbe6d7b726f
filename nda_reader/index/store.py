"""The index database: where it lives, its tables, and opening it safely.

One SQLite file per corpus folder in the cache folder (``index-<digest of the folder>.sqlite``,
with SQLite's ``-wal`` and ``-shm`` beside it). It holds nothing that is not in the corpus
files, so it can be deleted at any time. It stores pickles, so like the ``.pyc`` files of
Python it is trusted code-wise: the folder is made private (mode 0700), the file is created
0600, and a file or folder that someone else owns or others can write is never opened (the
corpus is then loaded without an index). A file that is not an index, an index of another
folder or of another version of this code, or one SQLite finds corrupt is deleted and
built again. Indexes not opened for 30 days are deleted.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from nda_reader import __version__
from nda_reader.formats.digest import blake2b
from nda_reader.formats.kept_file import files_fingerprint
from nda_reader.index.files import is_private

FORMAT = "nda-reader index 3"
_PACKAGE = Path(__file__).resolve().parent.parent
_SUFFIXES = ("", "-wal", "-shm", "-journal")

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE files(
    path TEXT PRIMARY KEY, size INT, mtime INT, ctime INT, ino INT,
    digest BLOB, checked INT, result BLOB
);
CREATE TABLE docs(
    n INTEGER PRIMARY KEY, id TEXT UNIQUE, path TEXT, ord INT, meta BLOB, body TEXT,
    terms INT NOT NULL DEFAULT 0, searchable INT NOT NULL DEFAULT 0
);
CREATE INDEX docs_ord ON docs(ord, n);
-- Whether the index is complete is asked at each save: these keep the count of documents
-- left to do from reading every row (and its body) of docs.
CREATE INDEX docs_terms_left ON docs(n) WHERE terms = 0;
CREATE INDEX docs_search_left ON docs(n) WHERE searchable = 0;
CREATE TABLE occ(doc INT, start INT, stop INT, entry TEXT);
CREATE INDEX occ_doc ON occ(doc, start);
-- A concordance's first rows come from this index alone (no row of occ is read).
CREATE INDEX occ_entry ON occ(entry, doc, start, stop);
CREATE TABLE place(key BLOB PRIMARY KEY, doc TEXT, status TEXT, start INT, stop INT, reason TEXT);
CREATE INDEX place_doc ON place(doc);
CREATE TABLE parts(name TEXT PRIMARY KEY, value BLOB);
CREATE TABLE docparts(doc TEXT, name TEXT, value BLOB, PRIMARY KEY (doc, name));
CREATE TABLE folded(n INTEGER PRIMARY KEY, text BLOB);
CREATE TABLE memo(kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key));
CREATE VIRTUAL TABLE tri USING fts5(
    text, content='', tokenize='trigram case_sensitive 1', detail=none
);
CREATE VIRTUAL TABLE phrases USING fts5(text, content='', tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE grams USING fts5(text, content='', tokenize='ascii', detail=none);
"""


def code_fingerprint() -> str:
    """Name, size and modification time of the modules whose objects the index pickles."""
    packages = ("lang", "formats", "corpus", "index")
    paths = [path for p in packages for path in sorted((_PACKAGE / p).glob("*.py"))]
    return f"{__version__}\n{files_fingerprint(paths, _PACKAGE)}"


def index_path(root: Path, cache_dir: Path) -> Path:
    """The index file of the corpus in ``root`` (an absolute path)."""
    name = blake2b(str(root).encode("utf-8", "surrogateescape"), digest_size=10)
    return cache_dir / f"index-{name.hexdigest()}.sqlite"


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the index at ``path`` (one per thread), set up for one writer and
    readers at the same time."""
    con = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=OFF")
    return con


def remove(path: Path) -> None:
    """Delete the index at ``path`` and SQLite's files beside it."""
    for suffix in _SUFFIXES:
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def _valid(con: sqlite3.Connection, root: Path) -> bool:
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return False
    return (
        meta.get("format") == FORMAT
        and meta.get("root") == str(root)
        and (meta.get("code") == code_fingerprint())
    )


def _create(path: Path, root: Path) -> sqlite3.Connection:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    os.close(fd)
    con = connect(path)
    con.executescript(SCHEMA)
    con.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("format", FORMAT), ("root", str(root)), ("code", code_fingerprint())],
    )
    return con


def open_index(root: Path, cache_dir: Path) -> tuple[sqlite3.Connection, Path] | None:
    """Open (or create) the index of ``root`` in ``cache_dir``; None when there can be
    none (a folder that cannot be made or written, or that is not the user's own)."""
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not is_private(cache_dir):
            return None
    except OSError:
        return None
    path = index_path(root, cache_dir)
    for _ in range(2):
        try:
            if path.exists() and not is_private(path):
                remove(path)  # never opened: others could have written it
                if path.exists():
                    return None
            if path.exists():
                con = connect(path)
                if _valid(con, root):
                    with contextlib.suppress(OSError):
                        os.utime(path)  # opened now: see prune()
                    return con, path
                con.close()
                remove(path)
            return _create(path, root), path
        except sqlite3.DatabaseError:  # not a database, or a corrupt one: build it again
            remove(path)
        except OSError:
            return None
    return None


def prune(cache_dir: Path, max_age_days: float = 30) -> None:
    """Delete indexes not opened for ``max_age_days`` (each open renews the file's
    modification time), and the pickled caches earlier versions wrote."""
    cutoff = time.time() - max_age_days * 86400
    for old in cache_dir.glob("corpus-*.pickle"):
        with contextlib.suppress(OSError):
            old.unlink()
    for index in cache_dir.glob("index-*.sqlite"):
        try:
            if index.stat().st_mtime < cutoff:
                remove(index)
        except OSError:
            pass
