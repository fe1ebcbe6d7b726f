"""The app's half of annotating: saving, undo/redo, retry, reloading the corpus, orphans.

Mixed into :class:`~nda_reader.ui.app.ReaderApp`. Every change goes through an
:class:`~nda_reader.session.AnnotationSession` (atomic, minimal-diff writes) and is
followed by a reload of the corpus from disk, so a new term is highlighted everywhere at
once; open screens keep their documents and cursor positions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nda_reader.corpus.anchors import Anchor
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus, Orphan
from nda_reader.editing.actions import AnnotateError
from nda_reader.editing.layer_store import Edit
from nda_reader.editing.session import AnnotationSession, Outcome

if TYPE_CHECKING:
    from textual.screen import Screen

NO_FOLDER = (
    "Annotations need a corpus folder (with texts/ and annotations/); this file was "
    "opened on its own, so nothing can be saved"
)


class AnnotationsMixin:
    """Saving annotations, history and orphans; mixed into ReaderApp."""

    corpus: Corpus
    session: AnnotationSession
    link_source: Anchor | None
    """The first end of a cross-reference being made (``r``), until the second ``r``."""

    if TYPE_CHECKING:
        screen: Screen[Any]
        screen_stack: list[Screen[Any]]

        def notify(
            self,
            message: str,
            *,
            title: str = "",
            severity: Any = "information",
            timeout: float | None = None,
            markup: bool = True,
        ) -> None: ...

    def _push(self, screen: Any, callback: Any) -> None:
        app: Any = self
        app.push_screen(screen, callback)

    def init_annotations(self) -> None:
        """Start the session: remember every layer file as loaded."""
        self.session = AnnotationSession()
        self.link_source = None
        self.session.remember(self.corpus)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No undo, redo or orphans list while an annotation form is open."""
        if action in ("undo", "redo", "orphans", "retry_save"):
            return not getattr(self.screen, "annotation_form", False)
        return True

    # ------------------------------------------------------------------ saving
    def can_annotate(self) -> bool:
        """True when there is a corpus folder to save in (else the user is told)."""
        if self.corpus.root is None:
            self.notify(NO_FOLDER, severity="error", timeout=8)
            return False
        return True

    def save_edits(self, edits: Edit | list[Edit], what: str = "") -> bool:
        """Save one action, say how it went, reload the corpus if files changed."""
        return self._report(self.session.apply(edits, what))

    def try_save(self, make: Any, what: str = "") -> bool:
        """``make()`` builds the edits from the current corpus; report AnnotateError."""
        try:
            edits = make()
        except AnnotateError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return False
        return self.save_edits(edits, what)

    def _report(self, outcome: Outcome) -> bool:
        self.notify(
            outcome.message,
            severity=outcome.severity,
            timeout=10 if outcome.severity != "information" else 4,
            markup=False,
        )
        if outcome.changed:
            self.reload_corpus()
        return outcome.severity != "error"

    def reload_corpus(self) -> None:
        """Load the corpus from disk again; open screens keep their place."""
        root = self.corpus.root
        if root is None:
            return
        old = self.corpus
        corpus = load_corpus(root)
        corpus.problems.extend(p for p in old.problems if not p.path.is_relative_to(root))
        self.corpus = corpus
        self.session.remember(corpus)
        for screen in self.screen_stack:
            reloaded = getattr(screen, "corpus_reloaded", None)
            if reloaded is not None:
                reloaded(corpus)

    # ----------------------------------------------------------------- actions
    def action_undo(self) -> None:
        """Undo the last annotation change of this session (u)."""
        self._report(self.session.undo())

    def action_redo(self) -> None:
        """Redo the last undone change (ctrl+r)."""
        self._report(self.session.redo())

    def action_retry_save(self) -> None:
        """Write the changes that could not be saved (ctrl+s)."""
        self._report(self.session.retry())

    def action_orphans(self) -> None:
        """List annotations that cannot be placed; re-attach one to the selection, or delete."""
        from nda_reader.ui.screens.orphans import OrphansScreen

        below = self.screen
        selection = getattr(below, "selected_anchor", None)
        anchor = selection() if selection is not None else None

        def chosen(choice: tuple[str, Orphan] | None) -> None:
            if choice is None:
                return
            what, orphan = choice
            if what == "attach":
                if anchor is None:
                    self.notify(
                        "Select the new place first (v and extend), then press O",
                        severity="warning",
                    )
                    return
                self._reattach(orphan, anchor)
            else:
                self._delete_orphan(orphan)

        self._push(OrphansScreen(self.corpus, anchor), chosen)

    def _reattach(self, orphan: Orphan, anchor: Anchor) -> None:
        from nda_reader.editing.actions import reattach

        if orphan.kind == "turn" and anchor.doc != orphan.anchor.doc:
            self.notify("A speaker turn stays in its own document", severity="error")
            return
        self.try_save(lambda: reattach(self.corpus, orphan.kind, orphan.id, orphan.anchor, anchor))

    def _delete_orphan(self, orphan: Orphan) -> None:
        from nda_reader.editing import actions as annotate
        from nda_reader.ui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if orphan.kind == "note":
                self.try_save(lambda: annotate.delete_note(self.corpus, orphan.id))
            elif orphan.kind.startswith("link"):
                self.try_save(lambda: annotate.delete_link(self.corpus, orphan.id))
            else:
                self.try_save(lambda: annotate.delete_turn(self.corpus, orphan.anchor))

        self._push(ConfirmDialog(f"Delete the {orphan.kind} {orphan.id!r} for good?"), answered)
