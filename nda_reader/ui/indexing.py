"""The index work the reader does after its first paint, and its progress.

Opening a corpus brings its index up to date with the files (see :mod:`nda_reader.index`);
finding the glossary terms in every text and folding the texts for search can take a while
on a large corpus, so :class:`IndexWork` does it in a thread after the first paint and
publishes how far it is on :attr:`IndexWork.changed` (shown by
:class:`~nda_reader.ui.widgets.index_progress.IndexProgress`). Until it is done the reader
finds a document's terms when it opens it, and corpus search reads the bodies.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import CancelledError

from textual.app import App
from textual.signal import Signal

from nda_reader.corpus.model import Corpus
from nda_reader.index.open import CorpusIndex
from nda_reader.ui.timers import after

LOOK_OUTSIDE_AFTER = 0.3
"""Seconds after a save (its repaint and notification) to look for other changed files."""

Step = tuple[str, int, int]
"""What is being done, how many are done and how many there are."""


class IndexWork:
    """Completes the index of the app's corpus in a daemon thread (quitting never waits
    for it: an unfinished batch is simply not committed, and the next run goes on)."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.changed: Signal[Step | None] = Signal(app, "index-progress")
        """Published with each step, and with None when the work is done."""
        self.checked: Signal[Corpus] = Signal(app, "annotations-checked")
        """Published with the corpus once the anchors a first launch left are placed and
        their problems added (see :meth:`CorpusIndex.check`)."""
        self.step: Step | None = None
        self._index: CorpusIndex | None = None
        self._thread: threading.Thread | None = None
        self._again: tuple[Corpus, Callable[[], None]] | None = None
        self._prefetched = False

    def start(self, corpus: Corpus, done: Callable[[], None] | None = None) -> None:
        """Complete ``corpus``'s index, if it has one that is not complete; ``done`` runs
        on the app's thread when it is (by default: the open concordances are redrawn,
        complete now). While work is under way, it starts again when
        that is over (a save may have changed the glossary, and so every text's terms)."""
        index = corpus.backing
        if not isinstance(index, CorpusIndex):
            return
        done = done or self._redraw_concordances
        if not self._prefetched:  # the first start: read the glossary while the user looks
            self._prefetched = True
            glossary = threading.Thread(target=lambda: corpus.glossary, name="nda-reader glossary")
            glossary.daemon = True
            glossary.start()
        if index.is_complete():
            return
        if self._thread is not None and self._thread.is_alive():
            self._again = (corpus, done)
            return
        self._index = index

        def run() -> None:
            if corpus.checking:  # (a save may check it first: said all the same)
                index.check()
                self._call(self.checked.publish, corpus)
            finished = index.complete(self._report)
            self._call(self._finished, finished, done)

        self._thread = threading.Thread(target=run, name="nda-reader index", daemon=True)
        self._thread.start()

    def tell_problems(self, corpus: Corpus) -> None:
        """Say how many errors ``corpus`` has, if any: now, or on a first launch once its
        anchors are checked (their problems come then)."""
        if corpus.checking:
            self.checked.subscribe(self.app, self._tell)
        else:
            self._tell(corpus)

    def _tell(self, corpus: Corpus) -> None:
        index = corpus.backing
        if isinstance(index, CorpusIndex) and index.corpus is not corpus:
            return  # reloaded meanwhile: not the corpus shown
        errors = len(corpus.problems.errors)
        if errors:
            self.app.notify(
                f"{errors} problem{'s' if errors != 1 else ''} — press ! to list them",
                severity="warning",
                timeout=8,
            )

    def _call(self, callback: Callable[..., None], *args: object) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except (RuntimeError, CancelledError):  # the app has stopped (or is stopping)
            if self._index is not None:
                self._index.stop()

    def _report(self, what: str, done: int, total: int) -> None:
        self._call(self._publish, (what, done, total))

    def _publish(self, step: Step | None) -> None:
        self.step = step
        self.changed.publish(step)

    def _finished(self, finished: bool, done: Callable[[], None]) -> None:
        self._publish(None)
        if finished:
            done()
        again, self._again = self._again, None
        if again is not None:
            self.start(*again)

    def _redraw_concordances(self) -> None:
        from nda_reader.ui.screens.reading import ReadingScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.context.redraw()

    def look_outside(self, corpus: Corpus, reload: Callable[[], None]) -> None:
        """Once a save is on screen, look in a thread for changes made outside the reader
        to the files the save did not write (the save compared only its own, see
        :meth:`CorpusIndex.outside_changes`); ``reload`` runs on the app's thread if
        there are any."""
        index = corpus.backing
        if not isinstance(index, CorpusIndex) or not index.unscanned:
            return

        def look() -> None:
            if index.corpus is corpus and index.outside_changes():
                self._call(reload)

        def start() -> None:
            threading.Thread(target=look, name="nda-reader outside", daemon=True).start()

        after(self.app, LOOK_OUTSIDE_AFTER, start)  # a late tick kept: the look must start

    def prefetch_search(self, corpus: Corpus) -> None:
        """Read what corpus search needs, in a thread, while the user types the query:
        the glossary's forms as search compares them, and the folded texts (each read
        once, on the first search of a session)."""
        index = corpus.backing
        load = (
            index.finder.load if isinstance(index, CorpusIndex) and index.finder.ready() else None
        )

        def prefetch() -> None:
            from nda_reader.reading.term_search import entries_named

            entries_named(corpus.glossary, "-")  # works out (and keeps) every form's key
            if load is not None:
                load()

        threading.Thread(target=prefetch, name="nda-reader search", daemon=True).start()

    def stop(self) -> None:
        """Ask the work to stop at its next batch."""
        if self._index is not None:
            self._index.stop()
