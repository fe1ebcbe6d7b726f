"""Which corpus files changed since they were indexed.

A file is known by its size, modification and status-change times and inode (a *stamp*,
one ``stat`` each) and by a digest of its content. A stamp that differs means the file
changed. An equal stamp is trusted only when the file had been left alone for a while
before it was read (as git does against "racy" timestamps): a file written in the same
clock tick as it was indexed could be changed again without its stamp changing, so such a
file is read and its digest compared instead. ``touch`` and ``utime`` change the
status-change time, so an edit that restores the old modification time is still seen.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nda_reader.corpus.sources import corpus_files, path_order
from nda_reader.formats.digest import blake2b
from nda_reader.formats.safe_read import read_file

RACY_NS = 2_000_000_000
"""A file changed less than this long before it was read is checked by content next time."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """What ``stat`` says of a file."""

    size: int
    mtime: int
    ctime: int
    ino: int

    @classmethod
    def of(cls, path: Path) -> Stamp | None:
        """The stamp of ``path`` (None when it cannot be read)."""
        try:
            st = path.stat()
        except OSError:
            return None
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@dataclass(frozen=True, slots=True)
class Known:
    """A file as the index last read it: its stamp, digest and when it was read."""

    stamp: Stamp
    digest: bytes
    checked: int

    def trusted(self) -> bool:
        """True when an equal stamp proves the content equal (see the module docstring)."""
        return max(self.stamp.mtime, self.stamp.ctime) < self.checked - RACY_NS


def digest(data: bytes) -> bytes:
    """The content digest stored for a file."""
    return blake2b(data, digest_size=16).digest()


def now_ns() -> int:
    """The clock files are stamped with."""
    return time.time_ns()


@dataclass
class Changes:
    """The corpus files (relative paths) that differ from what the index knows."""

    texts: list[Path] = field(default_factory=list)
    layers: list[Path] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)
    """Files new or changed since they were indexed."""
    removed: set[str] = field(default_factory=set)
    """Files indexed that are gone."""
    recheck: dict[str, Known] = field(default_factory=dict)
    """Files found unchanged by content whose read time can now be renewed."""

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed)


def relative(root: Path, path: Path) -> str:
    """The key of a corpus file in the index: its path under ``root``, with ``/``."""
    inside = path.as_posix()
    top = _inside(root)
    if inside.startswith(top):
        return inside[len(top) :]  # what relative_to gives, without its parsing
    return path.relative_to(root).as_posix()


@functools.lru_cache(maxsize=8)
def _inside(root: Path) -> str:
    """How the paths of files under ``root`` start."""
    return root.as_posix().rstrip("/") + "/"


def find_changes(root: Path, known: Mapping[str, Known]) -> Changes:
    """Compare the files of the corpus in ``root`` with what the index ``known``."""
    texts, layers = corpus_files(root)
    out = Changes(texts, layers)
    present = set()
    for path in [*texts, *layers]:
        key = relative(root, path)
        present.add(key)
        _compare(path, key, known.get(key), out)
    out.removed = set(known) - present
    return out


def find_changes_of(
    root: Path, known: Mapping[str, Known], paths: Collection[Path], listing: Changes
) -> Changes:
    """Compare only the layer files ``paths`` (those a save wrote) with what the index
    ``known``; the other files are taken to be as ``listing`` (an earlier look) found
    them. Cheaper than :func:`find_changes` by a ``stat`` of every file: the reader
    takes that full look after the save is on screen (see
    :meth:`~nda_reader.index.open.CorpusIndex.outside_changes`)."""
    layers = list(listing.layers)
    listed = set(layers)
    out = Changes(list(listing.texts), layers)
    for path in paths:
        key = relative(root, path)
        if not path.exists():
            if path in listed:
                layers.remove(path)
            if key in known:
                out.removed.add(key)
            continue
        if path not in listed:
            layers.append(path)
        _compare(path, key, known.get(key), out)
    layers.sort(key=path_order)
    return out


def _compare(path: Path, key: str, before: Known | None, out: Changes) -> None:
    """Note in ``out`` whether ``path`` differs from what was ``before`` known of it."""
    stamp = Stamp.of(path)
    if before is None or stamp is None:
        out.changed.add(key)
        return
    if stamp == before.stamp and before.trusted():
        return
    try:
        data = read_file(path)
    except OSError:
        out.changed.add(key)
        return
    if digest(data) != before.digest:
        out.changed.add(key)
    elif stamp != before.stamp or not before.trusted():
        out.recheck[key] = Known(stamp, before.digest, now_ns())


def read_stamped(path: Path) -> tuple[bytes, Known] | None:
    """The bytes of ``path`` and what to remember of it (None when it cannot be read).

    The stamp is taken before the read: a change made during or after the read then
    always gives another stamp."""
    stamp = Stamp.of(path)
    try:
        data = read_file(path)
    except OSError:
        return None
    return (data, Known(stamp, digest(data), now_ns())) if stamp is not None else None


def is_private(path: Path) -> bool:
    """True if only the user could have written ``path`` (owner, not group- or
    world-writable): the index holds pickles, which are never loaded from anyone else."""
    if not hasattr(os, "getuid"):
        return True
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & 0o022
