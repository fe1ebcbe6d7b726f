"""How a selection starts, grows and is clamped in a laid-out document (pure logic).

A selection starts at the cursor (the search match on its line, else the term under it,
else the word there) and its head then moves by character, word, sentence, passage or
display line (see :mod:`nda_reader.reading.motions`). It is a range of *one* part: a
mouse drag past the part's edge stops at the edge. The annotation keys act on the
selection trimmed of spaces, or without one on the passage under the cursor.
"""

from __future__ import annotations

from nda_reader.reading import motions as motion
from nda_reader.reading.motions import Selection
from nda_reader.reading.navigation import CursorState, DocSpan, Navigator, Nowhere
from nda_reader.reading.shown_text import shown_line
from nda_reader.reading.wrapping import LineKind


class Selector:
    """Computes selections over the lines and parts a :class:`Navigator` navigates.

    Keeps no selection of its own: each method takes the current one and returns the next.
    """

    def __init__(self, navigator: Navigator) -> None:
        self.navigator = navigator
        """Where the display lines, the parts and the cursor's position come from."""

    def start(self, cursor: CursorState, match: DocSpan | None = None) -> Selection:
        """A selection at ``cursor``: ``match`` (the current search match) if it is on the
        cursor's line, else the term under the cursor, else the word there."""
        nav = self.navigator
        line = nav.line(cursor.y)
        doc_id, offset = nav.position(cursor)
        if line is not None and line.kind is LineKind.TEXT:
            doc_id = line.doc_id
            if match is not None:
                m_doc, m_start, m_end = match
                if m_doc == doc_id and line.start <= m_start < max(line.end, line.start + 1):
                    return Selection(doc_id, m_start, m_end)
        term = cursor.term
        if term is not None:
            return Selection(term.doc, term.start, term.end)
        start, end = motion.word_at(nav.marks.body(doc_id), offset)
        return Selection(doc_id, start, end)

    def moved(self, sel: Selection, unit: str, step: int) -> Selection:
        """``sel`` with its head moved ``step`` (1 or -1) ``unit``: ``char``, ``word``,
        ``sentence``, ``paragraph`` (a passage) or ``line`` (a display line)."""
        body = self.navigator.marks.body(sel.doc_id)
        head = sel.head
        if unit == "char":
            head = motion.char_step(body, head, step)
        elif unit == "word":
            head = (motion.word_forward if step > 0 else motion.word_backward)(body, head)
        elif unit == "sentence":
            blocks = self._block_spans(sel.doc_id)
            head = (
                motion.sentence_forward(body, blocks, head)
                if step > 0
                else motion.sentence_backward(body, blocks, head)
            )
        elif unit == "paragraph":
            blocks = self._block_spans(sel.doc_id)
            head = (
                motion.paragraph_forward(blocks, head, len(body))
                if step > 0
                else motion.paragraph_backward(blocks, head)
            )
        elif unit == "line":
            head = self._line_step(sel, step)
        return sel.moved(head, len(body))

    def _block_spans(self, doc_id: str) -> list[tuple[int, int]]:
        doc = self.navigator.marks.part(doc_id)
        return [(b.start, b.end) for b in doc.blocks] if doc else []

    def _line_step(self, sel: Selection, step: int) -> int:
        """The offset on the next/previous display line of the same part, same column."""
        nav = self.navigator
        lines = nav.layout.lines
        y = nav.layout.line_at(sel.doc_id, sel.head)
        if y is None:
            return sel.head
        body = nav.marks.body(sel.doc_id)
        column = shown_line(body, lines[y].start, lines[y].end).cells_before(sel.head)
        target = y + step
        while 0 <= target < len(lines):
            other = lines[target]
            if other.kind is LineKind.TEXT:
                if other.doc_id != sel.doc_id:
                    break
                return nav.offset_in(other, column)
            target += step
        return 0 if step < 0 else len(body)

    def dragged(self, anchor: tuple[str, int], here: tuple[str, int]) -> Selection:
        """The selection of a mouse drag from ``anchor`` to ``here`` (part id, offset each),
        clamped to the anchor's part."""
        doc_id, start = anchor
        part, head = here
        if part != doc_id:  # past the part's edge: clamp to it
            order = self.navigator.marks.part_index
            head = 0 if order[part] < order[doc_id] else len(self.navigator.marks.body(doc_id))
        return Selection(doc_id, start, head)

    def target(self, sel: Selection | None, cursor: CursorState) -> DocSpan | Nowhere:
        """What the annotation keys act on: ``sel`` without its outer spaces, or without a
        selection the passage under ``cursor``."""
        marks = self.navigator.marks
        if sel is not None:
            start, end = motion.trimmed(marks.body(sel.doc_id), sel.start, sel.end)
            if start >= end:
                return Nowhere("Select some text first: extend with l, w, ) or }")
            return sel.doc_id, start, end
        doc_id, block = self.navigator.current_block(cursor)
        doc = marks.part(doc_id)
        if doc is None or not 0 <= block < len(doc.blocks):
            return Nowhere("Put the cursor on a passage first")
        return doc_id, doc.blocks[block].start, doc.blocks[block].end
