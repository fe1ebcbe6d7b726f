"""Importing annotations from another tool into a corpus's layer files.

:func:`import_records` adds what :func:`~nda_reader.formats.web_annotation.read_annotations`
read — glossary entries, speakers and turns, cross-references, notes, and notes from
Hypothesis — to the corpus's standard layer files, each new entry at its stable place
(:mod:`nda_reader.formats.layer_order`); into a list the file did not have yet they go in
the order of the import. Nothing already in the corpus is changed: an
entry whose id exists already is left as the corpus has it (and reported when it
differs). All files are written at once, or none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nda_reader.corpus.anchors import Anchor, Status
from nda_reader.corpus.model import Corpus
from nda_reader.editing.actions import HEADERS, AnnotateError, slugify
from nda_reader.editing.layer_store import Edit
from nda_reader.formats import atomic
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.safe_read import read_file
from nda_reader.formats.web_annotation import Records
from nda_reader.formats.yaml_edit import insert_block, list_shape, render_block
from nda_reader.formats.yaml_source import parse_yaml


@dataclass
class ImportReport:
    """What an import did."""

    added: dict[str, int] = field(default_factory=dict)
    """Entries added, by kind (``glossary entries``, ``notes`` ...)."""
    kept: list[str] = field(default_factory=list)
    """Entries the corpus already had with other content (left as they were)."""
    skipped: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


@dataclass
class _File:
    """One layer file being added to: its text and what it holds, by identity."""

    path: Path
    header: str
    text: str = ""
    known: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: bool = False
    fresh: dict[str, list[str]] = field(default_factory=dict)
    """Lists the file did not have before, and the blocks going into them, in the order of
    the import (written at once by :meth:`finish`)."""

    def load(self, keys: tuple[str, ...]) -> None:
        self.text = read_file(self.path).decode("utf-8") if self.path.exists() else ""
        data = parse_yaml(self.text, self.path, ProblemList()) if self.text.strip() else None
        for key in keys:
            items = (data or {}).get(key) or []
            if not items:
                self.fresh[key] = []
            for item in items:
                if isinstance(item, dict):
                    self.known[_identity(key, item)] = _plain(item)

    def add(self, key: str, item: dict[str, Any], report: ImportReport, noun: str) -> None:
        ident = _identity(key, item)
        old = self.known.get(ident)
        if old is not None:
            if old != _plain(item):
                report.kept.append(f"{noun} {ident} (the corpus's own version kept)")
            return
        if key in self.fresh:
            self.fresh[key].append(render_block(item, 2))
        else:
            block = render_block(item, list_shape(self.text, key).indent)
            self.text, _ = Edit(self.path, key, new=block).apply_to(self.text)
        self.known[ident] = _plain(item)
        self.changed = True
        plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
        report.added[plural] = report.added.get(plural, 0) + 1

    def finish(self) -> None:
        """Write the new lists' blocks into the text."""
        for key, blocks in self.fresh.items():
            if blocks:
                self.text = insert_block(self.text, key, "".join(blocks), header=self.header)


def _identity(key: str, item: dict[str, Any]) -> str:
    if key == "turns":
        a = item.get("anchor") or {}
        return json.dumps([a.get("exact"), a.get("prefix", ""), a.get("suffix", "")])
    return str(item.get("id"))


def import_records(corpus: Corpus, records: Records) -> ImportReport:
    """Add ``records`` to the layer files of ``corpus``; see the module docstring."""
    if corpus.root is None:
        raise AnnotateError("importing needs a corpus folder (with texts/ and annotations/)")
    folder = corpus.root / "annotations"
    report = ImportReport(skipped=list(records.skipped))
    files: dict[Path, _File] = {}

    def layer(name: str, header: str, keys: tuple[str, ...]) -> _File:
        path = folder / name
        if path not in files:
            files[path] = _File(path, header)
            files[path].load(keys)
        return files[path]

    glossary = layer("glossary.yaml", HEADERS["glossary"], ("entries",))
    for entry in records.glossary:
        glossary.add("entries", entry, report, "glossary entry")
    for doc in sorted(set(records.speakers) | set(records.turns)):
        header = f"layer: speakers\nversion: 1\ndoc: {doc}\n"
        speakers = layer(f"speakers/{doc}.yaml", header, ("speakers", "turns"))
        for speaker in records.speakers.get(doc, []):
            speakers.add("speakers", speaker, report, "speaker")
        for turn in records.turns.get(doc, []):
            speakers.add("turns", turn, report, "speaker turn")
    links = layer("crossrefs.yaml", HEADERS["crossrefs"], ("links",))
    for link in records.links:
        links.add("links", link, report, "cross-reference")
    notes = layer("notes.yaml", HEADERS["notes"], ("notes",))
    for note in records.notes:
        notes.add("notes", note, report, "note")
    for quote in records.quotes:
        placed = _placed_note(corpus, quote, notes, report)
        if placed is not None:
            notes.add("notes", placed, report, "note")
    for f in files.values():
        f.finish()
    _write([f for f in files.values() if f.changed])
    report.written = sorted(f.path for f in files.values() if f.changed)
    return report


def _placed_note(
    corpus: Corpus, quote: dict[str, Any], notes: _File, report: ImportReport
) -> dict[str, Any] | None:
    """A note for a quote from another tool, in the one document where the quote is found."""
    raw = quote["anchor"]
    by_url = [d.id for d in corpus.documents.values() if quote["uri"] and d.source == quote["uri"]]
    found = []
    for doc_id in by_url or list(corpus.documents):
        anchor = Anchor(doc_id, raw["exact"], raw.get("prefix", ""), raw.get("suffix", ""))
        at = corpus.place(anchor)
        if at.status in (Status.EXACT, Status.CONTEXT):
            found.append((doc_id, at.start))
    label = f"Hypothesis annotation {quote['hypothesis_id']}"
    if len(found) != 1:
        why = "found in no text" if not found else "found in several texts"
        report.skipped.append(f"{label}: its quote {raw['exact'][:40]!r} is {why}")
        return None
    doc_id, start = found[0]
    text = quote["text"] or "(highlighted in Hypothesis)"
    for known in notes.known.values():
        a = known.get("anchor") or {}
        if (a.get("doc"), a.get("exact"), known.get("text")) == (doc_id, raw["exact"], text):
            return None  # imported before
    taken = {n for n in notes.known} | {n.id for n in corpus.notes}
    note: dict[str, Any] = {
        "id": slugify("h " + quote["hypothesis_id"], taken),
        "anchor": {"doc": doc_id, **raw, "pos": start},
        "text": text,
    }
    if quote["tags"]:
        note["tags"] = quote["tags"]
    if quote["created"]:
        note["created"] = quote["created"]
    return note


def _write(changed: list[_File]) -> None:
    staged: list[atomic.Staged] = []
    try:
        for f in changed:
            f.path.parent.mkdir(parents=True, exist_ok=True)
            staged.append(atomic.stage(f.path, f.text.encode("utf-8")))
        atomic.commit(staged)
    except OSError as exc:
        atomic.discard(staged)
        raise AnnotateError(f"cannot write the layer files: {exc.strerror or exc}") from exc
