"""Reading a corpus file without hanging, without unbounded memory, with one line ending.

A corpus folder may hold anything: a FIFO (reading it blocks until someone writes), a
symbolic link to ``/dev/zero`` (reading it never ends), a huge file. Every file of a corpus
is read through :func:`read_file`, which reads only regular files of at most
:data:`MAX_FILE_BYTES` and says clearly why it refuses anything else. Texts and layers are
then decoded with :func:`decode_text`, which normalises line endings (a Windows editor or
``core.autocrlf`` changes no offset and no anchor); loading never rewrites a file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 32 * 1024 * 1024
"""The largest text or layer file read (32 MiB); docs/text-format.md states it."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class RefusedFile(OSError):
    """A file that is not read: not a regular file, or too large. ``str()`` says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, str(path))
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _refuse_unless_regular(path: Path, st: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise RefusedFile(
            path, f"{_kind(st.st_mode)}, not a file; a corpus holds only files — remove it"
        )
    if st.st_size > limit:
        raise RefusedFile(
            path,
            f"file is too large ({_size(st.st_size)}; the limit is {_size(limit)}); split it",
        )


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (symbolic links followed), at most ``limit``
    (default :data:`MAX_FILE_BYTES`).

    Raises :class:`FileNotFoundError` and other :class:`OSError` as reading does, and
    :class:`RefusedFile` for a FIFO, device, socket or folder (never opened for reading in
    a way that could block) and for a file over ``limit`` bytes.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    _refuse_unless_regular(path, os.stat(path), limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        # The path may have been swapped for something else since the stat above.
        _refuse_unless_regular(path, os.fstat(fd), limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise RefusedFile(path, f"file is too large (over {_size(limit)}); split it")
    return b"".join(chunks)


def normalise_newlines(text: str) -> str:
    """``text`` with Windows (CRLF) and old Mac (CR) line endings turned into ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes) -> str:
    """UTF-8 ``data`` as text: byte-order mark dropped, line endings normalised.

    Raises :class:`UnicodeDecodeError` for bytes that are not UTF-8.
    """
    return normalise_newlines(data.decode("utf-8").removeprefix("\ufeff"))
