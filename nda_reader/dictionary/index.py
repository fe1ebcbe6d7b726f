"""The compiled dictionary: CC-CEDICT as a compact SQLite file in the cache folder.

Built on first use (about two seconds) from :mod:`~nda_reader.dictionary.cedict`, in
memory, and written whole through :mod:`nda_reader.formats.atomic`, so a half-written index
is never read. The file is named after the data's date and this module's format version,
so new data or a new format builds a new one; it holds nothing that is not in the data, so
it can be deleted at any time. Opened read-only; nothing is loaded at start-up.
"""

from __future__ import annotations

import array
import contextlib
import re
import sqlite3
from pathlib import Path

from nda_reader.dictionary.cedict import parse, raw_text, version
from nda_reader.formats.atomic import atomic_write

FORMAT = "1"
"""Bumped when the tables change."""
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_TONELESS = re.compile(r"[\d\s'·,-]+")
"""Dropped from CC-CEDICT's pinyin for the toneless key (``shu4 ju4`` -> ``shuju``)."""
_SKIP = frozenset("a an the of to and or in on for as by at is be with".split())  # noqa: SIM905

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE entries(
    id INTEGER PRIMARY KEY, traditional TEXT, simplified TEXT, pinyin TEXT, senses TEXT,
    toneless TEXT);
CREATE TABLE words(word TEXT PRIMARY KEY, entries BLOB) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX by_simplified ON entries(simplified);
CREATE INDEX by_traditional ON entries(traditional);
CREATE INDEX by_toneless ON entries(toneless);
"""
SEP = "\x1f"
"""Between the senses of an entry in the ``senses`` column."""
POSTINGS = "I"
"""The entry ids of a word of ``words``: an array of this type (native byte order)."""


def index_path(cache_dir: Path, data_version: str) -> Path:
    """Where the index of data ``data_version`` lives in ``cache_dir``."""
    stamp = re.sub(r"[^0-9A-Za-z]+", "", data_version)[:14] or "unknown"
    return cache_dir / f"cedict-{stamp}-v{FORMAT}.sqlite"


def build(text: str) -> bytes:
    """The index of CC-CEDICT ``text``, as the bytes of an SQLite database."""
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    entries = []
    words: dict[str, list[int]] = {}
    for i, entry in enumerate(parse(text), 1):
        senses = SEP.join(entry.senses)
        toneless = _TONELESS.sub("", entry.pinyin.lower()).replace("u:", "v")
        entries.append((i, entry.traditional, entry.simplified, entry.pinyin, senses, toneless))
        for word in set(_WORD.findall(senses.lower())) - _SKIP:
            words.setdefault(word, []).append(i)
    db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)", entries)
    db.executemany(
        "INSERT INTO words VALUES (?, ?)",
        ((w, array.array(POSTINGS, ids).tobytes()) for w, ids in words.items()),
    )
    db.executescript(INDEXES)
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("format", FORMAT), ("version", version(text)), ("entries", str(len(entries)))],
    )
    db.commit()
    data = db.serialize()
    db.close()
    return data


def ensure(cache_dir: Path) -> Path:
    """The path of a usable index in ``cache_dir``, building it first if needed.

    Raises :class:`~nda_reader.dictionary.cedict.DictionaryMissing` without the data, and
    :class:`OSError` when the folder cannot be written.
    """
    existing = sorted(cache_dir.glob(f"cedict-*-v{FORMAT}.sqlite"))
    for path in reversed(existing):
        if _usable(path):
            return path
    text = raw_text()
    path = index_path(cache_dir, version(text))
    cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write(path, build(text), mode=0o600)
    for old in cache_dir.glob("cedict-*.sqlite"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    return path


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection to the index at ``path``."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _usable(path: Path) -> bool:
    try:
        db = connect(path)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == FORMAT
