"""What ``run.py`` measures in a terminal: each measurement beside its reference, both run
alternately in the same run (see ``probes.py``), with the target ratio of issue 11."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from probes import Probe, Step, shell

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
CORPUS = OUT / "corpus"
SAVE_CORPUS = OUT / "corpus-save"
BIG = OUT / "big" / "texts" / "big.md"
MEETING = REPO / "texts" / "national-data-work-meeting-2025.md"
BARE = REPO / "benchmarks" / "bare_textual.py"
FIRST = CORPUS / "texts" / "gen-0001.md"
READER = [sys.executable, "-m", "nda_reader"]

OPENING = "Opening paragraph of the first generated document"
PAGE_TWO = "Line 30 of the opening"
LIBRARY_UP = "enter opens"

SETTLED = 4.0
"""Seconds the 1,000-document keys wait after the launch: the reader's work after its
first paint (the index check, the layer files read to notice outside changes, the
styles of later screens) is done by then, even on a slow machine, so the ratio compares
the keys, not the start-up still under way (which made the reference page down take
110-200 ms instead of ~50 on a slower machine). The 1 MB document's keys are pressed
0.3 s after the paint on purpose: that is what they measure."""


@dataclass(frozen=True)
class Scenario:
    """One measurement (``ours``) and its reference (``ref``), and the target ratio."""

    name: str
    ours: Probe
    ref: Probe
    target: float
    timed: bool = True
    """Compare the first timed step (True) or the launch (False)."""
    ref_name: str = ""
    min_runs: int = 0
    """At least this many runs, whatever ``--runs`` says: for a figure whose spread between
    runs is wide compared with its margin."""


def reader(path: Path, *, cache: str = "cache", cold: bool = False, pid: str = "") -> str:
    """nda-reader on ``path`` with its settings and index under ``benchmarks/out``; with
    ``cold`` the index is deleted before each launch (a first launch)."""
    env = {"XDG_CONFIG_HOME": str(OUT / "config"), "XDG_CACHE_HOME": str(OUT / cache)}
    before = f"rm -rf {OUT / cache}" if cold else ""
    return shell([*READER, str(path)], env, before=before, pid_file=pid)


def bare(text: str, *, load: Path | None = None) -> str:
    """The one-line Textual app showing ``text`` (after loading every file of ``load``)."""
    extra = ["--load", str(load)] if load else []
    return shell([sys.executable, str(BARE), *extra, text])


def page_down(path: Path, marker: str, after: str, *, cache: str = "cache") -> Probe:
    """Page down on ``path``'s reading screen: the reference for keys on that screen."""
    return Probe(
        reader(path, cache=cache), marker, (Step(("NPage",), after, timed=True, settle=SETTLED),)
    )


def search(query: str, pid: str = "") -> Probe:
    """From the library: f, the query (not timed), Enter until the results show."""
    steps = (
        Step(("f",), "Search the whole corpus", settle=SETTLED),
        Step(text=query, after=query, settle=0.1),
        Step(("Enter",), f"for “{query}”", timed=True),
    )
    return Probe(reader(CORPUS, pid=pid), LIBRARY_UP, steps, pid_file=pid)


def scale() -> list[Scenario]:
    """The 1,000-document corpus (its index built beforehand, except for a first launch)."""
    pd = page_down(FIRST, OPENING, PAGE_TWO)
    return [
        Scenario(
            "library on screen, from the index",
            Probe(reader(CORPUS), LIBRARY_UP),
            Probe(bare(LIBRARY_UP), LIBRARY_UP),
            2.0,
            timed=False,
            ref_name="one-line Textual app",
        ),
        Scenario(
            "library on screen, first launch (no index yet)",
            Probe(reader(CORPUS, cache="cache-cold", cold=True), LIBRARY_UP),
            Probe(bare(LIBRARY_UP, load=CORPUS), LIBRARY_UP),
            1.5,
            timed=False,
            ref_name="one-line Textual app after YAML-loading every file",
        ),
        Scenario(
            "Enter on a document to its first text",
            Probe(
                reader(CORPUS), LIBRARY_UP, (Step(("Enter",), OPENING, timed=True, settle=SETTLED),)
            ),
            pd,
            3.0,
            ref_name="page down on that document",
        ),
        Scenario(
            "corpus search “infrastructure”, Enter to results",
            search("infrastructure"),
            pd,
            3.0,
            ref_name="page down",
        ),
        Scenario(
            "corpus search “data market”, Enter to results",
            search("data market"),
            pd,
            3.0,
            ref_name="page down",
        ),
        Scenario(
            "next term with its concordance (~5,800 occurrences)",
            Probe(
                reader(FIRST),
                OPENING,
                (Step(("t",), "Concordance: Data Element Commons", timed=True, settle=SETTLED),),
            ),
            pd,
            2.0,
            ref_name="page down",
        ),
        Scenario(
            "saving a note, Enter to repaint",
            Probe(
                reader(SAVE_CORPUS / "texts" / "gen-0001.md", cache="cache-save"),
                OPENING,
                (
                    Step(("M",), "Tags (comma-separated)", settle=SETTLED),
                    Step(text="benchmark note", after="benchmark note", settle=0.1),
                    Step(("Enter",), "Saved", timed=True),
                ),
            ),
            # The settled corpus's page down: on the copy saved to, each run's reader was
            # stopped before it wrote its index, so the next one re-read notes.yaml and
            # rewrote the index while its page down was timed (120-290 ms instead of ~20).
            pd,
            3.0,
            ref_name="page down (the corpus not saved to)",
        ),
    ]


def small() -> list[Scenario]:
    """The bundled corpus and the 1 MB document."""
    first = "From 29 to 30 December"
    big_keys = [
        Scenario(
            f"1 MB: {what} pressed 0.3 s after the first paint",
            Probe(reader(BIG), "P000003", (Step((key,), after, timed=True, settle=0.3),)),
            Probe(reader(BIG), "P000003", (Step((key,), after, timed=True, settle=3.0),)),
            1.5,
            ref_name="the same pressed after 3 s",
        )
        for what, key, after in (
            ("page down", "NPage", "P000030"),
            ("next term", "t", "alpha-note-0001"),
        )
    ]
    return [
        Scenario(
            "bundled corpus: first paint",
            Probe(reader(MEETING), first),
            Probe(bare(first), first),
            1.3,
            timed=False,
            ref_name="one-line Textual app",
            # Medians of 5 ranged from 1.26x to 1.61x in one afternoon (~0.5 s a launch).
            min_runs=21,
        ),
        *big_keys,
    ]
