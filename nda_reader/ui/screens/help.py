"""Help: every key that works where you are, from the key table, with the user's keymap."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import KeyScoped, Scope, bindings_for, help_rows, keymap_of
from nda_reader.ui.widgets.reader_list import ReaderList

CREDIT = (
    "The dictionary is CC-CEDICT (MDBG, https://cc-cedict.org), under the Creative "
    "Commons Attribution-ShareAlike 4.0 licence."
)
Section = tuple[str, list[tuple[str, str, str]]]
"""A heading and its ``(keys, title, what they do)`` rows."""


class HelpScreen(FreshModalScreen[None]):
    """The keys of the screen underneath (or of ``scopes``), then the keys of every screen.

    Rows come from the key table only (:mod:`nda_reader.ui.key_table`), so help can never
    offer a key the reader does not have. Escape, ``q`` or ``?`` closes it.
    """

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.HELP, Scope.LIST)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.HELP)

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > #help-box {
        width: 80%; max-width: 100; height: 90%;
        background: $surface; border: round $primary; padding: 0 1;
    }
    HelpScreen #help-title { width: 100%; text-style: bold; color: $text; }
    HelpScreen #help-list { height: 1fr; border: none; padding: 0; }
    HelpScreen #help-hint { width: 100%; color: $muted-text; }
    HelpScreen #help-credit { width: 100%; color: $muted-text; }
    """

    def __init__(self, scopes: tuple[Scope, ...] | None = None) -> None:
        """Show the keys of ``scopes`` (default: those of the screen underneath)."""
        super().__init__()
        self.scopes = scopes
        self.sections: list[Section] = []

    def compose(self) -> ComposeResult:
        """Title, the key table and a hint."""
        with Vertical(id="help-box"):
            yield Label("Keys", id="help-title", markup=False)
            yield ReaderList(id="help-list")
            yield Label(CREDIT, id="help-credit", markup=False)
            yield Label("↑↓ scroll · esc, q or ? close", id="help-hint", markup=False)

    def on_mount(self) -> None:
        """Fill the table from the key table."""
        scopes = self.scopes
        if scopes is None:
            below = [s for s in self.app.screen_stack if s is not self]
            scopes = below[-1].KEY_SCOPES if below and isinstance(below[-1], KeyScoped) else ()
        self.sections = help_rows(scopes, keymap_of(self.app))
        options = self.query_one(OptionList)
        options.add_options(self.rows(self.sections))
        options.focus()

    @staticmethod
    def rows(sections: list[Section]) -> list[Option]:
        """A heading per section, then one option per key: the keys, then what they do."""
        width = min(24, max((cell_len(k) for _, rows in sections for k, *_ in rows), default=0))
        out: list[Option] = []
        for heading, rows in sections:
            out.append(Option(Content.styled(heading, "bold $primary"), disabled=True))
            for keys, title, description in rows:
                pad = " " * max(1, width - cell_len(keys) + 2)
                out.append(
                    Option(
                        Content.assemble(
                            (keys, "bold $accent"),
                            pad,
                            (title, "bold $text"),
                            "  ",
                            (description, "$text-muted"),
                        )
                    )
                )
        return out

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
