"""``nda-reader import FILE [--corpus DIR]``: add annotations from another tool to a corpus.

Reads Web Annotation JSON-LD (as ``nda-reader export --format web-annotation`` writes it)
or Hypothesis's JSON export. Exit status: 0 done (also when nothing was new); 1 the layer
files could not be written (nothing was); 2 bad usage (no such file, not such a file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

PROG = "nda-reader import"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Add the annotations of a Web Annotation (JSON-LD) file or a Hypothesis "
        "export to a corpus's layer files. Nothing already in the corpus is changed.",
        epilog="See docs/web-annotation.md.",
    )
    parser.add_argument("file", type=Path, help="a .jsonld/.json file")
    parser.add_argument(
        "--corpus", type=Path, default=Path("."), metavar="DIR", help="corpus folder (default: .)"
    )
    return parser


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def run_import(argv: Sequence[str]) -> int:
    """Run ``nda-reader import``; return the exit status."""
    args = _parser().parse_args(argv)
    from nda_reader.corpus.loader import load_corpus
    from nda_reader.editing.actions import AnnotateError
    from nda_reader.editing.importing import import_records
    from nda_reader.formats.web_annotation import AnnotationFileError, read_annotations

    if not (args.corpus / "texts").is_dir():
        return _fail(f"'{args.corpus}' is not a corpus folder (no texts/ in it)", 2)
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
        records = read_annotations(data)
    except OSError as exc:
        return _fail(f"{args.file}: cannot read: {exc.strerror or exc}", 2)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _fail(f"{args.file}: not a JSON file ({exc})", 2)
    except AnnotationFileError as exc:
        return _fail(f"{args.file}: {exc}", 2)
    (args.corpus / "annotations").mkdir(exist_ok=True)
    try:
        report = import_records(load_corpus(args.corpus), records)
    except AnnotateError as exc:
        return _fail(str(exc), 1)
    added = ", ".join(f"{n} {kind}" for kind, n in report.added.items()) or "nothing new"
    print(f"added {added}")
    for path in report.written:
        print(f"wrote {path}")
    for what in report.kept:
        print(f"kept {what}")
    for what in report.skipped:
        print(f"skipped {what}")
    return 0
