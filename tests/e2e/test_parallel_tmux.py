"""End to end in a real terminal: the bundled note beside its Chinese, wide and narrow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.corpora import copy_bundled_corpus
from tests.helpers.tmux import Terminal, needs_tmux

pytestmark = [pytest.mark.e2e, needs_tmux]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_the_parallel_view_keeps_the_two_texts_in_step(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    root = copy_bundled_corpus(tmp_path)
    term = Terminal(
        [str(root / "texts" / "nda-work-conference-2024.md")], tmp_path / "config", size=size
    )
    try:
        term.wait_for("first national data work conference held")
        screen = term.press("P")
        screen = term.wait_for("首届全国数据工作会议召开")
        assert "Pair 1/25 1–1 confirmed" in screen
        screen = term.press_until("G", "刘典认为")  # the end: the last pair is 1-2
        assert "Pair 25/25 1–2 confirmed" in screen
        assert "especially in the field of data" in screen
        lines = screen.splitlines()
        assert len(lines) <= size[1] and all(len(line) <= size[0] for line in lines)
        english = next(i for i, ln in enumerate(lines) if "especially in the field" in ln)
        chinese = next(i for i, ln in enumerate(lines) if "刘典认为" in ln)
        if size[0] >= 100:  # side by side: the two on one row or close
            column = lines[chinese].index("刘典认为")
            assert column > size[0] // 2 - 4 and lines[english].index("especially") < column
        else:  # stacked: the Chinese below the English
            assert chinese > english
        screen = term.press("P")  # back on the reading screen, at the same place
        assert "⇄" not in screen and "especially in the field of data" in screen
    finally:
        term.close()
