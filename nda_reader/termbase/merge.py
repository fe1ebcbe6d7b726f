"""Writing the glossary to an exchange file, and merging one into a corpus's glossary.

The format comes from the file name: ``.tbx`` (TBX-Basic), ``.csv``, ``.tsv``/``.txt``/
``.utf8``/``.tab`` (OmegaT's tab-separated layout) and ``.pleco``/``.pleco.txt`` (a Pleco-style
user dictionary). An imported entry is matched to an existing one by id, else by hanzi: an
entry that is new is added; one that differs is a conflict, reported field by field and never
written over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nda_reader.corpus.glossary import PROPER_KINDS, known_words
from nda_reader.corpus.model import Corpus
from nda_reader.formats.atomic import atomic_write
from nda_reader.formats.safe_read import read_file
from nda_reader.termbase import tables, tbx
from nda_reader.termbase.records import Record, entry_record, tidy

Writer = Callable[[list[Record]], str]
Reader = Callable[[str], list[Record]]

FORMATS: dict[str, tuple[Writer, Reader]] = {
    "tbx": (tbx.write_tbx, tbx.read_tbx),
    "csv": (tables.write_csv, tables.read_csv),
    "tsv": (tables.write_tsv, tables.read_tsv),
    "pleco": (tables.write_pleco, tables.read_pleco),
}
_SUFFIXES = {".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "tsv", ".txt": "tsv",
             ".utf8": "tsv", ".tab": "tsv", ".pleco": "pleco"}  # fmt: skip


class TermbaseError(Exception):
    """A file that cannot be written or read as a termbase; the message says what to do."""


def format_of(path: Path) -> str:
    """The exchange format named by ``path``'s extension."""
    name = path.name.lower()
    if name.endswith(".pleco.txt"):
        return "pleco"
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise TermbaseError(
            f"{path}: unknown extension; use .tbx, .csv, .tsv (or .txt, .utf8, .tab for "
            "OmegaT) or .pleco"
        )
    return found


def glossary_records(corpus: Corpus) -> list[Record]:
    """Every glossary entry as a record, in glossary order."""
    return [entry_record(e) for e in corpus.glossary.entries.values()]


def export_glossary(corpus: Corpus, path: Path) -> int:
    """Write the glossary to ``path`` in the format its extension names; the entry count."""
    writer, _ = FORMATS[format_of(path)]
    records = glossary_records(corpus)
    try:
        atomic_write(path, writer(records))
    except OSError as exc:
        raise TermbaseError(f"{path}: cannot write ({exc.strerror}); choose another place") from exc
    return len(records)


def read_termbase(path: Path) -> list[Record]:
    """The records of a termbase file."""
    _, reader = FORMATS[format_of(path)]
    try:
        text = read_file(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise TermbaseError(f"{path}: cannot read ({exc}); give a UTF-8 termbase file") from exc
    try:
        return reader(text)
    except Exception as exc:  # a malformed file of any format
        raise TermbaseError(f"{path}: not a readable {format_of(path)} termbase ({exc})") from exc


@dataclass
class Conflict:
    """An imported entry that differs from the glossary's in ``field``."""

    entry_id: str
    field: str
    ours: Any
    theirs: Any


@dataclass
class ImportPlan:
    """What an import would do: entries to add, entries already the same, conflicts."""

    added: list[Record] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def plan_import(corpus: Corpus, records: list[Record]) -> ImportPlan:
    """Match each record to an entry by id, else by hanzi, and say what would change."""
    plan = ImportPlan()
    ours = {e.id: entry_record(e) for e in corpus.glossary.entries.values()}
    by_hanzi = {r["hanzi"]: i for i, r in ours.items()}
    taken = set(ours)
    for raw in records:
        rec = _complete(corpus, raw, taken)
        match = ours.get(rec["id"]) or ours.get(by_hanzi.get(rec["hanzi"], ""))
        if match is None:
            plan.added.append(rec)
            taken.add(rec["id"])
            continue
        theirs = {**rec, "id": match["id"]} if "id" not in raw else rec
        diffs = [k for k in dict.fromkeys([*match, *theirs]) if match.get(k) != theirs.get(k)]
        if not diffs:
            plan.unchanged.append(match["id"])
        plan.conflicts += [Conflict(match["id"], k, match.get(k), theirs.get(k)) for k in diffs]
    return plan


def _complete(corpus: Corpus, raw: Record, taken: set[str]) -> Record:
    """Fill what a foreign termbase leaves out: an id, a kind, drafted pinyin, the source."""
    rec = dict(raw)
    if not rec.get("id"):
        base = re.sub(r"[^a-z0-9]+", "-", str(rec.get("english", "")).lower()).strip("-")
        rec["id"] = base or "entry"
        n = 2
        while rec["id"] in taken:
            rec["id"], n = f"{base}-{n}", n + 1
    rec.setdefault("kind", "term")
    rec.setdefault("hanzi_source", "annotator")
    if not rec.get("pinyin") and rec.get("hanzi"):
        from nda_reader.lang.pinyin import draft_pinyin

        rec["pinyin"] = draft_pinyin(
            rec["hanzi"],
            person=rec["kind"] == "person",
            proper=rec["kind"] in PROPER_KINDS,
            known=known_words(corpus.glossary),
        )
    return tidy(rec)


def apply_import(corpus: Corpus, plan: ImportPlan) -> Path | None:
    """Append the new entries of ``plan`` to the glossary file (atomically); its path."""
    if not plan.added or corpus.root is None:
        return None
    existing = {e.path for e in corpus.glossary.entries.values()}
    path = next(iter(existing), corpus.root / "annotations" / "glossary.yaml")
    text = read_file(path).decode("utf-8") if path.exists() else ""
    if not text.strip():
        text = "layer: glossary\nversion: 1\nentries:\n"
    elif re.search(r"^entries:\s*\[\]\s*$", text, re.MULTILINE):
        text = re.sub(r"^entries:\s*\[\]\s*$", "entries:", text, flags=re.MULTILINE)
    dumped = yaml.safe_dump(
        plan.added, allow_unicode=True, sort_keys=False, width=96, default_flow_style=False
    )
    block = "".join(("  " + line if line.strip() else line) for line in dumped.splitlines(True))
    atomic_write(path, text.rstrip("\n") + "\n\n" + block)
    return path
