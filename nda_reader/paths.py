"""Where the bundled corpus and themes live, installed or in a source checkout."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_root() -> Path:
    """The folder holding the bundled ``texts/``, ``annotations/`` and ``themes/``.

    In a wheel they are packaged under ``nda_reader/_bundled``; in a source checkout (or an
    editable install) they are the repository's top-level folders.
    """
    packaged = _PACKAGE / "_bundled"
    if (packaged / "texts").is_dir():
        return packaged
    return _PACKAGE.parent


def config_dir() -> Path:
    """The user's configuration folder for nda-reader (``$XDG_CONFIG_HOME/nda-reader``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "nda-reader"
