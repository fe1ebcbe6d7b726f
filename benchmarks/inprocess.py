"""Measurements without a terminal: which documents hold a query (the index against
``grep -rlF`` over the same ``texts/``), and ``nda-reader check`` against reading and
YAML-loading every file."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from scenarios import CORPUS, OUT, REPO


def _queries() -> tuple[tuple[str, str], ...]:
    """What the query benchmark searches for: English words and phrases, and the hanzi
    of the most frequent term (its four characters, and its first two)."""
    import yaml

    glossary = yaml.safe_load((CORPUS / "annotations" / "glossary.yaml").read_text("utf-8"))
    hanzi = glossary["entries"][0]["hanzi"]
    return (
        ("English word", "infrastructure"),
        ("rarer English word", "Trusted"),
        ("phrase", "data market"),
        ("phrase of a term", "Rural Labour Bureau"),
        ("2 Chinese characters", hanzi[:2]),
        ("4 Chinese characters", hanzi[:4]),
    )


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def queries(runs: int) -> list[tuple[str, str, int, float, float]]:
    """Per query: (kind, query, documents found, index ms, grep -rlF ms), medians."""
    sys.path.insert(0, str(REPO))
    from nda_reader.index.open import open_corpus

    _, index = open_corpus(CORPUS, OUT / "cache" / "nda-reader")
    assert index is not None and index.is_complete(), "run the warm-up first"
    index.finder.load()  # the folded texts are read once, when search is first used
    texts = str(CORPUS / "texts")
    out = []
    for kind, query in _queries():
        found = index.documents_with(query) or []
        # Search ignores case (and takes any whitespace for a space): grep -i is the
        # nearer answer; the time is taken against plain grep -rlF all the same.
        grep = subprocess.run(["grep", "-rliF", query, texts], capture_output=True, text=True)
        print(f"{query!r}: {len(found)} documents, grep -rliF: {len(grep.stdout.split())}")

        def ours(q: str = query) -> None:
            index.documents_with(q)

        def theirs(q: str = query) -> None:
            subprocess.run(["grep", "-rlF", q, texts], stdout=subprocess.DEVNULL)

        mine, ref = [], []
        for _ in range(runs):  # alternated
            mine.append(_median(ours, 1))
            ref.append(_median(theirs, 1))
        out.append((kind, query, len(found), statistics.median(mine) * 1000,
                    statistics.median(ref) * 1000))  # fmt: skip
    return out


def check(runs: int) -> list[tuple[str, float]]:
    """Seconds (medians) of ``check`` with the index, without it, and of the reference:
    a process that reads and YAML-loads every file (C loader)."""
    env_cache = {"XDG_CACHE_HOME": str(OUT / "cache")}
    commands = {
        "nda-reader check (index up to date)": [sys.executable, "-m", "nda_reader", "check"],
        "nda-reader check --no-cache": [sys.executable, "-m", "nda_reader", "check", "--no-cache"],
        "reference: read and YAML-load every file (C loader)": [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, 'benchmarks'); from pathlib import Path; "
            "from bare_textual import load_every_file; load_every_file(Path(sys.argv[1]))",
        ],
    }
    import os

    env = {**os.environ, **env_cache}
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run([*command, str(CORPUS)], cwd=REPO, env=env, stdout=subprocess.DEVNULL)
            samples[name].append(time.perf_counter() - start)
    return [(name, statistics.median(values)) for name, values in samples.items()]


def corpus_megabytes(root: Path) -> float:
    """The size of the corpus files on disk, in MB."""
    files = [*root.rglob("*.md"), *root.rglob("*.yaml")]
    return sum(p.stat().st_size for p in files) / 1e6
