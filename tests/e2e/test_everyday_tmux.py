"""End to end in a real terminal at 80x24: a form that says why it will not save, and a
document that reopens where it was left after quitting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.corpora import copy_bundled_corpus
from tests.helpers.tmux import Terminal, needs_tmux

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_the_new_term_form_says_at_80x24_why_it_will_not_save(tmp_path: Path) -> None:
    root = copy_bundled_corpus(tmp_path)
    glossary = (root / "annotations" / "glossary.yaml").read_text(encoding="utf-8")
    path = root / "texts" / "national-data-work-meeting-2025.md"
    term = Terminal([str(path)], tmp_path / "config", size=(80, 24))
    try:
        term.wait_for("From 29 to 30 December")
        term.keys("v")
        term.wait_for("Selecting")
        term.keys("g")
        # The key hint is on screen with the form, without resizing (tmux may capture a
        # frame half drawn, so wait for the hint rather than look beside the title).
        screen = term.wait_for("enter save")
        assert "New glossary term" in screen
        term.keys("-l", "国家数据局")  # the hanzi field has the focus: the NDA's hanzi
        screen = term.wait_for("already a form of")
        assert "'nda'" in screen
        term.keys("Enter")  # refused: the form stays, the reason stays on screen
        screen = term.wait_stable()
        assert "New glossary term" in screen and "already a form of" in screen
        assert len(screen.splitlines()) <= 24
        term.keys("Escape")
        term.wait_for("From 29 to 30 December")
    finally:
        term.close()
    assert (root / "annotations" / "glossary.yaml").read_text(encoding="utf-8") == glossary


def test_quitting_in_the_middle_of_a_document_and_relaunching_comes_back_there(
    tmp_path: Path,
) -> None:
    root = copy_bundled_corpus(tmp_path)
    config = tmp_path / "config"
    term = Terminal([str(root)], config, size=(80, 24))
    try:
        term.wait_for("enter opens")
        # the SCIO briefing, after the speech and the two sides of the 2024 conference
        term.keys("Home", "Down", "Down", "Down", "Enter")
        term.wait_for("Speakers:")
        screen = term.press_until("space", "Red Star News", tries=30)  # well into page 2
        top = screen.splitlines()[1].strip()  # the first line of text under the title
        assert top
        term.keys("q")
        term.wait_for_exit()
    finally:
        term.close()
    term = Terminal([str(root)], config, size=(80, 24))
    try:
        term.wait_for("enter opens")
        term.keys("Home", "Down", "Down", "Down", "Enter")
        screen = term.wait_for("Red Star News")
        assert "Speakers:" not in screen
        lines = [ln.strip() for ln in screen.splitlines()[:12]]
        assert any(top[:30] in ln for ln in lines), (top, screen)
    finally:
        term.close()
