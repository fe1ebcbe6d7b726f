"""ReaderApp: the Textual application holding a loaded corpus.

The app loads nothing itself: :func:`nda_reader.ui.factory.create_app` gives it a corpus,
an optional document to open, the themes, the user's keymap and the configuration folder.
It owns the global keys (quit, help, problems, theme cycling, jump history, undo and redo),
the command palette provider and the annotation controller. After a save it reloads only
the files written and publishes a :class:`~nda_reader.corpus.reload.CorpusChange` on
:attr:`ReaderApp.corpus_changed`, to which screens repaint what changed.
"""

from __future__ import annotations

import gc
from collections.abc import Collection
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal
from textual.theme import Theme

from nda_reader.corpus.document import Document
from nda_reader.corpus.locations import cache_dir as default_cache_dir
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.reload import CorpusChange, reload_corpus
from nda_reader.lang.terminal_text import visible_controls
from nda_reader.reading.jump_history import JumpHistory, Location
from nda_reader.ui.corpus_search import ask_corpus_search
from nda_reader.ui.dictionary_service import DictionaryService
from nda_reader.ui.exporting import ask_export, default_export_dir
from nda_reader.ui.first_screen import make_first_screen
from nda_reader.ui.indexing import IndexWork
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.messages import Outcomes
from nda_reader.ui.places import PlaceBook, Places, document_key
from nda_reader.ui.settings import load_settings, save_settings
from nda_reader.ui.style_cache import seeded_styles
from nda_reader.ui.theming import start_with_theme, theme_variable_defaults
from nda_reader.ui.warm_styles import later_screens, warm_styles

Target = tuple[str, int, int]
"""A span to show: (document id, start offset, end offset)."""

if TYPE_CHECKING:
    from textual.command import Provider

    from nda_reader.ui.annotating.controller import AnnotationController
    from nda_reader.ui.screens.reading import ReadingScreen


def _reading_screen() -> type[ReadingScreen]:
    """The reading screen, imported when first used (or after the first paint)."""
    from nda_reader.ui.screens.reading import ReadingScreen

    return ReadingScreen


