"""ContextRows: the context pane's text and list rows for one place of the cursor.

The pane makes one :class:`ContextRows` for each place it shows: the glossary entry (or
dictionary word) above, then the speaker's turn, the passage's notes, its related
passages and the term's concordance, each row with the annotation it carries and, for a
numbered row, where it leads. They are made apart from the pane's widgets so that the
rows of the place the next ``t`` goes to can be made, and drawn, while the reader is idle
(:meth:`~nda_reader.ui.widgets.context_pane.ContextPane.prepare`).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.widgets.option_list import Option

from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import AnnotationKind as Kind
from nda_reader.corpus.model import AnnotationRef, Corpus
from nda_reader.corpus.term_index import Occurrence
from nda_reader.lang.terminal_text import visible_controls
from nda_reader.reading.doc_index import DocMarks
from nda_reader.ui.widgets.context_text import speaker_text
from nda_reader.ui.widgets.snippets import short_title, snippet

Place = tuple[str, int, str | None, int]
"""Where the cursor is: part id, offset, its term's glossary entry id, passage index."""
Target = tuple[str, int, int]
"""Where a numbered row leads: document id, start, end."""
Item = AnnotationRef
"""The annotation a row shows (a glossary entry, note, link, or speaker turn)."""
StyleOf = Callable[[str], Style]
"""The pane's style of a short name (``"muted"`` for ``context-pane--muted``)."""

MAX_CONCORDANCE = 40
FIRST_CONCORDANCE = 12
"""Concordance rows shown at once (a pane's height of them); the rest, up to
:data:`MAX_CONCORDANCE`, are added once the pane is painted: each row reads its document's
text for the snippet and the list lays out every row, which made ``t`` wait."""


class ContextRows:
    """The rows of the pane's list for one place, and what each row carries."""

    def __init__(
        self, corpus: Corpus, style: StyleOf, place: Place, entry: GlossaryEntry | None
    ) -> None:
        self.corpus = corpus
        self._style = style
        self.place = place
        self.entry = entry
        """The glossary entry of the term at the place (None: no term there)."""
        self.entry_text = Text()
        """What shows above the list (the entry, a dictionary word, or a hint)."""
        self.options: list[Option] = []
        self.items: list[Item | None] = []
        """The annotation of each row (None for headings)."""
        self.targets: list[Target | None] = []
        """Where each numbered row leads, by number - 1."""
        self.rest: list[Occurrence] = []
        """Concordance rows to add once the first ones are painted (:meth:`concordance`)."""

    def fill(self, marks: DocMarks, doc: Document) -> ContextRows:
        """Make the list's rows for the place in ``doc``; returns self."""
        offset, block = self.place[1], self.place[3]
        span = next((s for s in self.corpus.turns(doc.id) if s.start <= offset < s.end), None)
        if span is not None:
            turn = speaker_text(self.corpus, span, doc.date, self._style)
            self.row(turn, Item(Kind.TURN, doc.id, span.start))
        self._notes(marks, doc.id, block)
        self._links(marks, doc.id, block)
        if self.entry is not None:
            index = self.corpus.occurrences
            occs = index.of_entry(self.entry.id)
            count = f"{len(occs)}" if index.complete else f"{len(occs)} so far, indexing…"
            head = f"Concordance: {self.entry.english} ({count})"
            self.heading(Text(head, self._style("heading")))
            rows = list(occs[:MAX_CONCORDANCE])
            self.rest = rows[FIRST_CONCORDANCE:]
            self.options += self.concordance(rows[:FIRST_CONCORDANCE])
        return self

    def _notes(self, marks: DocMarks, doc_id: str, block: int) -> None:
        for note in marks.notes.get((doc_id, block), []):
            text = Text("✎ Note  ", self._style("note"))
            text.append(visible_controls(note.text.strip()))
            if note.tags:
                text.append(f"  #{' #'.join(note.tags)}", self._style("muted"))
            self.row(text, Item(Kind.NOTE, note.id))

    def _links(self, marks: DocMarks, doc_id: str, block: int) -> None:
        links = marks.links.get((doc_id, block), [])
        if links:
            self.heading(Text("Related passages", self._style("heading")))
        for end in links:
            there = self.corpus.documents.get(end.there.doc)
            arrow = "→" if end.outgoing else "←"
            row = Text()
            row.append(f"{arrow} {end.link.relation} ", self._style("link"))
            if there is None or not end.there_at.placed:
                row.append(f"{end.there.doc} (cannot be placed)", self._style("muted"))
                self.row(row, Item(Kind.LINK, end.link.id))
                continue
            row.append(f"{there.date} {there.title}\n", self._style("muted"))
            row.append(snippet(there.body, end.there_at.start, end.there_at.end))
            there_span = (there.id, end.there_at.start, end.there_at.end)
            self.row(row, Item(Kind.LINK, end.link.id), there_span)

    def concordance(self, occs: list[Occurrence]) -> list[Option]:
        """Rows for ``occs`` of the entry (the one at the place marked "here"); they are
        numbered on from the rows made so far, and returned, not added to :attr:`options`."""
        assert self.entry is not None
        doc_id, offset = self.place[0], self.place[1]
        rows: list[Option] = []
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
            target = (occ.doc, occ.start, occ.end)
            rows.append(self._option(row, Item(Kind.TERM, self.entry.id), target))
        return rows

    def row(self, text: Text, item: Item | None, target: Target | None = None) -> None:
        """Add a row carrying ``item`` (numbered when it leads to ``target``)."""
        self.options.append(self._option(text, item, target))

    def heading(self, text: Text) -> None:
        """Add a heading (a row that cannot be chosen)."""
        self.items.append(None)
        self.options.append(Option(text, disabled=True))

    def _option(self, text: Text, item: Item | None, target: Target | None) -> Option:
        self.items.append(item)
        if target is None:
            return Option(Text("  ") + text, id=f"item-{len(self.items) - 1}")
        self.targets.append(target)
        n = len(self.targets)
        label = Text(f"{n} " if n <= 9 else "  ", Style(bold=True))
        return Option(label + text, id=f"jump-{n - 1}")
