"""ReaderFooter: the keys that matter here first, and only whole ones.

Textual's ``Footer`` lists the keys of the focused widget, then the screen's, then the
app's, and cuts the row where the terminal ends (``f Corp▏`` at 80 columns). This footer
orders them by the key table's ``rank`` (help, the next term, search … before quit) and
leaves out every key from the first one that would not fit whole. Below 100 columns the
keys sit closer together (Textual's compact footer).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from nda_reader.ui.keys import by_id

UNRANKED = 100
COMPACT_BELOW = 100
"""Below this many columns the keys sit closer together."""

Shown = tuple[Binding, bool, str]
"""A binding on show, whether it is enabled, its tooltip."""


def ranked(bindings: Iterable[Shown]) -> list[Shown]:
    """One binding per action (its first), in the key table's footer order."""
    ranks = {a.id: a.rank for a in by_id().values()}
    first: dict[str, Shown] = {}
    for item in bindings:
        first.setdefault(item[0].action, item)
    return sorted(first.values(), key=lambda item: ranks.get(item[0].id or "", UNRANKED))


def key_width(key: str, description: str, compact: bool) -> int:
    """Cells a footer key takes: ``k Label`` and a margin when compact, `` k Label `` not
    (Textual's footer styles)."""
    return cell_len(key) + cell_len(description) + (2 if compact else 3)


class ReaderFooter(Footer):
    """A footer that shows the most important keys first and never cuts one."""

    def compose(self) -> ComposeResult:
        """The keys that fit, in rank order, then the palette key docked on the right."""
        if not self._bindings_ready:
            return
        width = self.app.size.width
        compact = width < COMPACT_BELOW
        self.compact = compact
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        show_palette = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        room = width
        if palette is not None and show_palette:
            binding = palette[1]
            display = self.app.get_key_display(binding)
            room -= key_width(display, binding.description, compact) + (0 if compact else 1)
        shown = [(b, enabled, tip) for (_, b, enabled, tip) in active.values() if b.show]
        for binding, enabled, tooltip in ranked(shown):
            display = self.app.get_key_display(binding)
            room -= key_width(display, binding.description, compact)
            if room < 0:
                break
            yield FooterKey(
                binding.key, display, binding.description, binding.action,
                disabled=not enabled, tooltip=tooltip,
            ).data_bind(compact=Footer.compact)  # fmt: skip
        if palette is not None and show_palette:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self) -> None:
        """Show what fits the new width."""
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)

    def shown_keys(self) -> list[str]:
        """The keys on show, left to right, as ``key Label`` (for tests)."""
        return [
            f"{k.key_display} {k.description}".strip()
            for k in self.query(FooterKey)
            if not k.has_class("-command-palette")
        ]
