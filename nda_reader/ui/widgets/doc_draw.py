"""Drawing one display line of a DocumentView: gutter marks, highlights, speaker colours.

Kept apart from the widget so that :mod:`document_view` stays about state and the Line
API; every colour comes from the widget's component classes (theme variables).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import Occurrence
from nda_reader.lang.terminal_text import display_text
from nda_reader.reading.doc_index import DocMarks
from nda_reader.reading.wrapping import DisplayLine, Layout, LineKind

GUTTER = 4
"""Cells left of the text: link mark, note mark, speaker bar, a space."""
LINK_GLYPH = "»"
NOTE_GLYPH = "✎"
BAR_GLYPH = "▌"


class DrawingMixin:
    """Turns a :class:`DisplayLine` into a styled :class:`Strip`; mixed into DocumentView."""

    corpus: Corpus
    flow: Layout
    marks: DocMarks
    matches: list[tuple[str, int, int]]
    target: tuple[str, int, int] | None
    _occ_starts: dict[str, tuple[list[Occurrence], list[int]]]

    if TYPE_CHECKING:  # provided by DocumentView and Textual's Widget
        cursor: Any
        selection: Any
        rich_style: Style
        app: Any

        def get_component_rich_style(
            self, *names: str, partial: bool = False, default: Style | None = None
        ) -> Style: ...

        def _body(self, doc_id: str) -> str: ...

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"document-view--{name}", partial=True)

    def _draw(self, line: DisplayLine, in_cursor: bool, width: int) -> Strip:
        base = self.rich_style
        if in_cursor:
            base = base + self._style("cursor")
        text = Text(style=base, no_wrap=True, end="")
        text.append_text(self._gutter(line))
        if line.kind in (LineKind.SEPARATOR, LineKind.HIDDEN):
            text.append(line.caption, self._style("muted"))
        elif line.kind is LineKind.TEXT:
            text.append(line.prefix, self._style("muted"))
            text.append_text(self._body_text(line))
        segments = list(text.render(self.app.console))
        strip = Strip(segments, text.cell_len)
        return strip.crop_extend(0, width, base)

    def _gutter(self, line: DisplayLine) -> Text:
        gutter = Text(no_wrap=True, end="")
        key = (line.doc_id, line.block)
        first = line.kind is LineKind.TEXT and line.first
        gutter.append(
            LINK_GLYPH if first and key in self.marks.links else " ", self._style("link-marker")
        )
        gutter.append(
            NOTE_GLYPH if first and key in self.marks.notes else " ", self._style("note-marker")
        )
        if line.turn >= 0:
            slot = self.flow.speaker_slots.get(self.flow.turn_speaker(line.turn), 1)
            gutter.append(BAR_GLYPH, self._style(f"speaker-{slot}"))
        else:
            gutter.append(" ")
        gutter.append(" " * (GUTTER - 3))
        return gutter

    def _occurrence_starts(self, doc_id: str) -> list[int]:
        """Start offsets of the glossary occurrences in ``doc_id`` (cached per index)."""
        occs = self.corpus.occurrences.in_doc(doc_id)
        cached = self._occ_starts.get(doc_id)
        if cached is None or cached[0] is not occs:
            cached = (occs, [o.start for o in occs])
            self._occ_starts[doc_id] = cached
        return cached[1]

    def _body_text(self, line: DisplayLine) -> Text:
        body = self._body(line.doc_id)
        s, e = line.start, line.end
        text = Text(display_text(body[s:e]), no_wrap=True, end="")
        if line.heading:
            text.stylize(self._style("heading"))
        if line.label and line.turn >= 0:
            slot = self.flow.speaker_slots.get(self.flow.turn_speaker(line.turn), 1)
            text.stylize(self._style(f"speaker-{slot}") + Style(bold=True))

        def mark(start: int, end: int, style: Style) -> None:
            a, b = max(start, s), min(end, e)
            if a < b:
                text.stylize(style, a - s, b - s)

        term_style = self._style("term")
        occs = self.corpus.occurrences.in_doc(line.doc_id)
        # Occurrences are sorted and never overlap: bisect to the line instead of scanning.
        i = max(0, bisect.bisect_left(self._occurrence_starts(line.doc_id), s) - 1)
        while i < len(occs) and occs[i].start < e:
            if occs[i].end > s:
                mark(occs[i].start, occs[i].end, term_style)
            i += 1
        match_style = self._style("match")
        for doc_id, ms, me in self.matches:
            if doc_id == line.doc_id:
                mark(ms, me, match_style)
        if self.target and self.target[0] == line.doc_id:
            mark(self.target[1], self.target[2], self._style("target"))
        term = self.cursor.term
        if term is not None and term.doc == line.doc_id:
            mark(term.start, term.end, self._style("term-current"))
        sel = self.selection
        if sel is not None and sel.doc_id == line.doc_id:
            mark(sel.start, sel.end, self._style("selection"))
        return text
