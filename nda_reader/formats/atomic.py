"""The one way nda-reader writes a file: whole or not at all.

Data goes to a new temporary file beside the target (created exclusively, never through a
symbolic link), is flushed and ``fsync``-ed, gets the mode the target had (a new file gets
the usual ``0o666`` less the umask, or the mode asked for), and is renamed over the target
with :func:`os.replace`; then the folder is ``fsync``-ed so the rename itself survives a
crash. A crash at any point leaves the old file or the new one, never a mix, and a failure
removes the temporary file.

A file that is read-only (no write permission for the user) is never replaced, although the
folder would allow the rename: :func:`stage` raises :class:`ReadOnlyFile` instead.

Several files can be written all or nothing: :func:`stage` each, then :func:`commit` them
together (or :func:`discard` them). The layer store, settings, the corpus cache and the
export all write through this module.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat as stat_module
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


class ReadOnlyFile(PermissionError):
    """The target exists and is read-only: it is not replaced."""

    def __init__(self, target: Path) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(target))


def is_read_only(target: Path) -> bool:
    """True when ``target`` exists and the user may not write it (for root, which may write
    anything: when no one has write permission, as ``chmod a-w`` leaves it)."""
    try:
        st = target.stat()
    except OSError:
        return False
    if not stat_module.S_ISREG(st.st_mode):
        return False
    if not st.st_mode & 0o222:
        return True
    return not os.access(target, os.W_OK)


@dataclass(frozen=True, slots=True)
class Staged:
    """A temporary file written and synced beside ``target``, waiting for :func:`commit`."""

    target: Path
    temp: Path


def stage(target: Path, data: bytes, *, mode: int | None = None) -> Staged:
    """Write ``data`` to a new temporary file in ``target``'s folder and sync it.

    ``mode`` (default: the target's current permissions, else what a new file gets) is set
    before the rename, so the file never appears with other permissions. Raises
    :class:`OSError` (:class:`ReadOnlyFile` for a read-only target); nothing is left behind
    when it does.
    """
    if is_read_only(target):
        raise ReadOnlyFile(target)
    if mode is None:
        with contextlib.suppress(OSError):
            mode = target.stat().st_mode & 0o7777
    # os.urandom is what secrets.token_hex reads; importing secrets (hmac, hashlib and
    # OpenSSL) would cost ~2 ms of the reader's start-up.
    temp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, 0o666 if mode is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return Staged(target, temp)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: not every system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def commit(staged: Sequence[Staged]) -> None:
    """Rename every staged file over its target, then sync their folders.

    Raises :class:`OSError` if a rename fails; the staged files not yet renamed are removed.
    """
    done = 0
    try:
        for item in staged:
            os.replace(item.temp, item.target)
            done += 1
    except BaseException:
        discard(staged[done:])
        raise
    for folder in dict.fromkeys(item.target.parent for item in staged):
        fsync_folder(folder)


def discard(staged: Iterable[Staged]) -> None:
    """Remove staged temporary files (after a failure elsewhere)."""
    for item in staged:
        with contextlib.suppress(OSError):
            item.temp.unlink()


def atomic_write(target: Path, data: bytes | str, *, mode: int | None = None) -> None:
    """Replace ``target`` with ``data`` (text is written as UTF-8) atomically and durably.

    Raises :class:`OSError` with the target unchanged and no temporary file left.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    commit([stage(target, raw, mode=mode)])


def remove(target: Path) -> None:
    """Delete ``target`` (a file this program made) durably; a missing file is no error.

    Raises :class:`OSError` (:class:`ReadOnlyFile` for a read-only file) with the file left.
    """
    if is_read_only(target):
        raise ReadOnlyFile(target)
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    fsync_folder(target.parent)
