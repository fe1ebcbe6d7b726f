"""Generate a 1 MB document with a 2,000-term glossary, for benchmarks.

    python benchmarks/generate.py [OUT]      (default: benchmarks/out/big)

The corpus is deterministic. Markers the benchmark waits for:
- ``P000001`` starts the first line (launch);
- ``P000030`` is on the second screen at 120x40 in both nda-reader and less (page down);
- term ``Zorblat0001``'s note ``alpha-note-0001`` is shown by nda-reader's context pane after
  ``t`` (next term), and by ``less -p Zorblat0001`` after ``n`` (next match), because the text
  repeats it far down (paragraph 1500).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

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


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out" / "big")
    (out / "texts").mkdir(parents=True, exist_ok=True)
    (out / "annotations").mkdir(parents=True, exist_ok=True)
    (out / "texts" / "big.md").write_text(document(random.Random(7)), encoding="utf-8")
    (out / "annotations" / "glossary.yaml").write_text(glossary_yaml(), encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
