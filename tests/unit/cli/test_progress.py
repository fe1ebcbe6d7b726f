"""The command line's progress bar: on a terminal only, one line, cleared at the end."""

from __future__ import annotations

import io

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
