"""The floor for any Textual program here: an app that shows one line of text and nothing else.

    python benchmarks/bare_textual.py "text to show"

``run.py`` times it to its first paint beside nda-reader, to separate what Textual's own
start-up costs from what nda-reader adds.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class OneLine(App[None]):
    """Show one line of text."""

    def __init__(self, line: str) -> None:
        super().__init__()
        self.line = line

    def compose(self) -> ComposeResult:
        """The line, as a Static."""
        yield Static(self.line, markup=False)


if __name__ == "__main__":
    OneLine(" ".join(sys.argv[1:])).run()