def _reader_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (it costs ~20 ms)."""
    from nda_reader.ui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(App[None]):
    """Read an annotated corpus: library, reading screen, split view, context pane."""

    TITLE = "nda-reader"
    # A compact footer's right margin on the docked palette key shows a letter beneath it.
    CSS = "Footer.-compact FooterKey.-command-palette { margin-right: 0; }"
    COMMANDS: ClassVar = App.COMMANDS | {_reader_commands}
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.APP)

    def __init__(
        self,
        corpus: Corpus,
        document: Document | None = None,
        *,
        config_dir: Path,
        themes: list[Theme] | None = None,
        export_dir: Path | None = None,
        keymap: dict[str, str] | None = None,
        dictionary_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.user_keymap: dict[str, str] = dict(keymap or {})
        """The user's keymap (action id -> keys), already checked (see ``ui.keymap``)."""
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self.corpus = corpus
        self.document = document
        self.config_dir = config_dir
        self.settings = load_settings(config_dir)
        self.export_dir = export_dir or Path(self.settings.export_dir or default_export_dir())
        """The folder ``e`` offers for the annotated Markdown of the open document."""
        self.places = Places(
            PlaceBook.load(config_dir),
            lambda: self.corpus,
            lambda error: self.notify(error, severity="warning"),
        )
        """Where each document was left, and its marks (kept in ``places.yaml``)."""
        self.left_at: Location | None = None
        """Where the last document left for the library was."""
        self.corpus_changed: Signal[CorpusChange] = Signal(self, "corpus-changed")
        """Published after annotation files were written and the corpus reloaded."""
        self.index_work = IndexWork(self)
        """Completes the corpus index after the first paint (see ``ui.indexing``)."""
        self.dictionaries = DictionaryService(
            self, dictionary_dir if dictionary_dir is not None else default_cache_dir()
        )
        """CC-CEDICT, compiled into ``dictionary_dir`` (the cache folder) on first use."""
        self.history = JumpHistory()
        self.outcomes = Outcomes(self)
        """How annotation changes went: the message line, and everything said."""
        self.last_corpus_query = ""
        self.reader_themes: list[str] = []
        for theme in themes or []:
            self.register_theme(theme)
            self.reader_themes.append(theme.name)
        fallback = self.reader_themes[0] if self.reader_themes else self.theme
        wanted = self.settings.theme
        direct = start_with_theme(self, wanted if wanted in self.available_themes else fallback)
        self._styles_kept = seeded_styles(self.stylesheet) if direct else None
        """Where the first screen's parsed styles are kept between runs, if anywhere."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a message; control characters in it (a file name, a quote) are shown as
        visible stand-ins, never sent to the terminal."""
        super().notify(
            visible_controls(message),
            title=visible_controls(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def show_outcome(self, message: str) -> None:
        """Say how an annotation change went, in the message line (see ``ui.messages``)."""
        self.outcomes.show(message)

    def clear_notifications(self) -> None:
        """Take every message off the screen, the message line's too."""
        super().clear_notifications()
        self.outcomes.clear()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Reader colours for themes that lack them, derived from the theme's base colours."""
        return theme_variable_defaults(self.current_theme)

    async def on_event(self, event: events.Event) -> None:
        """A key typed just before a letter prompt showed answers it (Textual queued it on
        the screen below, where it would be lost, or run that screen's binding)."""
        if isinstance(event, events.Key) and event.is_forwarded and event.key != "escape":
            from nda_reader.ui.dialogs.letter_prompt import LetterPrompt

            if isinstance(self.screen, LetterPrompt):
                self.screen.on_key(event)
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        """Report problems; the first screen is painted, then the rest is started."""
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.call_after_refresh(self._after_first_paint)
        self.index_work.tell_problems(self.corpus)

    # ------------------------------------------------------------------ screens
    def get_default_screen(self) -> Screen[Any]:
        """The first screen: the given document's reading screen, or the library."""
        return make_first_screen(self)

    def _after_first_paint(self) -> None:
        """Resume garbage collection if the command line paused it for start-up, first
        moving everything start-up made out of the collector's way (``gc.freeze``); then
        complete the corpus index in a thread."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        self.annotations.saver.remember()
        self.index_work.start(self.corpus)
        if self._styles_kept is not None:
            self._styles_kept.remember(self.stylesheet)
        warm_styles(self, later_screens())  # so that the first document and search open sooner

    def on_unmount(self) -> None:
        """Stop the index work (it goes on at the next start)."""
        self.index_work.stop()

    def open_document(
        self, doc: Document, offset: int | None = None, end: int | None = None
    ) -> None:
        """Open ``doc`` on a reading screen above the library, at ``offset`` (None: where
        it was left, else at the top). Opening another document than the one just left
        is a jump: ``[`` goes back there."""
        self.show_library()
        left = self.left_at
        was = self.corpus.documents.get(left.doc_id) if left is not None else None
        if left is not None and was is not None and document_key(was) != document_key(doc):
            self.history.push(left)
        if offset is None:
            doc, offset = self.places.place_of(doc)
        self.push_screen(_reading_screen()(doc, offset, end))

    def keep_place(self) -> None:
        """Remember where the open document's main view is, for the next time it opens."""
        screen = next((s for s in self.screen_stack if isinstance(s, _reading_screen())), None)
        if screen is None or not screen.is_mounted:
            return
        doc_id, offset = screen.main.position()
        part = screen.main.marks.part(doc_id)
        if part is not None:
            self.places.leave(part, offset)
            self.left_at = Location(part.id, offset)

    async def action_quit(self) -> None:
        """Quit, remembering where the open document was."""
        self.keep_place()
        self.exit()

    def show_library(self) -> None:
        """Return to the library (the bottom screen of the stack), building it if needed."""
        from nda_reader.ui.screens.library import LibraryScreen

        self.keep_place()
        # The library is the bottom screen once built; before, the document given on the
        # command line is, and the library takes its place.
        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()
        if not isinstance(self.screen, LibraryScreen):
            self.switch_screen(LibraryScreen())

    async def show_target(self, target: Target | None) -> None:
        """Show a search hit, an occurrence or a note: in the split view of the open
        document (a jump, recorded), or on a reading screen from the library."""
        if target is None:
            return
        screen = self.screen
        if isinstance(screen, _reading_screen()):
            self.history.push(screen.location())
            await screen.open_split(*target)
            return
        if (doc := self.corpus.documents.get(target[0])) is not None:
            self.open_document(doc, target[1], target[2])

    def corpus_search(self) -> None:
        """Ask for a corpus search, list the hits (see ``ui.corpus_search``)."""
        ask_corpus_search(self)

    def export_document(self, doc_id: str) -> None:
        """Ask where to export ``doc_id`` as annotated Markdown, then write it there."""
        ask_export(self, doc_id)

    def save_settings(self) -> str | None:
        """Write the settings; None, or why they could not be written."""
        return save_settings(self.settings, self.config_dir)

    def add_text(self) -> None:
        """Add a text (``A`` in the library): a path or pasted text, the review form, then
        the new document opens; the corpus is reloaded from the files written."""
        from nda_reader.ui.adding import ask_add_text

        ask_add_text(self)

    # ------------------------------------------------------------------ actions
    def action_help(self) -> None:
        """Show every key that works here."""
        from nda_reader.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_glossary(self) -> None:
        """Browse the glossary: filter, sort, enter for an entry's concordance."""
        from nda_reader.ui.screens.glossary_browser import GlossaryBrowser

        self.push_screen(GlossaryBrowser(self.corpus), self.show_target)

    def action_notes(self) -> None:
        """Browse the notes: filter by tag or text, enter jumps to one."""
        from nda_reader.ui.screens.notes_browser import NotesBrowser

        self.push_screen(NotesBrowser(self.corpus), self.show_target)

    def action_problems(self) -> None:
        """List the corpus problems with file:line:column."""
        from nda_reader.ui.screens.problems import ProblemsScreen

        self.push_screen(ProblemsScreen(self.corpus.problems, base=self.corpus.root))
        if self.corpus.checking:
            self.notify("The annotations are still being checked: not all problems are listed")

    def action_cycle_theme(self) -> None:
        """Switch to the next reader theme (remembered for next time)."""
        names = self.reader_themes or list(self.available_themes)
        current = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(current + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2)

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self.settings.theme:
            return
        self.settings = replace(self.settings, theme=theme.name)
        error = self.save_settings()
        if error:
            self.notify(error, severity="warning")

    async def _jump(self, where: Location | None, what: str) -> None:
        if where is None:
            self.notify(f"Nothing to go {what} to", timeout=2)
            return
        screen = self.screen
        if not isinstance(screen, _reading_screen()):
            doc = self.corpus.documents.get(where.doc_id)
            if doc is None:
                return
            self.left_at = None  # going back is no new jump
            self.open_document(doc, where.offset)
            return
        await screen.go(where)

    def _here(self) -> Location | None:
        screen = self.screen
        return screen.location() if isinstance(screen, _reading_screen()) else None

    async def action_back(self) -> None:
        """Go back to where the last jump started (ctrl+o or [)."""
        if (here := self._here()) is not None:
            await self._jump(self.history.back(here), "back")

    async def action_forward(self) -> None:
        """Go forward again after going back (]; ctrl+i arrives as tab in terminals)."""
        if (here := self._here()) is not None:
            await self._jump(self.history.forward(here), "forward")

    # ------------------------------------------------------------- annotations
    @cached_property
    def annotations(self) -> AnnotationController:
        """The annotation controller (made, and the editing code imported, when first
        used: after the first paint at the latest)."""
        from nda_reader.ui.annotating.controller import AnnotationController

        return AnnotationController(self)

    def files_changed(self, paths: Collection[Path]) -> None:
        """Reload the corpus from the files written and tell the screens what changed."""
        root = self.corpus.root
        if root is None:
            return
        old = self.corpus
        change = reload_corpus(old, paths)
        # Problems that are not the corpus's own (themes, keymap) stay listed.
        change.corpus.problems.extend(p for p in old.problems if not p.path.is_relative_to(root))
        self.corpus = change.corpus
        self.corpus_changed.publish(change)
        self.index_work.start(self.corpus)  # new terms, if any
        self.index_work.look_outside(self.corpus, lambda: self.files_changed(()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No undo, redo or orphans list while an annotation form is open."""
        if action in ("undo", "redo", "orphans", "retry_save"):
            return "annotations" not in self.__dict__ or not self.annotations.form_open
        return True

    def action_undo(self) -> None:
        """Undo the last annotation change of this session (u)."""
        self.annotations.undo()

    def action_redo(self) -> None:
        """Redo the last undone change (ctrl+r)."""
        self.annotations.redo()

    def action_retry_save(self) -> None:
        """Write the changes that could not be saved (ctrl+s)."""
        self.annotations.retry()

    def action_orphans(self) -> None:
        """List annotations that cannot be placed; re-attach one to the selection, or delete."""
        screen = self.screen
        selection = screen.selected_anchor() if isinstance(screen, _reading_screen()) else None
        self.annotations.orphans(selection)
