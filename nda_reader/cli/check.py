"""``nda-reader check [CORPUS]``: validate a corpus; print ``path:line:col`` problems."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from nda_reader.corpus.locations import bundled_root


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nda-reader check",
        description="Validate texts and annotation layers; print path:line:col: problems.",
    )
    parser.add_argument(
        "corpus", nargs="?", type=Path, help="corpus folder (default: the bundled corpus)"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="check the files alone, without reading or updating the corpus index "
        "($XDG_CACHE_HOME/nda-reader); the result is the same",
    )
    parser.add_argument(
        "--no-pinyin",
        action="store_true",
        help="skip comparing stored pinyin with pypinyin's draft",
    )
    return parser


def run_check(argv: Sequence[str]) -> int:
    """Run ``nda-reader check``; return the exit status (0 clean, 1 errors, 2 bad usage)."""
    args = _parser().parse_args(argv)
    from nda_reader.corpus.check import check_corpus, print_report

    root = args.corpus if args.corpus is not None else bundled_root()
    if not root.exists():
        print(
            f"nda-reader check: {root}: no such folder; give a corpus folder "
            "(one with texts/ and annotations/)",
            file=sys.stderr,
        )
        return 2
    from nda_reader.cli.progress import TerminalProgress
    from nda_reader.corpus.locations import cache_dir
    from nda_reader.index.open import open_corpus

    progress = TerminalProgress()
    try:
        corpus, index = open_corpus(root, None if args.no_cache else cache_dir(), progress)
        if index is not None:  # the checks of terms read every text's: keep them indexed
            index.complete(progress, search=False)
        report = check_corpus(root, pinyin=not args.no_pinyin, corpus=corpus, progress=progress)
    finally:
        progress.close()
    print_report(report, sys.stdout, base=Path.cwd())
    return 1 if report.errors else 0
