"""Generate the benchmarks' inputs: a 1 MB document with a 2,000-term glossary, and a
corpus of 1,000 documents (~50 MB; see ``corpus_gen.py``).

    python benchmarks/generate.py [--seed N] [--out FOLDER]   (default: benchmarks/out)

writes ``FOLDER/big`` and ``FOLDER/corpus``.

Both are deterministic. Markers of the 1 MB document the benchmark waits for:
- ``P000001`` starts the first line (launch);
- ``P000030`` is on the second screen at 120x40 in both nda-reader and less (page down);
- term ``Zorblat0001``'s note ``alpha-note-0001`` is shown by nda-reader's context pane after
  ``t`` (next term), and by ``less -p Zorblat0001`` after ``n`` (next match), because the text
  repeats it far down (paragraph 1500).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's nda_reader
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gen import write_corpus

TERMS = 2000
TARGET_BYTES = 1_000_000
WORDS = (
    "data",
    "market",
    "policy",
    "reform",
    "allocation",
    "infrastructure",
    "security",
    "governance",
    "platform",
    "pilot",
    "circulation",
    "value",
    "digital",
    "economy",
)


def hanzi_for(i: int) -> str:
    """A distinct 3-character hanzi form for term ``i``."""
    base = 0x4E00
    return "".join(chr(base + (i * 3 + k * 7919) % 20000) for k in range(3))


def glossary_yaml() -> str:
    lines = ["layer: glossary", "version: 1", "entries:"]
    for i in range(1, TERMS + 1):
        lines += [
            f"  - id: term-{i:04d}",
            "    kind: term",
            f"    hanzi: {hanzi_for(i)}",
            "    pinyin: zhè shì",
            f"    english: Zorblat{i:04d}",
            f"    aliases: [zorb form {i:04d}]",
            "    hanzi_source: annotator",
            f"    note: alpha-note-{i:04d}",
        ]
    return "\n".join(lines) + "\n"


def document(rng: random.Random) -> str:
    out = [
        "---",
        "id: big",
        "title: Generated benchmark document",
        "date: 2026-01-01",
        "kind: report",
        "language: en",
        "---",
        "",
    ]
    size = 0
    n = 0
    while size < TARGET_BYTES:
        n += 1
        if n <= 60:
            para = f"P{n:06d} short line of generated text about {rng.choice(WORDS)}."
        else:
            words = [rng.choice(WORDS) for _ in range(55)]
            for _ in range(3):
                t = rng.randint(2, TERMS)  # term 0001 only where the markers need it
                words.insert(
                    rng.randrange(len(words)),
                    rng.choice([f"Zorblat{t:04d}", hanzi_for(t), f"zorb form {t:04d}"]),
                )
            para = f"P{n:06d} " + " ".join(words) + "."
        if n == 1500:
            para += " alpha-note-0001 Zorblat0001 appears again here."
        if n == 2:
            para += " The first term is Zorblat0001."
        out += [para, ""]
        size += len(para.encode("utf-8")) + 2
    return "\n".join(out)


def write_big(out: Path) -> Path:
    """Write the 1 MB document and its glossary into ``out``."""
    (out / "texts").mkdir(parents=True, exist_ok=True)
    (out / "annotations").mkdir(parents=True, exist_ok=True)
    (out / "texts" / "big.md").write_text(document(random.Random(7)), encoding="utf-8")
    (out / "annotations" / "glossary.yaml").write_text(glossary_yaml(), encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--seed", type=int, default=11, help="seed of the 1,000-document corpus")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--megabytes", type=float, default=50)
    args = parser.parse_args()
    print(write_big(args.out / "big"))
    corpus = args.out / "corpus"
    print(write_corpus(corpus, seed=args.seed, docs=args.docs, megabytes=args.megabytes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
