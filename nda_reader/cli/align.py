"""``nda-reader align DOC``: propose an alignment of a text with its counterpart.

Writes ``annotations/alignments/<doc>.yaml`` (the length-based aligner of
:mod:`nda_reader.corpus.aligner`), keeping the pairs already confirmed in it, byte for
byte. Exit status: 0 written (or shown, with ``--dry-run``), 1 failure, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from nda_reader.corpus.locations import reading_root

PROG = "nda-reader align"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Align a text with its counterpart in another language, passage by "
        "passage, and write the pairs to annotations/alignments/. Confirmed pairs are kept.",
        epilog="Exit status: 0 written; 1 failed; 2 bad usage. See docs/annotation-format.md.",
    )
    parser.add_argument("doc", metavar="DOC", help="id of a text that has a counterpart")
    parser.add_argument(
        "--corpus", type=Path, metavar="DIR", help="corpus folder (default: the bundled corpus)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the layer instead of writing it"
    )
    return parser


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def run_align(argv: Sequence[str]) -> int:
    """Run ``nda-reader align``; return the exit status."""
    args = _parser().parse_args(argv)
    from nda_reader.corpus.aligner import propose
    from nda_reader.corpus.alignments import orientation
    from nda_reader.corpus.loader import load_corpus
    from nda_reader.editing.alignments import layer_path, layer_text
    from nda_reader.formats.atomic import atomic_write

    root: Path = args.corpus if args.corpus is not None else reading_root()
    if not (root / "texts").is_dir():
        return _fail(
            f"'{root}' is not a corpus folder (no texts/ in it); give one with --corpus", 2
        )
    corpus = load_corpus(root)
    if args.doc not in corpus.documents:
        return _fail(f"unknown document {args.doc!r}; no texts/{args.doc}.md", 2)
    other = corpus.counterpart_of(args.doc)
    if other is None:
        return _fail(
            f"{args.doc!r} has no counterpart: name it with 'counterpart:' in the front matter "
            f"or call the file texts/{args.doc}.<language>.md (see docs/text-format.md)",
            2,
        )
    stored = corpus.alignment(args.doc)
    ids = stored.docs if stored is not None else orientation(corpus.documents, args.doc, other)
    docs = (corpus.documents[ids[0]], corpus.documents[ids[1]])
    kept = [p for p in stored.pairs if p.confirmed] if stored is not None else []
    pairs = propose(corpus, docs, kept)
    path = layer_path(corpus, ids[0])
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    text = layer_text(docs, pairs, old)
    shapes = Counter(f"{len(p.sides[0])}-{len(p.sides[1])}" for p in pairs)
    summary = ", ".join(f"{n} × {shape}" for shape, n in shapes.most_common())
    if args.dry_run:
        sys.stdout.write(text)
        print(f"# {len(pairs)} pairs ({summary}); {len(kept)} confirmed kept", file=sys.stderr)
        return 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text)
    except OSError as exc:
        return _fail(f"{path}: cannot write ({exc.strerror or exc}); nothing was changed", 1)
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    print(
        f"{ids[0]} ⇄ {ids[1]}: {len(pairs)} pairs ({summary}), "
        f"{len(kept)} confirmed kept; wrote {shown}"
    )
    return 0
