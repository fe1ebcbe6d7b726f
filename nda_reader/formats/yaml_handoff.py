"""A parse handed from one reader of a text to the next: a save checks the layer file it
writes by parsing it, and the reload after the save parses the same text again (~0.1 s
for a 300 KB layer file); the first keeps its result here, the second takes it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from nda_reader.formats.problems import Problem

_handed: tuple[Path, str, Any, tuple[Problem, ...]] | None = None
_lock = threading.Lock()


def keep(path: Path, text: str, value: Any, problems: tuple[Problem, ...]) -> None:
    """Keep the parse of ``text`` (from ``path``) for the next :func:`take` of it."""
    global _handed
    with _lock:
        _handed = (path, text, value, problems)


def take(path: Path, text: str) -> tuple[Any, tuple[Problem, ...]] | None:
    """The parse kept of ``text`` from ``path`` (once), or None."""
    global _handed
    with _lock:
        handed = _handed
        if handed is None or handed[0] != path or handed[1] != text:
            return None
        _handed = None
    return handed[2], handed[3]
