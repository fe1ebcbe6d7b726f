"""Loading a corpus folder: ``texts/*.md`` and the layer files under ``annotations/``.

:func:`load_corpus` never raises on bad input: every problem becomes a
:class:`~nda_reader.formats.problems.Problem` and whatever is valid is still loaded, so the
reader can open a corpus with errors and show them.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from nda_reader.corpus.checked import Checked, check_anchors
from nda_reader.corpus.crossrefs import read_crossrefs
from nda_reader.corpus.document import Document, load_document
from nda_reader.corpus.glossary import read_glossary
from nda_reader.corpus.model import AnnotationKind, Corpus
from nda_reader.corpus.notes import read_notes
from nda_reader.corpus.sources import SourceFiles, read_sources
from nda_reader.corpus.speakers import read_speakers
from nda_reader.formats.problems import Problem, ProblemList
from nda_reader.formats.yaml_source import YMap

LAYER_KINDS = ("glossary", "speakers", "crossrefs", "notes", "alignments")
_LIST_KEYS = {
    "glossary": {"entries"},
    "speakers": {"doc", "speakers", "turns"},
    "crossrefs": {"links"},
    "notes": {"notes"},
    "alignments": {"doc", "counterpart", "pairs"},
}


def load_corpus(root: Path) -> Corpus:
    """Load the corpus in ``root`` (``texts/`` and ``annotations/``), collecting problems."""
    corpus = Corpus(root=root)
    problems = corpus.problems
    if not root.is_dir():
        problems.error(root, 1, 1, "corpus folder not found; give a folder with texts/ in it")
        return corpus
    if not (root / "texts").is_dir():
        problems.error(root, 1, 1, "no texts/ folder here; a corpus keeps its documents in texts/")
        return corpus
    return assemble(root, read_sources(root))


def assemble(root: Path, sources: SourceFiles, reuse: Corpus | None = None) -> Corpus:
    """The corpus made of the files in ``sources``: documents, layers, cross-file checks.

    With ``reuse`` (an earlier corpus of the same texts), anchors already placed in it and
    its term index are taken over instead of computed again, where still valid.
    """
    corpus = Corpus(root=root, sources=sources)
    for result in sources.texts.values():
        corpus.problems.extend(result.problems)
        if result.value is not None:
            corpus.documents[result.value.id] = result.value
    for path, result in sources.layers.items():
        corpus.problems.extend(result.problems)
        if result.value is not None:
            _read_layer(corpus, path, result.value)
    if reuse is not None:
        corpus.take_over(reuse)
    _validate(corpus)
    return corpus


def load_single(path: Path, corpus: Corpus | None = None) -> tuple[Corpus, Document | None]:
    """Open one file: inside ``corpus`` if given, else as a corpus of its own with no layers."""
    if corpus is not None:
        stem = path.stem
        return corpus, corpus.documents.get(stem)
    own = Corpus(root=None)
    doc = load_document(path, own.problems, require_front_matter=False)
    if doc is not None:
        own.documents[doc.id] = doc
    return own, doc


def _read_layer(corpus: Corpus, path: Path, data: object) -> None:
    problems = corpus.problems
    if not isinstance(data, YMap):
        problems.error(path, 1, 1, "a layer file must be a mapping starting with 'layer:'")
        return
    kind = data.get("layer")
    if kind not in LAYER_KINDS:
        problems.error_at(
            path, data.where("layer"), f"'layer:' is {kind!r}; use one of: {', '.join(LAYER_KINDS)}"
        )
        return
    version = data.get("version", 1)
    if version != 1:
        problems.error_at(
            path,
            data.where("version"),
            f"layer version {version!r} is not supported; this nda-reader reads 1",
        )
        return
    allowed = {"layer", "version", *_LIST_KEYS[kind]}
    for key in data:
        if key not in allowed:
            problems.error(
                path,
                *data.key_pos[key],
                f"unknown top-level key {key!r} in a {kind} layer; "
                f"allowed: {', '.join(sorted(allowed))}",
            )
    corpus.layer_files.append(path)
    if kind == "glossary":
        read_glossary(data, path, problems, corpus.glossary)
    elif kind == "speakers":
        layer = read_speakers(data, path, problems)
        if layer is not None:
            if layer.doc in corpus.speaker_layers:
                other = corpus.speaker_layers[layer.doc].path
                problems.error(
                    path,
                    layer.doc_line,
                    layer.doc_column,
                    f"{other.name} already tags speakers of {layer.doc!r}; merge the two files",
                )
            else:
                corpus.speaker_layers[layer.doc] = layer
    elif kind == "alignments":
        _add_alignments(corpus, path, data)
    elif kind == "crossrefs":
        seen = {link.id: link for link in corpus.crossrefs}
        corpus.crossrefs.extend(read_crossrefs(data, path, problems, seen))
    else:
        seen_notes = {n.id: n for n in corpus.notes}
        corpus.notes.extend(read_notes(data, path, problems, seen_notes))


def _add_alignments(corpus: Corpus, path: Path, data: YMap) -> None:
    from nda_reader.corpus.alignments import read_alignments

    layer = read_alignments(data, path, corpus.problems)
    if layer is None:
        return
    for doc_id in layer.docs:
        other = corpus.alignment_layers.get(doc_id)
        if other is None:
            other = next((a for a in corpus.alignment_layers.values() if doc_id in a.docs), None)
        if other is not None:
            corpus.problems.error(
                path,
                layer.line,
                layer.column,
                f"{other.path.name} already aligns {doc_id!r}; a text has one alignment "
                "layer, with its counterpart",
            )
            return
    corpus.alignment_layers[layer.doc] = layer


def _link_counterparts(corpus: Corpus) -> None:
    """Pair each text with its counterpart: by front matter, alignment layer, file name."""
    problems = corpus.problems
    docs = corpus.documents
    pairs: list[tuple[str, str]] = []
    for doc in docs.values():
        if doc.counterpart:
            if doc.counterpart in docs:
                pairs.append((doc.id, doc.counterpart))
            else:
                line, col = _front_matter_pos(doc.path, "counterpart")
                problems.error(
                    doc.path,
                    line,
                    col,
                    f"counterpart {doc.counterpart!r} is not a text in texts/; give the id "
                    "of the same text in another language",
                )
        else:
            base, dot, _lang = doc.id.rpartition(".")
            if dot and base in docs and not docs[base].counterpart:
                pairs.append((base, doc.id))
    for layer in corpus.alignment_layers.values():
        missing = [d for d in layer.docs if d not in docs]
        for doc_id in missing:
            problems.error(
                layer.path,
                layer.line,
                layer.column,
                f"unknown document {doc_id!r}; no texts/{doc_id}.md",
            )
        if not missing and layer.doc != layer.counterpart:
            pairs.append(layer.docs)
    for a, b in pairs:
        for one, other in ((a, b), (b, a)):
            known = corpus.counterparts.setdefault(one, other)
            if known != other:
                problems.error(
                    docs[one].path,
                    1,
                    1,
                    f"{one!r} has two counterparts, {known!r} and {other!r}; "
                    "a text has one counterpart",
                )
    from nda_reader.corpus.alignments import pair_order_problems

    for layer in corpus.alignment_layers.values():
        alignment = corpus.alignment(layer.doc)
        if alignment is None:
            continue
        for index, message in pair_order_problems(alignment):
            spec = layer.pairs[index]
            problems.error(layer.path, spec.line, spec.column, message)


def _front_matter_pos(path: Path, key: str) -> tuple[int, int]:
    """(line, column) of ``key:`` in the front matter of ``path`` (1, 1 if not found)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1, 1
    for i, line in enumerate(lines[1:], 2):
        if line.startswith(f"{key}:"):
            return i, len(key) + 3
        if line.rstrip() in ("---", "..."):
            break
    return 1, 1


