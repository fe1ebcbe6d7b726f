"""End to end in a real terminal: a hostile corpus (escape sequences in a file name and in a
text, a FIFO, a symbolic link loop) opens at once, and nothing reaches the terminal but
text (issue 10, cases 11, 12 and 14)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.helpers.corpora import text_file
from tests.helpers.tmux import Terminal, needs_tmux

pytestmark = [pytest.mark.e2e, needs_tmux]

EVIL = "evil\x1b]0;pwned\x07\x1b]52;c;aGk=\x07.yaml"


def _hostile_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "texts").mkdir(parents=True)
    (root / "annotations").mkdir()
    body = "Opening words.\n\nA title change \x1b]0;pwned-too\x07 inside the text.\n"
    (root / "texts" / "doc.md").write_text(text_file("doc", body), encoding="utf-8")
    (root / "annotations" / EVIL).write_text("layer: nonsense\n", encoding="utf-8")
    os.mkfifo(root / "texts" / "pipe.md")
    os.mkfifo(root / "annotations" / "notes.yaml")  # read at start, to notice outside changes
    (root / "annotations" / "loop.yaml").symlink_to("loop.yaml")
    return root


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_hostile_corpus_opens_and_its_problems_are_shown_as_text(tmp_path: Path) -> None:
    root = _hostile_corpus(tmp_path)
    term = Terminal([str(root)], tmp_path / "config", size=(120, 40))
    try:
        start_title = term.title()
        term.wait_for("Publisher")  # the library; before: the FIFO blocked the start for good
        term.keys("!")
        term.wait_for("Problems: 4 errors")
        screen = term.wait_stable()
        assert "annotations/evil␛]0;pwned␇␛]52;c;aGk=␇.yaml:1:8: error: 'layer:'" in screen
        assert "texts/pipe.md:1:1: error: a FIFO (named pipe), not a file" in screen
        assert "annotations/notes.yaml:1:1: error: a FIFO (named pipe), not a file" in screen
        assert "annotations/loop.yaml:1:1: error: cannot read file: Too many levels" in screen
        term.keys("Escape")
        deadline = time.monotonic() + 15
        while "Problems: 4 errors" in term.screen():
            assert time.monotonic() < deadline, "the problems view stayed open"
            time.sleep(0.05)
        term.keys("Enter")
        term.wait_for("A title change ␛]0;pwned-too␇ inside the text.")
        assert "pwned" not in term.title() and term.title() == start_title
        assert "aGk" not in term.buffers()
    finally:
        term.close()
