"""ContextPane: what the reading cursor is on — glossary entry, speaker, links, notes.

Linked to a :class:`~nda_reader.ui.widgets.document_view.DocumentView` through its
``CursorMoved`` message. Related passages and the term's concordance are rows of one
:class:`~textual.widgets.OptionList`; the first nine are numbered so each is one key away
(digits 1-9 anywhere on the reading screen, or enter on the focused list). Choosing a row
posts :class:`ContextPane.Follow`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import AnnotationKind as Kind
from nda_reader.corpus.model import AnnotationRef, Corpus, TurnSpan
from nda_reader.corpus.term_index import Occurrence
from nda_reader.lang.hanzi import is_han
from nda_reader.lang.terminal_text import visible_controls
from nda_reader.reading.doc_index import DocMarks
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.context_text import entry_text, pinyin_text, speaker_text
from nda_reader.ui.widgets.reader_list import ReaderList
from nda_reader.ui.widgets.snippets import short_title, snippet
from nda_reader.ui.widgets.word_text import word_text

if TYPE_CHECKING:
    from nda_reader.dictionary.lookup import Word

WordAt = Callable[[str, int], "Word | str | None"]
"""The dictionary word at a place of a text, or what to say while there is no dictionary."""
Target = tuple[str, int, int]
Item = AnnotationRef
"""The annotation a row shows (a glossary entry, note, link, or speaker turn)."""
MAX_CONCORDANCE = 40
FIRST_CONCORDANCE = 12
"""Concordance rows shown at once (a pane's height of them); the rest, up to
:data:`MAX_CONCORDANCE`, are added once the pane is painted: each row reads its document's
text for the snippet and the list lays out every row, which made ``t`` wait."""
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
    ContextPane { padding: 0 1; scrollbar-size-vertical: 1; }
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
        self.targets: list[Target | None] = []
        self.items: list[Item | None] = []
        """The annotation of each row of the list (None for headings)."""
        self.entry: GlossaryEntry | None = None
        self._last: tuple[str, int, str | None, int] | None = None
        self._marks: DocMarks | None = None
        self._fills = 0
        """How many times the list was filled (rows added later go to the same filling)."""
        self.brief = False
        """Short form for small terminals: long glossary notes are cut."""
        self.zoom_key = "z"
        """The key that zooms the pane (named where a note is cut)."""
        self.word_at: WordAt | None = None
        """Where the dictionary comes from (the screen gives it)."""

    def compose(self) -> ComposeResult:
        """The sections of the pane."""
        yield Static(id="ctx-entry")
        yield ReaderList(id="ctx-jumps")

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"context-pane--{name}", partial=True)

    def on_mount(self) -> None:
        """Refresh the styled text when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.redraw())

    def set_corpus(self, corpus: Corpus) -> None:
        """Show ``corpus`` (reloaded after a save) from the next :meth:`show` on."""
        self.corpus = corpus
        self._last = None

    def redraw(self) -> None:
        """Draw the current context again (after a theme or size change)."""
        last, self._last = self._last, None
        if last is not None and self._marks is not None:
            self.show(self._marks, *last)

    # ------------------------------------------------------------------- update
    def show(
        self, marks: DocMarks, doc_id: str, offset: int, entry_id: str | None, block: int
    ) -> None:
        """Show the context of ``offset`` in ``doc_id`` (term ``entry_id``, passage ``block``)."""
        key = (doc_id, offset, entry_id, block)
        if key == self._last:
            return
        self._last, self._marks = key, marks
        doc = self.corpus.documents.get(doc_id) or next(
            (p for p in marks.parts if p.id == doc_id), marks.parts[0]
        )
        self.entry = self.corpus.glossary.get(entry_id) if entry_id else None
        self.query_one("#ctx-entry", Static).update(self._entry_text(marks, doc, offset))
        self._fill_jumps(marks, doc, offset, block)

    def _entry_text(self, marks: DocMarks, doc: Document, offset: int) -> Text:
        entry = self.entry
        if entry is None:
            found = self._word(doc)
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

    def _word(self, doc: Document) -> Text | None:
        """The dictionary word at the cursor, on Chinese text the glossary does not cover."""
        offset = self._last[1] if self._last else -1
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

    def _turn_at(self, doc_id: str, offset: int) -> TurnSpan | None:
        for span in self.corpus.turns(doc_id):
            if span.start <= offset < span.end:
                return span
        return None

    def _note_rows(self, marks: DocMarks, doc_id: str, block: int) -> list[Option]:
        rows = []
        for note in marks.notes.get((doc_id, block), []):
            text = Text("✎ Note  ", self._style("note"))
            text.append(visible_controls(note.text.strip()))
            if note.tags:
                text.append(f"  #{' #'.join(note.tags)}", self._style("muted"))
            rows.append(self._row(text, Item(Kind.NOTE, note.id)))
        return rows

    def _row(self, text: Text, item: Item | None, target: Target | None = None) -> Option:
        """A row of the list carrying ``item`` (and numbered when it leads to ``target``)."""
        self.items.append(item)
        if target is not None:
            return self._numbered(text, target)
        return Option(Text("  ") + text, id=f"item-{len(self.items) - 1}")

    def _concordance_rows(self, occs: list[Occurrence], doc_id: str, offset: int) -> list[Option]:
        assert self.entry is not None
        options = []
        for occ in occs:
            other = self.corpus.documents.get(occ.doc)
            if other is None:
                continue
            here = occ.doc == doc_id and occ.start <= offset < occ.end
            row = Text(
                f"{other.date} {short_title(other)}{'  (here)' if here else ''}\n",
                self._style("muted"),
            )
            row.append(snippet(other.body, occ.start, occ.end, 50))
            item = Item(Kind.TERM, self.entry.id)
            options.append(self._row(row, item, (occ.doc, occ.start, occ.end)))
        return options

    def _more_concordance(
        self, fill: int, rest: list[Occurrence], doc_id: str, offset: int
    ) -> None:
        """Add the concordance rows after the first, unless the list was filled again."""
        if fill == self._fills:
            options = self._concordance_rows(rest, doc_id, offset)
            self.query_one("#ctx-jumps", OptionList).add_options(options)

    def _fill_jumps(self, marks: DocMarks, doc: Document, offset: int, block: int) -> None:
        jumps = self.query_one("#ctx-jumps", OptionList)
        was = self.highlighted_item()
        options: list[Option] = []
        rest: list[Occurrence] = []
        self._fills += 1
        self.targets = []
        self.items = []
        span = self._turn_at(doc.id, offset)
        if span is not None:
            options.append(
                self._row(
                    speaker_text(self.corpus, span, doc.date, self._style),
                    Item(Kind.TURN, doc.id, span.start),
                )
            )
        options += self._note_rows(marks, doc.id, block)
        links = marks.links.get((doc.id, block), [])
        if links:
            options.append(self._heading(Text("Related passages", self._style("heading"))))
            for end in links:
                there = self.corpus.documents.get(end.there.doc)
                arrow = "→" if end.outgoing else "←"
                row = Text()
                row.append(f"{arrow} {end.link.relation} ", self._style("link"))
                if there is None or not end.there_at.placed:
                    row.append(f"{end.there.doc} (cannot be placed)", self._style("muted"))
                    options.append(self._row(row, Item(Kind.LINK, end.link.id)))
                    continue
                row.append(f"{there.date} {there.title}\n", self._style("muted"))
                row.append(snippet(there.body, end.there_at.start, end.there_at.end))
                there_span = (there.id, end.there_at.start, end.there_at.end)
                options.append(self._row(row, Item(Kind.LINK, end.link.id), there_span))
        if self.entry is not None:
            index = self.corpus.occurrences
            occs = index.of_entry(self.entry.id)
            count = f"{len(occs)}" if index.complete else f"{len(occs)} so far, indexing…"
            head = Text(f"Concordance: {self.entry.english} ({count})", self._style("heading"))
            options.append(self._heading(head))
            rows = list(occs[:MAX_CONCORDANCE])
            rest = rows[FIRST_CONCORDANCE:]
            options += self._concordance_rows(rows[:FIRST_CONCORDANCE], doc.id, offset)
        jumps.set_options(options)
        jumps.display = bool(options)
        if was is not None and was in self.items:
            jumps.highlighted = self.items.index(was)
        elif jumps.has_focus:
            self.on_descendant_focus()
        if rest:
            self.call_after_refresh(self._more_concordance, self._fills, rest, doc.id, offset)

    def _heading(self, text: Text) -> Option:
        self.items.append(None)
        return Option(text, disabled=True)

    def _numbered(self, row: Text, target: Target) -> Option:
        self.targets.append(target)
        n = len(self.targets)
        label = Text(f"{n} " if n <= 9 else "  ", Style(bold=True))
        return Option(label + row, id=f"jump-{n - 1}")

    # --------------------------------------------------------------------- edit
    def on_descendant_focus(self) -> None:
        """Focusing the list highlights its first row, so e, d and enter act at once."""
        jumps = self.query_one("#ctx-jumps", OptionList)
        if jumps.highlighted is None:
            first = next(
                (i for i in range(jumps.option_count) if not jumps.get_option_at_index(i).disabled),
                None,
            )
            jumps.highlighted = first

    def highlighted_item(self) -> Item | None:
        """The annotation of the highlighted row (None if no row is highlighted)."""
        jumps = self.query_one("#ctx-jumps", OptionList)
        index = jumps.highlighted
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
