"""``nda-reader merge-layers BASE OURS THEIRS [PATH]``: git's merge driver for layer files.

git calls it as ``nda-reader merge-layers %O %A %B %P`` (see ``nda-reader git-setup`` and
docs/sharing.md) with the common ancestor, our version and their version of a layer file.
The merge (entry by entry, :mod:`nda_reader.formats.layer_merge`) is written over OURS.
Exit status: 0 merged cleanly; 1 conflicts left in the file (git then reports the file as
conflicted); 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from nda_reader.formats.safe_read import read_file

PROG = "nda-reader merge-layers"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Merge three versions of an annotation layer file entry by entry "
        "(git's merge driver; see 'nda-reader git-setup').",
    )
    parser.add_argument("base", type=Path, help="the common ancestor (git's %%O)")
    parser.add_argument("ours", type=Path, help="our version; the result is written here (%%A)")
    parser.add_argument("theirs", type=Path, help="their version (%%B)")
    parser.add_argument("path", nargs="?", default="", help="the file's name, for messages (%%P)")
    parser.add_argument(
        "--marker-size", type=int, default=7, metavar="N", help="conflict marker length (%%L)"
    )
    return parser


def _read(path: Path) -> str | None:
    try:
        return read_file(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{PROG}: {path}: cannot read as UTF-8 text: {exc}", file=sys.stderr)
        return None


def run_merge_layers(argv: Sequence[str]) -> int:
    """Run the merge driver; return 0 (clean), 1 (conflicts) or 2 (bad usage)."""
    args = _parser().parse_args(argv)
    from nda_reader.formats.atomic import atomic_write
    from nda_reader.formats.conflict_markers import find_conflicts
    from nda_reader.formats.layer_merge import merge_layer
    from nda_reader.formats.merge3 import Markers

    texts = [_read(p) for p in (args.base, args.ours, args.theirs)]
    base, ours, theirs = texts
    if base is None or ours is None or theirs is None:
        return 1  # leave our version as it is: git reports the file as conflicted
    result = merge_layer(base, ours, theirs, Markers(size=max(7, args.marker_size)))
    try:
        atomic_write(args.ours, result.text)
    except OSError as exc:
        print(f"{PROG}: {args.ours}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if result.conflicts:
        name = args.path or args.ours
        entries = sorted({c.entry for c in find_conflicts(result.text) if c.entry})
        inside = f" (entries: {', '.join(entries)})" if entries else ""
        print(
            f"{PROG}: {name}: {result.conflicts} conflict(s){inside}; edit the file, keep "
            "the side you want, then run 'nda-reader check'",
            file=sys.stderr,
        )
        return 1
    return 0
