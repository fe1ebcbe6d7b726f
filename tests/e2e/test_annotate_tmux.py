"""End to end in a real terminal: a term added by keys in one document is highlighted in another."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.helpers.corpora import copy_bundled_corpus
from tests.helpers.layer_diff import added_block
from tests.helpers.tmux import Terminal, needs_tmux

pytestmark = [pytest.mark.e2e, needs_tmux]


def _wait_gone(term: Terminal, text: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while text in term.screen():
        assert time.monotonic() < deadline, f"{text!r} stayed on screen"
        time.sleep(0.05)


def test_new_term_in_one_document_is_a_term_in_another(tmp_path: Path) -> None:
    root = copy_bundled_corpus(tmp_path)
    glossary = root / "annotations" / "glossary.yaml"
    before = glossary.read_text(encoding="utf-8")
    term = Terminal([str(root)], tmp_path / "config")
    try:
        term.wait_for("Publisher")  # the library
        term.keys("End", "Enter")  # the December 2025 work meeting
        term.wait_for("From 29 to 30 December 2025")
        term.keys("/")
        term.wait_for("Search in this document")
        term.keys("-l", "data circulation")
        term.keys("Enter")
        term.wait_for("matches for 'data circulation'")
        term.keys("v")
        term.wait_for("Selecting:")
        term.keys("g")
        term.wait_for("New glossary term")
        term.keys("-l", "数据流通")
        term.wait_for("shùjù liútōng")  # drafted from the hanzi
        term.keys("Enter")
        term.wait_for("Saved: add term 'data circulation'")
        deadline = time.monotonic() + 5
        while "id: data-circulation" not in glossary.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the glossary was not written"
            time.sleep(0.05)
        after = glossary.read_text(encoding="utf-8")
        block, _ = added_block(before, after, "entries")
        assert "    hanzi: 数据流通\n    pinyin: shùjù liútōng\n" in block
        # Another document: the SCIO briefing (fourth row of the library, after the 2024
        # work conference and its Chinese counterpart).
        term.keys("l")
        term.wait_for("Publisher")  # the library's table header (titles show elsewhere too)
        term.keys("Home", "Down", "Down", "Down", "Enter")
        term.wait_for("Chairperson:")  # the briefing's text, not the library row
        term.keys("/")
        term.wait_for("Search in this document")
        term.keys("-l", "data circulation")
        term.keys("Enter")
        _wait_gone(term, "Search in this document")
        term.wait_for("match for 'data circulation'")  # the search is done: on its match
        # The match is the new term: the context pane shows its entry at once.
        screen = term.wait_for("data circulation  (term)")
        assert re.search(r"数\s*据\s*流\s*通", screen), screen
        assert "shùjù liútōng" in screen
    finally:
        term.close()
