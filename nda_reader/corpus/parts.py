"""The parts of a corpus kept apart on disk: what of the layers concerns one document
(:func:`doc_part`), and what keeps a corpus on disk and answers for it (:class:`Backing`,
the index of :mod:`nda_reader.index`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from nda_reader.corpus.crossrefs import CrossRef
from nda_reader.corpus.glossary import Glossary
from nda_reader.corpus.notes import Note

if TYPE_CHECKING:
    from nda_reader.corpus.model import Corpus


LAYER_PARTS = (
    "glossary",
    "speaker_layers",
    "crossrefs",
    "notes",
    "alignment_layers",
    "counterparts",
    "layer_files",
)
"""The parts of a corpus read from its layer files (see :meth:`Corpus.lazy`)."""

EMPTY: dict[str, Callable[[], Any]] = {
    "glossary": Glossary,
    "speaker_layers": dict,
    "crossrefs": list,
    "notes": list,
    "alignment_layers": dict,
    "counterparts": dict,
    "layer_files": list,
}


DOC_PARTS = ("speaker_layers", "crossrefs", "notes")
"""Layer parts that can be read for one document alone (see :func:`doc_part`)."""


def doc_part(corpus: Corpus, name: str, doc_id: str) -> Any:
    """What layer part ``name`` of ``corpus`` holds about ``doc_id``: its speaker layer
    (or None), the cross-references with an end in it, the notes on it."""
    if name == "speaker_layers":
        return corpus.speaker_layers.get(doc_id)
    if name == "crossrefs":
        return [ln for ln in corpus.crossrefs if doc_id in (ln.source.doc, ln.target.doc)]
    return [n for n in corpus.notes if n.anchor.doc == doc_id]


def doc_parts(corpus: Corpus) -> dict[str, dict[str, Any]]:
    """:func:`doc_part` of every document, by part name and document id (in one pass)."""
    links: dict[str, list[CrossRef]] = {d: [] for d in corpus.documents}
    notes: dict[str, list[Note]] = {d: [] for d in corpus.documents}
    for link in corpus.crossrefs:
        for doc in dict.fromkeys((link.source.doc, link.target.doc)):
            links.setdefault(doc, []).append(link)
    for note in corpus.notes:
        notes.setdefault(note.anchor.doc, []).append(note)
    layers = {d: corpus.speaker_layers.get(d) for d in corpus.documents}
    return {"speaker_layers": layers, "crossrefs": links, "notes": notes}


class Backing(Protocol):
    """What keeps a corpus on disk (the index, :mod:`nda_reader.index`) and can answer
    for it: which documents contain a text, and the corpus after files changed."""

    def documents_with(self, query: str) -> list[str] | None:
        """Ids of the documents that contain ``query`` (as corpus search matches it), in
        corpus order; None when this cannot be answered now."""
        ...

    def candidates(self, query: str) -> list[str] | None:
        """Like :meth:`documents_with`, but quicker and maybe with a few more documents
        (each must then be searched)."""
        ...

    def remembered(self, kind: str, keys: Collection[str]) -> dict[str, str]:
        """What :meth:`remember` kept of ``kind`` for ``keys`` (those it has)."""
        ...

    def remember(self, kind: str, values: Mapping[str, str]) -> None:
        """Keep ``values`` of ``kind`` (by keys that say all they depend on) for later runs,
        in place of what was kept of ``kind`` before."""
        ...

    def prepare(self) -> None:
        """Get ready for a reload after a save (slow work, done in a thread while a form
        is open, so that the save does not wait for it)."""
        ...

    def reload(self, changed: Collection[Path]) -> tuple[Corpus, frozenset[str] | None, bool]:
        """The corpus read again after ``changed`` files (and any others) changed; when
        known, the documents whose annotations differ (None: compare the two corpora)
        and whether a glossary file changed."""
        ...
