"""From sources to files: what an import will write, checked against the corpus, and the
writing itself, all files of a document or none.

A source added again (same digest, or same URL) is noticed: it is refused with a message
unless an update is asked for, which replaces the text in place under its id (a speakers
layer already there is kept, as it may hold the user's own work; the turns found in the new
text that it lacks are added to it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nda_reader.corpus.document import Document
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.formats import atomic
from nda_reader.formats.safe_read import read_file
from nda_reader.importing.draft import Draft, make_draft
from nda_reader.importing.rules import Rules, load_rules
from nda_reader.importing.sources import Source, SourceError
from nda_reader.importing.texts import (
    NO_OVERRIDES,
    NewDocument,
    NewText,
    Overrides,
    build_documents,
)


@dataclass(frozen=True, slots=True)
class FileWrite:
    """One file an import writes: where, what, and whether it replaces a file."""

    path: Path
    text: str
    replaces: bool = False
    base: bytes | None = None
    """What the file held when the import was planned (a layer it adds to): if it changed
    since, nothing is written."""


@dataclass
class Planned:
    """A document ready to write (or the reasons it cannot be)."""

    document: NewDocument
    writes: list[FileWrite] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Files left as they are (a speakers layer of an updated text)."""
    turns_added: dict[Path, int] = field(default_factory=dict)
    """Kept speakers layers the turns found in the updated text are added to, and how many."""
    problems: list[str] = field(default_factory=list)
    same_source: str = ""
    """The id of the document this source was added as before, if any."""

    @property
    def ok(self) -> bool:
        """True when the document can be written."""
        return not self.problems


@dataclass
class Failed:
    """A source that could not be read."""

    name: str
    message: str


@dataclass
class Prepared:
    """Everything an import would do: the documents, and the sources that failed."""

    root: Path
    corpus: Corpus
    documents: list[Planned] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)


def _same_source(corpus: Corpus, text: NewText) -> Document | None:
    digest = text.meta.get("source_digest", "")
    url = text.meta.get("source", "")
    for doc in corpus.documents.values():
        if digest and doc.source_digest == digest:
            return doc
    for doc in corpus.documents.values():
        if url and url.startswith("http") and doc.source == url:
            return doc
    return None


def _taken(root: Path, corpus: Corpus) -> set[str]:
    ids = set(corpus.documents)
    ids |= {p.stem for p in (root / "texts").glob("*.md")}
    ids |= {p.stem for p in (root / "annotations" / "speakers").glob("*.y*ml")}
    return ids


def _plan(root: Path, corpus: Corpus, doc: NewDocument, update: bool, taken: set[str]) -> Planned:
    planned = Planned(doc, problems=list(doc.problems))
    matches = [_same_source(corpus, part) for part in doc.parts]
    found = next((m for m in matches if m is not None), None)
    if found is not None:
        planned.same_source = found.part_of or found.id
        if not update:
            planned.problems.append(
                f"this source was added before, as texts/{found.id}.md; add it again with "
                "--update to replace that text in place (in the reader: answer yes)"
            )
            return planned
        for part, match in zip(doc.parts, matches, strict=True):
            if match is not None:
                part.meta["id"] = match.id
                if match.part_of:
                    part.meta["part_of"] = match.part_of
    texts, speakers = root / "texts", root / "annotations" / "speakers"
    for part in doc.parts:
        replacing = found is not None and part.id in corpus.documents
        if not replacing and part.id in taken:
            planned.problems.append(
                f"texts/{part.id}.md or its speakers layer exists already; choose another id (--id)"
            )
            continue
        planned.writes.append(FileWrite(texts / f"{part.id}.md", part.text_file(), replacing))
        layer = part.speakers_file()
        target = speakers / f"{part.id}.yaml"
        if layer is not None and target.exists():
            added = _added_turns(target, part)
            if added is None:
                planned.kept.append(target)
            else:
                planned.writes.append(FileWrite(target, added[0], True, added[1]))
                planned.turns_added[target] = added[2]
        elif layer is not None:
            planned.writes.append(FileWrite(target, layer))
    return planned


def _added_turns(target: Path, part: NewText) -> tuple[str, bytes, int] | None:
    """The kept speakers layer ``target`` with the turns of ``part`` it lacks (its text,
    the bytes it was made from, the number added); None when nothing is to be added."""
    from nda_reader.importing.update import updated_layer

    try:
        base = read_file(target)
        updated = updated_layer(base.decode("utf-8"), target, part)
    except (OSError, UnicodeDecodeError):
        return None
    if updated is None or updated[1] == 0:
        return None
    return updated[0], base, updated[1]


def prepare(
    sources: Sequence[Source | Failed],
    root: Path,
    overrides: Overrides = NO_OVERRIDES,
    *,
    update: bool = False,
    rules: Rules | None = None,
    corpus: Corpus | None = None,
) -> Prepared:
    """Work out what adding ``sources`` to the corpus at ``root`` writes (nothing is
    written here). Raises :class:`~nda_reader.importing.rules.RulesError` for bad rules."""
    rules = rules if rules is not None else load_rules(root)
    if corpus is None:
        corpus = load_corpus(root) if (root / "texts").is_dir() else Corpus(root=root)
    prepared = Prepared(root, corpus)
    drafts: list[Draft] = []
    for source in sources:
        if isinstance(source, Failed):
            prepared.failed.append(source)
        else:
            drafts.append(make_draft(source, rules))
    documents = build_documents(drafts, corpus.glossary, rules, _taken(root, corpus), overrides)
    if overrides.id and len(documents) > 1:
        prepared.failed.append(
            Failed("--id", f"--id names one document, but the sources make {len(documents)}")
        )
        return prepared
    taken = _taken(root, corpus)
    for doc in documents:
        planned = _plan(root, corpus, doc, update, taken)
        taken |= {w.path.stem for w in planned.writes}
        prepared.documents.append(planned)
    return prepared


def read_all(
    paths: Sequence[Path | str], read: Callable[[Path], Source], stdin: Callable[[], Source]
) -> list[Source | Failed]:
    """Read every source (``-`` is standard input); a bad one becomes a :class:`Failed`."""
    out: list[Source | Failed] = []
    for item in paths:
        try:
            out.append(stdin() if str(item) == "-" else read(Path(item)))
        except SourceError as exc:
            out.append(Failed(str(item), str(exc)))
    return out


def write(planned: Planned) -> list[Path]:
    """Write a planned document: every file or none (new files are removed again if a later
    rename fails). Raises :class:`OSError`."""
    if not planned.ok:
        raise ValueError("a document with problems is not written")
    staged: list[atomic.Staged] = []
    created: list[Path] = []
    try:
        for item in planned.writes:
            if item.base is not None and read_file(item.path) != item.base:
                raise OSError(f"{item.path} changed since the import was prepared; add again")
            item.path.parent.mkdir(parents=True, exist_ok=True)
            staged.append(atomic.stage(item.path, item.text.encode("utf-8")))
        created = [w.path for w in planned.writes if not w.path.exists()]
        atomic.commit(staged)
    except BaseException:
        atomic.discard(staged)
        for path in created:  # renamed before the failure: this import made them
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return [w.path for w in planned.writes]
