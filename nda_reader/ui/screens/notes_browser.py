"""The notes browser (``#``): every note with its tags and document; enter jumps to it.

Typing filters by tag (``#follow-up`` or ``follow-up``) or by words of the note's text or
of the passage it is on. A note may run over several lines: the list shows its first
lines, the detail line under the list the passage it is on.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content

from nda_reader.corpus.model import Corpus
from nda_reader.corpus.notes import Note
from nda_reader.lang.terminal_text import one_line, visible_controls
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.screens.browser import BrowserScreen

LINES = 3
"""Lines of a note shown in its row."""


def note_matches(note: Note, text: str) -> bool:
    """True when every word of ``text`` is a tag of ``note`` or in its text or quote."""
    tags = {t.casefold() for t in note.tags}
    hay = f"{note.text} {note.anchor.exact}".casefold()
    for word in text.casefold().split():
        bare = word.lstrip("#")
        if bare not in tags and (word.startswith("#") or bare not in hay):
            return False
    return True


class NotesBrowser(BrowserScreen):
    """Every note; enter: its passage."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.BROWSER, Scope.NOTES, Scope.LIST)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.NOTES)

    placeholder = "filter: a tag (#tag) or words of the note"
    hint = "↑↓ move · enter jump to the passage · tab list · esc close"

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        order = {d.id: i for i, d in enumerate(corpus.ordered_documents())}
        self.notes = sorted(
            corpus.notes,
            key=lambda n: (order.get(n.anchor.doc, len(order)), corpus.place(n.anchor).start),
        )

    def heading(self, count: int) -> str:
        """How many notes are listed."""
        total = len(self.notes)
        what = f"{count} of {total}" if count != total else str(total)
        return f"Notes · {what} note{'s' if total != 1 else ''}, in reading order"

    def items(self, text: str) -> list[object]:
        """The notes matching ``text``."""
        return [n for n in self.notes if note_matches(n, text)]

    def head(self, width: int) -> Content:
        """No column heads: each note says where it is."""
        return Content("")

    def row(self, item: object, width: int) -> Content:
        """Tags and document on the first line, then the note's first lines."""
        assert isinstance(item, Note)
        doc = self.corpus.documents.get(item.anchor.doc)
        where = f"{doc.date} {doc.part_title or doc.title}" if doc else item.anchor.doc
        if not self.corpus.place(item.anchor).placed:
            where += " (cannot be placed)"
        lines = visible_controls(item.text.strip()).splitlines() or [""]
        text = "\n".join(f"  {line}" for line in lines[:LINES])
        if len(lines) > LINES:
            text += " …"
        tags = " ".join(f"#{t}" for t in item.tags)
        return Content.assemble(
            ("✎ ", "bold $note-marker"),
            (f"{tags}  " if tags else "", "bold $accent"),
            (where, "$muted-text"),
            "\n",
            text,
        )

    def detail(self, item: object) -> Content:
        """The passage the note is on."""
        assert isinstance(item, Note)
        return Content.assemble(("on: ", "bold"), f"“{one_line(item.anchor.exact)}”")

    def choose(self, item: object) -> None:
        """Enter: close and show the note's passage."""
        assert isinstance(item, Note)
        at = self.corpus.place(item.anchor)
        if not at.placed:
            self.notify(f"This note cannot be placed: {at.reason}", severity="warning")
            return
        self.dismiss((item.anchor.doc, at.start, at.end))

    def action_jump(self) -> None:
        """Jump to the highlighted note's passage."""
        item = self.highlighted()
        if item is None:
            self.app.bell()
        else:
            self.choose(item)
