"""End to end in a real terminal: a text pasted into ``A`` is added and read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.corpora import copy_bundled_corpus
from tests.helpers.tmux import Terminal, needs_tmux

pytestmark = [pytest.mark.e2e, needs_tmux]

PASTED = """\
Harbour notes of the week

Ms. Lin: The Binhai Data Office opened three kinds of harbour data on 18 March 2025.

Mr. Zhou: Data element markets come next, with a pilot at local universities.

Ms. Lin: Thank you.
"""
"""Our own words, pasted as from a browser."""


def test_a_pasted_text_is_added_and_read(tmp_path: Path) -> None:
    root = copy_bundled_corpus(tmp_path)
    term = Terminal([str(root)], tmp_path / "config", size=(100, 30))
    try:
        term.wait_for("Publisher")  # the library
        term.keys("A")
        term.wait_for("or paste the text here")
        term.paste(PASTED)  # right away, in the path box: a text of several lines goes below
        term.wait_for("Ms. Lin: Thank you.")
        term.keys("C-n")
        screen = term.wait_for("check what was found")
        assert "Title  Harbour notes of the week" in screen
        assert "Date   2025-03-18" in screen and "Kind   transcript" in screen
        term.keys("Enter")
        term.wait_for("Harbour notes of the week · 2025-03-18")  # the reading screen
        term.wait_for("Mr. Zhou: Data element markets")
        term.keys("t")  # the glossary marks terms in the new text at once
        term.wait_for("data element")
        text = (root / "texts" / "harbour-notes-week-2025.md").read_text(encoding="utf-8")
        assert "kind: transcript" in text and "date: 2025-03-18" in text
        layer = root / "annotations" / "speakers" / "harbour-notes-week-2025.yaml"
        assert "exact: 'Mr. Zhou:'" in layer.read_text(encoding="utf-8")
        term.keys("l")
        term.wait_for("Harbour notes of the week")  # listed in the library
        term.wait_for("6 documents")  # rows: the two SCIO pages are one; the Chinese counterpart
    finally:
        term.close()
