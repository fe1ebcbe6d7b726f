"""Corpus search that knows the glossary: a form of an entry finds the entry everywhere.

``f 国家数据局``, ``f Guojia Shujuju`` (pinyin with or without tones, with or without
spaces), ``f NDA`` and ``f National Bureau of Data`` all name the NDA's entry: the search
lists that entry's occurrences under every form it has (the term index), then the plain
text matches that are not among them. The text search itself is passed in
(``text_search``), so the glossary part works over whichever search backend finds text.

The same keys filter the glossary browser (:func:`entry_matches`) and find the passages
``&`` keeps (:func:`passages_with`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import Glossary, GlossaryEntry
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import Occurrence
from nda_reader.lang.pinyin import toneless
from nda_reader.reading.search import Hit, find_in_text, make_hit, search_corpus

TextSearch = Callable[[Corpus, str], list[Hit]]
"""Finds the plain text matches of a query in the corpus (see :func:`search_corpus`)."""

_JOINERS = re.compile(r"[\s'’‘\-‐]+")


@lru_cache(maxsize=1 << 16)
def search_key(text: str) -> str:
    """How a form or a query is compared: lowercase, one space between words, no tones.
    Kept for the glossary's forms: a corpus search compares the query with every form
    of every entry (~17,000 for 2,000 entries: 0.1 s to work out each time)."""
    return " ".join(toneless(text.replace("’", "'")).split())


@lru_cache(maxsize=1 << 16)
def compact_key(text: str) -> str:
    """:func:`search_key` without spaces, apostrophes or hyphens ("guojiashujuju")."""
    return _JOINERS.sub("", search_key(text))


def entry_keys(entry: GlossaryEntry) -> Iterator[str]:
    """The search keys of every form of ``entry``: English, aliases, hanzi, traditional
    hanzi, pinyin and id, each as written and without spaces."""
    for form in (*entry.forms, entry.pinyin, entry.id):
        if form.strip():
            yield search_key(form)
            yield compact_key(form)


class _Names:
    """Every search key of a glossary's entries, with the entries that have it (in
    glossary order): the last glossary asked about, kept with its entries."""

    entries: tuple[GlossaryEntry, ...] = ()
    by_key: dict[str, list[GlossaryEntry]] = {}  # noqa: RUF012 - replaced whole, never mutated
    lock = threading.Lock()

    @classmethod
    def of(cls, glossary: Glossary) -> dict[str, list[GlossaryEntry]]:
        """The keys of ``glossary``, worked out again when its entries are other objects."""
        entries = tuple(glossary.entries.values())
        with cls.lock:
            if len(entries) == len(cls.entries) and all(
                a is b for a, b in zip(entries, cls.entries, strict=True)
            ):
                return cls.by_key
        by_key: dict[str, list[GlossaryEntry]] = {}
        for entry in entries:
            for k in dict.fromkeys(entry_keys(entry)):
                by_key.setdefault(k, []).append(entry)
        with cls.lock:
            cls.entries, cls.by_key = entries, by_key
        return by_key


def entries_named(glossary: Glossary, query: str) -> list[GlossaryEntry]:
    """The entries one of whose forms *is* ``query`` (compared by :func:`search_key`, or
    without spaces: pinyin is often typed run together), in glossary order."""
    key, compact = search_key(query), compact_key(query)
    if not key:
        return []
    names = _Names.of(glossary)
    found = {id(e): e for e in (*names.get(key, ()), *names.get(compact, ()))}
    if len(found) < 2:
        return list(found.values())
    order = {id(e): i for i, e in enumerate(glossary.entries.values())}
    return sorted(found.values(), key=lambda e: order[id(e)])


def entry_matches(entry: GlossaryEntry, text: str) -> bool:
    """True when ``text`` is part of a form of ``entry`` (the glossary browser's filter)."""
    key, compact = search_key(text), compact_key(text)
    return not key or any(key in k or compact in k for k in entry_keys(entry))


@dataclass
class TermHits:
    """The occurrences of one glossary entry, as search hits in corpus order."""

    entry: GlossaryEntry
    hits: list[Hit]


@dataclass
class CorpusSearch:
    """What a corpus search found: term hits first, then the other text matches."""

    query: str
    terms: list[TermHits] = field(default_factory=list)
    text: list[Hit] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Every hit listed."""
        return sum(len(t.hits) for t in self.terms) + len(self.text)


def term_hits(corpus: Corpus, entry: GlossaryEntry, context: int = 40) -> list[Hit]:
    """Every occurrence of ``entry`` in ``corpus`` as a KWIC hit (the concordance)."""
    hits = []
    for occ in corpus.occurrences.of_entry(entry.id):
        doc = corpus.documents.get(occ.doc)
        if doc is not None:
            hits.append(make_hit(doc.id, doc.body, occ.start, occ.end, context))
    return hits


def search_with_terms(
    corpus: Corpus, query: str, context: int = 40, text_search: TextSearch | None = None
) -> CorpusSearch:
    """Search ``corpus`` for ``query``: the occurrences of the glossary entries it names
    (:func:`entries_named`), then the text matches of ``text_search`` (default:
    :func:`~nda_reader.reading.search.search_corpus`) outside those occurrences."""
    found = CorpusSearch(query)
    covered: dict[str, list[tuple[int, int]]] = {}
    for entry in entries_named(corpus.glossary, query):
        hits = term_hits(corpus, entry, context)
        found.terms.append(TermHits(entry, hits))
        for hit in hits:
            covered.setdefault(hit.doc_id, []).append((hit.start, hit.end))
    search = text_search or (lambda c, q: search_corpus(c, q, context))
    for hit in search(corpus, query):
        spans = covered.get(hit.doc_id, ())
        if not any(s <= hit.start and hit.end <= e for s, e in spans):
            found.text.append(hit)
    return found


def passages_with(
    glossary: Glossary, occurrences: Sequence[Occurrence], parts: Sequence[Document], query: str
) -> dict[str, frozenset[int]]:
    """The passages (block indices by part id) of ``parts`` that contain ``query``: as
    text, or as any form of a glossary entry it names (``occurrences`` are the parts')."""
    named = {e.id for e in entries_named(glossary, query)}
    spans: dict[str, list[int]] = {p.id: [] for p in parts}
    for occ in occurrences:
        if occ.entry_id in named and occ.doc in spans:
            spans[occ.doc].append(occ.start)
    for part in parts:
        spans[part.id] += [start for start, _ in find_in_text(part.body, query)]
    found = {}
    for part in parts:
        blocks = {b.index for b in map(part.block_at, spans[part.id]) if b is not None}
        found[part.id] = frozenset(blocks)
    return found
