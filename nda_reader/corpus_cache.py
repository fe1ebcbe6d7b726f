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
code-wise (pickle), so it lives in a folder only the user can write (mode 0700).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from nda_reader import __version__
from nda_reader.corpus import Corpus, corpus_files, load_corpus

_FORMAT = b"nda-reader corpus cache 1\n"
_PACKAGE = Path(__file__).resolve().parent


def _code_fingerprint() -> bytes:
    """Name, size and modification time of the core modules that define a corpus."""
    parts = [__version__]
    for path in sorted(_PACKAGE.glob("*.py")):
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts).encode()


def corpus_key(root: Path) -> bytes:
    """The digest of everything a loaded ``root`` depends on (see the module docstring)."""
    digest = hashlib.blake2b(digest_size=24)
    digest.update(_code_fingerprint())
    digest.update(b"\0" + str(root).encode("utf-8", "surrogateescape"))
    texts, layers = corpus_files(root)
    for path in [*texts, *layers]:
        data = path.read_bytes()
        name = path.relative_to(root).as_posix().encode("utf-8", "surrogateescape")
        digest.update(b"\0%s\0%d\0" % (name, len(data)))
        digest.update(data)
    return digest.digest()


def cache_file(root: Path, cache_dir: Path) -> Path:
    """The cache file of ``root``: one per corpus folder."""
    name = hashlib.blake2b(str(root.resolve()).encode("utf-8", "surrogateescape"), digest_size=10)
    return cache_dir / f"corpus-{name.hexdigest()}.pickle"


def read_cached(path: Path, key: bytes) -> Corpus | None:
    """The corpus stored in ``path`` under ``key``, or None (missing, stale or unreadable)."""
    try:
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
    tmp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".corpus-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(_FORMAT)
            out.write(key)
            out.write(payload)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
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
    except OSError:  # an unreadable file: load_corpus reports it properly
        return load_corpus(root)
    path = cache_file(root, cache_dir)
    corpus = read_cached(path, key)
    if corpus is not None:
        return corpus
    corpus = load_corpus(root)
    _ = corpus.occurrences
    write_cached(path, key, corpus)
    return corpus
