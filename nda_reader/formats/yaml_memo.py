"""Parses of small YAML texts kept between runs, found again by the text itself.

Before its first paint the reader reads a few small YAML files that rarely change: the
themes, ``settings.yaml``, ``places.yaml``, a keymap. Parsing them needs PyYAML, whose
import alone takes ~15 ms (most of it compiling its regular expressions). A
:class:`YamlMemo` keeps the value of each such text, pickled, under a digest of the
text: a text seen before is unpickled, without PyYAML; an edited file is a new text,
parsed as usual. Only parses that found no problem are kept (a file with problems is
parsed, and its problems reported, every time).

The memo file also holds a fingerprint of the code that builds the values (our
``formats`` and ``lang`` modules and PyYAML's files): after an upgrade it starts empty.
It is written when the process ends, only if something new was kept; one that cannot be
read is ignored, one that cannot be written skipped. It sits in the cache folder, 0600 in
a 0700 folder, as the index (whose pickles it shares the trust of) does.
"""

from __future__ import annotations

import importlib.util
import pickle
import threading
from pathlib import Path
from typing import Any, Final

from nda_reader.formats.digest import blake2b
from nda_reader.formats.kept_file import KeptFile, files_fingerprint

MAX_TEXT = 64 * 1024
"""Larger texts are not kept: layer files come from the corpus index, not from here."""
MAX_ENTRIES = 64
"""More than this and only the texts used by this run are written again."""
MEMO_FILE = "yaml-parses.pickle"

_PACKAGE = Path(__file__).resolve().parent.parent


class _Missing:
    """The value of :data:`MISSING`."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()
"""What :meth:`YamlMemo.get` gives for a text it does not hold."""


def code_fingerprint() -> str:
    """Size and modification time of the modules that make the values kept."""
    paths = [*sorted((_PACKAGE / "formats").glob("*.py")), _PACKAGE / "lang" / "terminal_text.py"]
    spec = importlib.util.find_spec("yaml")
    if spec is not None and spec.origin:
        paths.extend(sorted(Path(spec.origin).parent.glob("*.py")))
    return files_fingerprint(paths)


def _key(kind: str, text: str) -> str:
    digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20)
    return f"{kind}:{digest.hexdigest()}"


class YamlMemo:
    """Parsed values by kind of parse and text, read from and written to one file."""

    def __init__(self, path: Path, fingerprint: str | None = None) -> None:
        self.file = KeptFile(path, fingerprint if fingerprint is not None else code_fingerprint)
        self._used: set[str] = set()
        self._lock = threading.Lock()
        self.added = 0
        """How many values this process kept that the file did not hold."""

    @property
    def path(self) -> Path:
        """The memo's file."""
        return self.file.path

    def get(self, kind: str, text: str) -> Any:
        """A fresh copy of the value kept for ``text`` parsed as ``kind``, or
        :data:`MISSING`."""
        if len(text) > MAX_TEXT:
            return MISSING
        key = _key(kind, text)
        with self._lock:
            data = self.file.entries.get(key)
            if data is None:
                return MISSING
            self._used.add(key)
        try:
            return pickle.loads(data)
        except Exception:  # a file damaged in some way the checks missed: parse again
            return MISSING

    def put(self, kind: str, text: str, value: Any) -> None:
        """Keep ``value``, the parse of ``text`` as ``kind`` (a small text only)."""
        if len(text) > MAX_TEXT:
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a value that cannot be pickled is parsed again
            return
        key = _key(kind, text)
        with self._lock:
            entries = self.file.entries
            if entries.get(key) != data:
                entries[key] = data
                self.added += 1
            self._used.add(key)

    def save(self) -> None:
        """Write the values if this process kept new ones (atomically; errors are
        ignored: the next run parses again)."""
        with self._lock:
            if not self.added:
                return
            entries = self.file.entries
            if len(entries) > MAX_ENTRIES:
                entries = {k: v for k, v in entries.items() if k in self._used}
            self.added = 0
            self.file.write(entries)
