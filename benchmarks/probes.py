"""Timing a terminal program in tmux, as a person sees it, in several steps.

``../shared/tools/termtime.py`` times a launch and one keypress; some measurements need
more: open the search box and type a query (not timed), then press Enter (timed). A
:class:`Probe` is a command, the text that says it is up, and steps of keys each waiting
for a text; :func:`run` gives the launch time and the time of each timed step. Each run
uses a private tmux server (``-L``), as termtime does, so no user's session is touched.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import time
import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Step:
    """Keys to send (tmux send-keys arguments; ``text`` is typed literally) and the text
    to wait for; ``timed`` steps are measured from the keys to the text."""

    keys: tuple[str, ...] = ()
    after: str = ""
    text: str = ""
    timed: bool = False
    settle: float = 0.3


@dataclass(frozen=True)
class Probe:
    """What to run, the text that shows it is up, and what to do then."""

    command: str
    marker: str
    steps: tuple[Step, ...] = field(default_factory=tuple)
    size: str = "120x40"
    pid_file: str = ""
    """Where the command writes the process id to sample its memory (see ``memory``)."""


def _tmux(server: str, *args: str) -> str:
    out = subprocess.run(["tmux", "-L", server, *args], capture_output=True, text=True)
    return out.stdout


def _wait(server: str, text: str, timeout: float) -> float | None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if text in _tmux(server, "capture-pane", "-p", "-t", server):
            return time.perf_counter()
        time.sleep(0.004)
    return None


def run(probe: Probe, timeout: float = 60.0) -> tuple[float | None, list[float | None], int | None]:
    """Launch time (s), the time of each timed step (None where the text never came) and,
    with a ``pid_file``, the program's peak resident memory (bytes) after the steps."""
    server = "bench-" + uuid.uuid4().hex[:8]
    width, height = probe.size.split("x")
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "-L", server, "-f", "/dev/null", "new-session", "-d", "-s", server,
         "-x", width, "-y", height, probe.command],
        check=True,
    )  # fmt: skip
    timed: list[float | None] = []
    try:
        seen = _wait(server, probe.marker, timeout)
        if seen is None:
            return None, [None for s in probe.steps if s.timed], None
        for step in probe.steps:
            time.sleep(step.settle)
            sent = time.perf_counter()
            if step.text:
                _tmux(server, "send-keys", "-t", server, "-l", step.text)
            if step.keys:
                _tmux(server, "send-keys", "-t", server, *step.keys)
            done = _wait(server, step.after, timeout) if step.after else time.perf_counter()
            if step.timed:
                timed.append(None if done is None else done - sent)
            if done is None:
                break
        peak = None
        if probe.pid_file:
            with (
                contextlib.suppress(OSError, ValueError),
                open(probe.pid_file, encoding="ascii") as handle,
            ):
                peak = resident_peak(int(handle.read().strip()))
        return seen - start, timed, peak
    finally:
        _tmux(server, "kill-server")
        sock = os.path.join(os.environ.get("TMUX_TMPDIR", "/tmp"), f"tmux-{os.getuid()}", server)
        with contextlib.suppress(OSError):
            os.unlink(sock)


def resident_peak(pid: int) -> int | None:
    """The highest resident memory (bytes) of process ``pid`` so far (Linux)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def shell(
    command: list[str], env: dict[str, str] | None = None, *, before: str = "", pid_file: str = ""
) -> str:
    """``command`` for tmux, with ``env`` set, after the shell command ``before``; with
    ``pid_file``, the process writes its id there first (it keeps it: ``exec``)."""
    pairs = [f"{k}={v}" for k, v in (env or {}).items()]
    run = shlex.join(["env", *pairs, *command])
    if pid_file:
        run = f"echo $$ > {shlex.quote(pid_file)}; exec {run}"
    if before:
        run = f"{before}; {run}"
    return shlex.join(["sh", "-c", run]) if (before or pid_file) else run
