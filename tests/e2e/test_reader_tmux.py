"""End to end in a real terminal: read the Chinese behind a misspelt name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.tmux import Terminal, needs_tmux

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_liu_honglie_in_the_2025_meeting_shows_liu_liehong_in_chinese(tmp_path: Path) -> None:
    # The second launch reads the corpus from the index the first one wrote.
    for launch in ("first", "indexed"):
        assert any((tmp_path / "cache").glob("nda-reader/index-*")) == (launch == "indexed")
        term = Terminal([], tmp_path / "config")
        try:
            term.wait_for("Publisher")  # the library's table is up
            term.keys("End", "Enter")  # newest document: the December 2025 work meeting
            term.wait_for("From 29 to 30 December 2025")
            screen = term.press_until("t", "Liú Lièhóng", tries=20)
            assert re.search(r"刘\s*烈\s*宏", screen), screen
            assert "Liu Liehong" in screen  # the preferred English form of the entry
            assert "Liu Honglie" in screen  # the text keeps the published misspelling
        finally:
            term.close()


def test_narrow_terminal_stacks_the_context_pane_below_the_text(tmp_path: Path) -> None:
    term = Terminal(
        ["texts/national-data-work-meeting-2025.md"], tmp_path / "config", size=(80, 24)
    )
    try:
        term.wait_for("From 29 to 30 December")
        screen = term.press_until("t", "Zhèng Shānjié", tries=10)  # the pane, below the text
        lines = screen.splitlines()
        assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)
        text_row = next(i for i, ln in enumerate(lines) if "From 29 to 30" in ln)
        pinyin_row = next(i for i, ln in enumerate(lines) if "Zhèng Shānjié" in ln)
        assert pinyin_row > text_row
    finally:
        term.close()
