"""The annotation controller: from a key to the form, the edit, the store and the repaint.

One object, owned by the app, runs every annotation flow: a new term, alias, note, speaker
turn or cross-reference from the selection (or the passage under the cursor); editing and
deleting what a context-pane row shows; re-attaching or deleting orphans; undo, redo and
retry. It opens the forms, builds the edits with :mod:`nda_reader.editing.actions` from the
corpus as it is when the user confirms, and saves them through the
:class:`~nda_reader.ui.annotating.saver.AnnotationSaver`, after which the app reloads only
the files written and repaints only what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from textual.screen import Screen

from nda_reader.corpus.anchors import Anchor, make_anchor
from nda_reader.corpus.model import AnnotationKind, AnnotationRef, Corpus, Orphan
from nda_reader.editing import actions
from nda_reader.editing.layer_store import Edit
from nda_reader.lang.terminal_text import one_line
from nda_reader.ui.annotating.saver import AnnotationSaver
from nda_reader.ui.host import AnnotationHost

T = TypeVar("T")

Done = Callable[[], None]
"""Called once an annotation is saved (the view ends its selection)."""


def _changed(new: T, old: T) -> T | None:
    """``new`` if the user changed the field, else None: a field left as it was is left as
    the file has it now (someone may have changed it there meanwhile)."""
    return new if new != old else None


def quote(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters, in quotation marks."""
    text = one_line(text).strip()
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


