"""The files of a corpus as read from disk, one result per file, reusable by a reload.

A text file gives a :class:`~nda_reader.corpus.document.Document` (or nothing) and the
problems found reading it; a layer file gives its parsed YAML (with positions) and the
problems of parsing. :func:`read_sources` reads every file, or, given an earlier result,
only the files named as changed and the ones that appeared; a save in the reader thus
re-reads one file, not the corpus.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nda_reader.corpus.document import Document, load_document
from nda_reader.formats.problems import Problem, ProblemList
from nda_reader.formats.yaml_source import load_yaml


@dataclass(frozen=True, slots=True)
class FileResult:
    """What reading one file gave: a value (a Document, or parsed YAML) and its problems."""

    value: Any
    problems: tuple[Problem, ...] = ()


@dataclass
class SourceFiles:
    """Per-file results of a corpus folder, texts and layers each in sorted path order."""

    texts: dict[Path, FileResult] = field(default_factory=dict)
    layers: dict[Path, FileResult] = field(default_factory=dict)


def corpus_files(root: Path) -> tuple[list[Path], list[Path]]:
    """The files a corpus is read from: ``texts/*.md`` and the layer files under
    ``annotations/`` (``*.yaml``, ``*.yml``, in subfolders too), each list sorted."""
    # Sorted by parts: the order of paths, without comparing Path objects n log n times.
    texts = sorted((root / "texts").glob("*.md"), key=path_order)
    annotations = root / "annotations"
    layers = [p for p in annotations.rglob("*") if p.suffix in (".yaml", ".yml")]
    return texts, sorted(layers, key=path_order)


def path_order(path: Path) -> tuple[str, ...]:
    """The sort key of the corpus files' order (that of :func:`corpus_files`)."""
    return path.parts


def _read_text(path: Path) -> FileResult:
    problems = ProblemList()
    doc: Document | None = load_document(path, problems)
    return FileResult(doc, tuple(problems))


def _read_layer(path: Path) -> FileResult:
    problems = ProblemList()
    data = load_yaml(path, problems)
    return FileResult(data, tuple(problems))


def read_sources(
    root: Path,
    previous: SourceFiles | None = None,
    changed: Collection[Path] = (),
) -> SourceFiles:
    """Read the corpus files of ``root``; with ``previous``, reuse its results for every
    file not in ``changed`` (new files are read, deleted ones dropped)."""
    text_files, layer_files = corpus_files(root)
    old = previous or SourceFiles()
    fresh = set(changed)

    def pick(path: Path, before: dict[Path, FileResult], read: Any) -> FileResult:
        found = before.get(path)
        return found if found is not None and path not in fresh else read(path)

    return SourceFiles(
        texts={p: pick(p, old.texts, _read_text) for p in text_files},
        layers={p: pick(p, old.layers, _read_layer) for p in layer_files},
    )


read_text_file = _read_text
"""Read one text file: its :class:`~nda_reader.corpus.document.Document` and problems."""
read_layer_file = _read_layer
"""Read one layer file: its YAML (with positions) and problems."""
