"""What screens and the annotation controller may ask of the app: small typed interfaces.

Screens never reach the app or each other by attribute names; they hold a
:class:`ReaderHost` (the app, typed by what it offers) and listen to its
``corpus_changed`` signal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal

from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.reload import CorpusChange
from nda_reader.reading.jump_history import JumpHistory

if TYPE_CHECKING:
    from nda_reader.ui.annotating.controller import AnnotationController
    from nda_reader.ui.dictionary_service import DictionaryService
    from nda_reader.ui.indexing import IndexWork
    from nda_reader.ui.places import Places


class AnnotationHost(Protocol):
    """What the annotation controller needs: the corpus, screens, messages, reloads."""

    @property
    def corpus(self) -> Corpus:
        """The corpus as loaded now."""
        ...

    def push_screen(self, screen: Screen[Any], callback: Callable[[Any], Any] | None) -> Any:
        """Show ``screen``; ``callback`` gets what it is dismissed with."""
        ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a message."""
        ...

    def clear_notifications(self) -> None:
        """Take every message off the screen."""
        ...

    def show_outcome(self, message: str) -> None:
        """Say how an annotation change went (in the screen's message line if it has one,
        else as a notification)."""
        ...

    def files_changed(self, paths: Collection[Path]) -> None:
        """Reload the corpus from the files written and repaint what changed."""
        ...

    def set_timer(self, delay: float, callback: Callable[[], Any] | None = None) -> Any:
        """Run ``callback`` in ``delay`` seconds."""
        ...


class ReaderHost(AnnotationHost, Protocol):
    """The app as the screens see it."""

    history: JumpHistory
    last_corpus_query: str
    corpus_changed: Signal[CorpusChange]
    index_work: IndexWork
    places: Places
    """Where each document was left, and its marks."""

    @property
    def annotations(self) -> AnnotationController:
        """The annotation controller."""
        ...

    @property
    def dictionaries(self) -> DictionaryService:
        """The dictionary, opened (or compiled) on first use."""
        ...

    def open_document(
        self, doc: Document, offset: int | None = None, end: int | None = None
    ) -> None:
        """Open ``doc`` on a reading screen at ``offset`` (None: where it was left)."""
        ...

    def show_library(self) -> None:
        """Return to the library (remembering where the open document was)."""
        ...

    async def show_target(self, target: tuple[str, int, int] | None) -> None:
        """Show ``(doc id, start, end)``: in the split view, or from the library."""
        ...

    def corpus_search(self) -> None:
        """Ask for a corpus search and show the chosen hit."""
        ...

    def export_document(self, doc_id: str) -> None:
        """Ask where, then export ``doc_id`` as annotated Markdown."""
        ...

    def add_text(self) -> None:
        """Add a text to the corpus (``A``) and open it."""
        ...
