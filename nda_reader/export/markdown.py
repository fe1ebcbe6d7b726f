"""Export documents as annotated Markdown that other tools accept (pure; no UI imports).

One Markdown file per document — a multi-part document as one file, in page order, named
after its ``part_of`` id — with YAML front matter, speaker labels, glossed terms, notes as
footnotes, cross-references as links between the exported files, and a glossary table.

Writing is all or nothing (:mod:`nda_reader.export.files`). See docs/export.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.export.errors import ExportError
from nda_reader.export.files import write_files
from nda_reader.export.passages import GLOSS_MODES, ExportOptions, GlossMode
from nda_reader.export.render import export_name, group_documents, group_id, render_group
from nda_reader.formats.schema import SLUG

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
    *,
    force: bool = False,
    notes: list[str] | None = None,
) -> list[Path]:
    """Render the documents named by ``doc_ids`` and write them into ``out_dir``.

    Returns the written paths (resolved), in corpus order. Raises :class:`ExportError`
    with nothing written when an id is unknown or invalid, the folder is unwritable, or a
    file there was not written by the export or changed since (unless ``force``; kept
    blocks survive either way, and ``notes`` hears about them).
    """
    groups = resolve_groups(corpus, doc_ids)
    refuse_corpus_folders(corpus, out_dir)
    files = {export_name(g): render_document(corpus, g, options) for g in groups}
    return write_files(out_dir, files, force=force, notes=notes)


def refuse_corpus_folders(corpus: Corpus, out_dir: Path) -> None:
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
