"""A progress bar on the terminal for long work of the command line (building the index,
``check``, ``export --all``): drawn on standard error, and only when it is a terminal, so
that redirected output and pipes stay clean."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24
"""Cells of the bar."""


class TerminalProgress:
    """``progress(what, done, total)`` drawing ``what [████······] 45%`` on one line.

    Redrawn at most ten times a second; :meth:`close` clears the line. Silent when the
    stream is not a terminal.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self._last = 0.0
        self._shown = 0

    def __call__(self, what: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        share = done / total if total else 1.0
        full = round(share * WIDTH)
        line = f"{what} [{'█' * full}{'·' * (WIDTH - full)}] {share:.0%}"
        self.stream.write("\r" + line.ljust(self._shown))
        self.stream.flush()
        self._shown = len(line)

    def close(self) -> None:
        """Clear the line (if anything was drawn)."""
        if self.enabled and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0
