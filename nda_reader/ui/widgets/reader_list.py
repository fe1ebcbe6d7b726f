"""ReaderList: the option list of every list in the reader, with j/k and a highlight in view.

Textual's ``OptionList`` keeps its highlight in view by scrolling itself, which does
nothing when the list is as tall as its rows and a container around it scrolls (the
context pane: a glossary entry above a concordance). A :class:`ReaderList` also scrolls
every container around it so the highlighted row shows, and moves with ``j``/``k`` as
well as the arrows (the ``list`` scope of the key table).

It also keeps the rendering of its rows across refills: the context pane fills its list
again after each save and each cursor move into another passage, mostly with the same
rows, and Textual renders every row of a refilled list afresh (~6 ms of a save's frame
with a concordance on show). A row whose prompt, style and width were rendered before is
taken from :attr:`ReaderList.kept_renders`, its click target moved to its new place.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size, Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from nda_reader.ui.keys import Scope, bindings_for

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

KEPT_RENDERS = 1024
"""How many rendered rows a list keeps across refills."""


def prompt_key(prompt: object) -> Hashable | None:
    """Everything a row's rendering takes from its prompt, as a key (None for a prompt of
    another kind than text, whose rendering is not kept)."""
    if isinstance(prompt, str):
        return prompt
    if isinstance(prompt, Text):
        return (
            prompt.plain,
            prompt.style,
            tuple(prompt.spans),
            prompt.justify,
            prompt.overflow,
            prompt.no_wrap,
            prompt.end,
            prompt.tab_size,
        )
    return None


def _with_meta(strip: Strip, meta: RichStyle) -> Strip:
    """``strip`` with ``meta`` in place of its own (``Strip.apply_meta`` keeps the old)."""
    segments = Segment.apply_style(list(strip), post_style=meta)
    return Strip(segments, strip.cell_length)


class ReaderList(OptionList):
    """An option list that keeps its highlighted row in view inside scrolling containers."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.LIST)

    def __init__(self, *content: Any, **kwargs: Any) -> None:
        super().__init__(*content, **kwargs)
        self.kept_renders: LRUCache[Hashable, tuple[int, list[Strip]]] = LRUCache(KEPT_RENDERS)
        """Rendered rows by what their rendering depends on, with the row index their
        click target names."""

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        """The row's lines: kept from an earlier fill (or :meth:`draw_ahead`) when the
        same text was drawn at the same width in the same style, else drawn and kept."""
        key = prompt_key(option.prompt)
        if key is None:
            return super()._get_option_render(option, style)
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        return self._kept_render(option, key, style, width, self._option_to_index[option])

    def _kept_render(
        self, option: Option, key: Hashable, style: Style, width: int, index: int
    ) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding
        full_key = (key, option._divider, style, padding, width)
        kept = self.kept_renders.get(full_key)
        if kept is None:
            strips = self._draw_row(option, style, padding, width, index)
            self.kept_renders[full_key] = (index, strips)
            return strips
        rendered_at, strips = kept
        if rendered_at != index:
            # The click target (Textual's "option" meta) names the row's index.
            lines = len(strips) - option._divider
            meta = RichStyle.from_meta({"option": index})
            strips = [_with_meta(strip, meta) for strip in strips[:lines]] + strips[lines:]
            self.kept_renders[full_key] = (index, strips)
        return strips

    def _draw_row(
        self, option: Option, style: Style, padding: Spacing, width: int, index: int
    ) -> list[Strip]:
        """Row ``index`` drawn ``width`` cells wide, as Textual's ``OptionList`` draws it."""
        visual = self._get_visual(option)
        if padding:
            visual = Padding(visual, padding)
        drawn = visual.to_strips(self, visual, width, None, style)
        meta = {"option": index}
        strips = [s.extend_cell_length(width, style.rich_style).apply_meta(meta) for s in drawn]
        if option._divider:
            rule = self.get_visual_style("option-list--separator")
            strips.append(Strip([Segment("─" * width, rule.rich_style)], width))
        return strips

    def draw_ahead(self, options: Sequence[Option], room: Size) -> Iterator[None]:
        """Draw and measure ``options`` as the rows of this list filled with them, not
        highlighted, in a list given ``room`` (its container's content size): filling
        the list with them then draws nothing new if it gets that room. A generator that
        measures or draws one row at each step, so that its caller can let keys in
        between steps."""
        padding = self.get_component_styles("option-list--option").padding
        width = room.width - self._get_left_gutter_width()
        rules = cast("RulesMap", self.styles)  # as Textual's own list measures its rows
        height = 0
        for option in options:  # every row takes room, whatever its prompt
            height += self._get_visual(option).get_height(rules, width - padding.width)
            height += option._divider
            yield
        if height > room.height:  # taller than its room (max-height: 100%): a scroll bar
            width -= self.styles.scrollbar_size_vertical
        for index, option in enumerate(options):
            key = prompt_key(option.prompt)
            if key is None:  # drawn by Textual when shown, not kept
                continue
            self._get_visual(option).get_height(rules, width - padding.width)
            state = ("option-list--option-disabled",) if option.disabled else ()
            style = self.get_visual_style("option-list--option", *state)
            self._kept_render(option, key, style, width, index)
            yield

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll the list, then the containers around it, to the highlighted row (the
        first row brings what is above it into view too: the entry above a concordance)."""
        super().scroll_to_highlight(top)
        index = self.highlighted
        line = self._index_to_line.get(index) if index is not None else None
        area = self.content_region
        if index is None or line is None or not area:
            return
        if index == self.first_enabled():
            self._scroll_containers(0, first=True)
            return
        y = area.y + line - round(self.scroll_offset.y)
        self._scroll_containers(y, height=self._heights.get(index, 1))

    def first_enabled(self) -> int | None:
        """The index of the first row that can be chosen (None: no such row)."""
        return next(
            (i for i in range(self.option_count) if not self.get_option_at_index(i).disabled),
            None,
        )

    def _scroll_containers(self, y: int, height: int = 1, *, first: bool = False) -> None:
        """Scroll each scrolling container around the list so that screen rows
        ``[y, y + height)`` show (to its top for the ``first`` row)."""
        widget: Widget = self
        while isinstance(widget.parent, Widget):
            container = widget.parent
            widget = container
            if not container.allow_vertical_scroll:
                continue
            if first:
                container.scroll_home(animate=False, immediate=True)
                continue
            view = container.scrollable_content_region
            shift = 0
            if y < view.y:
                shift = y - view.y
            elif y + height > view.bottom:
                shift = min(y - view.y, y + height - view.bottom)
            if shift:
                before = container.scroll_offset.y
                container.scroll_to(y=before + shift, animate=False, immediate=True)
                y -= round(container.scroll_offset.y - before)

    def action_move(self, step: int) -> None:
        """Move the highlight by ``step`` rows (``j``/``k``)."""
        self.action_cursor_down() if step > 0 else self.action_cursor_up()

    def action_page_down(self) -> None:
        """Move the highlight a page down, once the rows are measured."""
        if self._measured():
            super().action_page_down()  # type: ignore[no-untyped-call]

    def action_page_up(self) -> None:
        """Move the highlight a page up, once the rows are measured."""
        if self._measured():
            super().action_page_up()  # type: ignore[no-untyped-call]

    def _measured(self) -> bool:
        """True when the highlighted row has a place: a page key pressed as the list was
        filled, before it had a size, found none, and Textual raised ``KeyError``."""
        self._update_lines()
        return (self.highlighted or 0) in self._index_to_line
