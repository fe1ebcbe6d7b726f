"""The dictionary for tests: compiled once into a cache folder shared by every test
process and run (it is derived data, named after the CC-CEDICT version), never the user's.

``tests/conftest.py`` points ``XDG_CACHE_HOME`` at :data:`TEST_CACHE` for the whole run,
so a reader built by the tests finds the index there too.
"""

from __future__ import annotations

import fcntl
import tempfile
from pathlib import Path

from nda_reader.dictionary.index import ensure

TEST_CACHE = Path(tempfile.gettempdir()) / "nda-reader-tests" / "cache"
"""``XDG_CACHE_HOME`` of the test run."""
DICTIONARY_DIR = TEST_CACHE / "nda-reader"
"""Where the reader looks for the compiled dictionary during the tests."""


def shared_index() -> Path:
    """The compiled index in :data:`DICTIONARY_DIR`, built by one process at a time."""
    DICTIONARY_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(DICTIONARY_DIR.parent / "cedict.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return ensure(DICTIONARY_DIR)
