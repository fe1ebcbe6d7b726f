"""``nda-reader export``: write documents as annotated Markdown (or TEI, Web Annotation,
citations, Word or HTML through pandoc).

Exit status: 0 written, 1 failure (nothing written, e.g. an unwritable folder), 2 bad usage
(nothing written: unknown or invalid document id, ``--all`` with ids, no ids).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from nda_reader.cli.parsing import OneLineParser
from nda_reader.corpus.locations import bundled_root
from nda_reader.corpus.model import Corpus
from nda_reader.export.markdown import (
    GLOSS_MODES,
    ExportError,
    ExportOptions,
    all_groups,
    resolve_groups,
)
from nda_reader.export.outputs import FORMATS, export_outputs
from nda_reader.export.pandoc import PANDOC_TARGETS
from nda_reader.export.render import group_documents

PROG = "nda-reader export"


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog=PROG,
        description="Write documents as annotated Markdown (front matter with the citation, "
        "speaker labels, glossed terms, notes as footnotes, cross-references as links, a "
        "glossary), or in another format (--format, --to). A multi-part document becomes "
        "one file named after its part_of id. A file the export did not write, or that "
        "changed since, is not replaced without --force; blocks between <!-- nda:keep --> "
        "and <!-- /nda:keep --> lines survive every export.",
        epilog="Exit status: 0 written; 1 failed, nothing written; 2 bad usage, nothing "
        "written. See docs/export.md.",
    )
    parser.add_argument(
        "docs", nargs="*", metavar="DOC", help="document id or multi-part (part_of) id"
    )
    parser.add_argument("--all", action="store_true", help="export every document")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("export"),
        metavar="PATH",
        help="output folder (created if missing; default: ./export)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="corpus folder with texts/ and annotations/ (default: the bundled corpus)",
    )
    parser.add_argument(
        "--gloss",
        choices=GLOSS_MODES,
        default="inline",
        help="first occurrence of a term: gloss inline, 'Term (汉字 pīnyīn)', or as a "
        "footnote (default: inline)",
    )
    parser.add_argument("--no-glossary", action="store_true", help="leave out the Glossary section")
    parser.add_argument("--no-notes", action="store_true", help="leave out the notes")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="markdown",
        help="markdown (default; one file per document), tei (TEI P5 XML, one file per "
        "document), web-annotation (W3C JSON-LD, one file), csl-json or bibtex (the "
        "documents' citations, one file)",
    )
    parser.add_argument(
        "--to",
        choices=PANDOC_TARGETS,
        help="convert the Markdown with pandoc (where installed) to Word or a web page",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace files the export did not write or that changed since "
        "(hand-written <!-- nda:keep --> blocks are kept anyway)",
    )
    parser.add_argument(
        "--list", action="store_true", help="list the ids that can be exported and exit"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read the corpus from its files alone, without its index in "
        "$XDG_CACHE_HOME/nda-reader (the output is the same)",
    )
    parser.add_argument(
        "--parallel",
        action="store_true",
        help="write each text beside its counterpart in another language, pair by pair, "
        "as <id>.parallel.md (with --all: every text that has a counterpart)",
    )
    return parser


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def run_export(argv: Sequence[str]) -> int:
    """Run ``nda-reader export``; return the exit status."""
    args = _parser().parse_args(argv)
    if args.all and args.docs:
        return _fail("give document ids or --all, not both", 2)
    if not (args.all or args.docs or args.list):
        return _fail(
            "say what to export: one or more document ids, or --all "
            "(run 'nda-reader export --list' to see the ids)",
            2,
        )
    if args.to and args.format != "markdown":
        return _fail(f"--to {args.to} converts the Markdown export; leave out --format", 2)
    root: Path = args.corpus if args.corpus is not None else bundled_root()
    if not (root / "texts").is_dir():
        return _fail(
            f"'{root}' is not a corpus folder (no texts/ in it); give one with --corpus", 2
        )
    from nda_reader.cli.progress import TerminalProgress
    from nda_reader.corpus.locations import cache_dir
    from nda_reader.index.open import open_corpus

    progress = TerminalProgress()
    try:
        corpus, _ = open_corpus(root, None if args.no_cache else cache_dir(), progress)
    finally:
        progress.close()
    if args.list:
        for group in all_groups(corpus):
            docs = group_documents(corpus, group)
            first = docs[0]
            title = (first.part_title or first.title) if first.part_of else first.title
            print(f"{group}\t{' '.join(title.split())}")
        return 0
    if args.parallel:
        return _export_parallel(corpus, args)
    options = ExportOptions(
        gloss=args.gloss, glossary=not args.no_glossary, notes=not args.no_notes
    )
    try:
        ids = all_groups(corpus) if args.all else resolve_groups(corpus, args.docs)
        if not ids:
            return _fail(f"the corpus '{root}' has no documents to export", 1)
        notes: list[str] = []
        try:
            written = export_outputs(
                corpus,
                ids,
                args.output,
                args.format,
                options,
                to=args.to,
                force=args.force,
                notes=notes,
                progress=progress,
            )
        finally:
            progress.close()
    except ExportError as exc:
        return _fail(exc.message, exc.exit_code)
    errors = sum(p.is_error for p in corpus.problems)
    if errors:
        print(
            f"{PROG}: warning: the corpus has {errors} error(s); exported what loaded "
            "(run 'nda-reader check' for details)",
            file=sys.stderr,
        )
    for path in written:
        print(f"wrote {args.output / path.name}")
    for note in notes:
        print(f"{PROG}: {note}", file=sys.stderr)
    return 0


def _export_parallel(corpus: Corpus, args: argparse.Namespace) -> int:
    from nda_reader.export.parallel import export_parallel, parallel_ids

    try:
        ids = parallel_ids(corpus) if args.all else list(args.docs)
        for doc_id in ids:
            if doc_id not in corpus.documents:
                raise ExportError(f"unknown document {doc_id!r}", usage=True)
        if not ids:
            return _fail("no text of the corpus has a counterpart", 1)
        written = export_parallel(corpus, ids, args.output)
    except ExportError as exc:
        return _fail(exc.message, exc.exit_code)
    for path in written:
        print(f"wrote {args.output / path.name}")
    return 0
