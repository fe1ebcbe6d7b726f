"""``nda-reader glossary variants|export|import``: the glossary as a translator's termbase.

* ``variants [--doc ID]``: every rendering the corpus uses for each entry, with counts per
  document and date (the same counts as the reader's concordance);
* ``export FILE``: the glossary as TBX-Basic, CSV, TSV (OmegaT) or Pleco, by extension;
* ``import FILE [--dry-run]``: merge a termbase file by id or hanzi; conflicts are reported
  and never written over.

Exit status: 0 done, 1 conflicts or a file that cannot be read or written, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.locations import bundled_root
from nda_reader.corpus.model import Corpus

PROG = "nda-reader glossary"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    # --corpus is accepted before or after the subcommand (a parent parser of each).
    corpus = argparse.ArgumentParser(add_help=False)
    corpus.add_argument(
        "--corpus",
        type=Path,
        default=argparse.SUPPRESS,
        help="corpus folder (default: the bundled one)",
    )
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: the bundled one)")
    sub = parser.add_subparsers(dest="command", required=True)
    variants = sub.add_parser(
        "variants", help="renderings used, per document and date", parents=[corpus]
    )
    variants.add_argument("--doc", metavar="ID", help="only this document")
    variants.add_argument("--all", action="store_true", help="also entries with one rendering")
    export = sub.add_parser(
        "export", help="write the glossary (.tbx .csv .tsv .txt .pleco)", parents=[corpus]
    )
    export.add_argument("file", type=Path)
    imp = sub.add_parser("import", help="merge a termbase file into the glossary", parents=[corpus])
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    return parser


def run_glossary(argv: Sequence[str]) -> int:
    """Run ``nda-reader glossary``; return the exit status."""
    args = _parser().parse_args(argv)
    root = args.corpus if args.corpus is not None else bundled_root()
    if not root.exists():
        print(f"{PROG}: {root}: no such folder; give a corpus folder", file=sys.stderr)
        return 2
    corpus = load_corpus(root)
    if args.command == "variants":
        return _variants(corpus, args.doc, args.all)
    from nda_reader.termbase.merge import TermbaseError

    try:
        if args.command == "export":
            return _export(corpus, args.file)
        return _import(corpus, args.file, args.dry_run)
    except TermbaseError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1


def _variants(corpus: Corpus, doc_id: str | None, show_all: bool) -> int:
    from nda_reader.corpus.variants import corpus_variants

    if doc_id is not None and doc_id not in corpus.documents:
        known = ", ".join(sorted(corpus.documents))
        print(f"{PROG}: no document {doc_id!r}; use one of: {known}", file=sys.stderr)
        return 2
    found = corpus_variants(corpus, doc_id)
    for item in found:
        if not (item.varies or show_all):
            continue
        entry = item.entry
        print(f"{entry.id}: {entry.preferred} ({entry.hanzi}), {item.total} occurrences")
        for use in item.forms:
            status = entry.rendering(use.form).status
            print(f"  {use.form}{f' [{status}]' if status else ''} ×{use.total}")
            for doc in corpus.ordered_documents():
                if doc.id in use.counts:
                    print(f"    {doc.date} {doc.id} ×{use.counts[doc.id]}")
    varied = sum(v.varies for v in found)
    where = f" in {doc_id}" if doc_id else ""
    print(
        f"{varied} of {len(corpus.glossary)} entries appear under more than one form{where} "
        f"({len(found)} occur)"
    )
    return 0


def _export(corpus: Corpus, path: Path) -> int:
    from nda_reader.termbase.merge import export_glossary, format_of

    count = export_glossary(corpus, path)
    print(f"{count} entries written to {path} ({format_of(path)})")
    return 0


def _import(corpus: Corpus, path: Path, dry_run: bool) -> int:
    from nda_reader.termbase.merge import apply_import, plan_import, read_termbase

    plan = plan_import(corpus, read_termbase(path))
    verb = "would add" if dry_run else "added"
    for rec in plan.added:
        print(f"{verb}: {rec['id']} ({rec['hanzi']}, {rec.get('english', '')})")
    for c in plan.conflicts:
        print(f"conflict: {c.entry_id}: {c.field}: glossary has {c.ours!r}, file has {c.theirs!r}")
    written = None if dry_run else apply_import(corpus, plan)
    print(
        f"{len(plan.added)} new, {len(plan.unchanged)} unchanged, "
        f"{len({c.entry_id for c in plan.conflicts})} in conflict (kept as they are)"
        + (f"; written to {written}" if written else "")
        + ("; nothing written (--dry-run)" if dry_run else "")
    )
    return 1 if plan.conflicts else 0
