"""Export documents as annotated Markdown that other tools accept (pure; no UI imports).

One Markdown file per document — a multi-part document as one file, in page order, named
after its ``part_of`` id — with YAML front matter, speaker labels, glossed terms, notes as
footnotes, cross-references as links between the exported files, and a glossary table.

Writing is all or nothing: every file is rendered in memory first, then written to a
temporary file in the output folder (flushed and fsynced), and only when all of them are
written are they moved into place with :func:`os.replace`. A failure before that point
removes the temporary files, so the folder is left as it was. See docs/export.md.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from nda_reader.corpus.model import Corpus
from nda_reader.export.passages import GLOSS_MODES, ExportOptions, GlossMode
from nda_reader.export.render import export_name, group_documents, group_id, render_group
from nda_reader.formats.schema import SLUG
from nda_reader.corpus.document import Document

__all__ = [
    "GLOSS_MODES",
    "ExportError",
    "ExportOptions",
    "GlossMode",
    "all_groups",
    "export_documents",
    "render_document",
    "resolve_groups",
    "write_files",
]


class ExportError(Exception):
    """A problem that stops an export before anything is written.

    ``usage`` is true when the request itself is wrong (an unknown or invalid document id),
    false when the export failed (e.g. an unwritable folder); the CLI exits with 2 or 1.
    """

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage

    @property
    def exit_code(self) -> int:
        """2 for bad usage, 1 for a failure."""
        return 2 if self.usage else 1


def all_groups(corpus: Corpus) -> list[str]:
    """Every exportable group of the corpus, in corpus order (by date, then id)."""
    return list(dict.fromkeys(group_id(d) for d in corpus.ordered_documents()))


def resolve_groups(corpus: Corpus, names: Iterable[str]) -> list[str]:
    """The groups named by document ids or ``part_of`` ids, in corpus order, without repeats.

    Raises :class:`ExportError` (usage) for an id that is not a valid slug — which also
    rules out anything that could form a path, like ``../evil`` — or that is unknown.
    """
    wanted: set[str] = set()
    for name in names:
        if not SLUG.match(name):
            raise ExportError(
                f"{name!r} is not a document id (ids are lowercase letters, digits and "
                "hyphens); run 'nda-reader export --list' to see them",
                usage=True,
            )
        docs = group_documents(corpus, name)
        if not docs:
            raise ExportError(
                f"unknown document {name!r}; run 'nda-reader export --list' to see the ids, "
                "or use --all",
                usage=True,
            )
        group = group_id(docs[0])
        clash = corpus.documents.get(group)
        if clash is not None and clash.part_of != group and docs[0].part_of:
            raise ExportError(
                f"{group!r} is both a document id and the part_of id of other documents, "
                f"so both would be exported as {export_name(group)}; rename one of them"
            )
        wanted.add(group)
    return [g for g in all_groups(corpus) if g in wanted]


def render_document(
    corpus: Corpus, doc_group: str | Document, options: ExportOptions | None = None
) -> str:
    """The exported Markdown of one document or multi-part document, as a string.

    ``doc_group`` is a document, a document id or a ``part_of`` id; a part of a multi-part
    document renders the whole document. Same input, same output: nothing depends on the
    time, the machine or which other documents are exported.
    """
    name = group_id(doc_group) if isinstance(doc_group, Document) else doc_group
    docs = group_documents(corpus, name)
    if not docs:
        raise ExportError(f"unknown document {name!r}", usage=True)
    group = group_id(docs[0])
    return render_group(corpus, group, docs, options or ExportOptions())


def export_documents(
    corpus: Corpus,
    doc_ids: Iterable[str],
    out_dir: Path,
    options: ExportOptions | None = None,
) -> list[Path]:
    """Render the documents named by ``doc_ids`` and write them into ``out_dir``.

    Returns the written paths (resolved), in corpus order. Raises :class:`ExportError`
    with nothing written when an id is unknown or invalid or the folder is unwritable.
    """
    groups = resolve_groups(corpus, doc_ids)
    _refuse_corpus_folders(corpus, out_dir)
    files = {export_name(g): render_document(corpus, g, options) for g in groups}
    return write_files(out_dir, files)


def _refuse_corpus_folders(corpus: Corpus, out_dir: Path) -> None:
    """Refuse to export into the corpus's own ``texts/`` or ``annotations/`` folders.

    Exported files are named ``<id>.md`` like the texts they come from: written into
    ``texts/`` they would replace them.
    """
    if corpus.root is None:
        return
    out = out_dir.resolve()
    for sub in ("texts", "annotations"):
        protected = (corpus.root / sub).resolve()
        if out == protected or protected in out.parents:
            raise ExportError(
                f"'{out_dir}' is inside the corpus's {sub}/ folder, where exported files "
                "would replace the corpus's own; choose another folder with -o",
                usage=True,
            )


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


def _target(folder: Path, name: str) -> Path:
    """``folder/name``, refused unless it is a plain file name inside ``folder``."""
    stem = name.removesuffix(".md")
    if not name.endswith(".md") or not SLUG.match(stem):
        raise ExportError(f"refusing to write {name!r}: not a safe file name", usage=True)
    path = folder / name
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


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``name`` in ``folder``; fsync it."""
    tmp = folder / f".{name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_files(out_dir: Path, files: dict[str, str]) -> list[Path]:
    """Write ``{file name: text}`` into ``out_dir`` all at once, or nothing at all.

    File names must be ``<id>.md`` with a valid id; existing symbolic links are refused.
    """
    folder, created = _prepare_dir(out_dir)
    try:
        targets = [_target(folder, name) for name in files]
    except ExportError:
        _remove_dirs(created)
        raise
    temps: list[Path] = []
    try:
        for target, text in zip(targets, files.values(), strict=True):
            temps.append(_write_temp(folder, target.name, text.encode("utf-8")))
        for tmp, target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    except OSError as exc:
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
        _remove_dirs(created)
        raise ExportError(
            f"cannot write to '{out_dir}': {exc.strerror or exc}; "
            "choose a folder you can write to with -o"
        ) from exc
    _fsync_dir(folder)
    return targets
