"""The app's dictionary: opened on first use, compiled in a thread the very first time.

Nothing happens at start-up. The first look-up opens the compiled CC-CEDICT in the cache
folder at once if it is there; otherwise it is compiled in a worker thread (a few
seconds, once), the reader says so, and :attr:`DictionaryService.ready` is published when
it can be used. A missing data package or an unwritable cache folder is said once, and
the reader goes on with the glossary alone.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.signal import Signal

if TYPE_CHECKING:  # the dictionary's modules (sqlite3 ...) are imported on first use
    from nda_reader.dictionary.lookup import Dictionary, Word


class State(StrEnum):
    """Where the dictionary is."""

    CLOSED = "closed"
    BUILDING = "building"
    READY = "ready"
    FAILED = "failed"


class DictionaryService:
    """Opens (or compiles) the dictionary for ``app`` in ``folder``, once."""

    def __init__(self, app: App[Any], folder: Path) -> None:
        self.app = app
        self.folder = folder
        self.state = State.CLOSED
        self.error = ""
        self._dictionary: Dictionary | None = None
        self.ready: Signal[Dictionary] = Signal(app, "dictionary-ready")
        """Published once the dictionary can be used (after a compile)."""

    def get(self) -> Dictionary | None:
        """The dictionary if it can be used now; else None (and a compile under way)."""
        if self.state is State.READY:
            return self._dictionary
        if self.state is State.CLOSED:
            self._open()
        return self._dictionary

    def word_at(self, text: str, offset: int) -> Word | str | None:
        """The longest dictionary word at ``offset`` of ``text``; while there is no
        dictionary, what to say instead."""
        dictionary = self.get()
        if dictionary is not None:
            return dictionary.longest_at(text, offset)
        if self.error:
            return f"none ({self.error})"
        return "compiling its index (first use only)…"

    def word_end(self, text: str, offset: int) -> int | None:
        """The end of the longest dictionary word at ``offset`` of ``text`` (or None)."""
        dictionary = self.get()
        word = dictionary.longest_at(text, offset) if dictionary is not None else None
        return word.end if word is not None else None

    def _open(self) -> None:
        from nda_reader.dictionary.index import FORMAT

        if any(self.folder.glob(f"cedict-*-v{FORMAT}.sqlite")):
            self._load()  # compiled before: a millisecond
            if self.state is State.READY:
                return
        self.state = State.BUILDING
        self.app.notify(
            "Compiling the CC-CEDICT dictionary (first use only, a few seconds)…", timeout=6
        )
        self.app.run_worker(self._build, thread=True, group="dictionary", exit_on_error=False)

    def _load(self) -> None:
        from nda_reader.dictionary.lookup import Dictionary, is_open_error

        try:
            self._dictionary = Dictionary.open(self.folder)
        except Exception as exc:
            if not is_open_error(exc):
                raise
            self._fail(str(exc))
            return
        self.state = State.READY

    def _build(self) -> None:
        from nda_reader.dictionary.lookup import Dictionary, is_open_error

        try:
            dictionary = Dictionary.open(self.folder)
        except Exception as exc:
            if not is_open_error(exc):
                raise
            self.app.call_from_thread(self._fail, str(exc))
            return
        self.app.call_from_thread(self._built, dictionary)

    def _built(self, dictionary: Dictionary) -> None:
        self._dictionary = dictionary
        self.state = State.READY
        self.ready.publish(dictionary)

    def _fail(self, error: str) -> None:
        self.state = State.FAILED
        self.error = error
        self.app.notify(f"No dictionary: {error}", severity="warning", timeout=8)
