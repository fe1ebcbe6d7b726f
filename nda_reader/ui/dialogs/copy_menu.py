"""CopyMenu: what ``y`` can copy here, one key each, with what each would copy.

The rows come from the key table's ``copy`` scope (so a keymap moves them) and show the
text each key copies; only what is there is offered (no hanzi without a term under the
cursor). Dismisses with the chosen name (``hanzi``, ``pinyin``, ``english``, ``text``,
``cited``) or None.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label

from nda_reader.lang.terminal_text import one_line
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for, keymap_of, keys_text, table

PREVIEW = 60
_CHOICE = re.compile(r"copy\('(\w+)'\)")
"""The action of a copy key: ``copy('hanzi')``."""


class CopyMenu(FreshModalScreen[str | None]):
    """Choose what to copy: ``choices`` maps a name to the text it copies."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.COPY,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.COPY)

    DEFAULT_CSS = """
    CopyMenu { align: center bottom; background: transparent; }
    CopyMenu > #copy-box {
        width: 100%; height: auto; padding: 0 1; background: $surface;
        border-top: hkey $primary;
    }
    CopyMenu #copy-title { text-style: bold; color: $text; }
    CopyMenu .copy-row { width: 100%; text-wrap: nowrap; text-overflow: ellipsis; }
    CopyMenu #copy-hint { color: $muted-text; }
    """

    def __init__(self, choices: dict[str, str]) -> None:
        super().__init__()
        self.choices = choices

    def compose(self) -> ComposeResult:
        """A row per choice: its key, what it is, and the start of what it copies."""
        keymap = keymap_of(self.app)
        rows = [
            (keys_text(a, keymap), a.title, found.group(1))
            for a in table()
            if a.scope is Scope.COPY and (found := _CHOICE.fullmatch(a.action))
        ]
        rows = [r for r in rows if r[2] in self.choices]
        width = max((cell_len(k) for k, _, _ in rows), default=1)
        titles = max((cell_len(t) for _, t, _ in rows), default=1)
        room = max(10, min(PREVIEW, self.app.size.width - width - titles - 8))
        with Vertical(id="copy-box"):
            yield Label("Copy to the clipboard:", id="copy-title", markup=False)
            for keys, title, name in rows:
                preview = one_line(self.choices[name])
                if cell_len(preview) > room:
                    while cell_len(preview) > room - 1:
                        preview = preview[:-1]
                    preview += "…"
                yield Label(
                    Content.assemble(
                        (keys.ljust(width), "bold $accent"),
                        "  ",
                        (title.ljust(titles), "bold $text"),
                        "  ",
                        (preview, "$muted-text"),
                    ),
                    classes="copy-row",
                )
            yield Label("esc copies nothing", id="copy-hint", markup=False)

    def action_copy(self, name: str) -> None:
        """Copy ``name``'s text (when it is offered here)."""
        if name in self.choices:
            self.dismiss(name)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        """Copy nothing."""
        self.dismiss(None)
