"""ContextPane: what the reading cursor is on — glossary entry, speaker, links, notes.

Linked to a :class:`~nda_reader.ui.widgets.document_view.DocumentView` through its
``CursorMoved`` message. Related passages and the term's concordance are rows of one
:class:`~textual.widgets.OptionList`; the first nine are numbered so each is one key away
(digits 1-9 anywhere on the reading screen, or enter on the focused list). Choosing a row
posts :class:`ContextPane.Follow`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import OptionList, Static

from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import Corpus
from nda_reader.lang.hanzi import is_han
from nda_reader.reading.doc_index import DocMarks
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.context_rows import ContextRows, Item, Place, Target
from nda_reader.ui.widgets.context_text import entry_text, pinyin_text
from nda_reader.ui.widgets.reader_list import ReaderList
from nda_reader.ui.widgets.word_text import word_text

if TYPE_CHECKING:
    from textual.timer import Timer

    from nda_reader.dictionary.lookup import Word

WordAt = Callable[[str, int], "Word | str | None"]
"""The dictionary word at a place of a text, or what to say while there is no dictionary."""
PREPARE_PAUSE = 0.1
"""Seconds without a cursor move after which the rows of the next term are made ahead
(:meth:`ContextPane.prepare`): keys held down never wait for that work."""
STEP_PAUSE = 0.002
"""Seconds between two rows drawn ahead: a key that comes meanwhile waits for one row
(~1 ms) at most, not for all of them (~12-20 ms on the 1,000 documents)."""
ROLE_WINDOW = 40
"""How far before a person's name the pane looks for a role the text names."""


