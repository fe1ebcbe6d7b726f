"""Both versions of an entry changed on disk while the user changed it, to keep one.

Shown when a save finds that the entry being changed was itself changed in its file since
the reader read it (an editor, ``git pull``). Nothing is written until the user chooses: the
version on disk (their change is dropped, and the reader shows the file as it is), or theirs
(their change applied to the version on disk, replacing it). Escape decides later: the
change is kept, and ``ctrl+s`` asks again.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.widgets import Label

from nda_reader.lang.terminal_text import visible_controls
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for

Kept = Literal["disk", "mine"]
"""Which version the user keeps."""

NARROW = 100
"""Below this many columns the two versions are shown one above the other."""


def _lines(text: str, other: str) -> list[Label]:
    """``text`` one label a line; the lines that ``other`` lacks are marked (and shown in
    bold), and the versions open scrolled to them."""
    lines = text.splitlines()
    theirs = set(other.splitlines())
    if not lines:
        return [Label("(deleted)", classes="-differs", markup=False)]
    return [
        Label(visible_controls(line) or " ", classes="" if line in theirs else "-differs",
              markup=False)
        for line in lines
    ]  # fmt: skip


class ConflictDialog(FreshModalScreen[Kept | None]):
    """``disk`` and ``mine`` side by side (one above the other when narrow)."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.CONFLICT,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.CONFLICT)

    DEFAULT_CSS = """
    ConflictDialog { align: center middle; }
    ConflictDialog > #conflict-box {
        width: 96%; max-width: 140; height: auto; max-height: 96%; padding: 0 1;
        background: $surface; border: round $warning;
    }
    ConflictDialog #conflict-title { color: $text; text-style: bold; width: 100%; }
    ConflictDialog #conflict-intro { color: $muted-text; width: 100%; }
    ConflictDialog #conflict-versions { layout: horizontal; height: auto; }
    ConflictDialog.-narrow #conflict-versions { layout: vertical; }
    ConflictDialog .conflict-version { width: 1fr; height: auto; }
    ConflictDialog .conflict-heading { color: $text-warning; text-style: bold; width: 100%; }
    ConflictDialog VerticalScroll Label { width: 100%; }
    ConflictDialog VerticalScroll Label.-differs { text-style: bold; color: $text; }
    ConflictDialog VerticalScroll {
        height: auto; max-height: 14; border: round $panel; padding: 0 1;
    }
    ConflictDialog.-narrow VerticalScroll {
        max-height: 6; border: none; padding: 0 1; background: $boost;
    }
    ConflictDialog #conflict-hint { color: $muted-text; width: 100%; }
    """

    def __init__(self, what: str, shown: str, disk: str, mine: str) -> None:
        super().__init__()
        self.what = what
        self.shown = shown
        self.disk = disk
        self.mine = mine

    def compose(self) -> ComposeResult:
        """The question, the two versions (differing lines in bold) and the keys."""
        mine_title = "2  Yours: your change applied to it" if self.mine else "2  Yours: deleted"
        with Vertical(id="conflict-box"):
            yield Label(
                f"Changed on disk while you edited it: {visible_controls(self.what)}",
                id="conflict-title",
                markup=False,
            )
            yield Label(
                f"{visible_controls(self.shown)} was changed outside the reader. Nothing is "
                "saved until you choose.",
                id="conflict-intro",
                markup=False,
            )
            with Container(id="conflict-versions"):
                with Vertical(classes="conflict-version"):
                    yield Label("1  On disk now", classes="conflict-heading", markup=False)
                    with VerticalScroll(id="conflict-disk"):
                        yield from _lines(self.disk, self.mine)
                with Vertical(classes="conflict-version"):
                    yield Label(mine_title, classes="conflict-heading", markup=False)
                    with VerticalScroll(id="conflict-mine"):
                        yield from _lines(self.mine, self.disk)
            yield Label(
                "1 keep the version on disk · 2 save yours over it · "
                "esc decide later (ctrl+s asks again)",
                id="conflict-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        """Stack the versions on a narrow terminal; show where they differ."""
        self.set_class(self.app.size.width < NARROW, "-narrow")
        self.call_after_refresh(self._show_differences)

    def _show_differences(self) -> None:
        """Scroll each version to its first differing line, one line of context above."""
        for scroll in self.query(VerticalScroll):
            lines = list(scroll.query(Label))
            first = next((i for i, line in enumerate(lines) if line.has_class("-differs")), 0)
            scroll.scroll_to_widget(lines[max(0, first - 1)], animate=False, top=True)

    def action_keep(self, which: Kept) -> None:
        """Close, keeping ``which`` version."""
        self.dismiss(which)

    def action_later(self) -> None:
        """Close without choosing; the change stays kept."""
        self.dismiss(None)
