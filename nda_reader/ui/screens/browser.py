"""BrowserScreen: a filter box over a list, with a detail line: the glossary and the notes.

Typing in the box narrows the list (the subclass's :meth:`BrowserScreen.rows`); ↑↓ move
while typing, tab goes to the list (where ``j``/``k`` move and ``/`` comes back), enter
chooses the highlighted row (:meth:`BrowserScreen.choose`). The screen dismisses with a
place to show, ``(doc id, start, end)``, or None.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.reader_list import ReaderList

Target = tuple[str, int, int]
"""A place to show: (document id, start offset, end offset)."""


class BrowserScreen(FreshModalScreen[Target | None]):
    """Base of the browsers: subclasses give the title, rows, detail and ``choose``."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.BROWSER,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.BROWSER)

    DEFAULT_CSS = """
    BrowserScreen { align: center middle; }
    BrowserScreen > #browser-box {
        width: 96%; height: 94%; background: $surface; border: round $primary; padding: 0 1;
    }
    BrowserScreen #browser-title { width: 100%; text-style: bold; color: $text; }
    BrowserScreen #browser-filter { margin: 0; }
    BrowserScreen #browser-head { width: 100%; color: $muted-text; text-style: bold; }
    BrowserScreen #browser-list {
        height: 1fr; border: none; padding: 0; text-wrap: nowrap; text-overflow: ellipsis;
    }
    BrowserScreen #browser-detail {
        width: 100%; height: 3; color: $muted-text; border-top: hkey $panel;
    }
    BrowserScreen #browser-hint { width: 100%; color: $muted-text; }
    """

    placeholder = "type to filter"
    hint = "type to filter · ↑↓ move · enter choose · tab list · esc close"

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[object] = []
        """What each row of the list shows (the subclass's items)."""
        self._width = 0

    def compose(self) -> ComposeResult:
        """Title, filter box, column heads, the list, the detail line and the key hint."""
        with Vertical(id="browser-box"):
            yield Label("", id="browser-title", markup=False)
            yield Input(placeholder=self.placeholder, id="browser-filter", compact=True)
            yield Static("", id="browser-head")
            yield ReaderList(id="browser-list")
            yield Static("", id="browser-detail")
            yield Label(self.hint, id="browser-hint", markup=False)

    def on_mount(self) -> None:
        """List everything; typing goes to the filter."""
        self.query_one(Input).focus()
        self.call_after_refresh(self.refill)

    def on_resize(self, event: Resize) -> None:
        """Fit the columns to the new width."""
        self.call_after_refresh(self.refill)

    # --------------------------------------------------------------- to override
    def heading(self, count: int) -> str:
        """The title line, for ``count`` rows shown."""
        return f"{count} rows"

    def items(self, text: str) -> list[object]:
        """The items matching the filter ``text``, in order."""
        return []

    def head(self, width: int) -> Content:
        """The column heads for a list ``width`` cells wide."""
        return Content("")

    def row(self, item: object, width: int) -> Content:
        """One row of the list."""
        return Content(str(item))

    def detail(self, item: object) -> Content:
        """More about the highlighted item (a few lines)."""
        return Content("")

    def choose(self, item: object) -> None:
        """Enter on ``item``."""

    # ------------------------------------------------------------------- list
    @property
    def filter_text(self) -> str:
        """What is typed in the filter box."""
        return self.query_one("#browser-filter", Input).value

    def refill(self) -> None:
        """Show the items matching the filter, keeping the highlighted one if it still is."""
        listing = self.query_one(ReaderList)
        width = listing.scrollable_content_region.width or self.app.size.width - 6
        was = self.highlighted()
        self.shown = self.items(self.filter_text)
        self.query_one("#browser-title", Label).update(self.heading(len(self.shown)))
        head = self.head(width)
        self.query_one("#browser-head", Static).update(head)
        self.query_one("#browser-head", Static).display = bool(head.plain)
        listing.set_options([Option(self.row(item, width)) for item in self.shown])
        if self.shown:
            listing.highlighted = self.shown.index(was) if was in self.shown else 0
        self._show_detail()

    def highlighted(self) -> object | None:
        """The item of the highlighted row (None when the list is empty)."""
        index = self.query_one(ReaderList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def _show_detail(self) -> None:
        item = self.highlighted()
        detail = self.detail(item) if item is not None else Content("")
        self.query_one("#browser-detail", Static).update(detail)

    @on(Input.Changed, "#browser-filter")
    def _filtered(self, event: Input.Changed) -> None:
        event.stop()
        self.refill()

    @on(Input.Submitted, "#browser-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose_highlighted()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose_highlighted()

    def _choose_highlighted(self) -> None:
        item = self.highlighted()
        if item is None:
            self.app.bell()
            return
        self.choose(item)

    # ----------------------------------------------------------------- actions
    def action_move(self, step: int) -> None:
        """Move the highlight while typing in the filter."""
        listing = self.query_one(ReaderList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_filter(self) -> None:
        """Back to the filter box."""
        self.query_one(Input).focus()

    def action_close(self) -> None:
        """Close, showing nothing."""
        self.dismiss(None)
