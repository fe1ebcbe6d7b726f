"""The ``nda-reader`` command line: ``check``, ``export`` and (by default) the reader."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from nda_reader import __version__
from nda_reader.paths import bundled_root

SUBCOMMANDS = ("check", "export")


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nda-reader",
        description="Read annotated bilingual policy texts in the terminal.",
        epilog="Subcommands: 'nda-reader check [CORPUS]' validates a corpus; "
        "'nda-reader export' writes annotated Markdown. Run 'nda-reader check -h' for more.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a corpus folder (with texts/) or one document; default: the bundled corpus",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="load the corpus afresh without reading or writing the cache of loaded corpora "
        "($XDG_CACHE_HOME/nda-reader; safe to delete at any time)",
    )
    parser.add_argument("--version", action="version", version=f"nda-reader {__version__}")
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nda-reader check",
        description="Validate texts and annotation layers; print path:line:col: problems.",
    )
    parser.add_argument(
        "corpus", nargs="?", type=Path, help="corpus folder (default: the bundled corpus)"
    )
    parser.add_argument(
        "--no-pinyin",
        action="store_true",
        help="skip comparing stored pinyin with pypinyin's draft",
    )
    return parser


def run_check(argv: Sequence[str]) -> int:
    """Run ``nda-reader check``; return the exit status (0 clean, 1 errors)."""
    args = _check_parser().parse_args(argv)
    from nda_reader.check import check_corpus, print_report

    root = args.corpus if args.corpus is not None else bundled_root()
    if not root.exists():
        print(
            f"nda-reader check: {root}: no such folder; give a corpus folder "
            "(one with texts/ and annotations/)",
            file=sys.stderr,
        )
        return 2
    report = check_corpus(root, pinyin=not args.no_pinyin)
    print_report(report, sys.stdout, base=Path.cwd())
    return 1 if report.errors else 0


def run_reader(argv: Sequence[str]) -> int:
    """Open the reader on a corpus or a document."""
    args = _reader_parser().parse_args(argv)
    path: Path | None = args.path
    if path is not None and not path.exists():
        print(f"nda-reader: {path}: no such file or folder", file=sys.stderr)
        return 2
    # Start-up allocates ~20 MB of long-lived objects (modules, the corpus) and no garbage
    # worth collecting; the collector's passes over them cost ~18 ms before the first
    # paint. The app freezes what start-up made and turns collection back on once the
    # first screen is painted (ReaderApp._after_first_paint).
    gc.disable()
    from nda_reader.paths import cache_dir
    from nda_reader.ui.factory import create_app

    app = create_app(path, cache_dir=None if args.no_cache else cache_dir())
    app.run()
    return int(app.return_code or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "check":
            return run_check(args[1:])
        if args and args[0] == "export":
            from nda_reader.export_cli import run_export

            return run_export(args[1:])
        return run_reader(args)
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # argparse: 0 for --help, 2 for bad usage
        return int(exc.code) if isinstance(exc.code, int) else 2


if __name__ == "__main__":
    sys.exit(main())
