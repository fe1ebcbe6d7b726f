"""Painting one display line of a document: gutter marks, highlights, speaker colours.

A :class:`LinePainter` turns a :class:`~nda_reader.reading.wrapping.DisplayLine` into a
styled :class:`~textual.strip.Strip` and keeps the strips it painted until told to forget
them. It is handed what to show as a :class:`Scene`, and looks its colours up by short
name ("term", "cursor", ...) through a callable, when it paints: the view maps the names
to its component classes (:data:`COMPONENT_CLASSES`), so a theme switch restyles everything.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip

from nda_reader.corpus.term_index import Occurrence, Occurrences
from nda_reader.reading.doc_index import DocMarks
from nda_reader.reading.motions import Selection
from nda_reader.reading.navigation import CursorState, DocSpan, Navigator
from nda_reader.reading.parallel import NO_ECHO, Echo
from nda_reader.reading.shown_text import shown_line
from nda_reader.reading.wrapping import DisplayLine, LineKind

GUTTER = 4
"""Cells left of the text: link mark, note mark, speaker bar, a space."""
LINK_GLYPH = "»"
NOTE_GLYPH = "✎"
BAR_GLYPH = "▌"

COMPONENT_CLASSES = {
    "document-view--term",
    "document-view--term-current",
    "document-view--cursor",
    "document-view--match",
    "document-view--target",
    "document-view--heading",
    "document-view--link-marker",
    "document-view--note-marker",
    "document-view--muted",
    "document-view--selection",
    *(f"document-view--speaker-{n}" for n in range(1, 7)),
}
"""The view's component classes: ``document-view--NAME`` for each style NAME painted."""

CANVAS_CSS = """
DocumentCanvas { overflow-x: hidden; overflow-y: scroll; scrollbar-size-vertical: 1; }
DocumentCanvas > .document-view--term { color: $term-highlight; text-style: underline; }
DocumentCanvas > .document-view--term-current {
    background: $term-current; text-style: bold underline;
}
DocumentCanvas > .document-view--cursor { background: $cursor-passage; }
DocumentCanvas > .document-view--match { background: $match-highlight; }
DocumentCanvas > .document-view--target { background: $match-highlight; text-style: bold; }
DocumentCanvas > .document-view--heading { color: $primary; text-style: bold; }
DocumentCanvas > .document-view--link-marker { color: $link-marker; text-style: bold; }
DocumentCanvas > .document-view--note-marker { color: $note-marker; text-style: bold; }
DocumentCanvas > .document-view--muted { color: $muted-text; }
DocumentCanvas > .document-view--selection { background: $selection; }
""" + "".join(
    f"DocumentCanvas > .document-view--speaker-{n} {{ color: $speaker-{n}; }}\n"
    for n in range(1, 7)
)
"""The canvas's default styles: each component class coloured by a theme variable."""

StyleOf = Callable[[str], Style]
"""Looks up a style by short name: ``"term"`` for ``document-view--term``."""


@dataclass(frozen=True, slots=True)
class Scene:
    """What the painted lines show: the view's lines and marks, and what is highlighted."""

    navigator: Navigator
    """The display lines, the parts' bodies and their link and note marks."""
    occurrences: Occurrences
    """The glossary occurrences, underlined."""
    cursor: CursorState
    """The cursor: its passage gets a background, its term stands out."""
    matches: Sequence[DocSpan]
    target: DocSpan | None
    selection: Selection | None
    echo: Echo = NO_ECHO
    """Passages shown like the cursor's, and terms like its term (parallel view)."""


