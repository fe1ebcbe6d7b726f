"""Which exported files an export may replace: those it wrote and nobody changed since.

Each export folder keeps a record, ``.nda-export.json``, of the files written into it and
a digest of what was written. Before replacing a file, the export checks it:

* a file that the record does not list was not written by the export: it is not replaced;
* a file that changed since the export wrote it (outside ``<!-- nda:keep -->`` blocks, for
  Markdown and TEI; blank lines aside) is not replaced either;
* kept blocks go into the new file in place (:mod:`nda_reader.export.keep`).

``force`` replaces such files anyway (kept blocks are still kept). A refusal stops the
whole export before anything is written, and names every file concerned.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from nda_reader.export import keep
from nda_reader.export.errors import ExportError

RECORD = ".nda-export.json"
KEEPS_BLOCKS = (".md", ".xml")
"""Outputs in which ``<!-- nda:keep -->`` blocks are kept (comments in both formats)."""


def _digest(path: Path, data: bytes) -> str:
    if path.suffix in KEEPS_BLOCKS:
        return keep.fingerprint(data.decode("utf-8", errors="replace"))
    return hashlib.sha256(data).hexdigest()


def _record(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        files = data["files"]
        return {str(k): str(v["sha256"]) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def reconcile(
    folder: Path, files: dict[Path, bytes], *, force: bool = False
) -> tuple[dict[Path, bytes], list[str]]:
    """The bytes to write (kept blocks put back, the record updated) and what to tell the
    user; raises :class:`ExportError` when a file may not be replaced and not ``force``."""
    record = _record(folder)
    out: dict[Path, bytes] = {}
    notes: list[str] = []
    refused: list[str] = []
    for path, data in files.items():
        if path.exists():
            old = path.read_bytes()
            known = record.get(path.name)
            why = ""
            if known is None:
                why = f"{path.name} was not written by nda-reader export"
            elif known != _digest(path, old):
                why = f"{path.name} was changed since nda-reader export wrote it"
            if why and not force:
                refused.append(why)
            elif why:
                notes.append(f"{why}; replaced it (--force)")
            if path.suffix in KEEPS_BLOCKS:
                data = _keep_blocks(path, old, data, notes)
        out[path] = data
        record[path.name] = _digest(path, data)
    if refused:
        raise ExportError(
            "; ".join(refused)
            + ". Nothing was written. Put hand edits between <!-- nda:keep --> and "
            "<!-- /nda:keep --> lines to keep them across exports, move the file away, "
            "or use --force to replace it"
        )
    listing = {name: {"sha256": digest} for name, digest in sorted(record.items())}
    text = json.dumps({"generator": "nda-reader export", "files": listing}, indent=2) + "\n"
    out[folder / RECORD] = text.encode("utf-8")
    return out, notes


def _keep_blocks(path: Path, old: bytes, new: bytes, notes: list[str]) -> bytes:
    _, kept = keep.split(old.decode("utf-8", errors="replace"))
    if not kept:
        return new
    text, lost = keep.splice(new.decode("utf-8"), kept)
    notes.append(f"kept {len(kept)} hand-written block(s) in {path.name}")
    if lost:
        notes.append(
            f"{lost} of them lost their place (the text around them changed) and went to "
            f"the end of {path.name}"
        )
    return text.encode("utf-8")
