"""User settings kept in ``settings.yaml`` of the configuration folder.

Loading never raises: a missing, unreadable or corrupt file gives the defaults. Saving is
atomic (a temporary file in the same folder, flushed and fsynced, then ``os.replace``), so
a crash never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

SETTINGS_FILE = "settings.yaml"
DEFAULT_THEME = "nda-dark"


@dataclass
class Settings:
    """What the reader remembers between sessions."""

    theme: str = DEFAULT_THEME


def settings_path(config_dir: Path) -> Path:
    """The settings file inside ``config_dir``."""
    return config_dir / SETTINGS_FILE


def load_settings(config_dir: Path) -> Settings:
    """Read the settings in ``config_dir``; defaults for anything missing or invalid."""
    settings = Settings()
    try:
        text = settings_path(config_dir).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
        return settings
    if not isinstance(data, dict):
        return settings
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        settings.theme = theme.strip()
    return settings


def save_settings(settings: Settings, config_dir: Path) -> str | None:
    """Write ``settings`` atomically to ``config_dir``, creating the folder if needed.

    Never raises: returns None on success, or a message saying why the file could not be
    written (the caller may show it; the old file, if any, is left intact).
    """
    target = settings_path(config_dir)
    text = yaml.safe_dump(asdict(settings), allow_unicode=True, sort_keys=True)
    tmp_name: str | None = None
    try:
        config_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=config_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        return f"could not save settings to {target}: {exc.strerror or exc}"
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return None
