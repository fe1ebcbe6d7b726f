"""Which renderings of each glossary entry the corpus uses, where and when.

Counted from :attr:`Corpus.occurrences`, the same index as the concordance, so the numbers
always agree with it. A rendering is a form of the entry as the glossary spells it (an
occurrence written in other capitals, "LIU Liehong", counts under its glossary form).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import form_key


@dataclass
class FormUse:
    """One rendering of an entry and how often each document uses it."""

    form: str
    counts: dict[str, int] = field(default_factory=dict)
    """Occurrences by document id."""

    @property
    def total(self) -> int:
        """Occurrences in all documents."""
        return sum(self.counts.values())


@dataclass
class EntryVariants:
    """The renderings one entry appears under, most used first."""

    entry: GlossaryEntry
    forms: list[FormUse]

    @property
    def total(self) -> int:
        """Occurrences of the entry, all renderings together."""
        return sum(f.total for f in self.forms)

    @property
    def varies(self) -> bool:
        """True when the corpus uses more than one rendering."""
        return len(self.forms) > 1


def entry_variants(
    corpus: Corpus, entry: GlossaryEntry, doc_ids: set[str] | None = None
) -> EntryVariants:
    """The renderings of ``entry`` in the corpus (or only in ``doc_ids``)."""
    spelled = {form_key(f): f for f in reversed(entry.forms)}
    uses: dict[str, FormUse] = {}
    for occ in corpus.occurrences.of_entry(entry.id):
        if doc_ids is not None and occ.doc not in doc_ids:
            continue
        written = corpus.documents[occ.doc].body[occ.start : occ.end]
        form = spelled.get(form_key(written), " ".join(written.split()))
        use = uses.setdefault(form, FormUse(form))
        use.counts[occ.doc] = use.counts.get(occ.doc, 0) + 1
    order = {f: i for i, f in enumerate(entry.forms)}
    forms = sorted(uses.values(), key=lambda u: (-u.total, order.get(u.form, len(order))))
    return EntryVariants(entry, forms)


def corpus_variants(corpus: Corpus, doc_id: str | None = None) -> list[EntryVariants]:
    """Every entry that occurs (in ``doc_id`` if given), in glossary order."""
    only = {doc_id} if doc_id is not None else None
    out = []
    for entry in corpus.glossary.entries.values():
        found = entry_variants(corpus, entry, only)
        if found.forms:
            out.append(found)
    return out


def documents_by_date(corpus: Corpus, variants: EntryVariants) -> list[Document]:
    """The documents an entry occurs in, by date (the columns of a dispersion picture)."""
    used = {d for f in variants.forms for d in f.counts}
    return [d for d in corpus.ordered_documents() if d.id in used]
