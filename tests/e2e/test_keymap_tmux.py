"""A user's keymap.yaml moves "next term" to another key, in a real terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.tmux import Terminal, needs_tmux

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_next_term_moved_to_n_by_the_users_keymap(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "nda-reader").mkdir(parents=True)
    (config / "nda-reader" / "keymap.yaml").write_text(
        "# next term on n, so next search match moves to ctrl+n\n"
        "view.next_term: n\n"
        "view.next_match: ctrl+n\n",
        encoding="utf-8",
    )
    term = Terminal(["texts/national-data-work-meeting-2025.md"], config)
    try:
        term.wait_for("From 29 to 30 December")
        # The pane may be drawn after the text (a capture can fall between the two).
        screen = term.wait_for("No term under the cursor")
        assert "From 29 to 30 December" in screen
        assert "problem" not in screen  # the keymap was accepted
        term.keys("n")
        screen = term.wait_for("Concordance:")  # n went to a term, the pane shows it
        assert "No term under the cursor" not in screen
        term.keys("?")
        screen = term.wait_for("Next glossary term")
        assert re.search(r"│ n +Next term +Next glossary term", screen), screen
    finally:
        term.close()
