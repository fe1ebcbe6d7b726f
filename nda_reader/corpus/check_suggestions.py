"""Suggested readings of Chinese no glossary entry covers, for ``nda-reader check``.

The command line suggests the dictionary's reading of each span (tens of thousands in a
large corpus). The corpus index keeps them for the next ``check``; without it, a helper
process (:class:`~nda_reader.corpus.draft_worker.Helper`) makes them while this one goes
on with the other checks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from contextlib import suppress
from typing import Protocol, runtime_checkable

from nda_reader.corpus.draft_worker import Helper
from nda_reader.corpus.model import Corpus

Suggest = Callable[[str], str | None]
"""Given uncovered Chinese, a reading or rendering to suggest (None: nothing to say)."""


@runtime_checkable
class KeptSuggest(Protocol):
    """A :data:`Suggest` whose answers the corpus index may keep for the next ``check``:
    ``source()`` names all they rest on (e.g. the dictionary's data and format)."""

    def __call__(self, text: str) -> str | None: ...

    def source(self) -> str:
        """What the suggestions rest on."""
        ...


BATCH = 2000
"""Texts given a helper at a time, as the uncovered Chinese is found: fewer and it is
quicker to suggest here (the helper opens the dictionary again)."""


def suggestions(
    corpus: Corpus, texts: Iterable[str], suggest: Suggest, helper: Helper | None = None
) -> Callable[[], dict[str, str]]:
    """``suggest``'s answer for each of ``texts`` ("" for none), when called for; kept in
    the corpus index by text and :meth:`KeptSuggest.source` when ``suggest`` names one.
    Without the index, and when ``suggest`` has a ``batch`` that can run in another
    process (``batch(texts)``: the same answers, by text), ``helper`` makes them, a batch
    at a time as ``texts`` come."""
    backing = corpus.backing
    batch = getattr(suggest, "batch", None)
    if backing is None and helper is not None and batch is not None:
        return _suggested_by(helper, batch, texts, suggest)
    wanted = list(dict.fromkeys(texts))
    if backing is None or not isinstance(suggest, KeptSuggest) or not wanted:
        answers = {t: suggest(t) or "" for t in wanted}
        return lambda: answers
    source = suggest.source()
    keys = {t: json.dumps([source, t], ensure_ascii=False) for t in wanted}
    kept = backing.remembered("suggested", keys.values())
    out = {t: kept[k] if k in kept else suggest(t) or "" for t, k in keys.items()}
    if len(kept) < len(wanted):
        backing.remember("suggested", {keys[t]: out[t] for t in wanted})
    return lambda: out


def _suggested_by(
    helper: Helper,
    batch: Callable[[list[str]], dict[str, str]],
    texts: Iterable[str],
    suggest: Suggest,
) -> Callable[[], dict[str, str]]:
    seen: set[str] = set()
    pending: list[str] = []
    made: list[tuple[list[str], Future[dict[str, str]] | None]] = []
    for text in texts:
        if text not in seen:
            seen.add(text)
            pending.append(text)
            if len(pending) >= BATCH:
                made.append((pending, helper.submit(batch, pending)))
                pending = []
    if pending:  # the last few: here, unless the helper has the others
        made.append((pending, helper.submit(batch, pending) if made else None))

    def result() -> dict[str, str]:
        out: dict[str, str] = {}
        for wanted, future in made:
            with suppress(Exception):  # if the helper failed: made here, where errors show
                out.update(future.result() if future is not None else {})
            out.update({t: suggest(t) or "" for t in wanted if t not in out})
        return out

    return result
