"""Every export format in one place: what files each writes, and writing them.

``markdown`` (one ``<id>.md`` per document, optionally converted by pandoc to ``--to docx``
or ``html``), ``tei`` (``<id>.xml``), ``web-annotation`` (one ``web-annotation.jsonld``),
``csl-json`` (``references.json``) and ``bibtex`` (``references.bib``). All are written
together or not at all, and never over a file the export did not write or that changed
since (:mod:`nda_reader.export.ownership`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from nda_reader.corpus.model import Corpus
from nda_reader.corpus.progress import Progress, no_progress
from nda_reader.export.citations import bibtex, csl_item, csl_json
from nda_reader.export.files import write_files
from nda_reader.export.markdown import refuse_corpus_folders, render_document, resolve_groups
from nda_reader.export.pandoc import convert
from nda_reader.export.passages import ExportOptions
from nda_reader.export.render import export_name, group_documents
from nda_reader.export.tei import render_tei, tei_name
from nda_reader.export.web_annotation import web_annotation

Format = Literal["markdown", "web-annotation", "tei", "csl-json", "bibtex"]
FORMATS: tuple[Format, ...] = ("markdown", "web-annotation", "tei", "csl-json", "bibtex")


def render_outputs(
    corpus: Corpus,
    groups: list[str],
    fmt: Format = "markdown",
    options: ExportOptions | None = None,
    to: str | None = None,
    progress: Progress = no_progress,
) -> dict[str, str | bytes]:
    """``{file name: content}`` of ``groups`` (exportable ids, in corpus order) in ``fmt``
    (``progress(what, done, total)`` hears how far Markdown is)."""
    if fmt == "markdown":
        files: dict[str, str | bytes] = {}
        for i, group in enumerate(groups):
            progress("Exporting", i, len(groups))
            text = render_document(corpus, group, options)
            files.update(
                {f"{group}.{to}": convert(text, to, export_name(group))}
                if to
                else {export_name(group): text}
            )
        progress("Exporting", len(groups), len(groups))  # the last step is always drawn
        return files
    if fmt == "tei":
        return {tei_name(g): render_tei(corpus, g) for g in groups}
    if fmt == "web-annotation":
        docs = [d.id for g in groups for d in group_documents(corpus, g)]
        label = f"nda-reader annotations of {corpus.root.name}" if corpus.root else ""
        return {"web-annotation.jsonld": web_annotation(corpus, docs, label)}
    items = [csl_item(g, group_documents(corpus, g)) for g in groups]
    if fmt == "csl-json":
        return {"references.json": csl_json(items)}
    return {"references.bib": bibtex(items)}


def export_outputs(
    corpus: Corpus,
    doc_ids: list[str],
    out_dir: Path,
    fmt: Format = "markdown",
    options: ExportOptions | None = None,
    *,
    to: str | None = None,
    force: bool = False,
    notes: list[str] | None = None,
    progress: Progress = no_progress,
) -> list[Path]:
    """Render ``doc_ids`` in ``fmt`` and write the files into ``out_dir``; their paths."""
    groups = resolve_groups(corpus, doc_ids)
    refuse_corpus_folders(corpus, out_dir)
    files = render_outputs(corpus, groups, fmt, options, to, progress)
    return write_files(out_dir, files, force=force, notes=notes)
