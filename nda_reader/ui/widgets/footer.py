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

Planned = tuple[str, str, str, str, str, bool, str]
"""A footer key to show: key, its display, description, action, classes, disabled, tooltip."""


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

    _planned: tuple[bool, list[Planned]] | None = None
    """The keys last composed (see :meth:`recompose`)."""

    def _plan(self) -> tuple[bool, list[Planned]]:
        """Whether compact, and the keys that fit: ``FooterKey`` arguments, in rank order,
        then the palette key docked on the right."""
        width = self.app.size.width
        compact = width < COMPACT_BELOW
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        show_palette = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        room = width
        if palette is not None and show_palette:
            binding = palette[1]
            display = self.app.get_key_display(binding)
            room -= key_width(display, binding.description, compact) + (0 if compact else 1)
        shown = [(b, enabled, tip) for (_, b, enabled, tip) in active.values() if b.show]
        keys: list[Planned] = []
        for binding, enabled, tooltip in ranked(shown):
            display = self.app.get_key_display(binding)
            room -= key_width(display, binding.description, compact)
            if room < 0:
                break
            keys.append((binding.key, display, binding.description, binding.action, "",
                         not enabled, tooltip))  # fmt: skip
        if palette is not None and show_palette:
            _node, binding, enabled, tooltip = palette
            keys.append((binding.key, self.app.get_key_display(binding), binding.description,
                         binding.action, "-command-palette", not enabled,
                         binding.tooltip or binding.description))  # fmt: skip
        return compact, keys

    def compose(self) -> ComposeResult:
        """The keys that fit, in rank order, then the palette key docked on the right."""
        if not self._bindings_ready:
            return
        compact, keys = self._plan()
        self.compact = compact
        self._planned = (compact, keys)
        for key, display, description, action, classes, disabled, tooltip in keys:
            footer_key = FooterKey(
                key, display, description, action,
                classes=classes, disabled=disabled, tooltip=tooltip,
            )  # fmt: skip
            # Born with its style (the palette key always compact, as Textual has it;
            # the others bound to the footer's): otherwise each key is restyled twice as
            # it mounts, compact by default and then the footer's value, which cost more
            # than the rest of the footer's first paint.
            key_compact = compact or bool(classes)
            footer_key.set_reactive(FooterKey.compact, key_compact)
            footer_key.set_class(key_compact, "-compact", update=False)
            if not classes:
                footer_key.data_bind(compact=Footer.compact)
            yield footer_key

    async def recompose(self) -> None:
        """Compose again only when the keys to show changed (a focus change, a resize
        and new bindings all ask; most change nothing here)."""
        if self._planned is not None and self._bindings_ready and self.is_attached:
            compact, keys = self._plan()
            if (compact, keys) == self._planned:
                return
        await super().recompose()

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
