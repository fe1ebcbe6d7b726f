"""Plain-text search in one document body or across the whole corpus.

Search is literal (never a regular expression) and case-insensitive; a run of whitespace in
the query matches any run of whitespace in the text, so a phrase wrapped across lines of a
file is still found. Offsets are indices into ``Document.body``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nda_reader.lang.terminal_text import one_line

if TYPE_CHECKING:
    from nda_reader.corpus.document import Document
    from nda_reader.corpus.model import Corpus


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern for ``query``, or None when the query is empty or only whitespace."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def find_in_text(text: str, query: str) -> list[tuple[int, int]]:
    """Every (start, end) where ``query`` occurs in ``text``, in order, not overlapping."""
    pattern = compile_query(query)
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text)]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match in the corpus with its keyword-in-context (KWIC) surroundings.

    ``before``, ``match`` and ``after`` are single-line: runs of whitespace (newlines
    included) are collapsed to one space. ``start``/``end`` are offsets into the body.
    """

    doc_id: str
    start: int
    end: int
    before: str
    match: str
    after: str


def make_hit(doc_id: str, body: str, start: int, end: int, context: int = 40) -> Hit:
    """Build the KWIC :class:`Hit` for ``body[start:end]`` with ``context`` characters each side."""
    before = one_line(body[max(0, start - context) : start]).lstrip()
    after = one_line(body[end : end + context]).rstrip()
    return Hit(doc_id, start, end, before, one_line(body[start:end]), after)


def documents_to_search(corpus: Corpus, query: str) -> list[Document]:
    """The documents that may hold ``query``, in reading order: those the corpus index
    says may contain it, or every document when there is no index (or it is not ready)."""
    found = corpus.backing.candidates(query) if corpus.backing is not None else None
    if found is None:
        return corpus.ordered_documents()
    return [corpus.documents[i] for i in found if i in corpus.documents]


def hits_in(doc: Document, pattern: re.Pattern[str], context: int = 40) -> list[Hit]:
    """Every match of ``pattern`` in ``doc``, in text order, with its context."""
    body = doc.body
    return [make_hit(doc.id, body, m.start(), m.end(), context) for m in pattern.finditer(body)]


def search_corpus(corpus: Corpus, query: str, context: int = 40) -> list[Hit]:
    """Every match of ``query`` in the corpus, documents in reading order, then text order."""
    pattern = compile_query(query)
    if pattern is None:
        return []
    return [h for doc in documents_to_search(corpus, query) for h in hits_in(doc, pattern, context)]
