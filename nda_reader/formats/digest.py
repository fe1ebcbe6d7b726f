"""BLAKE2b digests without importing :mod:`hashlib`.

``hashlib`` loads OpenSSL when imported (~3 ms of the reader's start-up) for algorithms the
reader does not use before its first paint; BLAKE2b, the digest of the index and the
caches, comes from CPython's own ``_blake2`` module, which is what ``hashlib.blake2b`` is.
Other Pythons fall back to ``hashlib``.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - CPython always has it
    from hashlib import blake2b as blake2b
