"""Real git repositories for tests: an origin holding a corpus and clones of it.

git runs with a configuration of its own (no user or system settings) and a fixed
identity; the merge driver runs this worktree's code (``PYTHONPATH``), not an installed one.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from nda_reader.cli.main import main
from tests.helpers.corpora import REPO

DRIVER_COMMAND = f"{shlex.quote(sys.executable)} -m nda_reader"


def git_env() -> dict[str, str]:
    """The environment git (and the merge driver it starts) runs in."""
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "PYTHONPATH": str(REPO),
    }


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``git -C repo args``; fail the test on an error unless ``check`` is false."""
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=git_env()
    )
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def nda(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m nda_reader args`` from this worktree."""
    return subprocess.run(
        [sys.executable, "-m", "nda_reader", *map(str, args)],
        capture_output=True,
        text=True,
        env=git_env(),
        cwd=cwd,
    )


def origin_with(corpus: Path, tmp_path: Path) -> Path:
    """A repository ``tmp_path/origin`` whose first commit is ``corpus`` (texts, layers)."""
    origin = tmp_path / "origin"
    shutil.copytree(corpus, origin)
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "corpus")
    return origin


def clone(origin: Path, name: str, *, driver: bool = True) -> Path:
    """A clone of ``origin`` at ``origin/../name``, with the merge driver set up if asked."""
    target = origin.parent / name
    git(origin.parent, "clone", "-q", str(origin), name)
    if driver:
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["git-setup", str(target), "--command", DRIVER_COMMAND]) == 0
    return target


def check_errors(root: Path) -> list[str]:
    """The error lines ``nda-reader check --no-pinyin`` prints in ``root`` (run in-process)."""
    out = io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out):
        main(["check", "--no-pinyin", "."])
    return [ln for ln in out.getvalue().splitlines() if ": error: " in ln]


def commit_all(repo: Path, message: str) -> None:
    """Commit every change in ``repo``."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
