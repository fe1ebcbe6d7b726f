"""Measure nda-reader against the targets of issue 11, each beside its reference.

    python benchmarks/run.py [--runs N] [--only small|scale|inprocess] [--match TEXT]
                             [--write docs/benchmarks.md]

``small``: the bundled corpus (first paint against a one-line Textual app) and the 1 MB
document (keys pressed 0.3 s after the first paint against the same keys 3 s after).
``scale``: the generated 1,000-document corpus (``generate.py``): library, opening a
document, corpus search, next term with a large concordance, saving a note, each against
its reference measured alternately in the same run, in tmux (``probes.py``), and the
reader's peak memory. ``inprocess``: which documents hold a query, against ``grep -rlF``;
``check`` against reading and YAML-loading every file. Prints Markdown tables; with
``--write`` replaces the results section of the given file.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import inprocess
import probes
from scenarios import CORPUS, MEETING, OUT, REPO, SAVE_CORPUS, Scenario, scale, search, small

BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
"""The lines of ``--write``'s file the results go between."""


def write_problem(path: Path) -> str:
    """Why the results could not go into ``path`` (empty: they can). Asked before the
    run, not after its quarter of an hour."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        return f"--write {path}: {reason}; give a file with the lines {BEGIN} and {END}"
    if BEGIN not in text or END not in text:
        return f"--write {path}: no lines {BEGIN} and {END} to put the results between"
    return ""


WARM_CODE = """
import asyncio, sys
from pathlib import Path
from nda_reader.cli.code_cache import keep_dataclass_code
from nda_reader.cli.reader import keep_parsed_styles, keep_yaml_parses
from nda_reader.corpus.locations import cache_dir
keep_dataclass_code(cache_dir())
keep_yaml_parses(cache_dir())
keep_parsed_styles(cache_dir())
from nda_reader.ui import factory
app = factory.create_app(Path(sys.argv[1]) if sys.argv[1:] else None)
async def visit():
    async with app.run_test() as pilot:
        await pilot.pause(0.5)  # the screens warmed after the first paint
asyncio.run(visit())
"""
"""A headless session of the reader (on the document given, else the bundled library), with
the command line's caches in place, so that the compiled dataclass methods, the start's
YAML parses and its first screen's parsed styles are kept at its exit (see
``nda_reader/cli/code_cache.py``, ``nda_reader/formats/yaml_memo.py`` and
``nda_reader/ui/style_cache.py``)."""


def warm_code_cache(cache_home: Path) -> None:
    """Keep the compiled dataclass methods, the parses of the themes and the benchmark's
    settings, and the first screens' parsed styles in ``cache_home``, as a run that ends
    with ``q`` does (the measured launches are stopped by closing their terminal, which
    keeps nothing): the counterpart of byte-compiling the package."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "XDG_CONFIG_HOME": str(OUT / "config")}
    # The first screens measured: a document given on the command line, and the library.
    for first in ([str(MEETING)], []):
        subprocess.run([sys.executable, "-c", WARM_CODE, *first], check=True, env=env, cwd=REPO)


def prepare() -> None:
    """Generate the inputs, byte-compile the package (as pip leaves it), and build the
    indexes the warm measurements start from."""
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py")], check=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "nda_reader")], check=True)
    shutil.rmtree(SAVE_CORPUS, ignore_errors=True)
    shutil.copytree(CORPUS, SAVE_CORPUS)
    sys.path.insert(0, str(REPO))
    from nda_reader.index.open import open_corpus

    # The bundled corpus's index is completed too: a reader stopped right after its first
    # paint never finishes it, and each launch would find the opened text's terms again.
    inputs = (
        (CORPUS, "cache"),
        (SAVE_CORPUS, "cache-save"),
        (OUT / "big", "cache"),
        (REPO, "cache"),
    )
    for cache in ("cache", "cache-save"):
        warm_code_cache(OUT / cache)
    for root, cache in inputs:
        shutil.rmtree(OUT / cache / "nda-reader" / "unused", ignore_errors=True)
        _, index = open_corpus(root, OUT / cache / "nda-reader")
        if index is not None:
            index.complete()


def measure(s: Scenario, runs: int) -> tuple[float | None, float | None]:
    """Median ms of ``s.ours`` and ``s.ref``, run alternately (``runs`` times, or
    ``s.min_runs`` if more)."""
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(max(runs, s.min_runs)):
        for probe, into in ((s.ours, mine), (s.ref, theirs)):
            launch, timed, _ = probes.run(probe)
            value = timed[0] if s.timed and timed else (None if s.timed else launch)
            if value is not None:
                into.append(value * 1000)
    med = [statistics.median(v) if v else None for v in (mine, theirs)]
    return med[0], med[1]


