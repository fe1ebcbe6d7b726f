"""The compiled methods of dataclasses, kept between runs as ``.pyc`` files keep modules.

Python 3.11 and 3.12 write each dataclass's methods (``__init__``, ``__eq__``, ``__hash__``,
``__repr__``, a frozen class's ``__setattr__`` and ``__delattr__``) as source text and
compile it, at every start, when the class is created: ~0.7 ms a class, of which two
thirds is compiling. The reader creates ~60 of its own (and Textual some more) before its
first paint. :func:`keep_dataclass_code` gives the ``dataclasses`` module an ``exec`` that
compiles each distinct source text once and keeps the code in the cache folder; later
runs only execute it. The classes are the ones ``dataclasses`` would make, from the same
text (the text is the key). Python 3.13 and later are left alone (they build a class's
methods in one text; not measured there).

The file is written when the process ends, only if it compiled something new; a file
that cannot be read is ignored (and replaced), one that cannot be written is skipped.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import sys
from collections.abc import Mapping
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

from nda_reader.formats.digest import blake2b
from nda_reader.formats.kept_file import KeptFile

MAX_ENTRIES = 4000
"""More than this and the cache starts again: texts of methods no longer in the code
(changed classes) are dropped instead of piling up."""


class CodeCache:
    """Compiled code by source text, read from and written to one file.

    The file holds each code object marshalled on its own, under a digest of its text:
    reading it copies bytes, and only the code of the classes made is unmarshalled (the
    file holds those of every command run; the reader makes a fraction of them)."""

    def __init__(self, path: Path) -> None:
        # Marshalled code is only read by the Python that wrote it (see cache_file).
        self.file = KeptFile(path, sys.version)
        self.compiled = 0
        """How many texts this process compiled (not found in the file)."""

    @property
    def codes(self) -> dict[str, bytes]:
        """The marshalled code by digest of its source text: read from the file when first
        needed (a command that makes no dataclass, such as ``--version``, never reads it)."""
        return self.file.entries

    def exec(
        self,
        source: str | CodeType,
        globals: dict[str, Any] | None = None,
        locals: Mapping[str, object] | None = None,
        /,
    ) -> None:
        """:func:`exec`, with the code of a source text compiled once for all runs."""
        if isinstance(source, str):
            key = blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
            source = self._code(key, source)
        exec(source, globals, locals)

    def _code(self, key: str, source: str) -> CodeType:
        """The code of ``source`` (digest ``key``): kept, or compiled now and kept."""
        data = self.codes.get(key)
        if data is not None:
            with contextlib.suppress(EOFError, ValueError, TypeError):
                code = marshal.loads(data)
                if isinstance(code, CodeType):
                    return code
        code = compile(source, "<string>", "exec")
        self.codes[key] = marshal.dumps(code)
        self.compiled += 1
        return code

    def save(self) -> None:
        """Write the codes if this process compiled any (atomically, 0600 in a 0700 folder:
        code is run from it, as the index's pickles are; errors are ignored: the next run
        compiles again)."""
        if not self.compiled:
            return
        self.file.write(self.codes if len(self.codes) <= MAX_ENTRIES else {})
        self.compiled = 0


def cache_file(folder: Path) -> Path:
    """The file for this Python (marshalled code is only read by the same version)."""
    return folder / f"dataclass-code-{sys.implementation.cache_tag}-{sys.hexversion:x}"


def keep_dataclass_code(folder: Path, module: ModuleType | None = None) -> CodeCache | None:
    """Make ``dataclasses`` (or ``module``, for tests) compile through a cache kept in
    ``folder``, written when the process ends. None when it is not done: a Python from
    3.13 on, or a module that already has an ``exec`` of its own."""
    if module is None:
        if sys.version_info >= (3, 13):
            return None
        import dataclasses

        module = dataclasses
    if "exec" in vars(module):
        return None
    cache = CodeCache(cache_file(folder))
    module.exec = cache.exec  # type: ignore[attr-defined]  # shadows the builtin there alone
    atexit.register(cache.save)
    return cache
