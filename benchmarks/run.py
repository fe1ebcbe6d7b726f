"""Measure nda-reader in a real terminal (tmux) beside ``less`` on the same text.

    python benchmarks/run.py [--runs N] [--write docs/benchmarks.md]

Uses ``../shared/tools/termtime.py`` (time from launch, or from a keypress, to text on
screen), alternating nda-reader and less in the same run, for the bundled corpus and for the
generated 1 MB document with a 2,000-term glossary (see ``generate.py``). Also times loading
the corpus in-process beside a plain ``yaml.safe_load`` of the same files. Prints a Markdown
table and, with ``--write``, replaces the results section of the given file.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: import this checkout's nda_reader
TERMTIME = REPO.parent / "shared" / "tools" / "termtime.py"
BIG = REPO / "benchmarks" / "out" / "big"
MEETING = REPO / "texts" / "national-data-work-meeting-2025.md"
READER = [sys.executable, "-m", "nda_reader"]
BARE = REPO / "benchmarks" / "bare_textual.py"


@dataclass(frozen=True)
class Probe:
    """What to run and wait for: launch until ``marker``, then ``keys`` until ``after``."""

    command: str
    marker: str
    keys: str = ""
    after: str = ""


@dataclass(frozen=True)
class Scenario:
    """One measurement: nda-reader against less, alternated run by run."""

    name: str
    reader: Probe
    less: Probe


def _reader(path: Path, out: Path, *, cache: bool = True) -> str:
    """nda-reader on ``path``; with ``cache=False`` its cache is emptied first, so that
    each launch is a first launch (or the first after an edit): it loads, indexes and
    writes the cache."""
    if not cache:
        cold = out / "cache-cold"
        env = [f"XDG_CONFIG_HOME={out / 'config'}", f"XDG_CACHE_HOME={cold}"]
        run = shlex.join(["env", *env, *READER, str(path)])
        return shlex.join(["sh", "-c", f"rm -rf {shlex.quote(str(cold))}; exec {run}"])
    env = [f"XDG_CONFIG_HOME={out / 'config'}", f"XDG_CACHE_HOME={out / 'cache'}"]
    return shlex.join(["env", *env, *READER, str(path)])


def scenarios(out: Path) -> list[Scenario]:
    """The measurements, each with the same text for both programs."""
    big = BIG / "texts" / "big.md"
    first = "From 29 to 30 December"
    page2 = "Execute six specialized actions"
    return [
        Scenario(
            "bundled: launch to first text",
            Probe(_reader(MEETING, out), first),
            Probe(f"less {MEETING}", first),
        ),
        Scenario(
            "bundled: launch to first text, first launch (no cache yet)",
            Probe(_reader(MEETING, out, cache=False), first),
            Probe(f"less {MEETING}", first),
        ),
        Scenario(
            "bundled: page down",
            Probe(_reader(MEETING, out), first, "NPage", page2),
            Probe(f"less {MEETING}", first, "NPage", page2),
        ),
        Scenario(
            "1 MB: launch to first text",
            Probe(_reader(big, out), "P000003"),
            Probe(f"less {big}", "P000003"),
        ),
        Scenario(
            "1 MB: launch to first text, first launch (no cache yet)",
            Probe(_reader(big, out, cache=False), "P000003"),
            Probe(f"less {big}", "P000003"),
        ),
        Scenario(
            "1 MB: page down",
            Probe(_reader(big, out), "P000003", "NPage", "P000030"),
            Probe(f"less {big}", "P000003", "NPage", "P000030"),
        ),
        Scenario(
            "1 MB: next term `t` (less: next match `n`)",
            Probe(_reader(big, out), "P000003", "t", "alpha-note-0001"),
            Probe(f"less -p Zorblat0001 {big}", "P000003", "n", "alpha-note-0001"),
        ),
    ]


def _termtime() -> ModuleType:
    spec = importlib.util.spec_from_file_location("termtime", TERMTIME)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(s: Scenario, runs: int, termtime: ModuleType) -> dict[str, float | None]:
    """Median ms (launch, or keypress when the probe has keys) for reader and less."""
    samples: dict[str, list[float]] = {"reader": [], "less": []}
    for _ in range(runs):
        for name, probe in (("reader", s.reader), ("less", s.less)):
            options = argparse.Namespace(
                marker=probe.marker,
                keys=probe.keys or None,
                after=probe.after or None,
                size="120x40",
                timeout=20.0,
                settle=0.3,
            )
            first, key, _ = termtime.one_run(probe.command, options)
            value = key if probe.keys else first
            if value is not None:
                samples[name].append(value * 1000)
    return {k: statistics.median(v) if v else None for k, v in samples.items()}


def time_load(root: Path, cache: Path, repeat: int = 7) -> tuple[float, float, float]:
    """Median ms of load_corpus + term index, of the same from a warm cache, and of
    yaml.safe_load of the same files."""
    from nda_reader.corpus.cache import load_corpus_cached
    from nda_reader.corpus.loader import load_corpus

    def ours() -> None:
        corpus = load_corpus(root)
        _ = corpus.occurrences

    def cached() -> None:
        corpus = load_corpus_cached(root, cache)
        _ = corpus.occurrences

    def plain() -> None:
        for path in sorted((root / "annotations").rglob("*.yaml")):
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for path in sorted((root / "texts").glob("*.md")):
            path.read_text(encoding="utf-8")

    def median(fn: object) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()  # type: ignore[operator]
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    cached()  # warm
    return median(ours), median(cached), median(plain)


def fmt(ms: float | None) -> str:
    return "—" if ms is None else f"{ms:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    if True:  # always regenerate: the markers depend on the generator's current version
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py")], check=True)
    out = REPO / "benchmarks" / "out"
    # As installed by pip: byte-compiled. (Where PYTHONDONTWRITEBYTECODE is set, as in some
    # sandboxes and CI images, every launch would otherwise compile the package anew.)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "nda_reader")], check=True)
    shutil.rmtree(out / "cache", ignore_errors=True)
    from nda_reader.corpus.cache import load_corpus_cached

    for root in (REPO, BIG):  # as a first launch would: later launches read the cache
        load_corpus_cached(root, out / "cache" / "nda-reader")
    termtime = _termtime()
    rows = ["| measurement | nda-reader | less | ratio |", "| --- | ---: | ---: | ---: |"]
    for s in scenarios(out):
        result = measure(s, args.runs, termtime)
        reader, less = result.get("reader"), result.get("less")
        ratio = f"{reader / less:.1f}×" if reader and less else "—"
        rows.append(f"| {s.name} | {fmt(reader)} | {fmt(less)} | {ratio} |")
        print(rows[-1], flush=True)
    floor = measure(
        Scenario(
            "floor",
            Probe(shlex.join([sys.executable, str(BARE), "From 29 to 30 December"]), "From 29"),
            Probe(f"less {MEETING}", "From 29 to 30 December"),
        ),
        args.runs,
        termtime,
    )
    rows += [
        "",
        "| reference | launch to first text |",
        "| --- | ---: |",
        f"| a Textual app showing one line (`benchmarks/bare_textual.py`) | "
        f"{fmt(floor.get('reader'))} |",
    ]
    print(rows[-1], flush=True)
    rows += [
        "",
        "| in-process load (corpus + term index) | nda-reader | from the cache "
        "| libyaml safe load + read |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, root in (("bundled corpus", REPO), ("1 MB + 2,000 terms", BIG)):
        ours, cached, plain = time_load(root, out / "load-cache")
        rows.append(f"| {name} | {ours:.1f} ms | {cached:.1f} ms | {plain:.1f} ms |")
        print(rows[-1], flush=True)
    stamp = (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, "
        f"Python {platform.python_version()}, {args.runs} runs each, medians, "
        "terminal 120x40 (tmux)."
    )
    table = "\n".join([stamp, "", *rows])
    if args.write:
        text = args.write.read_text(encoding="utf-8")
        begin, end = "<!-- results:begin -->", "<!-- results:end -->"
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        args.write.write_text(f"{head}{begin}\n{table}\n{end}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