class ContextPane(VerticalScroll):
    """The context of the cursor: glossary entry, speaker, related passages, notes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "context-pane--hanzi",
        "context-pane--heading",
        "context-pane--muted",
        "context-pane--link",
        "context-pane--note",
        *(f"context-pane--tone-{n}" for n in range(1, 6)),
    }

    DEFAULT_CSS = """
    ContextPane { padding: 0 1; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    ContextPane > Static { width: 100%; margin-bottom: 1; }
    ContextPane > OptionList { height: auto; border: none; padding: 0; }
    ContextPane > OptionList:focus { border: none; background-tint: $foreground 5%; }
    ContextPane > .context-pane--hanzi { color: $hanzi; text-style: bold; }
    ContextPane > .context-pane--heading { color: $primary; text-style: bold; }
    ContextPane > .context-pane--muted { color: $muted-text; }
    ContextPane > .context-pane--link { color: $link-marker; text-style: bold; }
    ContextPane > .context-pane--note { color: $note-marker; text-style: bold; }
    ContextPane > .context-pane--tone-1 { color: $tone-1; }
    ContextPane > .context-pane--tone-2 { color: $tone-2; }
    ContextPane > .context-pane--tone-3 { color: $tone-3; }
    ContextPane > .context-pane--tone-4 { color: $tone-4; }
    ContextPane > .context-pane--tone-5 { color: $tone-5; }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.CONTEXT)
    ALLOW_MAXIMIZE = True
    """``z`` zooms the pane to the whole screen (Textual's maximize)."""

    class Edit(Message):
        """Edit (or delete) the annotation on the highlighted row."""

        def __init__(self, item: Item, delete: bool) -> None:
            super().__init__()
            self.item = item
            self.delete = delete

    class Follow(Message):
        """The user chose a related passage or concordance row: open it beside."""

        def __init__(self, doc_id: str, start: int, end: int) -> None:
            super().__init__()
            self.doc_id = doc_id
            self.start = start
            self.end = end

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.corpus = corpus
        self.rows = ContextRows(corpus, self._style, ("", -1, None, -1), None)
        """What the list shows, and what each row carries and leads to."""
        self._last: Place | None = None
        self._marks: DocMarks | None = None
        self._prepared: tuple[DocMarks, ContextRows] | None = None
        """Rows made ahead for the place the next ``t`` goes to (see :meth:`prepare`)."""
        self._prepare_timer: Timer | None = None
        self._drawing: Iterator[None] | None = None
        """The rows made ahead still being drawn, a row at a time (see :meth:`prepare`)."""
        self.next_place: Callable[[], Place | None] | None = None
        """Where the next ``t`` puts the cursor (the screen gives it; see :meth:`prepare`)."""
        self.brief = False
        """Short form for small terminals: long glossary notes are cut."""
        self.zoom_key = "z"
        """The key that zooms the pane (named where a note is cut)."""
        self.word_at: WordAt | None = None
        """Where the dictionary comes from (the screen gives it)."""

    @property
    def entry(self) -> GlossaryEntry | None:
        """The glossary entry shown (None: no term under the cursor)."""
        return self.rows.entry

    @property
    def targets(self) -> list[Target | None]:
        """Where each numbered row leads, by number - 1."""
        return self.rows.targets

    @property
    def items(self) -> list[Item | None]:
        """The annotation of each row of the list (None for headings)."""
        return self.rows.items

    @property
    def made_ahead(self) -> Place | None:
        """The place whose rows are made and drawn ahead (see :meth:`prepare`; None:
        none, or still being drawn)."""
        if self._prepared is None or self._drawing is not None:
            return None
        return self._prepared[1].place

    def compose(self) -> ComposeResult:
        """The sections of the pane (the list of jumps comes with its first row)."""
        yield Static(id="ctx-entry")

    def shown_jumps(self) -> ReaderList | None:
        """The list of jumps when it shows rows (to focus it), else None."""
        jumps = self._made_jumps()
        return jumps if jumps is not None and jumps.display and jumps.option_count else None

    def _made_jumps(self) -> ReaderList | None:
        """The list of the pane's jumps, if it was made (see :meth:`_jumps`)."""
        try:
            return self.query_one("#ctx-jumps", ReaderList)
        except NoMatches:
            return None

    def _jumps(self) -> ReaderList:
        """The list of the pane's jumps, mounted when first needed: the first screen,
        with no term under the cursor, has none to show (~3 ms sooner without it)."""
        jumps = self._made_jumps()
        if jumps is None:
            jumps = ReaderList(id="ctx-jumps")
            self.mount(jumps)
        return jumps

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"context-pane--{name}", partial=True)

    def on_mount(self) -> None:
        """Refresh the styled text when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.redraw())

    def set_corpus(self, corpus: Corpus) -> None:
        """Show ``corpus`` (reloaded after a save) from the next :meth:`show` on."""
        self.corpus = corpus
        self._last = self._prepared = self._drawing = None

    def redraw(self) -> None:
        """Draw the current context again (after a theme or size change)."""
        last, self._last = self._last, None
        self._prepared = self._drawing = None
        if last is not None and self._marks is not None:
            self.show(self._marks, *last)

    # ------------------------------------------------------------------- update
    def show(
        self, marks: DocMarks, doc_id: str, offset: int, entry_id: str | None, block: int
    ) -> None:
        """Show the context of ``offset`` in ``doc_id`` (term ``entry_id``, passage ``block``)."""
        place = (doc_id, offset, entry_id, block)
        if place == self._last:
            return
        self._last, self._marks = place, marks
        prepared, self._prepared, self._drawing = self._prepared, None, None
        if prepared is not None and prepared[0] is marks and prepared[1].place == place:
            rows = prepared[1]
        else:
            rows = self._make(marks, place)
        self.query_one("#ctx-entry", Static).update(rows.entry_text)
        self._fill_jumps(rows)
        if self.next_place is not None:
            if self._prepare_timer is not None:
                self._prepare_timer.stop()
            self._prepare_timer = self.set_timer(PREPARE_PAUSE, self.prepare)

    def prepare(self) -> None:
        """Make, and draw into the list's kept rows, what :meth:`show` will show at the
        place the next ``t`` goes to: ``t`` then only puts them on screen. Done once the
        reader has been idle for :data:`PREPARE_PAUSE`, the rows drawn one at a time
        (:data:`STEP_PAUSE`); any move stops it. Nothing is made while the pane is
        hidden, or while the glossary occurrences are still being found (the rows would
        change)."""
        if not self.region or not self.corpus.occurrences.complete:
            return  # hidden (the parallel view at 80 columns), or the rows would change
        place = self.next_place() if self.next_place is not None else None
        marks = self._marks
        if place is None or marks is None:
            return
        jumps = self._jumps()
        if not jumps.is_mounted:  # just made: its styles are needed to draw
            self.call_after_refresh(self.prepare)
            return
        rows = self._make(marks, place)
        self._prepared = (marks, rows)
        # The list gets the pane's content size (the pane's scroll bar's place is kept).
        room = self.scrollable_content_region.size
        drawing = jumps.draw_ahead(rows.options, room)
        self._drawing = drawing
        self._draw_next(drawing)

    def _draw_next(self, drawing: Iterator[None]) -> None:
        """Draw the next row made ahead, unless the rows were dropped meanwhile."""
        if drawing is not self._drawing:
            return
        if next(drawing, False) is False:
            self._drawing = None
        else:
            self.set_timer(STEP_PAUSE, partial(self._draw_next, drawing))

    def _make(self, marks: DocMarks, place: Place) -> ContextRows:
        doc_id, offset, entry_id, _block = place
        doc = self.corpus.documents.get(doc_id) or next(
            (p for p in marks.parts if p.id == doc_id), marks.parts[0]
        )
        entry = self.corpus.glossary.get(entry_id) if entry_id else None
        rows = ContextRows(self.corpus, self._style, place, entry).fill(marks, doc)
        rows.entry_text = self._entry_text(marks, doc, offset, entry)
        return rows

    def _entry_text(
        self, marks: DocMarks, doc: Document, offset: int, entry: GlossaryEntry | None
    ) -> Text:
        if entry is None:
            found = self._word(doc, offset)
            if found is not None:
                return found
            head = Text("No term under the cursor", self._style("muted"))
            head.append("\nt/T: next/previous term · click a term", self._style("muted"))
            return head
        occ = marks.occurrence_at(doc.id, offset)
        named_in = ""
        if occ is not None:
            block = doc.block_at(occ.start)
            first = max(block.start if block else 0, occ.start - ROLE_WINDOW)
            named_in = f"{doc.body[first : occ.start]} … {doc.body[occ.end : occ.end + 30]}"
        brief = f"{self.zoom_key}: all" if self.brief else ""
        return entry_text(self.corpus, entry, doc, self._style, named_in=named_in, brief=brief)

    def _word(self, doc: Document, offset: int) -> Text | None:
        """The dictionary word at the cursor, on Chinese text the glossary does not cover."""
        body = doc.body
        if self.word_at is None or not 0 <= offset < len(body) or not is_han(body[offset]):
            return None
        found = self.word_at(body, offset)
        if isinstance(found, str):
            return Text(f"Dictionary: {found}", self._style("muted"))
        if found is None or not found.entries:
            return None
        return word_text(found, self._style, self.pinyin_text, brief=self.brief)

    def pinyin_text(self, pinyin: str) -> Text:
        """``pinyin`` with each syllable coloured by its tone (theme ``tone-1``..``tone-5``)."""
        return pinyin_text(pinyin, self._style)

    def _more_concordance(self, rows: ContextRows) -> None:
        """Add the concordance rows after the first, unless the list was filled again."""
        if rows is self.rows and rows.rest:
            rest, rows.rest = rows.rest, []
            self._jumps().add_options(rows.concordance(rest))

    def _fill_jumps(self, rows: ContextRows) -> None:
        was = self.highlighted_item()
        self.rows = rows
        if not rows.options and self._made_jumps() is None:
            return  # nothing to list, and no list yet
        jumps = self._jumps()
        jumps.set_options(rows.options)
        jumps.display = bool(rows.options)
        if was is not None and was in rows.items:
            jumps.highlighted = rows.items.index(was)
        elif jumps.has_focus:
            self.on_descendant_focus()
        if rows.rest:
            self.call_after_refresh(self._more_concordance, rows)

    # --------------------------------------------------------------------- edit
    def on_descendant_focus(self) -> None:
        """Focusing the list highlights its first row, so e, d and enter act at once."""
        jumps = self._jumps()
        if jumps.highlighted is None:
            jumps.highlighted = jumps.first_enabled()

    def highlighted_item(self) -> Item | None:
        """The annotation of the highlighted row (None if no row is highlighted)."""
        jumps = self._made_jumps()
        index = jumps.highlighted if jumps is not None else None
        if index is not None and 0 <= index < len(self.items):
            return self.items[index]
        return None

    def _edit(self, delete: bool) -> None:
        item = self.highlighted_item()
        if item is None:
            self.notify("Nothing to edit on this row", timeout=2)
            return
        self.post_message(self.Edit(item, delete))

    def action_edit_item(self) -> None:
        """Edit the annotation on the highlighted row (e)."""
        self._edit(delete=False)

    def action_delete_item(self) -> None:
        """Delete the annotation on the highlighted row, after a question (d)."""
        self._edit(delete=True)

    # ------------------------------------------------------------------- follow
    def follow(self, number: int) -> bool:
        """Follow row ``number`` (1-based); False if there is no such row."""
        if 1 <= number <= len(self.targets):
            target = self.targets[number - 1]
            if target is not None:
                self.post_message(self.Follow(*target))
                return True
        return False

    def follow_first(self) -> bool:
        """Follow the first row that leads elsewhere (not the occurrence under the cursor)."""
        here = self._last
        for number, target in enumerate(self.targets, 1):
            if target is None:
                continue
            if here is not None and target[0] == here[0] and target[1] <= here[1] < target[2]:
                continue
            return self.follow(number)
        return False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a focused row follows it (or, on a note or speaker row, edits it)."""
        event.stop()
        ident = event.option.id or ""
        if ident.startswith("jump-"):
            self.follow(int(ident[5:]) + 1)
        elif ident.startswith("item-"):
            self._edit(delete=False)
