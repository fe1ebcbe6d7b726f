"""The reading screen's small tools: marks, copying, the passage filter, search, outline,
zoom, renderings.

Each asks with a small dialog (a letter prompt, the copy menu, a line of text) and acts on
the text that has the focus. One object per reading screen, like the annotation
controller is one per app: the screen's actions call it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nda_reader.lang.terminal_text import one_line
from nda_reader.reading.jump_history import Location
from nda_reader.ui.widgets.document_view import DocumentView

if TYPE_CHECKING:
    from nda_reader.ui.screens.reading import ReadingScreen

FILTER_HINT = "enter filter · esc cancel"
COPIED = {
    "hanzi": "the hanzi",
    "pinyin": "the pinyin",
    "english": "the English",
    "text": "the text",
    "cited": "the text with its citation",
}
"""How the toast names what ``y`` copied."""


class ReadingTools:
    """Marks, copying, filtering, search and the outline for one :class:`ReadingScreen`."""

    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen

    def variants(self) -> None:
        """Every rendering of the term under the cursor, by document and date."""
        from nda_reader.ui.screens.variants import VariantsScreen

        screen = self.screen
        screen.sync_context()
        entry = screen.context.entry
        if entry is None:
            screen.notify("No term under the cursor: t moves to the next one", timeout=2)
            return
        screen.app.push_screen(VariantsScreen(screen.reader.corpus, entry.id))

    def zoom_context(self) -> None:
        """The context pane at full size (its list focused), or back."""
        screen = self.screen
        context = screen.context
        if screen.maximized is context:
            screen.minimize()
            return
        screen.sync_context()
        screen.maximize(context, container=False)
        jumps = context.shown_jumps()
        if jumps is not None:
            jumps.focus(scroll_visible=False)  # the pane shows its top: the entry
        context.scroll_home(animate=False)

    def zoom_view(self) -> None:
        """The focused text at full size, or back."""
        screen = self.screen
        if isinstance(screen.maximized, DocumentView):
            screen.minimize()
            return
        view = screen.active
        screen.maximize(view, container=False)
        view.focus()

    def filter(self) -> None:
        """Ask for a term or text and show only the passages with it; if a filter is on,
        show every passage again."""
        from nda_reader.ui.dialogs.search_input import SearchInput

        view = self.screen.active
        if view.only_blocks is not None:
            view.filter_passages("")
            self.screen.notify("Showing every passage again", timeout=2)
            return

        def asked(query: str | None) -> None:
            if not query or not query.strip():
                return
            count = view.filter_passages(query)
            if not count:
                self.screen.notify(f"No passage has {query.strip()!r}", timeout=3)
                return
            self.screen.notify(
                f"{count} passage{'s' if count != 1 else ''} with {query.strip()!r}; "
                "& or esc shows all",
                timeout=4,
            )

        prompt = "Show only the passages with (a term in any form, or text):"
        self.screen.app.push_screen(SearchInput(prompt, view.filter_query, hint=FILTER_HINT), asked)

    def set_mark(self) -> None:
        """``m`` + a letter: remember the cursor's place under that letter."""
        from nda_reader.ui.dialogs.letter_prompt import LetterPrompt

        view = self.screen.active
        doc_id, offset = view.position()
        part = view.marks.part(doc_id)

        def named(letter: str | None) -> None:
            if letter and part is not None:
                self.screen.reader.places.set_mark(letter, part, offset)
                self.screen.notify(f"Mark {letter} set: ' {letter} comes back here", timeout=3)

        self.screen.app.push_screen(LetterPrompt("Set mark: a letter a-z (esc: none)"), named)

    def go_to_mark(self) -> None:
        """``'`` + a letter: back to that mark; ``''``: back where the last jump started."""
        from nda_reader.ui.dialogs.letter_prompt import LetterPrompt

        view = self.screen.active
        doc = view.doc
        marks = self.screen.reader.places.marks_set(doc)

        async def named(letter: str | None) -> None:
            if letter == "'":
                await self.screen.app.run_action("back")
                return
            if not letter:
                return
            where = self.screen.reader.places.mark(letter, doc)
            if where is None:
                self.screen.notify(f"No mark {letter} in this document", timeout=2)
                return
            here = self.screen.location()
            self.screen.reader.history.push(here)
            await self.screen.go(Location(where[0], where[1], here.pane))

        prompt = f"Go to mark: {', '.join(marks) or 'none set (m + a letter sets one)'}"
        prompt += " · ' where the last jump started · esc: stay"
        self.screen.app.push_screen(LetterPrompt(prompt, extra="'"), named)

    def copy(self) -> None:
        """Copy the term (hanzi, pinyin, English), the passage or the selection."""
        from nda_reader.ui.dialogs.copy_menu import CopyMenu

        view = self.screen.active
        choices = view.copy_choices()

        def chosen(name: str | None) -> None:
            if not name:
                return
            text = choices[name]
            self.screen.app.copy_to_clipboard(text)
            shown = one_line(text)
            shown = shown if len(shown) <= 50 else shown[:49] + "…"
            self.screen.notify(f"Copied {COPIED[name]}: {shown}", timeout=4)
            if view.selecting:
                view.action_sel_cancel()

        self.screen.app.push_screen(CopyMenu(choices), chosen)

    def search(self) -> None:
        """Ask for text to find in this document; n/N then move between matches."""
        from nda_reader.ui.dialogs.search_input import SearchInput

        view = self.screen.active

        def done(query: str | None) -> None:
            if query is None:
                return
            count = view.search(query)
            if query.strip():
                self.screen.notify(
                    f"{count} match{'es' if count != 1 else ''} for {query!r}"
                    + (" — n/N next/previous" if count else ""),
                    timeout=3,
                )
            view.focus()

        self.screen.app.push_screen(SearchInput("Search in this document", view.search_query), done)

    def outline(self) -> None:
        """Headings and speaker turns of the active document; enter jumps there."""
        from nda_reader.ui.screens.outline import OutlineScreen

        view = self.screen.active
        doc_id, offset = view.position()

        async def chosen(target: tuple[str, int, int] | None) -> None:
            if target is not None:
                here = self.screen.location()
                self.screen.reader.history.push(here)
                await self.screen.go(Location(target[0], target[1], here.pane))

        self.screen.app.push_screen(
            OutlineScreen(self.screen.reader.corpus, doc_id, offset=offset), chosen
        )
