"""Selecting text in a :class:`~nda_reader.ui.widgets.document_view.DocumentView` by keys or mouse.

``v`` starts a selection at the cursor (the search match or term under it, else the word
there); the keys below then move its head by character, word, sentence, passage or display
line, and the annotation keys act on it. A selection is a body range ``[start, end)`` of
*one* part: it is clamped so it never crosses into another part of a multi-part document.
Outside a selection the annotation keys ``m``, ``p`` and ``r`` act on the passage under the
cursor. The view only posts :class:`Annotate`; the reading screen opens the forms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from nda_reader.corpus.document import Document
from nda_reader.lang.terminal_text import display_text
from nda_reader.reading import motions as motion
from nda_reader.reading.doc_index import DocMarks
from nda_reader.reading.motions import Selection
from nda_reader.reading.wrapping import DisplayLine, Layout, LineKind

if TYPE_CHECKING:
    from nda_reader.ui.widgets.document_view import DocumentView

SELECTION_BINDINGS: list[BindingType] = [
    Binding("v", "select", "Select"),
    Binding("shift+right", "extend('char', 1)", "Extend right", show=False),
    Binding("shift+left", "extend('char', -1)", "Extend left", show=False),
    Binding("ctrl+right", "extend('word', 1)", "Extend a word", show=False),
    Binding("ctrl+left", "extend('word', -1)", "Shrink a word", show=False),
    Binding("l", "sel('char', 1)", "Character right", show=False),
    Binding("h", "sel('char', -1)", "Character left", show=False),
    Binding("w", "sel('word', 1)", "Word forward", show=False),
    Binding("b", "sel('word', -1)", "Word back", show=False),
    Binding("right_parenthesis", "sel('sentence', 1)", "Sentence forward", show=False),
    Binding("left_parenthesis", "sel('sentence', -1)", "Sentence back", show=False),
    Binding("right_curly_bracket", "sel('paragraph', 1)", "Passage forward", show=False),
    Binding("left_curly_bracket", "sel('paragraph', -1)", "Passage back", show=False),
    Binding("j,down,shift+down", "sel('line', 1)", "Line down", show=False),
    Binding("k,up,shift+up", "sel('line', -1)", "Line up", show=False),
    Binding("escape", "sel_cancel", "Cancel"),
    Binding("g", "annotate('term')", "Term"),
    Binding("G", "annotate('alias')", "Alias"),
    Binding("m", "annotate('note')", "Note"),
    Binding("p", "annotate('turn')", "Speaker"),
    Binding("r", "annotate('link')", "Link"),
    Binding("m", "passage('note')", "Note on passage", show=False),
    Binding("p", "passage('turn')", "Speaker turn from passage", show=False),
    Binding("r", "passage('link')", "Cross-reference end", show=False),
]
"""Keys of selecting and annotating (see docs/reader-keys.md)."""

SELECTING_HELP: list[tuple[str, str]] = [
    ("v", "Select: start at the cursor (search match, term or word); v again stops"),
    ("shift+← →, ctrl+← →", "Select or extend by a character / a word"),
    ("h l, w b", "While selecting: extend by a character / a word"),
    (") (, } {", "While selecting: extend by a sentence / a passage"),
    ("j k", "While selecting: extend by a line"),
    ("g", "While selecting: new glossary term from the selection"),
    ("G", "While selecting: add the selection as an alias of an entry"),
    ("m, p, r", "Note, speaker turn, cross-reference end: on the selection or passage"),
    ("esc", "While selecting: stop, without any change"),
    ("e, d (context list)", "Edit / delete the annotation on the highlighted row"),
]
"""Help rows for the selecting keys, which are only active while selecting."""

ALWAYS = frozenset({"select", "extend", "passage"})
"""Actions that work with and without a selection."""
SELECTING = frozenset({"sel", "sel_cancel", "annotate"})
"""Actions only while selecting (the others only while not)."""


class SelectionMixin:
    """Keyboard and mouse selection; mixed into DocumentView."""

    selection: Selection | None
    flow: Layout
    marks: DocMarks
    parts: list[Document]
    _drag: tuple[str, int] | None
    _dragged: bool
    gutter_cells: int
    """Cells of the gutter left of the text (markers, speaker bar)."""

    if TYPE_CHECKING:  # provided by DocumentView / Widget

        def _line(self, y: int) -> DisplayLine | None: ...

        def _body(self, doc_id: str) -> str: ...

        def _set_cursor(self, y: int, term: Any, *, scroll: str = "nearest") -> None: ...

        def invalidate(self) -> None: ...

        def say(self, message: str) -> None: ...

        def refresh_bindings(self) -> None: ...

        def post_message(self, message: Message) -> bool: ...

        def position(self) -> tuple[str, int]: ...

        def current_block(self) -> tuple[str, int]: ...

        def capture_mouse(self, capture: bool = True) -> None: ...

        def release_mouse(self) -> None: ...

        def focus(self, scroll_visible: bool = True) -> Any: ...

        cursor: Any
        matches: list[tuple[str, int, int]]
        match_index: int
        scroll_offset: Any

    class Annotate(Message):
        """Annotate the selection (or the passage under the cursor): ``kind`` is
        ``term``, ``alias``, ``note``, ``turn`` or ``link``."""

        def __init__(self, view: DocumentView, kind: str, doc_id: str, start: int, end: int):
            super().__init__()
            self.view = view
            self.kind = kind
            self.doc_id = doc_id
            self.start = start
            self.end = end

    # ---------------------------------------------------------------- state
    @property
    def selecting(self) -> bool:
        """True while a selection is being made."""
        return self.selection is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Selection keys only while selecting; the reading keys only while not."""
        if action in ALWAYS:
            return True
        if action in SELECTING:
            return self.selecting
        return not self.selecting

    def set_selection(self, selection: Selection | None) -> None:
        """Show ``selection`` (None ends selecting) and move the cursor to its head."""
        was = self.selecting
        self.selection = selection
        if selection is not None:
            y = self.flow.line_at(selection.doc_id, max(selection.start, selection.head - 1))
            if y is not None:
                self._set_cursor(y, None)
        if was != self.selecting:
            self.refresh_bindings()
        self.invalidate()

    def _block_spans(self, doc_id: str) -> list[tuple[int, int]]:
        doc = next((p for p in self.parts if p.id == doc_id), None)
        return [(b.start, b.end) for b in doc.blocks] if doc else []

    def _start_here(self) -> Selection:
        """A selection at the cursor: its search match, its term, else its word."""
        line = self._line(int(self.cursor.y))
        doc_id, offset = self.position()
        if line is not None and line.kind is LineKind.TEXT:
            doc_id = line.doc_id
            if 0 <= self.match_index < len(self.matches):
                m_doc, m_start, m_end = self.matches[self.match_index]
                if m_doc == doc_id and line.start <= m_start < max(line.end, line.start + 1):
                    return Selection(doc_id, m_start, m_end)
        term = self.cursor.term
        if term is not None:
            return Selection(term.doc, term.start, term.end)
        start, end = motion.word_at(self._body(doc_id), offset)
        return Selection(doc_id, start, end)

    # --------------------------------------------------------------- actions
    def action_select(self) -> None:
        """Start selecting at the cursor (``v`` again, or escape, stops)."""
        if self.selecting:
            self.action_sel_cancel()
            return
        self.set_selection(self._start_here())
        self.say("Selecting: h/l w/b ( ) { } j/k extend · g term · m note · p speaker · r link")

    def action_sel_cancel(self) -> None:
        """Stop selecting, without any change."""
        self.set_selection(None)

    def action_extend(self, unit: str, step: int) -> None:
        """Extend the selection (starting one at the cursor if there is none)."""
        if self.selection is None:
            doc_id, offset = self.position()
            self.selection = Selection(doc_id, offset, offset)
            self.refresh_bindings()
        self.action_sel(unit, step)

    def action_sel(self, unit: str, step: int) -> None:
        """Move the selection's head by ``step`` ``unit``s (char, word, sentence, ...)."""
        sel = self.selection
        if sel is None:
            return
        body = self._body(sel.doc_id)
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
        self.set_selection(sel.moved(head, len(body)))

    def _line_step(self, sel: Selection, step: int) -> int:
        """The offset on the next/previous display line of the same part, same column."""
        y = self.flow.line_at(sel.doc_id, sel.head)
        if y is None:
            return sel.head
        line = self.flow.lines[y]
        body = self._body(sel.doc_id)
        column = cell_len(display_text(body[line.start : sel.head]))
        target = y + step
        while 0 <= target < len(self.flow.lines):
            other = self.flow.lines[target]
            if other.kind is LineKind.TEXT:
                if other.doc_id != sel.doc_id:
                    break
                return self._offset_in(other, column)
            target += step
        return 0 if step < 0 else len(body)

    def _offset_in(self, line: DisplayLine, cell: int) -> int:
        """The body offset shown at text cell ``cell`` of ``line`` (its end if beyond)."""
        body = self._body(line.doc_id)
        used = 0
        for i in range(line.start, line.end):
            used += cell_len(display_text(body[i]))
            if used > cell:
                return i
        return line.end

    def action_passage(self, kind: str) -> None:
        """Annotate the selection, or else the passage under the cursor (``m``, ``p``, ``r``)."""
        self.action_annotate(kind)

    def action_annotate(self, kind: str) -> None:
        """Ask the reading screen to annotate the selection (or the current passage)."""
        sel = self.selection
        if sel is not None:
            start, end = motion.trimmed(self._body(sel.doc_id), sel.start, sel.end)
            if start >= end:
                self.say("Select some text first: extend with l, w, ) or }")
                return
            doc_id = sel.doc_id
        else:
            doc_id, block = self.current_block()
            doc = next((p for p in self.parts if p.id == doc_id), None)
            if doc is None or not 0 <= block < len(doc.blocks):
                self.say("Put the cursor on a passage first")
                return
            start, end = doc.blocks[block].start, doc.blocks[block].end
        self.post_message(self.Annotate(self, kind, doc_id, start, end))  # type: ignore[arg-type]

    # ----------------------------------------------------------------- mouse
    def _offset_at(self, event: events.MouseEvent) -> tuple[str, int] | None:
        """(part id, body offset) under the mouse pointer, if it is over text."""
        widget: Any = self
        offset = event.get_content_offset_capture(widget)
        y = offset.y + round(self.scroll_offset.y)
        lines = self.flow.lines
        if not lines:
            return None
        y = max(0, min(y, len(lines) - 1))
        line = lines[y]
        if line.kind is not LineKind.TEXT:
            return None
        cell = offset.x - self.gutter_cells - cell_len(line.prefix)
        if cell < 0:
            return line.doc_id, line.start
        return line.doc_id, self._offset_in(line, cell)

    def on_click(self, event: events.Click) -> None:
        """Clicking puts the cursor on the clicked passage, and term if there is one.

        A click that ended a drag keeps the selection it made; any other click ends one.
        """
        if self._dragged:
            self._dragged = False
            return
        if self.selection is not None:
            self.set_selection(None)
        widget: Any = self
        if event.get_content_offset(widget) is None:
            return
        here = self._offset_at(event)
        y = event.get_content_offset_capture(widget).y + round(self.scroll_offset.y)
        line = self._line(y)
        if here is None or line is None or line.kind is not LineKind.TEXT:
            return
        cell = event.get_content_offset_capture(widget).x - self.gutter_cells
        term = self.marks.occurrence_at(*here) if cell >= cell_len(line.prefix) else None
        if term is not None and here[1] >= line.end:
            term = None
        self.focus()
        self._set_cursor(y, term)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Remember where a drag may start."""
        if event.button != 1:
            return
        self._drag = self._offset_at(event)
        self._dragged = False
        if self._drag is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Dragging selects, within the part where the drag started."""
        if self._drag is None or not event.button:
            return
        here = self._offset_at(event)
        if here is None:
            return
        doc_id, anchor = self._drag
        head = here[1]
        if here[0] != doc_id:  # past the part's edge: clamp to it
            order = [p.id for p in self.parts]
            before = order.index(here[0]) < order.index(doc_id)
            head = 0 if before else len(self._body(doc_id))
        if head != anchor or self._dragged:
            self._dragged = True
            self.set_selection(Selection(doc_id, anchor, head))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End a drag; the selection stays for the annotation keys."""
        if self._drag is not None:
            self.release_mouse()
        self._drag = None
