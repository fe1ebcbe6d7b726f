"""Command palette (ctrl+p) entries for the reader's actions: the same actions as the keys."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True, slots=True)
class Command:
    """A palette entry: ``action`` runs on the app, the reading screen or its active view."""

    title: str
    help: str
    action: str
    scope: str  # "app" | "reading" | "view" | "library"
    key: str


COMMANDS: tuple[Command, ...] = (
    Command("Next term", "Put the cursor on the next glossary term", "term(1)", "view", "t"),
    Command("Previous term", "Previous glossary term", "term(-1)", "view", "T"),
    Command("Next annotated passage", "Passage with links or notes", "annotated(1)", "view", "a"),
    Command("Previous annotated passage", "", "annotated(-1)", "view", "A"),
    Command("Next cross-reference", "Passage with a cross-reference", "crossref(1)", "view", "x"),
    Command("Previous cross-reference", "", "crossref(-1)", "view", "X"),
    Command("Next turn by this speaker", "", "same_speaker", "view", "s"),
    Command(
        "Only this speaker", "Toggle hiding other speakers' turns", "speaker_filter", "view", "S"
    ),
    Command("Next search match", "", "match(1)", "view", "n"),
    Command("Previous search match", "", "match(-1)", "view", "N"),
    Command("Top of document", "", "edge(-1)", "view", "g"),
    Command("End of document", "", "edge(1)", "view", "G"),
    Command("Search in document", "Find text in this document", "search", "reading", "/"),
    Command("Search corpus", "Find text in every document", "corpus_search", "reading", "f"),
    Command("Outline", "Headings and speaker turns", "outline", "reading", "o"),
    Command("Follow", "Open the first related passage beside", "follow_first", "reading", "enter"),
    Command("Switch pane", "Move focus to the other pane", "switch_pane", "reading", "tab"),
    Command("Close split view", "", "close_split", "reading", "w"),
    Command("Toggle context pane", "", "toggle_context", "reading", "c"),
    Command("Library", "Back to the list of documents", "library", "reading", "l"),
    Command("Open document", "Open the highlighted document", "open", "library", "enter"),
    Command(
        "Select text", "Start a selection at the cursor, to annotate it", "select", "view", "v"
    ),
    Command("New glossary term", "From the selection (v first)", "annotate('term')", "view", "g"),
    Command(
        "Add as alias",
        "The selection as another form of an entry",
        "annotate('alias')",
        "view",
        "G",
    ),
    Command("Note", "A note on the selection or passage", "passage('note')", "view", "m"),
    Command("Speaker turn", "Who speaks from this passage on", "passage('turn')", "view", "p"),
    Command(
        "Cross-reference end", "Mark the source, then the target", "passage('link')", "view", "r"
    ),
    Command("Undo", "Undo the last annotation change", "undo", "app", "u"),
    Command("Redo", "Redo the last undone change", "redo", "app", "ctrl+r"),
    Command("Save again", "Retry changes that could not be saved", "retry_save", "app", "ctrl+s"),
    Command(
        "Orphans", "Annotations that cannot be placed: re-attach or delete", "orphans", "app", "O"
    ),
    Command("Jump back", "Back to where the last jump started", "back", "app", "ctrl+o"),
    Command("Jump forward", "Forward again after going back", "forward", "app", "]"),
    Command("Cycle theme", "Next colour theme (remembered)", "cycle_theme", "app", "ctrl+t"),
    Command("Problems", "List problems in the corpus files", "problems", "app", "!"),
    Command("Help", "Every key binding", "help", "app", "?"),
)


class ReaderCommands(Provider):
    """Offers :data:`COMMANDS` that apply to the current screen."""

    def _available(self) -> list[Command]:
        from nda_reader.ui.screens.library import LibraryScreen
        from nda_reader.ui.screens.reading import ReadingScreen

        screen = self.screen
        scopes = {"app"}
        if isinstance(screen, ReadingScreen):
            scopes |= {"reading", "view"}
        elif isinstance(screen, LibraryScreen):
            scopes.add("library")
        return [c for c in COMMANDS if c.scope in scopes]

    async def _run(self, command: Command) -> None:
        from nda_reader.ui.screens.reading import ReadingScreen

        screen = self.screen
        if command.scope == "app":
            await self.app.run_action(command.action)
        elif command.scope == "view" and isinstance(screen, ReadingScreen):
            await screen.active.run_action(command.action)
        else:
            await screen.run_action(command.action)

    def _label(self, command: Command) -> str:
        return f"{command.title}  ({command.key})"

    async def discover(self) -> Hits:
        """Every command that applies here."""
        for command in self._available():
            yield DiscoveryHit(self._label(command), partial(self._run, command), help=command.help)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``."""
        matcher = self.matcher(query)
        for command in self._available():
            label = self._label(command)
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(label), partial(self._run, command), help=command.help
                )
