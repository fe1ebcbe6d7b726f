"""The command line's progress bar: on a terminal only, one line, cleared at the end."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from nda_reader.cli.progress import TerminalProgress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_when_standard_error_is_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = TerminalProgress(stream)
    progress("Reading texts", 5, 10)
    progress("Reading texts", 10, 10)
    progress.close()
    assert stream.getvalue() == ""


def test_a_bar_is_drawn_on_one_line_and_cleared() -> None:
    stream = _Terminal()
    progress = TerminalProgress(stream)
    progress("Reading texts", 5, 10)
    progress("Reading texts", 10, 10)  # the last step is always drawn
    drawn = stream.getvalue()
    assert "\n" not in drawn and "Reading texts [" in drawn and drawn.endswith("100%")
    assert "50%" in drawn.split("\r")[1]
    progress.close()
    assert stream.getvalue().endswith("\r")


def _run(monkeypatch: pytest.MonkeyPatch, stderr: io.StringIO, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "stderr", stderr)
    return main(argv)


@pytest.mark.parametrize("command", ["check", "export"])
def test_check_and_export_draw_a_bar_on_a_terminal_and_nothing_elsewhere(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    from tests.helpers.corpora import copy_bundled_corpus

    root = copy_bundled_corpus(tmp_path)

    def argv(out: str) -> list[str]:
        if command == "check":
            return ["check", "--no-pinyin", str(root)]
        return ["export", "--all", "--corpus", str(root), "-o", str(tmp_path / out)]

    terminal = _Terminal()
    _run(monkeypatch, terminal, argv("a"))  # builds the index, then checks or exports
    on_terminal = capsys.readouterr().out
    drawn = terminal.getvalue()
    assert "Reading texts [" in drawn and "100%" in drawn
    assert ("Looking for glossary forms [" if command == "check" else "Exporting [") in drawn
    assert drawn.endswith("\r")  # the bar is cleared at the end
    piped = io.StringIO()
    _run(monkeypatch, piped, argv("b"))
    assert "█" not in piped.getvalue() and "\r" not in piped.getvalue()
    assert capsys.readouterr().out == on_terminal.replace(str(tmp_path / "a"), str(tmp_path / "b"))
