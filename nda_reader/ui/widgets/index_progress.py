"""IndexProgress: one line saying how far the corpus index is, while it is being built.

The app publishes the progress of its index work on a signal (see
:class:`~nda_reader.ui.indexing.IndexWork`); the line shows it as a bar and hides itself
when the work is done. The reader works meanwhile: documents are read as they are opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from nda_reader.ui.host import ReaderHost
    from nda_reader.ui.indexing import Step

BAR = 20
"""Cells of the bar."""


def progress_text(step: Step) -> Text:
    """``what ▕████······▏ 45%`` for ``step``."""
    what, done, total = step
    share = done / total if total else 1.0
    full = round(share * BAR)
    text = Text(f"{what} ")
    text.append("█" * full + "·" * (BAR - full), "bold")
    text.append(f" {share:.0%} · the reader works meanwhile")
    return text


class IndexProgress(Static):
    """The progress of the index work, one line above the footer (hidden when idle)."""

    DEFAULT_CSS = """
    IndexProgress {
        height: 1; padding: 0 1; background: $panel; color: $text-muted;
    }
    """

    def on_mount(self) -> None:
        """Follow the app's index work."""
        work = cast("ReaderHost", self.app).index_work
        work.changed.subscribe(self, self._show)
        self._show(work.step)

    def _show(self, step: Step | None) -> None:
        self.display = step is not None
        if step is not None:
            self.update(progress_text(step))
