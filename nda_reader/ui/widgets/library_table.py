"""LibraryTable: the library's list of documents, one row each, drawn line by line.

Like the document view it uses Textual's Line API: only the rows on screen are rendered, so
a library of thousands of documents shows as fast as one of five (Textual's ``DataTable``
measures every cell of every row first). A header line stays on top; the highlighted row
is the cursor, odd rows are striped. The screen moves the cursor (its keys are in the key
table); a click highlights a row, a click on the highlighted row opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its heading and its width in cells (without the padding)."""

    label: str
    width: int


def fit(text: str, width: int) -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    if cell_len(text) > width:
        out, used = [], 0
        for ch in text:
            if used + cell_len(ch) > width - 1:
                break
            out.append(ch)
            used += cell_len(ch)
        text = "".join(out) + "…"
    return text + " " * (width - cell_len(text))


class LibraryTable(ScrollView, can_focus=True):
    """Rows of cells under a header, with a row cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-table--header",
        "library-table--cursor",
        "library-table--odd",
    }

    DEFAULT_CSS = """
    LibraryTable { overflow-x: hidden; overflow-y: auto; scrollbar-size-vertical: 1; }
    LibraryTable > .library-table--header { text-style: bold; background: $panel; }
    LibraryTable > .library-table--odd { background: $surface; }
    LibraryTable > .library-table--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; text-style: bold; }
    LibraryTable:blur > .library-table--cursor { background: $block-cursor-blurred-background;
        text-style: none; }
    """

    cursor_row: reactive[int] = reactive(0, init=False)
    """The highlighted row."""

    class Highlighted(Message):
        """The cursor moved to row ``row``."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    class Chosen(Message):
        """Row ``row`` was clicked while highlighted."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.rows: list[list[str]] = []

    def set_rows(self, columns: list[Column], rows: list[list[str]]) -> None:
        """Show ``rows`` (one string per column) under ``columns``; the cursor stays on its
        row number (within the new rows)."""
        self.columns, self.rows = columns, rows
        width = sum(c.width + 2 for c in columns)
        self.virtual_size = Size(width, len(rows) + 1)
        self.set_reactive(LibraryTable.cursor_row, min(self.cursor_row, max(0, len(rows) - 1)))
        self._keep_in_view()
        self.refresh()
        self.post_message(self.Highlighted(self.cursor_row))

    @property
    def row_count(self) -> int:
        """How many rows there are."""
        return len(self.rows)

    def move_cursor(self, row: int) -> None:
        """Highlight ``row`` (clamped) and scroll it into view."""
        if self.rows:
            self.cursor_row = max(0, min(row, len(self.rows) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        """Scroll to the cursor, repaint the two rows, say where it is."""
        self._keep_in_view()
        self.refresh()
        self.post_message(self.Highlighted(new))

    @property
    def page(self) -> int:
        """Rows shown at once."""
        return max(1, self.scrollable_content_region.height - 1)

    def _keep_in_view(self) -> None:
        top, row = round(self.scroll_offset.y), self.cursor_row
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + self.page:
            self.scroll_to(y=row - self.page + 1, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        """The header (line 0) or a row."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            cells = [c.label for c in self.columns]
            style = base + self.get_component_rich_style("library-table--header")
        else:
            row = round(self.scroll_offset.y) + y - 1
            if not 0 <= row < len(self.rows):
                return Strip.blank(width, base)
            cells = self.rows[row]
            style = base
            if row == self.cursor_row:
                style += self.get_component_rich_style("library-table--cursor")
            elif row % 2:
                style += self.get_component_rich_style("library-table--odd")
        text = "".join(f" {fit(v, c.width)} " for v, c in zip(cells, self.columns, strict=False))
        return Strip([Segment(fit(text, width) if width else "", style)], width)

    def on_click(self, event: events.Click) -> None:
        """A click highlights a row; on the highlighted row it chooses it."""
        if event.y < 1:
            return
        row = round(self.scroll_offset.y) + event.y - 1
        if not 0 <= row < len(self.rows):
            return
        if row == self.cursor_row:
            self.post_message(self.Chosen(row))
        else:
            self.cursor_row = row

    def notify_style_update(self) -> None:
        """Theme or CSS changed: draw again."""
        super().notify_style_update()
        self.refresh()