def _validate(
    corpus: Corpus,
    reuse: Checked | None = None,
    kinds: Collection[AnnotationKind] = (),
    *,
    anchors: bool = True,
) -> None:
    """Cross-file checks: references to documents, terms and speakers; orphans. With
    ``reuse``, the anchors of annotations not of ``kinds`` are not checked again (see
    :func:`~nda_reader.corpus.checked.check_anchors`), nor, when ``kinds`` has neither
    terms nor turns, the references (:func:`reference_problems`). Without ``anchors``
    the anchors are left unplaced (:attr:`Corpus.checking`): their problems come last,
    from :func:`anchor_problems`."""
    _link_counterparts(corpus)
    kept = reuse.references if reuse is not None else None
    if kept is None or AnnotationKind.TERM in kinds or AnnotationKind.TURN in kinds:
        kept = reference_problems(corpus)  # speakers and glossary changed, or not known
    corpus.problems.extend(kept)
    if anchors:
        corpus.problems.extend(anchor_problems(corpus, reuse, kinds, references=kept))
    else:
        corpus.checking = True


def reference_problems(corpus: Corpus) -> list[Problem]:
    """Speaker layers naming unknown documents or glossary entries, and role
    organisations that look like glossary ids but are not (they depend on the texts, the
    speaker layers and the glossary only: a reload after notes changed keeps them)."""
    problems = ProblemList()
    for layer in corpus.speaker_layers.values():
        if layer.doc not in corpus.documents:
            problems.error(
                layer.path,
                layer.doc_line,
                layer.doc_column,
                f"unknown document {layer.doc!r}; no texts/{layer.doc}.md",
            )
        for speaker in layer.speakers.values():
            if speaker.term and corpus.glossary.get(speaker.term) is None:
                problems.error(
                    layer.path,
                    speaker.line,
                    speaker.column,
                    f"speaker {speaker.id!r} names unknown glossary entry "
                    f"{speaker.term!r}; add it to the glossary or use 'name:'",
                )
    for entry in corpus.glossary.entries.values():
        for role in entry.roles:
            org = role.organisation
            if org and org.islower() and "-" in org and corpus.glossary.get(org) is None:
                problems.warning(
                    entry.path,
                    entry.line,
                    entry.column,
                    f"role organisation {org!r} of {entry.id!r} looks like an id "
                    "but is not in the glossary",
                )
    return problems


def anchor_problems(
    corpus: Corpus,
    reuse: Checked | None = None,
    kinds: Collection[AnnotationKind] = (),
    *,
    references: list[Problem] | None = None,
) -> list[Problem]:
    """Place the anchors of ``corpus`` (with ``reuse``, only those of ``kinds``): the
    problems of those that cannot be placed (orphans), then the warnings of those placed
    with an edited quote. What was found is kept (:attr:`Corpus.checked`), with the
    corpus's ``references`` (:func:`reference_problems`), for a reload to check again
    only what changed."""
    checked = check_anchors(corpus, reuse, kinds)
    checked.references = references
    corpus.checked = checked
    return checked.problems()


read_layer = _read_layer
"""Read one parsed layer file into ``corpus`` (what :func:`assemble` does for each)."""
validate = _validate
"""The cross-file checks :func:`assemble` ends with."""
