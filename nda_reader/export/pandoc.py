"""Other formats from the Markdown export, through pandoc where it is installed."""

from __future__ import annotations

import shutil
import subprocess

from nda_reader.export.errors import ExportError

PANDOC_TARGETS = ("docx", "html")
INSTALL_HINT = (
    "install it (https://pandoc.org/installing.html; on Debian or Ubuntu 'apt-get install "
    "pandoc', on macOS 'brew install pandoc'), or export Markdown and convert it yourself"
)


def convert(markdown: str, to: str, name: str) -> bytes:
    """``markdown`` converted by pandoc to ``to`` (``docx`` or ``html``, a whole page).

    Raises :class:`ExportError` when pandoc is missing or fails; nothing is written then.
    """
    exe = shutil.which("pandoc")
    if exe is None:
        raise ExportError(f"--to {to} needs pandoc, which is not installed; {INSTALL_HINT}")
    args = [exe, "--from", "markdown", "--to", to, "--output", "-"]
    if to == "html":
        args.append("--standalone")
    try:
        done = subprocess.run(
            args, input=markdown.encode("utf-8"), capture_output=True, timeout=300, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ExportError(f"pandoc could not convert {name}: {exc}") from exc
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ExportError(f"pandoc could not convert {name}: {why[0] if why else 'no reason'}")
    return done.stdout