class LinePainter:
    """Paints display lines into strips, caching them by line, cursor passage and term."""

    def __init__(self, style: StyleOf) -> None:
        self._style = style
        self._cache: LRUCache[tuple[int, bool, int], Strip] = LRUCache(1024)
        self._occ_starts: dict[str, tuple[Sequence[Occurrence], list[int]]] = {}

    def clear(self) -> None:
        """Forget painted lines (the lines, a highlight or the styles changed)."""
        self._cache.clear()

    def forget_from(self, y: int) -> None:
        """Forget painted lines from display line ``y`` on (the layout grew there)."""
        for key in [k for k in list(self._cache.keys()) if k[0] >= y]:
            self._cache.discard(key)

    def forget_changed(
        self, navigator: Navigator, before: DocMarks | None, shown: Region
    ) -> list[Region] | None:
        """Forget the painted lines whose marks differ from ``before`` (the marks of the
        same lines before a save), or all of them when ``before`` is None or the glossary
        occurrences changed: a saved note repaints its own passage only. Returns where
        the lines of ``shown`` (the display lines on screen) to paint again are, relative
        to it (one region per line), or None for all of them."""
        passages = navigator.marks.changed_passages(before) if before is not None else None
        if passages is None:
            self.clear()
            return None
        for key in list(self._cache.keys()):
            line = navigator.line(key[0])
            if line is None or (line.doc_id, line.block) in passages:
                self._cache.discard(key)
        return self.lines_of(navigator, passages, shown)

    @staticmethod
    def lines_of(
        navigator: Navigator, passages: set[tuple[str, int]], shown: Region
    ) -> list[Region]:
        """Where the display lines of ``shown`` that belong to ``passages`` (part id,
        block) are, relative to ``shown``, one region per line (lines of no passage too)."""
        return [
            Region(0, y - shown.y, shown.width, 1)
            for y in range(shown.y, shown.bottom)
            if (line := navigator.line(y)) is None or (line.doc_id, line.block) in passages
        ]

    def paint(self, y: int, scene: Scene, *, width: int, base: Style, console: Console) -> Strip:
        """Display line ``y`` of ``scene``, ``width`` cells wide on ``base`` style.

        A painted line is reused while it is in (or out of) the cursor's passage with the
        same current term on it: :meth:`clear` when anything else in the scene changes.
        """
        nav = scene.navigator
        line = nav.line(y)
        if line is None:
            return Strip.blank(width, base)
        passage = (line.doc_id, line.block)
        in_cursor = line.kind is LineKind.TEXT and (
            passage == nav.current_block(scene.cursor) or passage in scene.echo.blocks
        )
        term = scene.cursor.term
        term_here = (
            term.start
            if term is not None
            and term.doc == line.doc_id
            and term.end > line.start
            and term.start < line.end
            else -1
        )
        key = (y, in_cursor, term_here)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._draw(line, scene, in_cursor, width, base, console)
            self._cache[key] = strip
        return strip

    def _draw(
        self,
        line: DisplayLine,
        scene: Scene,
        in_cursor: bool,
        width: int,
        base: Style,
        console: Console,
    ) -> Strip:
        if in_cursor:
            base = base + self._style("cursor")
        text = Text(style=base, no_wrap=True, end="")
        text.append_text(self._gutter(line, scene))
        if line.kind in (LineKind.SEPARATOR, LineKind.HIDDEN):
            text.append(line.caption, self._style("muted"))
        elif line.kind is LineKind.TEXT:
            text.append(line.prefix, self._style("muted"))
            text.append_text(self._body_text(line, scene))
        segments = list(text.render(console))
        strip = Strip(segments, text.cell_len)
        return strip.crop_extend(0, width, base)

    def _gutter(self, line: DisplayLine, scene: Scene) -> Text:
        marks, layout = scene.navigator.marks, scene.navigator.layout
        gutter = Text(no_wrap=True, end="")
        key = (line.doc_id, line.block)
        first = line.kind is LineKind.TEXT and line.first
        gutter.append(
            LINK_GLYPH if first and key in marks.links else " ", self._style("link-marker")
        )
        gutter.append(
            NOTE_GLYPH if first and key in marks.notes else " ", self._style("note-marker")
        )
        if line.turn >= 0:
            slot = layout.speaker_slots.get(layout.turn_speaker(line.turn), 1)
            gutter.append(BAR_GLYPH, self._style(f"speaker-{slot}"))
        else:
            gutter.append(" ")
        gutter.append(" " * (GUTTER - 3))
        return gutter

    def _occurrence_starts(self, occurrences: Occurrences, doc_id: str) -> list[int]:
        """Start offsets of the glossary occurrences in ``doc_id`` (cached per index)."""
        occs = occurrences.in_doc(doc_id)
        cached = self._occ_starts.get(doc_id)
        if cached is None or cached[0] is not occs:
            cached = (occs, [o.start for o in occs])
            self._occ_starts[doc_id] = cached
        return cached[1]

    def _body_text(self, line: DisplayLine, scene: Scene) -> Text:
        layout = scene.navigator.layout
        body = scene.navigator.marks.body(line.doc_id)
        s, e = line.start, line.end
        shown = shown_line(body, s, e)
        text = Text(shown.text, no_wrap=True, end="")
        if line.heading:
            text.stylize(self._style("heading"))
        if line.label and line.turn >= 0:
            slot = layout.speaker_slots.get(layout.turn_speaker(line.turn), 1)
            text.stylize(self._style(f"speaker-{slot}") + Style(bold=True))

        def mark(start: int, end: int, style: Style) -> None:
            a, b = max(start, s), min(end, e)
            if a < b:
                text.stylize(style, shown.index(a), shown.index(b))

        term_style = self._style("term")
        occs = scene.occurrences.in_doc(line.doc_id)
        # Occurrences are sorted and never overlap: bisect to the line instead of scanning.
        starts = self._occurrence_starts(scene.occurrences, line.doc_id)
        i = max(0, bisect.bisect_left(starts, s) - 1)
        while i < len(occs) and occs[i].start < e:
            if occs[i].end > s:
                mark(occs[i].start, occs[i].end, term_style)
            i += 1
        match_style = self._style("match")
        for doc_id, ms, me in scene.matches:
            if doc_id == line.doc_id:
                mark(ms, me, match_style)
        target = scene.target
        if target and target[0] == line.doc_id:
            mark(target[1], target[2], self._style("target"))
        term = scene.cursor.term
        if term is not None and term.doc == line.doc_id:
            mark(term.start, term.end, self._style("term-current"))
        for doc_id, es, ee in scene.echo.terms:
            if doc_id == line.doc_id:
                mark(es, ee, self._style("term-current"))
        sel = scene.selection
        if sel is not None and sel.doc_id == line.doc_id:
            mark(sel.start, sel.end, self._style("selection"))
        return text
