"""The pinyin drafts of ``nda-reader check``: every glossary entry drafted by jieba and
pypinyin, to compare with its stored pinyin.

Drafting loads jieba and segments every entry: seconds for a glossary of thousands. The
corpus index keeps the drafts for the next run, by everything a draft rests on
(:func:`draft_keys`); a second process makes the others while the texts are checked
(:mod:`~nda_reader.corpus.draft_worker`). ``check``'s helper process drafts the glossary
as it reads it itself, before the corpus is loaded (:func:`glossary_drafts`): the drafts
whose keys match are taken.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from nda_reader.corpus.draft_worker import (
    PARALLEL_FROM,
    DraftJob,
    Helper,
    PendingDrafts,
    draft_all,
)
from nda_reader.corpus.glossary import Glossary, known_words
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.progress import Progress, no_progress

if TYPE_CHECKING:
    from nda_reader.lang.segment import KnownWord, KnownWords


def drafts(corpus: Corpus) -> dict[str, str]:
    """The drafted pinyin of every glossary entry, by id, each drafted from the other
    entries' curated words, made in this process (see :func:`start_drafts`)."""
    under_way = start_drafts(corpus, parallel_from=0)
    try:
        return under_way.result()
    finally:
        under_way.close()


def start_drafts(
    corpus: Corpus, *, parallel_from: int = PARALLEL_FROM, helper: Helper | None = None
) -> DraftsUnderWay:
    """Start drafting the pinyin of every glossary entry (see :func:`drafts`). Drafting
    loads jieba and segments every entry (seconds for a large glossary): it is done once
    for both checks, in a second process when ``parallel_from`` entries or more are to be
    drafted (0: never; see :mod:`~nda_reader.corpus.draft_worker`). Those ``helper``
    drafted from the glossary as it read it (:meth:`~.draft_worker.Helper.draft_glossary`)
    are taken by key, the others drafted here. The corpus index keeps the drafts for the
    next run, by everything a draft depends on."""
    known, keys = draft_keys(corpus.glossary)
    entries = list(corpus.glossary.entries.values())
    backing = corpus.backing
    kept = backing.remembered("pinyin-draft", keys.values()) if backing is not None else {}
    jobs = [(e.id, e.hanzi, e.is_person, e.is_proper) for e in entries if keys[e.id] not in kept]
    early = helper.early if helper is not None else None
    if early is not None and jobs and (early.done() or len(jobs) >= parallel_from):
        # The helper drafts the glossary as it read it: those whose keys match are taken.
        waiting = PendingDrafts([], known.words)
        return DraftsUnderWay(corpus, keys, kept, waiting, early=(early, jobs, known.words))
    pending = PendingDrafts(jobs, known.words, parallel_from=parallel_from or len(jobs) + 1)
    return DraftsUnderWay(corpus, keys, kept, pending)


def draft_keys(glossary: Glossary) -> tuple[KnownWords, dict[str, str]]:
    """The glossary's known words, and the key of each entry's draft by id: everything
    the draft rests on (the versions of jieba and pypinyin, the hanzi, the kind of name,
    the known words in it)."""
    from nda_reader.lang.segment import KnownWords, known_in

    known = KnownWords(known_words(glossary))
    versions = _versions()  # of jieba and pypinyin; the index is made anew for new code
    keys = {
        entry.id: json.dumps(
            [
                versions,
                entry.hanzi,
                entry.is_person,
                entry.is_proper,
                [
                    (w, k.pinyin, k.proper)
                    for w, k in known_in(entry.hanzi, known.excluding(entry.hanzi))
                ],
            ],
            ensure_ascii=False,
        )
        for entry in glossary.entries.values()
    }
    return known, keys


class DraftsUnderWay:
    """The drafts of a glossary, some kept in the corpus index, the others being made."""

    def __init__(
        self,
        corpus: Corpus,
        keys: dict[str, str],
        kept: dict[str, str],
        pending: PendingDrafts,
        early: tuple[Future[dict[str, str]], list[DraftJob], Mapping[str, KnownWord]] | None = None,
    ) -> None:
        self._corpus = corpus
        self._keys = keys
        self._kept = kept
        self._pending = pending
        self._early = early
        """The helper's drafts by key, the jobs they may do, and the known words for
        those they do not."""

    @property
    def in_worker(self) -> bool:
        """True while a worker process is making drafts."""
        return self._pending.in_worker

    def result(self, progress: Progress = no_progress) -> dict[str, str]:
        """Every entry's draft by id (waiting for those still being made, ``progress``
        saying how far they are); those made are kept in the corpus index."""
        made = self._pending.result(progress)
        if self._early is not None:
            made.update(self._take_early(*self._early))
        keys, kept = self._keys, self._kept
        out = {i: kept[k] if k in kept else made[i] for i, k in keys.items()}
        backing = self._corpus.backing
        if backing is not None and made:
            backing.remember("pinyin-draft", {keys[i]: out[i] for i in keys})
        return out

    def _take_early(
        self,
        early: Future[dict[str, str]],
        jobs: list[DraftJob],
        known: Mapping[str, KnownWord],
    ) -> dict[str, str]:
        try:
            by_key = early.result()
        except Exception:  # drafted here instead, where its error shows
            by_key = {}
        out = {j[0]: by_key[self._keys[j[0]]] for j in jobs if self._keys[j[0]] in by_key}
        return out | draft_all([j for j in jobs if j[0] not in out], known)

    def close(self) -> None:
        """Stop making drafts no one will take."""
        self._pending.close()


def _versions() -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("jieba", "pypinyin"):
        try:
            out.append(version(name))
        except PackageNotFoundError:
            out.append("")
    return out


_GLOSSARY = re.compile(r"""^layer: *["']?glossary["']? *$""", re.MULTILINE)
"""The line a glossary layer file says it is one with (as written by the reader)."""


def glossary_drafts(root: str) -> dict[str, str]:
    """The drafts of every entry of the glossary of the corpus at ``root`` by key (see
    :func:`draft_keys`), the glossary read here from its files (those with a ``layer:
    glossary`` line): run by ``check``'s helper while the checking process loads the
    corpus. Entries read otherwise there (a glossary file written another way, or
    changed meanwhile) have other keys: they are drafted there."""
    from nda_reader.corpus.loader import assemble
    from nda_reader.corpus.sources import SourceFiles, corpus_files, read_layer_file

    _, layers = corpus_files(Path(root))
    glossaries = {}
    for path in layers:
        try:
            if _GLOSSARY.search(path.read_text(encoding="utf-8")):
                glossaries[path] = read_layer_file(path)
        except (OSError, UnicodeDecodeError):
            continue
    glossary = assemble(Path(root), SourceFiles(texts={}, layers=glossaries)).glossary
    known, keys = draft_keys(glossary)
    jobs = [(e.id, e.hanzi, e.is_person, e.is_proper) for e in glossary.entries.values()]
    return {keys[i]: draft for i, draft in draft_all(jobs, known.words).items()}
