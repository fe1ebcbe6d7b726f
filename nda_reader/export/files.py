"""Writing exported files into a folder: all of them, or none.

Every file is rendered first; then each is staged as a temporary file in the output folder
(:mod:`nda_reader.formats.atomic`), and only when all are written are they renamed into
place. A failure before that point removes the temporary files and any folder the export
created, so the folder is left as it was. Names are checked so that nothing is written
outside the folder or through a symbolic link.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path

from nda_reader.export.errors import ExportError
from nda_reader.export.ownership import reconcile
from nda_reader.formats import atomic
from nda_reader.formats.schema import SLUG


def _prepare_dir(out_dir: Path) -> tuple[Path, list[Path]]:
    """The resolved output folder, created if missing; also the folders created."""
    created: list[Path] = []
    missing = []
    probe = out_dir
    while not probe.exists() and not probe.is_symlink() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for folder in reversed(missing):
            folder.mkdir()
            created.append(folder)
    except OSError as exc:
        _remove_dirs(created)
        raise ExportError(
            f"cannot create the folder '{out_dir}': {exc.strerror or exc}; "
            "choose a folder you can write to with -o"
        ) from exc
    if not out_dir.is_dir():
        raise ExportError(f"'{out_dir}' is not a folder; give a folder (or a new name) with -o")
    return out_dir.resolve(), created


def _remove_dirs(created: list[Path]) -> None:
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()


SUFFIXES = (".md", ".xml", ".jsonld", ".json", ".bib", ".html", ".docx")
"""The kinds of file an export writes."""


def _target(folder: Path, name: str) -> Path:
    """``folder/name``, refused unless it is a plain file name inside ``folder``."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix}" not in SUFFIXES or not SLUG.match(stem):
        raise ExportError(f"refusing to write {name!r}: not a safe file name", usage=True)
    path = folder / name
    try:
        return _checked(folder, name, path)
    except OSError as exc:  # a name too long for the file system, an unreadable folder...
        raise ExportError(f"cannot write {name!r} in '{folder}': {exc.strerror or exc}") from exc


def _checked(folder: Path, name: str, path: Path) -> Path:
    """``path`` (``folder/name``) unless it is a link, not a file, or outside ``folder``."""
    if path.is_symlink():
        raise ExportError(
            f"refusing to write through the symbolic link '{path}'; remove it or choose "
            "another folder with -o"
        )
    if path.exists() and not path.is_file():
        raise ExportError(f"'{path}' exists and is not a file; remove it or choose another folder")
    if path.resolve().parent != folder:
        raise ExportError(f"refusing to write {name!r} outside '{folder}'")
    return path


def write_files(
    out_dir: Path,
    files: Mapping[str, str | bytes],
    *,
    force: bool = False,
    notes: list[str] | None = None,
) -> list[Path]:
    """Write ``{file name: text or bytes}`` into ``out_dir`` all at once, or nothing at all.

    File names must be ``<id>.<suffix>`` with a valid id and a known suffix; existing
    symbolic links are refused. A file the export did not write, or that changed since,
    is not replaced unless ``force`` (:mod:`nda_reader.export.ownership`); what the user
    should hear about (kept blocks, forced replacements) is added to ``notes``.
    """
    folder, created = _prepare_dir(out_dir)
    try:
        targets = [_target(folder, name) for name in files]
        data = {
            target: text.encode("utf-8") if isinstance(text, str) else text
            for target, text in zip(targets, files.values(), strict=True)
        }
        final, said = reconcile(folder, data, force=force)
    except ExportError:
        _remove_dirs(created)
        raise
    except OSError as exc:
        _remove_dirs(created)
        raise ExportError(f"cannot read '{out_dir}': {exc.strerror or exc}") from exc
    staged: list[atomic.Staged] = []
    try:
        for target, content in final.items():
            staged.append(atomic.stage(target, content))
        atomic.commit(staged)
    except OSError as exc:
        atomic.discard(staged)
        _remove_dirs(created)
        raise ExportError(
            f"cannot write to '{out_dir}': {exc.strerror or exc}; "
            "choose a folder you can write to with -o"
        ) from exc
    if notes is not None:
        notes.extend(said)
    return targets
