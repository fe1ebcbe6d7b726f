"""``nda-reader add SOURCE...``: add texts to a corpus (see docs/adding-texts.md).

Exit status: 0 every source added (or, with ``--dry-run``, addable); 1 some could not be
added (the others were); 2 bad usage or bad rules, nothing written.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from nda_reader.cli.parsing import OneLineParser
from nda_reader.corpus.document import KINDS
from nda_reader.corpus.locations import reading_root
from nda_reader.formats.schema import FULL_DATE, SLUG
from nda_reader.importing.frontmatter import render_front_matter
from nda_reader.importing.plan import Planned, Prepared, prepare, read_all, write
from nda_reader.importing.report import document_report
from nda_reader.importing.rules import RulesError
from nda_reader.importing.sources import Source, from_text, read_source
from nda_reader.importing.texts import Overrides

PROG = "nda-reader add"


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog=PROG,
        description="Add texts to a corpus: website debris removed, front matter inferred, "
        "speaker turns found, pages of one source stitched into one document. "
        "Sources: .txt, .md, .html/.htm (a saved web page), .docx (with pandoc), .pdf "
        "(with pdftotext), or - for text on standard input.",
        epilog="Exit status: 0 added; 1 some sources could not be added (the others were); "
        "2 bad usage, nothing written. See docs/adding-texts.md.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="a file, or - for stdin")
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="PATH",
        help="the corpus folder to add to (created if missing; default: the corpus "
        "nda-reader opens)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be added; write nothing"
    )
    parser.add_argument("--id", default="", help="the new document's id (one document only)")
    parser.add_argument("--title", default="", help="the title, instead of the headline")
    parser.add_argument("--date", default="", metavar="YYYY-MM-DD", help="the date of the event")
    parser.add_argument("--kind", default="", choices=("", *KINDS), help="the kind of text")
    parser.add_argument(
        "--update",
        action="store_true",
        help="a source added before replaces its text in place (its speakers layer is kept)",
    )
    return parser


def _stdin() -> Source:
    if sys.stdin is None:
        raise OSError("no standard input")
    if sys.stdin.isatty():
        print("Paste the text, then press ctrl-d on a line of its own:", file=sys.stderr)
    return from_text(sys.stdin.read(), "standard input")


def _show(planned: Planned, prepared: Prepared, out: TextIO, dry_run: bool) -> None:
    doc = planned.document
    corpus = prepared.corpus
    verb = "would add" if dry_run else "added"
    if not planned.ok:
        verb = "not added"
    print(f"{doc.parts[0].draft.source.name}: {verb} {doc.id} — {doc.title}", file=out)
    for item in planned.writes if planned.ok else []:
        mark = "~" if item.replaces else "+"
        print(f"  {mark} {item.path.relative_to(prepared.root)}", file=out)
    for path in planned.kept:
        print(f"  = {path.relative_to(prepared.root)} kept as it is", file=out)
    for path, n in planned.turns_added.items():
        turns = "turn" if n == 1 else "turns"
        print(f"    {path.relative_to(prepared.root)}: kept, {n} new {turns} added", file=out)
    for line in document_report(doc, corpus.glossary, corpus.matcher):
        print(line, file=out)
    if dry_run and planned.ok:
        for part in doc.parts:
            print("  front matter:", file=out)
            for line in render_front_matter(part.meta).splitlines():
                print(f"    {line}", file=out)
    for problem in planned.problems:
        print(f"  error: {problem}", file=out)


def run_add(argv: Sequence[str]) -> int:
    """Run ``nda-reader add``; return the exit status."""
    args = _parser().parse_args(argv)
    if args.date and not FULL_DATE.match(args.date):
        return _usage(f"--date {args.date!r}: write the date as YYYY-MM-DD")
    if args.id and not SLUG.match(args.id):
        return _usage(f"--id {args.id!r}: use lowercase letters, digits and hyphens")
    if args.sources.count("-") > 1:
        return _usage("standard input (-) can be given once")
    root: Path = args.corpus if args.corpus is not None else reading_root()
    if root.exists() and not root.is_dir():
        return _usage(f"{root} is a file; give a corpus folder with --corpus")
    total = len(args.sources)

    def read(path: Path) -> Source:
        if total > 1:
            index = args.sources.index(str(path)) + 1
            print(f"[{index}/{total}] reading {path}", file=sys.stderr)
        return read_source(path)

    sources = read_all(args.sources, read, _stdin)
    overrides = Overrides(args.id, args.title.strip(), args.date, args.kind)
    try:
        prepared = prepare(sources, root, overrides, update=args.update)
    except RulesError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    failures = len(prepared.failed)
    for failed in prepared.failed:
        print(f"{PROG}: {failed.message}", file=sys.stderr)
    added = 0
    for planned in prepared.documents:
        if planned.ok and not args.dry_run:
            try:
                write(planned)
            except OSError as exc:
                planned.problems.append(f"nothing written: {exc.strerror or exc}")
        _show(planned, prepared, sys.stdout, args.dry_run)
        if planned.ok:
            added += 1
        else:
            failures += 1
    summary = f"{added} document(s) {'can be added' if args.dry_run else 'added'}"
    if failures:
        summary += f", {failures} source(s) or document(s) not added"
    if args.dry_run:
        summary += " (dry run: nothing written)"
    print(summary, file=sys.stdout)
    if added and not args.dry_run:
        print(f"Check the corpus with: nda-reader check {_quote(root)}", file=sys.stdout)
    return 1 if failures else 0


def _quote(path: Path) -> str:
    text = str(path)
    return text if re.fullmatch(r"[\w./-]+", text) else repr(text)


def _usage(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2
