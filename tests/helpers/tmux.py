"""Drive the real ``nda-reader`` in tmux: a private server, keys in, screen text out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.helpers.corpora import REPO

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """A tmux pane of a fixed size running one command, on its own tmux server."""

    def __init__(self, args: list[str], config: Path, size: tuple[int, int] = (120, 40)) -> None:
        self.server = f"nda-e2e-{uuid.uuid4().hex[:8]}"
        # Settings in ``config``, the cache of loaded corpora beside it: never the user's own.
        env = [f"XDG_CONFIG_HOME={config}", f"XDG_CACHE_HOME={config.parent / 'cache'}"]
        command = " ".join(["env", *env, sys.executable, "-m", "nda_reader", *args])
        width, height = size
        # The pane is sized first, with a placeholder in it, and the reader started in it
        # only then: started at once, it can read the size tmux gives a new pane before the
        # requested one (80x24), and a busy machine may deliver the resize before the app
        # listens for it.
        self._tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "main",
            "-x", str(width), "-y", str(height), "sleep 600",
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while (
            self._tmux("display-message", "-p", "-t", "main", "#{pane_width}x#{pane_height}")[:-1]
            != f"{width}x{height}"
        ):
            assert time.monotonic() < deadline, "tmux never gave the pane its size"
            time.sleep(0.02)
        self._tmux("respawn-pane", "-k", "-t", "main", "-c", str(REPO), command)

    def _tmux(self, *args: str, stdin: str | None = None) -> str:
        # COLUMNS and LINES (set by some test runners) would win over the pane's real size.
        env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "COLUMNS", "LINES")}
        done = subprocess.run(
            ["tmux", "-L", self.server, *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            input=stdin,
        )
        return done.stdout

    def paste(self, text: str) -> None:
        """Paste ``text`` as a terminal does (bracketed paste, as from a browser)."""
        self._tmux("load-buffer", "-", stdin=text)
        self._tmux("paste-buffer", "-p", "-t", "main")

    def screen(self) -> str:
        """The visible text of the pane."""
        return self._tmux("capture-pane", "-p", "-t", "main")

    def title(self) -> str:
        """The pane's title (what an escape sequence like ``ESC ]0;…`` would set)."""
        return self._tmux("display-message", "-p", "-t", "main", "#{pane_title}")[:-1]

    def buffers(self) -> str:
        """tmux's paste buffers (where an OSC 52 clipboard write would land)."""
        return self._tmux("list-buffers")

    def keys(self, *keys: str) -> None:
        """Send tmux key names (``Down``, ``Enter``, ``t``…)."""
        self._tmux("send-keys", "-t", "main", *keys)

    def wait_changed(self, before: str, timeout: float = 5.0) -> str:
        """Wait until the screen differs from ``before``, then until it stops changing
        (two captures in a row alike); return it. Returns the last screen on timeout."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while screen == before and time.monotonic() < deadline:
            time.sleep(0.02)
            screen = self.screen()
        return self.wait_stable(screen, deadline)

    def wait_stable(
        self, screen: str | None = None, deadline: float | None = None, quiet: float = 0.15
    ) -> str:
        """Wait until the screen has not changed for ``quiet`` seconds (the app has painted
        everything a key caused, not just its first frame)."""
        deadline = deadline if deadline is not None else time.monotonic() + 5.0
        last = screen if screen is not None else self.screen()
        since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.03)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        return last

    def press(self, key: str, timeout: float = 3.0) -> str:
        """Send one key and return the screen once it has changed and settled."""
        before = self.wait_stable()
        self.keys(key)
        return self.wait_changed(before, timeout)

    def press_until(self, key: str, text: str, tries: int = 40) -> str:
        """Press ``key`` until ``text`` is on screen, waiting for each repaint; fail showing
        the screen if it never is."""
        screen = self.wait_stable()
        for _ in range(tries):
            if text in screen:
                return screen
            screen = self.press(key)
        raise AssertionError(f"{text!r} never appeared after {tries} x {key}:\n{screen}")

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` is on screen; return the screen, or fail showing it."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def wait_for_exit(self, timeout: float = 15.0) -> None:
        """Wait until the program has ended (its pane is gone, or dead)."""
        deadline = time.monotonic() + timeout
        while self._tmux("list-panes", "-t", "main", "-F", "#{pane_dead}").strip() not in (
            "",
            "1",
        ):
            assert time.monotonic() < deadline, f"the program never ended:\n{self.screen()}"
            time.sleep(0.05)

    def close(self) -> None:
        """Stop the program and the tmux server."""
        self._tmux("kill-server")