def fmt(ms: float | None) -> str:
    return "—" if ms is None else f"{ms:.0f} ms"


def terminal_rows(scenarios: list[Scenario], runs: int) -> list[str]:
    rows = [
        "| measurement | nda-reader | reference | ratio | target |",
        "| --- | ---: | --- | ---: | ---: |",
    ]
    for s in scenarios:
        mine, ref = measure(s, runs)
        ratio = f"{mine / ref:.2f}×" if mine and ref else "—"
        met = "met" if mine and ref and mine / ref <= s.target else "not met"
        name = f"{s.name} ({s.min_runs} runs)" if s.min_runs > runs else s.name
        rows.append(
            f"| {name} | {fmt(mine)} | {s.ref_name}: {fmt(ref)} | {ratio} | ≤ {s.target}× ({met}) |"
        )
        print(rows[-1], flush=True)
    return rows


def memory_rows(runs: int) -> list[str]:
    """Peak resident memory of the reader after opening a document, the concordance of
    the most frequent term and a corpus search."""
    pid = str(OUT / "reader.pid")
    probe = search("infrastructure", pid=pid)
    peaks = [p for p in (probes.run(probe)[2] for _ in range(runs)) if p]
    size = inprocess.corpus_megabytes(CORPUS)
    peak = statistics.median(peaks) / 1e6 if peaks else 0
    limit = 2 * size + 150
    met = "met" if peak and peak <= limit else "not met"
    return [
        "",
        "| memory | peak resident | limit: 2 × corpus on disk + 150 MB | |",
        "| --- | ---: | ---: | --- |",
        f"| reader after a corpus search | {peak:.0f} MB | {limit:.0f} MB "
        f"(corpus {size:.0f} MB) | {met} |",
    ]


def inprocess_rows(runs: int) -> list[str]:
    rows = [
        "",
        "| query (in process) | documents | index | `grep -rlF` | ratio | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, query, found, mine, ref in inprocess.queries(runs):
        met = "met" if mine / ref <= 0.5 else "not met"
        rows.append(
            f"| {kind}: “{query}” | {found} | {mine:.1f} ms | {ref:.1f} ms "
            f"| {mine / ref:.2f}× | ≤ 0.5× ({met}) |"
        )
        print(rows[-1], flush=True)
    results = inprocess.check(max(3, runs // 2))
    ref = results[-1][1]
    rows += ["", "| `check`, 1,000 documents | time | ratio to the reference | target |"]
    rows += ["| --- | ---: | ---: | ---: |"]
    for name, seconds in results:
        ratio = seconds / ref
        target = (
            "" if name.startswith("reference") else f"≤ 2× ({'met' if ratio <= 2 else 'not met'})"
        )
        rows.append(f"| {name} | {seconds:.2f} s | {ratio:.2f}× | {target} |")
        print(rows[-1], flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("small", "scale", "inprocess"))
    parser.add_argument("--write", type=Path)
    parser.add_argument("--no-prepare", action="store_true", help="reuse benchmarks/out")
    parser.add_argument(
        "--match", default="", help="only the terminal measurements whose name contains this"
    )
    args = parser.parse_args()
    if args.write is not None and (problem := write_problem(args.write)):
        parser.error(problem)
    if not args.no_prepare:
        prepare()

    def pick(scenarios: list[Scenario]) -> list[Scenario]:
        return [s for s in scenarios if args.match in s.name]

    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    rows: list[str] = []
    if args.only in (None, "small"):
        rows += ["### Bundled corpus and the 1 MB document", ""]
        rows += terminal_rows(pick(small()), args.runs)
    if args.only in (None, "scale"):
        rows += ["", "### 1,000 documents (~50 MB)", "", *terminal_rows(pick(scale()), args.runs)]
        if not args.match:
            rows += memory_rows(max(1, args.runs // 2))
    if args.only in (None, "inprocess"):
        rows += inprocess_rows(args.runs)
    after = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    stamp = (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, Python "
        f"{platform.python_version()}, {args.runs} runs each (unless a row says more), medians, "
        "terminal 120x40 (tmux). "
        f"Load before: `{load.split('load average:')[-1].strip()}`, after: "
        f"`{after.split('load average:')[-1].strip()}` (2 cores, shared)."
    )
    table = "\n".join([stamp, "", *rows])
    print(table)
    if args.write:
        text = args.write.read_text(encoding="utf-8")
        head, _, rest = text.partition(BEGIN)
        _, _, tail = rest.partition(END)
        args.write.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
