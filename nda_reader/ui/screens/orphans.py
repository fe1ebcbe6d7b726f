"""Orphans: annotations whose anchor cannot be placed any more, to re-attach or delete.

Select the new place in the text first (``v`` and extend), then press ``O``: enter
re-attaches the highlighted orphan there; ``d`` deletes it (after a yes/no question).
Annotations whose quote was edited, placed only by a fuzzy match, are listed too: enter
updates the anchor to the text now there (or re-attaches it to the selection, if any).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from nda_reader.corpus.anchors import Anchor
from nda_reader.corpus.model import Corpus, Orphan
from nda_reader.lang.terminal_text import display_text, one_line
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.reader_list import ReaderList

Choice = tuple[str, Orphan]
"""("attach" or "delete", the orphan)."""


def _cut(text: str, width: int = 60) -> str:
    text = display_text(one_line(text).strip())
    return text if len(text) <= width else text[: width - 1] + "…"


class OrphansScreen(FreshModalScreen[Choice | None]):
    """The orphans of ``corpus``; ``selection`` is where enter re-attaches one (if any)."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.ORPHANS, Scope.LIST)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.ORPHANS)

    DEFAULT_CSS = """
    OrphansScreen { align: center middle; }
    OrphansScreen > #orphans-box {
        width: 96%; height: 80%; background: $surface; border: round $primary; padding: 0 1;
    }
    OrphansScreen #orphans-title { width: 100%; text-style: bold; color: $text; }
    OrphansScreen #orphans-list { height: 1fr; border: none; padding: 0; }
    OrphansScreen #orphans-hint { width: 100%; color: $muted-text; }
    """

    def __init__(self, corpus: Corpus, selection: Anchor | None = None) -> None:
        super().__init__()
        lost = corpus.orphans()
        fuzzy = corpus.fuzzy()
        self.orphans = lost + fuzzy
        """The orphans, then the annotations placed only by a fuzzy match."""
        self.lost = len(lost)
        self.selection = selection

    def compose(self) -> ComposeResult:
        """Title, the orphans, and what enter would do."""
        n = self.lost
        title = f"{n} orphan{'s' if n != 1 else ''}: annotations that cannot be placed"
        fuzzy = len(self.orphans) - n
        if fuzzy:
            title += f"; {fuzzy} placed by a fuzzy match, to update"
        with Vertical(id="orphans-box"):
            yield Label(title, id="orphans-title", markup=False)
            yield ReaderList(
                *(
                    Option(
                        f"{o.kind} {o.id} in {o.anchor.doc}: “{_cut(o.anchor.exact)}”\n"
                        f"    {o.resolution.reason}",
                        id=f"orphan-{i}",
                    )
                    for i, o in enumerate(self.orphans)
                ),
                id="orphans-list",
            )
            if self.selection is not None:
                where = f"enter re-attach to “{_cut(self.selection.exact, 40)}”"
            elif fuzzy:
                where = "enter update a fuzzy anchor · select a place first (v), then O"
            else:
                where = "select the new place first (v), then O: enter re-attaches there"
            yield Label(f"{where} · d delete · esc close", id="orphans-hint", markup=False)

    def on_mount(self) -> None:
        """Focus the list."""
        found = self.query_one(OptionList)
        if self.orphans:
            found.highlighted = 0
        found.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a row re-attaches it."""
        event.stop()
        self.action_choose("attach")

    def action_choose(self, what: str) -> None:
        """Close with the highlighted orphan and what to do with it."""
        index = self.query_one(OptionList).highlighted
        if index is None or not self.orphans:
            self.notify("No orphan chosen", timeout=2)
            return
        self.dismiss((what, self.orphans[index]))

    def action_close(self) -> None:
        """Close without a change."""
        self.dismiss(None)
