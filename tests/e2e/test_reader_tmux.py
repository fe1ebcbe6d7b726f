"""End to end in a real terminal: read the Chinese behind a misspelt name."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.helpers.corpora import REPO
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


def test_quitting_keeps_the_start_up_parses_for_the_next_launch(tmp_path: Path) -> None:
    from nda_reader.formats.yaml_memo import MEMO_FILE, MISSING, YamlMemo

    memo = tmp_path / "cache" / "nda-reader" / MEMO_FILE
    term = Terminal(["texts/national-data-work-meeting-2025.md"], tmp_path / "config")
    try:
        term.wait_for("From 29 to 30 December")
        term.keys("q")
        deadline = time.monotonic() + 10
        while not memo.is_file():  # written as the reader exits
            assert time.monotonic() < deadline, term.screen()
            time.sleep(0.05)
    finally:
        term.close()
    theme = (REPO / "themes" / "dark.yaml").read_text(encoding="utf-8")
    assert YamlMemo(memo).get("parse", theme) is not MISSING
    places = (tmp_path / "config" / "nda-reader" / "places.yaml").read_text(encoding="utf-8")
    assert YamlMemo(memo).get("plain", places) is not MISSING  # where the reader was left
