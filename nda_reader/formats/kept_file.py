"""A file in the cache folder keeping pickled entries made by one version of some code.

The parsed start-up YAML files (:mod:`~nda_reader.formats.yaml_memo`) and the parsed
first stylesheet (:mod:`~nda_reader.ui.style_cache`) are kept this way: entries of bytes
by text key, with a fingerprint of the code that made them; a file made by other code,
or damaged, reads as empty. It is written atomically, 0600 in a 0700 folder (it is
unpickled, as the index is); a folder that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path


def files_fingerprint(paths: Iterable[Path], root: Path | None = None) -> str:
    """Name (relative to ``root`` if given), size and modification time of each of
    ``paths``, one line each (missing ones left out)."""
    parts = []
    for path in paths:
        name = path.relative_to(root).as_posix() if root is not None else path.name
        with contextlib.suppress(OSError):
            stat = path.stat()
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


class KeptFile:
    """One file of entries; read when first asked for, written whole."""

    def __init__(self, path: Path, fingerprint: str | Callable[[], str]) -> None:
        self.path = path
        self._fingerprint = fingerprint
        self._entries: dict[str, bytes] | None = None

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the code making the entries (worked out when first needed)."""
        if not isinstance(self._fingerprint, str):
            self._fingerprint = self._fingerprint()
        return self._fingerprint

    @property
    def entries(self) -> dict[str, bytes]:
        """The entries in the file (read once; changes to this dict are written by
        :meth:`write`)."""
        if self._entries is None:
            self._entries = _read(self.path, self.fingerprint)
        return self._entries

    def write(self, entries: dict[str, bytes]) -> None:
        """Keep ``entries`` (atomically; errors are ignored: the next run makes them
        again)."""
        self._entries = entries
        payload = pickle.dumps(
            {"fingerprint": self.fingerprint, "entries": entries},
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        from nda_reader.formats.atomic import atomic_write

        with contextlib.suppress(OSError):
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write(self.path, payload, mode=0o600)


def _read(path: Path, fingerprint: str) -> dict[str, bytes]:
    """The entries kept in ``path`` for code of ``fingerprint``; none when the file is
    missing, unreadable, not such a file, or made by other code."""
    try:
        loaded = pickle.loads(path.read_bytes())
    except Exception:  # any damage: start again
        return {}
    if not isinstance(loaded, dict) or loaded.get("fingerprint") != fingerprint:
        return {}
    entries = loaded.get("entries")
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}
