"""``nda-reader dict QUERY``: look a word up, as the reader's ``d`` does, for scripts.

Glossary entries first (marked ``glossary``), then CC-CEDICT (marked ``dictionary``), each
as one block: hanzi (and traditional), pinyin with tone marks, then one sense a line.
Exit status: 0 found, 1 nothing found (or no dictionary), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from nda_reader.corpus.locations import cache_dir, reading_root

PROG = "nda-reader dict"


def _parser() -> argparse.ArgumentParser:
    from nda_reader.dictionary.cedict import CREDIT

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Look up Chinese by hanzi (simplified or traditional), pinyin with or "
        "without tones (shuju, shu4ju4, shùjù) or English: the corpus glossary first, "
        "then the CC-CEDICT dictionary.",
        epilog=f"Exit status: 0 found; 1 nothing found; 2 bad usage. {CREDIT}.",
    )
    parser.add_argument("query", nargs="+", help="what to look up (several words: one query)")
    parser.add_argument(
        "--corpus", type=Path, metavar="DIR", help="corpus whose glossary comes first "
        "(default: the bundled corpus)",
    )  # fmt: skip
    parser.add_argument("--limit", type=int, default=10, help="at most this many entries")
    return parser


def run_dict(argv: Sequence[str]) -> int:
    """Run ``nda-reader dict``; return the exit status."""
    args = _parser().parse_args(argv)
    from nda_reader.corpus.loader import load_corpus
    from nda_reader.dictionary.lookup import Dictionary, is_open_error
    from nda_reader.reading.lookup import look_up

    query = " ".join(args.query)
    root: Path = args.corpus if args.corpus is not None else reading_root()
    if not (root / "texts").is_dir():
        print(f"{PROG}: '{root}' is not a corpus folder (no texts/ in it)", file=sys.stderr)
        return 2
    glossary = load_corpus(root).glossary
    dictionary = None
    try:
        dictionary = Dictionary.open(cache_dir())
    except Exception as exc:  # no data, or an unwritable cache: the glossary still answers
        if not is_open_error(exc):
            raise
        print(f"{PROG}: no dictionary: {exc}", file=sys.stderr)
    hits = look_up(glossary, dictionary, query)[: args.limit]
    for hit in hits:
        head = hit.hanzi
        if hit.traditional and hit.traditional != hit.hanzi:
            head += f" {hit.traditional}"
        where = f"glossary {hit.entry_id}" if hit.from_glossary else "dictionary"
        print(f"{head}  {hit.pinyin}  [{where}]")
        for sense in hit.senses:
            print(f"  {sense}")
    if not hits:
        print(f"{PROG}: nothing found for {query!r}", file=sys.stderr)
        return 1
    return 0
