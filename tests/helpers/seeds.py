"""Where the raw sources of the bundled corpus are: ``../shared/seeds`` beside the checkout
(CI lays a copy of shared/ there), or beside the main checkout of a git worktree."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.corpora import REPO


def _main_checkout() -> Path:
    """The main checkout, for a git worktree (whose ``.git`` is a file naming its gitdir)."""
    git = REPO / ".git"
    if git.is_file():
        line = git.read_text(encoding="utf-8").strip()
        if line.startswith("gitdir:"):
            gitdir = Path(line.split(":", 1)[1].strip())
            return gitdir.parent.parent.parent  # <main>/.git/worktrees/<name>
    return REPO


def seeds_dir() -> Path | None:
    """The seeds folder, or None where there is none."""
    for root in (REPO, _main_checkout()):
        seeds = root.parent / "shared" / "seeds"
        if seeds.is_dir() and any(seeds.glob("*.txt")):
            return seeds
    return None


NO_SEEDS = (
    "no ../shared/seeds beside this checkout (the raw sources of the bundled corpus, "
    "laid there in CI); the seeds test needs them"
)
