"""The outline of one document: its headings and speaker turns, to jump to.

For a multi-part document (``part_of``) every part is listed in part order under a part
header, so the outline covers the whole document whichever page was open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from nda_reader.corpus.document import BlockKind, Document
from nda_reader.corpus.model import Corpus
from nda_reader.lang.terminal_text import one_line
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.reader_list import ReaderList

Target = tuple[str, int, int]
"""Where to go: (document id, start offset, end offset) in the document's body."""

FIRST_WORDS = 80
"""How many characters of a turn's first words to show."""

SPEAKER_COLOURS = 6


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """One row of the outline.

    ``kind`` is ``"part"`` (a part header), ``"heading"`` or ``"turn"``; ``depth`` is the
    indentation level; ``slot`` the speaker colour (1-6) of a turn.
    """

    kind: str
    doc_id: str
    start: int
    end: int
    label: str
    detail: str = ""
    depth: int = 0
    slot: int = 0


def outline_entries(corpus: Corpus, doc: Document) -> list[OutlineEntry]:
    """The outline of ``doc`` (all its parts if it is multi-part), in reading order.

    Speakers get colour slots 1-6 in order of first appearance across the parts, as in
    the document view.
    """
    parts = corpus.parts_of(doc)
    entries: list[OutlineEntry] = []
    slots: dict[str, int] = {}
    nested = 1 if len(parts) > 1 else 0
    for part in parts:
        if nested:
            label = f"Page {part.part}" if part.part else "Page"
            entries.append(OutlineEntry("part", part.id, 0, 0, label, part.title))
        items: list[tuple[int, OutlineEntry]] = []
        for block in part.blocks:
            if block.kind is BlockKind.HEADING:
                text = one_line(part.block_text(block)).strip()
                entry = OutlineEntry(
                    "heading", part.id, block.start, block.end, text, depth=block.level + nested
                )
                items.append((block.start, entry))
        for turn in corpus.turns(part.id):
            slot = slots.setdefault(turn.speaker.id, len(slots) % SPEAKER_COLOURS + 1)
            words = one_line(part.body[turn.label_end : turn.end]).lstrip(" :：").strip()
            if len(words) > FIRST_WORDS:
                words = words[:FIRST_WORDS].rstrip() + "…"
            name = corpus.speaker_name(turn.speaker)
            entry = OutlineEntry(
                "turn", part.id, turn.start, turn.label_end, name, words, slot=slot
            )
            items.append((turn.start, entry))
        items.sort(key=lambda item: (item[0], item[1].kind != "heading"))
        level = 0
        for _, entry in items:
            if entry.kind == "heading":
                level = entry.depth - nested
                entries.append(entry)
            else:
                entries.append(
                    OutlineEntry(
                        entry.kind,
                        entry.doc_id,
                        entry.start,
                        entry.end,
                        entry.label,
                        entry.detail,
                        depth=level + 1 + nested,
                        slot=entry.slot,
                    )
                )
    return entries


class OutlineScreen(FreshModalScreen[Target | None]):
    """Headings and speaker turns of a document; choose one to jump there.

    ``OutlineScreen(corpus, doc_id, *, offset=None)``: with ``offset`` (a body offset in
    ``doc_id``) the entry at or before it is highlighted first. Enter dismisses with
    ``(doc_id, start, end)`` of the chosen entry (the heading's text, the turn's speaker
    label, or ``(part_id, 0, 0)`` for a part header); escape dismisses with ``None``.
    """

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.OUTLINE, Scope.LIST)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.OUTLINE)

    DEFAULT_CSS = """
    OutlineScreen {
        align: center middle;
    }
    OutlineScreen > #outline-box {
        width: 90%;
        max-width: 120;
        height: 90%;
        background: $surface;
        border: round $primary;
        padding: 0 1;
    }
    OutlineScreen #outline-title {
        width: 100%;
        text-style: bold;
        color: $text;
    }
    OutlineScreen #outline-list {
        height: 1fr;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    OutlineScreen #outline-empty {
        width: 100%;
        height: 1fr;
        content-align: center middle;
        color: $muted-text;
    }
    OutlineScreen #outline-hint {
        width: 100%;
        color: $muted-text;
    }
    """

    def __init__(self, corpus: Corpus, doc_id: str, *, offset: int | None = None) -> None:
        """Build the outline of ``doc_id``.

        Args:
            corpus: The loaded corpus.
            doc_id: The document (or any part of a multi-part document).
            offset: Optional body offset in ``doc_id`` to highlight the entry for.
        """
        super().__init__()
        self.corpus = corpus
        self.doc_id = doc_id
        self.start_offset = offset
        self.document = corpus.documents.get(doc_id)
        self.entries = outline_entries(corpus, self.document) if self.document else []

    def compose(self) -> ComposeResult:
        """Title, the outline list (or a note that there is nothing to list) and a hint."""
        doc = self.document
        title = (doc.part_title or doc.title) if doc else f"No document {self.doc_id!r}"
        with Vertical(id="outline-box"):
            yield Label(f"Outline: {title}", id="outline-title", markup=False)
            if self.entries:
                yield ReaderList(*[self._option(e) for e in self.entries], id="outline-list")
                yield Label("↑↓ move · enter jump · esc close", id="outline-hint", markup=False)
            else:
                note = "No headings or speaker turns in this document."
                yield Label(note if doc else title, id="outline-empty", markup=False)
                yield Label("esc close", id="outline-hint", markup=False)

    def _option(self, entry: OutlineEntry) -> Option:
        indent = "  " * max(0, entry.depth - 1)
        if entry.kind == "part":
            prompt = Content.assemble(
                (entry.label, "bold $accent"), "  ", (entry.detail, "$muted-text")
            )
        elif entry.kind == "heading":
            style = "bold $primary" if entry.depth <= 2 else "$primary"
            prompt = Content.assemble(indent, (entry.label, style))
        else:
            colour = f"$speaker-{entry.slot}"
            prompt = Content.assemble(
                indent,
                ("▌ ", colour),
                (entry.label, f"bold {colour}"),
                "  ",
                (entry.detail, "$muted-text"),
            )
        return Option(prompt)

    def on_mount(self) -> None:
        """Focus the list and highlight the entry at the given offset (or the first)."""
        if not self.entries:
            return
        options = self.query_one(OptionList)
        options.highlighted = self.index_at(self.doc_id, self.start_offset)
        options.focus()

    def index_at(self, doc_id: str, offset: int | None) -> int:
        """Index of the last entry at or before ``offset`` in ``doc_id`` (0 if none)."""
        if offset is None:
            return 0
        best = 0
        for i, entry in enumerate(self.entries):
            if entry.doc_id == doc_id and entry.start <= offset:
                best = i
        return best

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[event.option_index]
        self.dismiss((entry.doc_id, entry.start, entry.end))

    def action_close(self) -> None:
        """Close without jumping."""
        self.dismiss(None)
