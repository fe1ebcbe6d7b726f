"""The reading screen's half of annotating: forms for the selection, edits from the pane.

Mixed into :class:`~nda_reader.ui.screens.reading.ReadingScreen`. A
:class:`DocumentView.Annotate` message (keys ``g``, ``G``, ``m``, ``p``, ``r``) opens the
matching form for the selection, or for the passage under the cursor; a
:class:`ContextPane.Edit` message (``e`` / ``d`` on the context list) edits or deletes the
annotation on the highlighted row. Saving is the app's job (see ``app_annotations``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from nda_reader.corpus.anchors import Anchor, make_anchor
from nda_reader.corpus.model import Corpus
from nda_reader.reading.search import one_line
from nda_reader.ui.widgets.context_pane import ContextPane, Item

if TYPE_CHECKING:
    from nda_reader.ui.app import ReaderApp
    from nda_reader.ui.widgets.document_view import DocumentView


def quote(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters."""
    text = one_line(text).strip()
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


class AnnotatingMixin:
    """Annotation forms and pane edits; mixed into ReadingScreen."""

    if TYPE_CHECKING:

        @property
        def reader(self) -> ReaderApp: ...

        @property
        def active(self) -> DocumentView: ...

        @property
        def context(self) -> ContextPane: ...

        def views(self) -> list[DocumentView]: ...

        def sync_context(self) -> None: ...

    @property
    def _corpus(self) -> Corpus:
        return self.reader.corpus

    def selected_anchor(self) -> Anchor | None:
        """An anchor for the active view's selection (None when nothing is selected)."""
        view = self.active
        sel = view.selection
        doc = self._corpus.documents.get(sel.doc_id) if sel is not None else None
        if sel is None or doc is None or sel.empty:
            return None
        from nda_reader.reading.motions import trimmed

        start, end = trimmed(doc.body, sel.start, sel.end)
        return make_anchor(doc.id, doc.body, start, end) if start < end else None

    def extra_key_help(self) -> list[tuple[str, str]]:
        """Help rows for keys that are active only while selecting or in the pane."""
        from nda_reader.ui.widgets.document_view.bindings import SELECTING_HELP

        return SELECTING_HELP

    def corpus_reloaded(self, corpus: Corpus) -> None:
        """Show the reloaded corpus in every view and the pane, in the same places."""
        for view in self.views():
            view.set_corpus(corpus)
        self.context.corpus = corpus
        self.context._last = None
        self.sync_context()

    # --------------------------------------------------------------- annotate
    def annotate(self, event: DocumentView.Annotate) -> None:
        """Open the form for ``event.kind`` on ``[event.start, event.end)``."""
        app = self.reader
        if not app.can_annotate():
            return
        doc = self._corpus.documents.get(event.doc_id)
        if doc is None:
            return
        anchor = make_anchor(doc.id, doc.body, event.start, event.end)
        view = event.view
        done = view.action_sel_cancel
        if event.kind == "term":
            self._new_term(anchor.exact, done)
        elif event.kind == "alias":
            self._new_alias(anchor.exact, done)
        elif event.kind == "note":
            self._new_note(anchor, done)
        elif event.kind == "turn":
            self._new_turn(anchor, done)
        elif event.kind == "link":
            self._link_end(anchor, done)

    def _new_term(self, text: str, done: Any) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.term_form import TermForm

        def saved(fields: dict[str, Any] | None) -> None:
            if fields and self.reader.try_save(lambda: annotate.add_term(self._corpus, fields)):
                done()

        self.reader.push_screen(TermForm(self._corpus, text), saved)

    def _new_alias(self, text: str, done: Any) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.entry_picker import EntryPicker

        def saved(entry_id: str | None) -> None:
            if entry_id and self.reader.try_save(
                lambda: annotate.add_alias(self._corpus, entry_id, text)
            ):
                done()

        self.reader.push_screen(EntryPicker(self._corpus, text), saved)

    def _new_note(self, anchor: Anchor, done: Any) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.note_form import NoteForm

        def saved(result: tuple[str, list[str]] | None) -> None:
            if result is None:
                return
            created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if self.reader.try_save(
                lambda: annotate.add_note(self._corpus, anchor, *result, created=created)
            ):
                done()

        self.reader.push_screen(NoteForm(quote(anchor.exact)), saved)

    def _turn_anchor(self, doc_id: str, start: int, end: int | None = None) -> Anchor | None:
        """The stored anchor of the turn placed at ``start`` (and ending at ``end``)."""
        layer = self._corpus.speaker_layers.get(doc_id)
        for turn in layer.turns if layer else []:
            at = self._corpus.place(turn.anchor)
            if at.placed and at.start == start and (end is None or at.end == end):
                return turn.anchor
        return None

    def _new_turn(self, anchor: Anchor, done: Any) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.speaker_form import Choice, SpeakerForm

        assert anchor.pos is not None
        existing = self._turn_anchor(anchor.doc, anchor.pos, anchor.pos + len(anchor.exact))

        def saved(choice: Choice | None) -> None:
            if choice is None:
                return
            ident, new = choice
            if existing is not None:
                ok = self._reassign(existing, ident, new)
            else:
                ok = self.reader.try_save(
                    lambda: annotate.add_turn(self._corpus, anchor, ident, new),
                    f"give {quote(anchor.exact, 30)} to {ident!r}",
                )
            if ok:
                done()

        self.reader.push_screen(SpeakerForm(self._corpus, anchor.doc, quote(anchor.exact)), saved)

    def _reassign(self, turn: Anchor, ident: str, new: dict[str, Any] | None) -> bool:
        from nda_reader.editing import actions as annotate

        def edits() -> list[Any]:
            out = [annotate.add_speaker(self._corpus, turn.doc, new)] if new else []
            return [*out, annotate.reassign_turn(self._corpus, turn, ident)]

        return self.reader.try_save(edits, f"give the turn to {ident!r}")

    def _link_end(self, anchor: Anchor, done: Any) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.link_form import LinkForm

        app = self.reader
        source = app.link_source
        if source is None:
            app.link_source = anchor
            done()
            app.notify(
                f"Link source marked: {quote(anchor.exact, 40)}. Go to the other passage "
                "(here, another document or the split view) and press r there.",
                timeout=8,
            )
            return

        def saved(result: tuple[str, str] | None) -> None:
            app.link_source = None
            if result is None:
                app.notify("Cross-reference cancelled", timeout=3)
                return
            if app.try_save(lambda: annotate.add_link(self._corpus, source, anchor, *result)):
                done()

        app.push_screen(LinkForm(quote(source.exact), quote(anchor.exact)), saved)

    # ------------------------------------------------------------ edit, delete
    def edit_item(self, event: ContextPane.Edit) -> None:
        """Edit or delete the annotation of a context-pane row."""
        if not self.reader.can_annotate():
            return
        kind, ident, offset = event.item
        if event.delete:
            self._delete(event.item)
        elif kind == "term":
            self._edit_term(ident)
        elif kind == "note":
            self._edit_note(ident)
        elif kind == "link":
            self._edit_link(ident)
        elif kind == "turn":
            self._edit_turn(ident, offset)

    def _edit_term(self, entry_id: str) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.term_form import TermForm

        entry = self._corpus.glossary.get(entry_id)
        if entry is None:
            return

        def saved(changes: dict[str, Any] | None) -> None:
            if changes:
                self.reader.try_save(lambda: annotate.update_term(self._corpus, entry_id, changes))
            elif changes is not None:
                self.reader.notify("Nothing changed", timeout=2)

        self.reader.push_screen(TermForm(self._corpus, entry=entry), saved)

    def _edit_note(self, note_id: str) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.note_form import NoteForm

        note = next((n for n in self._corpus.notes if n.id == note_id), None)
        if note is None:
            return

        def saved(result: tuple[str, list[str]] | None) -> None:
            if result is not None and result != (note.text, note.tags):
                self.reader.try_save(lambda: annotate.update_note(self._corpus, note_id, *result))

        self.reader.push_screen(NoteForm(quote(note.anchor.exact), note.text, note.tags), saved)

    def _edit_link(self, link_id: str) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.link_form import LinkForm

        link = next((ln for ln in self._corpus.crossrefs if ln.id == link_id), None)
        if link is None:
            return

        def saved(result: tuple[str, str] | None) -> None:
            if result is not None and result != (link.relation, link.note):
                self.reader.try_save(lambda: annotate.update_link(self._corpus, link_id, *result))

        ends = quote(link.source.exact), quote(link.target.exact)
        form = LinkForm(*ends, link.relation, link.note)
        self.reader.push_screen(form, saved)

    def _edit_turn(self, doc_id: str, start: int) -> None:
        from nda_reader.ui.dialogs.speaker_form import Choice, SpeakerForm

        turn = self._turn_anchor(doc_id, start)
        layer = self._corpus.speaker_layers.get(doc_id)
        if turn is None or layer is None:
            return
        current = next((t.speaker for t in layer.turns if t.anchor == turn), "")

        def saved(choice: Choice | None) -> None:
            if choice is not None and choice[0] != current:
                self._reassign(turn, *choice)

        form = SpeakerForm(self._corpus, doc_id, quote(turn.exact), current)
        self.reader.push_screen(form, saved)

    def _delete(self, item: Item) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.confirm import ConfirmDialog

        kind, ident, offset = item
        corpus = self._corpus
        what = {"term": "glossary entry", "note": "note", "link": "cross-reference"}.get(kind, "")
        if kind == "turn":
            turn = self._turn_anchor(ident, offset)
            if turn is None:
                return
            question = f"Delete the speaker turn at {quote(turn.exact, 40)}?"
            make: Any = lambda: annotate.delete_turn(corpus, turn)  # noqa: E731
        else:
            question = f"Delete the {what} {ident!r}?"
            make = {
                "term": lambda: annotate.delete_term(corpus, ident),
                "note": lambda: annotate.delete_note(corpus, ident),
                "link": lambda: annotate.delete_link(corpus, ident),
            }[kind]

        def answered(yes: bool | None) -> None:
            if yes:
                self.reader.try_save(make)

        self.reader.push_screen(ConfirmDialog(question), answered)
