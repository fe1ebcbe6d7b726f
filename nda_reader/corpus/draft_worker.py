"""Drafting the glossary's pinyin in a second process while ``check`` reads the texts.

Drafting segments every entry with jieba: seconds for a glossary of thousands of entries
(most of it jieba's part-of-speech tagging of words it does not know). The drafts rest on
the glossary alone, so on a machine with more than one processor a worker process makes
them while the checks that read every text run in this one. Where no worker can be
started (one processor, a system that refuses) or the worker fails, the drafts are made
here, as before: the same drafts either way.

``check`` without the index starts a :class:`Helper` before it loads the corpus: a worker
that loads jieba and the dictionary meanwhile, drafts the glossary as it reads it itself,
and then takes other work that can be done apart (the dictionary's readings of the
uncovered Chinese). What it has not done when wanted is done in the checking process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from nda_reader.corpus.progress import Progress, no_progress

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from nda_reader.lang.segment import KnownWord

T = TypeVar("T")

PARALLEL_FROM = 200
"""Entries to draft before a worker is worth starting: it loads Python, our modules and
jieba's dictionary again (~1 s) while this process goes on."""

DraftJob = tuple[str, str, bool, bool]
"""One entry to draft: its id, hanzi, and whether it is a person and a proper name."""


def draft_all(jobs: Sequence[DraftJob], known: Mapping[str, KnownWord]) -> dict[str, str]:
    """The draft of each job by entry id, each drafted from ``known`` less its own hanzi
    (an entry is never drafted from itself)."""
    from nda_reader.lang.pinyin import draft_pinyin
    from nda_reader.lang.segment import KnownWords

    words = KnownWords(known)
    return {
        entry_id: draft_pinyin(hanzi, person=person, proper=proper, known=words.excluding(hanzi))
        for entry_id, hanzi, person, proper in jobs
    }


PIECE = 25
"""Entries drafted at a time: how far the drafting is is shown between pieces (25 of the
generated corpus's entries, the slowest to draft, take ~0.3 s)."""

_known_in_worker: dict[str, KnownWord] = {}


def _start_worker(known: dict[str, KnownWord]) -> None:
    """In the worker: keep the known words (sent once, not with every piece); Ctrl-C is
    the checking process's to answer (it stops the worker), so the worker ignores it
    rather than print a traceback of its own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _known_in_worker.update(known)


def _draft_piece(jobs: Sequence[DraftJob]) -> dict[str, str]:
    """In the worker: :func:`draft_all` of one piece."""
    return draft_all(jobs, _known_in_worker)


def _warm() -> None:
    """In a helper's worker, first: what drafting needs loaded (jieba's dictionary, ~1 s),
    while the checking process loads the corpus."""
    import signal

    from nda_reader.lang.segment import _tokenizer

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _tokenizer()


class Helper:
    """A second process for ``check``, started before the corpus is loaded: it loads
    jieba meanwhile, then takes the work that can be done apart (the pinyin drafts, the
    dictionary's readings). Jobs run one after the other, in the order given."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self._pool: ProcessPoolExecutor | None = pool
        self.early: Future[dict[str, str]] | None = None
        """The drafts of the glossary as the worker read it, by key, once asked for
        (:meth:`draft_glossary`)."""

    @classmethod
    def start(cls) -> Helper | None:
        """A helper, or None where no second process is worth it or can be started."""
        if processors() < 2:
            return None
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:
            # spawn, not fork: this process may hold open SQLite connections and threads.
            pool = ProcessPoolExecutor(1, multiprocessing.get_context("spawn"))
            pool.submit(_warm)
        except (OSError, ValueError, RuntimeError):
            return None
        return cls(pool)

    def submit(self, job: Callable[..., T], *args: Any) -> Future[T] | None:
        """``job(*args)`` in the worker; None if it cannot be given (the worker failed)."""
        pool = self._pool
        if pool is None:
            return None
        try:
            return pool.submit(job, *args)
        except (RuntimeError, OSError):  # a broken pool, or one shut down
            return None

    def draft_glossary(self, root: Path) -> None:
        """Have the worker draft the glossary of the corpus at ``root`` as it reads it
        itself (see ``check_drafts.glossary_drafts``): :attr:`early`."""
        from nda_reader.corpus.check_drafts import glossary_drafts

        self.early = self.submit(glossary_drafts, str(root.absolute()))

    def close(self) -> None:
        """Stop the worker at once (what it has not given is lost)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            _stop(pool)


def processors() -> int:
    """How many processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


class PendingDrafts:
    """Drafts being made: by a worker process when there are enough of them and a second
    processor, else by :meth:`result` itself, in this process."""

    def __init__(
        self,
        jobs: Sequence[DraftJob],
        known: Mapping[str, KnownWord],
        *,
        parallel_from: int = PARALLEL_FROM,
    ) -> None:
        self._jobs = list(jobs)
        self._known = dict(known)
        self._pieces = [self._jobs[i : i + PIECE] for i in range(0, len(self._jobs), PIECE)]
        self._pool: ProcessPoolExecutor | None = None
        self._made: list[Future[dict[str, str]]] = []
        """The worker's pieces, in order (none when drafting here)."""
        if len(self._jobs) >= parallel_from and processors() > 1:
            self._start()

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:
            # spawn, not fork: this process may hold open SQLite connections and threads.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(1, context, _start_worker, (self._known,))
            self._made = [self._pool.submit(_draft_piece, piece) for piece in self._pieces]
        except (OSError, ValueError, RuntimeError):
            self.close()

    @property
    def in_worker(self) -> bool:
        """True while a worker process is making the drafts."""
        return bool(self._made)

    def result(self, progress: Progress = no_progress) -> dict[str, str]:
        """The drafts by entry id (waiting for the worker if it is still at work), with
        ``progress("Drafting pinyin", done, total)`` after each piece. Pieces the worker
        did not make (it failed, or was killed: the pool then says it is broken rather
        than wait for ever) are drafted here."""
        total = len(self._jobs)
        out: dict[str, str] = {}
        done = 0
        try:
            for made in self._made:
                out.update(made.result())
                done += 1
                progress("Drafting pinyin", len(out), total)
        except Exception:  # drafted here instead, where its error shows
            pass
        finally:
            self.close()
        for piece in self._pieces[done:]:
            out.update(draft_all(piece, self._known))
            progress("Drafting pinyin", len(out), total)
        return out

    def close(self) -> None:
        """Stop the worker, if any, at once (the drafts it has not given are lost)."""
        pool, self._pool, self._made = self._pool, None, []
        if pool is None:
            return
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool``'s processes at once. Shutting down alone would let the worker finish
    its piece, and loading jieba first (~1 s): an interrupted check would wait for it.
    There is no public way to stop a pool's processes before Python 3.14
    (terminate_workers)."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
