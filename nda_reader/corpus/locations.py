"""Where the bundled corpus and themes live, installed or in a source checkout."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_root() -> Path:
    """The folder holding the bundled ``texts/``, ``annotations/`` and ``themes/``.

    In a wheel they are packaged under ``nda_reader/_bundled``; in a source checkout (or an
    editable install) they are the repository's top-level folders.
    """
    packaged = _PACKAGE / "_bundled"
    if (packaged / "texts").is_dir():
        return packaged
    return _PACKAGE.parent


def is_packaged(root: Path | None = None) -> bool:
    """True when ``root`` (default: the bundled corpus) is the copy inside an installed package."""
    return (root or bundled_root()).resolve() == (_PACKAGE / "_bundled").resolve()


def data_dir() -> Path:
    """The user's data folder for nda-reader (``$XDG_DATA_HOME/nda-reader``)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "nda-reader"


def reading_root() -> Path:
    """The corpus ``nda-reader`` opens by default, where annotations may be written.

    In a source checkout that is the repository's own corpus. In an installed package the
    bundled corpus is copied once into the user's data folder, so that annotations are not
    written inside the installation (and lost when it is upgraded or removed); later runs
    open that copy. If the copy cannot be made, the bundled corpus itself is opened.
    """
    bundled = bundled_root()
    if not is_packaged(bundled):
        return bundled
    own = data_dir() / "corpus"
    if (own / "texts").is_dir():
        return own
    try:
        staging = own.with_name(own.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        for part in ("texts", "annotations"):
            shutil.copytree(bundled / part, staging / part)
        staging.rename(own)
    except OSError:
        return bundled
    return own


def config_dir() -> Path:
    """The user's configuration folder for nda-reader (``$XDG_CONFIG_HOME/nda-reader``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "nda-reader"


def cache_dir() -> Path:
    """The user's cache folder for nda-reader (``$XDG_CACHE_HOME/nda-reader``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nda-reader"