class AnnotationController:
    """Every annotation flow of the reader (see the module docstring)."""

    def __init__(self, host: AnnotationHost) -> None:
        self.host = host
        self.saver = AnnotationSaver(host, self._ask)
        self.link_source: Anchor | None = None
        """The first end of a cross-reference being made (``r``), until the second ``r``."""
        self._open = 0

    @property
    def corpus(self) -> Corpus:
        """The corpus as it is now (it changes with every save)."""
        return self.host.corpus

    @property
    def form_open(self) -> bool:
        """True while one of the controller's forms or lists is shown (undo, redo and the
        orphans list wait until it closes)."""
        return self._open > 0

    def _ask(self, screen: Screen[Any], answered: Callable[[Any], None]) -> None:
        self._open += 1
        self.host.clear_notifications()  # no toast over the form (it stays on the screen below)
        self.saver.prepare()  # the reload after the save, while the user fills the form in

        def closed(result: Any) -> None:
            self._open -= 1
            answered(result)

        self.host.push_screen(screen, closed)

    # ------------------------------------------------------------ new annotations
    def annotate(self, kind: AnnotationKind, doc_id: str, start: int, end: int, done: Done) -> None:
        """Open the form for ``kind`` on ``[start, end)`` of ``doc_id``."""
        if not self.saver.can_annotate():
            return
        doc = self.corpus.documents.get(doc_id)
        if doc is None:
            return
        anchor = make_anchor(doc.id, doc.body, start, end)
        flows = {
            AnnotationKind.TERM: lambda: self._new_term(anchor.exact, done),
            AnnotationKind.ALIAS: lambda: self._new_alias(anchor.exact, done),
            AnnotationKind.NOTE: lambda: self._new_note(anchor, done),
            AnnotationKind.TURN: lambda: self._new_turn(anchor, done),
            AnnotationKind.LINK: lambda: self._link_end(anchor, done),
        }
        flows[kind]()

    def _new_term(self, text: str, done: Done) -> None:
        from nda_reader.ui.dialogs.term_form import TermForm

        def saved(fields: dict[str, Any] | None) -> None:
            if fields and self.saver.save(lambda: actions.add_term(self.corpus, fields)):
                done()

        self._ask(TermForm(self.corpus, text), saved)

    def new_term(self, prefill: dict[str, str]) -> None:
        """The new-term form filled in with ``prefill`` (a dictionary entry's hanzi,
        pinyin and English)."""
        from nda_reader.ui.dialogs.term_form import TermForm

        if not self.saver.can_annotate():
            return

        def saved(fields: dict[str, Any] | None) -> None:
            if fields:
                self.saver.save(lambda: actions.add_term(self.corpus, fields))

        self._ask(TermForm(self.corpus, prefill=prefill), saved)

    def _new_alias(self, text: str, done: Done) -> None:
        from nda_reader.ui.dialogs.entry_picker import EntryPicker

        def saved(entry_id: str | None) -> None:
            if entry_id and self.saver.save(lambda: actions.add_alias(self.corpus, entry_id, text)):
                done()

        self._ask(EntryPicker(self.corpus, text), saved)

    def _new_note(self, anchor: Anchor, done: Done) -> None:
        from nda_reader.ui.dialogs.note_form import NoteForm

        def saved(result: tuple[str, list[str]] | None) -> None:
            if result is None:
                return
            created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if self.saver.save(
                lambda: actions.add_note(self.corpus, anchor, *result, created=created)
            ):
                done()

        self.saver.prepare(actions.notes_file(self.corpus), "notes")
        self._ask(NoteForm(quote(anchor.exact)), saved)

    def turn_anchor(self, doc_id: str, start: int, end: int | None = None) -> Anchor | None:
        """The stored anchor of the turn placed at ``start`` (and ending at ``end``)."""
        layer = self.corpus.speaker_layers.get(doc_id)
        for turn in layer.turns if layer else []:
            at = self.corpus.place(turn.anchor)
            if at.placed and at.start == start and (end is None or at.end == end):
                return turn.anchor
        return None

    def _new_turn(self, anchor: Anchor, done: Done) -> None:
        from nda_reader.ui.dialogs.speaker_form import Choice, SpeakerForm

        start = anchor.pos or 0
        existing = self.turn_anchor(anchor.doc, start, start + len(anchor.exact))

        def saved(choice: Choice | None) -> None:
            if choice is None:
                return
            ident, new = choice
            if existing is not None:
                ok = self._reassign(existing, ident, new)
            else:
                ok = self.saver.save(
                    lambda: actions.add_turn(self.corpus, anchor, ident, new),
                    f"give {quote(anchor.exact, 30)} to {ident!r}",
                )
            if ok:
                done()

        self._ask(SpeakerForm(self.corpus, anchor.doc, quote(anchor.exact)), saved)

    def _reassign(self, turn: Anchor, ident: str, new: dict[str, Any] | None) -> bool:
        def edits() -> list[Edit]:
            out = [actions.add_speaker(self.corpus, turn.doc, new)] if new else []
            return [*out, actions.reassign_turn(self.corpus, turn, ident)]

        return self.saver.save(edits, f"give the turn to {ident!r}")

    def _link_end(self, anchor: Anchor, done: Done) -> None:
        from nda_reader.ui.dialogs.link_form import LinkForm

        source = self.link_source
        if source is None:
            self.link_source = anchor
            done()
            self.host.notify(
                f"Link source marked: {quote(anchor.exact, 40)}. Go to the other passage "
                "(here, another document or the split view) and press r there.",
                timeout=8,
            )
            return

        if (anchor.doc, anchor.pos, anchor.exact) == (source.doc, source.pos, source.exact):
            self.link_source = None  # r on the source itself: no link after all
            done()
            self.host.notify("Link source forgotten", timeout=3)
            return

        def saved(result: tuple[str, str] | None) -> None:
            if result is None:
                self.host.notify(
                    "Cross-reference not saved; the source stays marked: r on another "
                    "passage links it, r on the source forgets it",
                    timeout=6,
                )
                return
            self.link_source = None
            if self.saver.save(lambda: actions.add_link(self.corpus, source, anchor, *result)):
                done()

        self._ask(LinkForm(quote(source.exact), quote(anchor.exact)), saved)

    # ------------------------------------------------------------ edit, delete
    def edit(self, item: AnnotationRef) -> None:
        """Edit the annotation a context-pane row shows."""
        if not self.saver.can_annotate():
            return
        flows = {
            AnnotationKind.TERM: self._edit_term,
            AnnotationKind.NOTE: self._edit_note,
            AnnotationKind.LINK: self._edit_link,
            AnnotationKind.TURN: self._edit_turn,
        }
        flow = flows.get(item.kind)
        if flow is not None:
            flow(item)

    def _edit_term(self, item: AnnotationRef) -> None:
        from nda_reader.ui.dialogs.term_form import TermForm

        entry = self.corpus.glossary.get(item.id)
        if entry is None:
            return

        def saved(changes: dict[str, Any] | None) -> None:
            if changes:
                self.saver.save(lambda: actions.update_term(self.corpus, item.id, changes))
            elif changes is not None:
                self.host.notify("Nothing changed", timeout=2)

        self._ask(TermForm(self.corpus, entry=entry), saved)

    def _edit_note(self, item: AnnotationRef) -> None:
        from nda_reader.ui.dialogs.note_form import NoteForm

        note = next((n for n in self.corpus.notes if n.id == item.id), None)
        if note is None:
            return

        def saved(result: tuple[str, list[str]] | None) -> None:
            if result is None or result == (note.text, note.tags):
                return
            text, tags = _changed(result[0], note.text), _changed(result[1], note.tags)
            self.saver.save(lambda: actions.update_note(self.corpus, item.id, text, tags))

        self._ask(NoteForm(quote(note.anchor.exact), note.text, note.tags), saved)

    def _edit_link(self, item: AnnotationRef) -> None:
        from nda_reader.ui.dialogs.link_form import LinkForm

        link = next((ln for ln in self.corpus.crossrefs if ln.id == item.id), None)
        if link is None:
            return

        def saved(result: tuple[str, str] | None) -> None:
            if result is None or result == (link.relation, link.note):
                return
            relation, note = _changed(result[0], link.relation), _changed(result[1], link.note)
            self.saver.save(lambda: actions.update_link(self.corpus, item.id, relation, note))

        ends = quote(link.source.exact), quote(link.target.exact)
        self._ask(LinkForm(*ends, link.relation, link.note), saved)

    def _edit_turn(self, item: AnnotationRef) -> None:
        from nda_reader.ui.dialogs.speaker_form import Choice, SpeakerForm

        turn = self.turn_anchor(item.id, item.offset)
        layer = self.corpus.speaker_layers.get(item.id)
        if turn is None or layer is None:
            return
        current = next((t.speaker for t in layer.turns if t.anchor == turn), "")

        def saved(choice: Choice | None) -> None:
            if choice is not None and choice[0] != current:
                self._reassign(turn, *choice)

        self._ask(SpeakerForm(self.corpus, item.id, quote(turn.exact), current), saved)

    def delete(self, item: AnnotationRef) -> None:
        """Delete the annotation a context-pane row shows, after a yes/no question."""
        if not self.saver.can_annotate():
            return
        corpus = self.corpus
        if item.kind is AnnotationKind.TURN:
            turn = self.turn_anchor(item.id, item.offset)
            if turn is None:
                return
            self._confirm(
                f"Delete the speaker turn at {quote(turn.exact, 40)}?",
                lambda: actions.delete_turn(corpus, turn),
            )
            return
        makers: dict[AnnotationKind, tuple[str, Callable[[], Edit]]] = {
            AnnotationKind.TERM: ("glossary entry", lambda: actions.delete_term(corpus, item.id)),
            AnnotationKind.NOTE: ("note", lambda: actions.delete_note(corpus, item.id)),
            AnnotationKind.LINK: ("cross-reference", lambda: actions.delete_link(corpus, item.id)),
        }
        if item.kind in makers:
            what, make = makers[item.kind]
            self._confirm(f"Delete the {what} {item.id!r}?", make)

    def _confirm(self, question: str, make: Callable[[], Edit]) -> None:
        from nda_reader.ui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.saver.save(make)

        self._ask(ConfirmDialog(question), answered)

    # ------------------------------------------------------------ orphans, history
    def orphans(self, selection: Anchor | None) -> None:
        """List the orphans; re-attach the chosen one to ``selection``, or delete it."""
        from nda_reader.ui.screens.orphans import Choice, OrphansScreen

        def chosen(choice: Choice | None) -> None:
            if choice is None:
                return
            what, orphan = choice
            at = orphan.resolution
            if what != "attach":
                self._delete_orphan(orphan)
            elif selection is None and at.placed:
                self._update_anchor(orphan)
            elif selection is None:
                self.host.notify(
                    "Select the new place first (v and extend), then press O",
                    severity="warning",
                )
            elif orphan.kind is AnnotationKind.TURN and selection.doc != orphan.anchor.doc:
                self.host.notify("A speaker turn stays in its own document", severity="error")
            elif orphan.kind is AnnotationKind.PAIR:
                from nda_reader.editing.alignments import reattach_pair

                self.saver.save(lambda: reattach_pair(self.corpus, orphan, selection))
            else:
                self.saver.save(lambda: actions.reattach(self.corpus, orphan, selection))

        self._ask(OrphansScreen(self.corpus, selection), chosen)

    def _update_anchor(self, orphan: Orphan) -> None:
        """Write an anchor placed by a fuzzy match anew, for the text now where it is."""
        at = orphan.resolution
        doc = self.corpus.documents.get(orphan.anchor.doc)
        if doc is None:
            return
        anchor = make_anchor(doc.id, doc.body, at.start, at.end)
        self.saver.save(
            lambda: actions.reattach(self.corpus, orphan, anchor),
            f"update the anchor of {orphan.label} {orphan.id!r}",
        )

    def _delete_orphan(self, orphan: Orphan) -> None:
        from nda_reader.editing.alignments import delete_pair  # imported on first use

        corpus = self.corpus
        makers = {
            AnnotationKind.NOTE: lambda: actions.delete_note(corpus, orphan.id),
            AnnotationKind.LINK: lambda: actions.delete_link(corpus, orphan.id),
            AnnotationKind.TURN: lambda: actions.delete_turn(corpus, orphan.anchor),
            AnnotationKind.PAIR: lambda: delete_pair(corpus, orphan.id),
        }
        self._confirm(f"Delete the {orphan.label} {orphan.id!r} for good?", makers[orphan.kind])

    def undo(self) -> None:
        """Undo the last annotation change of this session."""
        self.saver.undo()

    def redo(self) -> None:
        """Redo the last undone change."""
        self.saver.redo()

    def retry(self) -> None:
        """Write the changes that could not be saved."""
        self.saver.retry()
