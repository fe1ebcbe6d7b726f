"""A cache of loaded corpora, so that opening the same corpus again skips parsing it.

Loading a corpus means parsing every layer with positions, resolving every anchor and
finding every glossary term in every text: ~20 ms for the bundled corpus, ~190 ms for a
1 MB text with a 2,000-entry glossary. The result is pickled into the user's cache folder
(``$XDG_CACHE_HOME/nda-reader``) and reused while nothing it was made from has changed.

The key is a digest of the *content* of every file :func:`~nda_reader.corpus.load_corpus`
reads (names and bytes, so an edit is noticed whatever the file's modification time says),
of the root as given, and of this package's own modules (name, size and modification time),
so that a new version of the code never reads an old cache. Reading the files to hash them
costs ~1 ms per megabyte.

A cache that is missing, stale, unreadable or corrupt is ignored and rewritten; a cache
folder that cannot be written is not an error. The cache holds nothing that is not in the
corpus files: deleting it is always safe. Like Python's own ``.pyc`` files it is trusted
code-wise (pickle), so it is written into a folder only the user can write (mode 0700), and
a cache file or folder owned by someone else or writable by others is never loaded. Caches
of corpora not opened for 30 days are deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import time
from pathlib import Path

from nda_reader import __version__
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.sources import corpus_files
from nda_reader.formats.atomic import atomic_write
from nda_reader.formats.safe_read import read_file

_FORMAT = b"nda-reader corpus cache 1\n"
_PACKAGE = Path(__file__).resolve().parent.parent


def _code_fingerprint() -> bytes:
    """Name, size and modification time of the core modules that define a corpus."""
    parts = [__version__]
    for package in ("lang", "formats", "corpus"):
        for path in sorted((_PACKAGE / package).glob("*.py")):
            stat = path.stat()
            parts.append(f"{package}/{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts).encode()


def corpus_key(root: Path) -> bytes:
    """The digest of everything a loaded ``root`` depends on (see the module docstring)."""
    digest = hashlib.blake2b(digest_size=24)
    digest.update(_code_fingerprint())
    digest.update(b"\0" + str(root).encode("utf-8", "surrogateescape"))
    texts, layers = corpus_files(root)
    for path in [*texts, *layers]:
        data = read_file(path)
        name = path.relative_to(root).as_posix().encode("utf-8", "surrogateescape")
        digest.update(b"\0%s\0%d\0" % (name, len(data)))
        digest.update(data)
    return digest.digest()


def cache_file(root: Path, cache_dir: Path) -> Path:
    """The cache file of ``root``: one per corpus folder."""
    name = hashlib.blake2b(str(root.resolve()).encode("utf-8", "surrogateescape"), digest_size=10)
    return cache_dir / f"corpus-{name.hexdigest()}.pickle"


def _private(path: Path) -> bool:
    """True if only the user could have written ``path`` and its folder: a pickle from
    anyone else is never loaded."""
    if not hasattr(os, "getuid"):
        return True
    for item in (path.parent, path):
        st = item.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            return False
    return True


def read_cached(path: Path, key: bytes) -> Corpus | None:
    """The corpus stored in ``path`` under ``key``, or None (missing, stale or unreadable)."""
    try:
        if not _private(path):
            return None
        data = path.read_bytes()
    except OSError:
        return None
    head = _FORMAT + key
    if not data.startswith(head):
        return None
    try:
        corpus = pickle.loads(memoryview(data)[len(head) :])
    except Exception:  # a corrupt cache raises any of a dozen errors: rebuild it
        return None
    return corpus if isinstance(corpus, Corpus) else None


def write_cached(path: Path, key: bytes, corpus: Corpus) -> bool:
    """Store ``corpus`` under ``key`` atomically; False (and nothing written) on failure."""
    try:
        payload = pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return False
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(path, _FORMAT + key + payload, mode=0o600)
    except OSError:
        return False
    return True


def load_corpus_cached(root: Path, cache_dir: Path | None) -> Corpus:
    """:func:`~nda_reader.corpus.load_corpus` through the cache in ``cache_dir``
    (no cache when it is None). A corpus loaded afresh has its term index built before it
    is stored, so that a cached one needs neither the matcher nor a scan of the texts."""
    if cache_dir is None or not (root / "texts").is_dir():
        return load_corpus(root)
    try:
        key = corpus_key(root)
    except OSError:  # an unreadable or refused file: load_corpus reports it properly
        return load_corpus(root)
    path = cache_file(root, cache_dir)
    corpus = read_cached(path, key)
    if corpus is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # opened now: see prune()
        return corpus
    corpus = load_corpus(root)
    _ = corpus.occurrences
    if write_cached(path, key, corpus):
        prune(cache_dir)
    return corpus


def prune(cache_dir: Path, max_age_days: float = 30) -> None:
    """Delete the caches of corpora not opened for ``max_age_days`` (each open renews its
    cache's modification time), so that folders opened once, such as a downloaded corpus
    since deleted, do not pile up."""
    cutoff = time.time() - max_age_days * 86400
    for old in cache_dir.glob("corpus-*.pickle"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
