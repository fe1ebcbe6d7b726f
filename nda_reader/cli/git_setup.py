"""``nda-reader git-setup [CORPUS]``: let git merge a corpus's layer files entry by entry.

Writes ``annotations/**/*.yaml merge=nda-layers`` (and ``*.yml``) into the corpus's
``.gitattributes`` (commit it, so every clone shares it) and sets, in this clone's git
configuration, the ``nda-layers`` merge driver: ``nda-reader merge-layers %O %A %B %P``.
git does not take drivers from a repository, so each clone runs this once; a clone without
the driver merges layer files line by line, as before. Running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

PROG = "nda-reader git-setup"
DRIVER = "nda-layers"
ATTRIBUTES = (
    f"annotations/**/*.yaml merge={DRIVER}",
    f"annotations/**/*.yml merge={DRIVER}",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Set up git in a corpus so that layer files merge entry by entry.",
        epilog="See docs/sharing.md.",
    )
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=Path("."), help="corpus folder (default: .)"
    )
    parser.add_argument(
        "--command",
        metavar="CMD",
        help="how git starts nda-reader (default: 'nda-reader' when it is on PATH, "
        "else this Python with -m nda_reader)",
    )
    return parser


def _git(corpus: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(corpus), *args], capture_output=True, text=True, check=False
    )


def default_command() -> str:
    """``nda-reader`` when it is on PATH, else this interpreter running the package."""
    if shutil.which("nda-reader"):
        return "nda-reader"
    return f"{shlex.quote(sys.executable)} -m nda_reader"


def run_git_setup(argv: Sequence[str]) -> int:
    """Run ``nda-reader git-setup``; 0 done, 1 git failed, 2 bad usage."""
    args = _parser().parse_args(argv)
    from nda_reader.formats.atomic import atomic_write

    corpus: Path = args.corpus
    if not (corpus / "annotations").is_dir() and not (corpus / "texts").is_dir():
        print(
            f"{PROG}: '{corpus}' is not a corpus folder (no texts/ or annotations/)",
            file=sys.stderr,
        )
        return 2
    if shutil.which("git") is None:
        print(f"{PROG}: git is not installed", file=sys.stderr)
        return 1
    if _git(corpus, "rev-parse", "--show-toplevel").returncode != 0:
        print(
            f"{PROG}: '{corpus}' is not in a git repository; run 'git init' there first",
            file=sys.stderr,
        )
        return 2
    attributes = corpus / ".gitattributes"
    old = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    missing = [line for line in ATTRIBUTES if line not in old.splitlines()]
    if missing:
        text = old + ("" if not old or old.endswith("\n") else "\n") + "\n".join(missing) + "\n"
        atomic_write(attributes, text)
        print(f"wrote {attributes}: {'; '.join(missing)} (commit it)")
    else:
        print(f"{attributes} already routes layer files to the {DRIVER} driver")
    command = args.command or default_command()
    for key, value in (
        (f"merge.{DRIVER}.name", "nda-reader: merge annotation layers entry by entry"),
        (f"merge.{DRIVER}.driver", f"{command} merge-layers %O %A %B %P"),
    ):
        done = _git(corpus, "config", "--local", key, value)
        if done.returncode != 0:
            print(f"{PROG}: git config {key} failed: {done.stderr.strip()}", file=sys.stderr)
            return 1
    print(f"git config merge.{DRIVER}.driver '{command} merge-layers %O %A %B %P' (this clone)")
    return 0
