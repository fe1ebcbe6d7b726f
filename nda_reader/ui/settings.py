"""User settings kept in ``settings.yaml`` of the configuration folder.

Loading never raises: a missing, unreadable or corrupt file gives the defaults. Saving is
atomic (:mod:`nda_reader.formats.atomic`), so a crash never leaves a half-written file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from nda_reader.formats.atomic import atomic_write
from nda_reader.formats.yaml_source import plain_yaml

SETTINGS_FILE = "settings.yaml"
DEFAULT_THEME = "nda-dark"


@dataclass
class Settings:
    """What the reader remembers between sessions."""

    theme: str = DEFAULT_THEME
    export_dir: str = ""
    """The folder ``e`` last exported into ("" until the first export)."""


def settings_path(config_dir: Path) -> Path:
    """The settings file inside ``config_dir``."""
    return config_dir / SETTINGS_FILE


def load_settings(config_dir: Path) -> Settings:
    """Read the settings in ``config_dir``; defaults for anything missing or invalid."""
    settings = Settings()
    try:
        text = settings_path(config_dir).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return settings
    data = plain_yaml(text)
    if not isinstance(data, dict):
        return settings
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        settings.theme = theme.strip()
    export_dir = data.get("export_dir")
    if isinstance(export_dir, str) and export_dir.strip():
        settings.export_dir = export_dir.strip()
    return settings


def save_settings(settings: Settings, config_dir: Path) -> str | None:
    """Write ``settings`` atomically to ``config_dir``, creating the folder if needed.

    Never raises: returns None on success, or a message saying why the file could not be
    written (the caller may show it; the old file, if any, is left intact).
    """
    import yaml

    target = settings_path(config_dir)
    text = yaml.safe_dump(asdict(settings), allow_unicode=True, sort_keys=True)
    try:
        config_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(target, text)
    except OSError as exc:
        return f"could not save settings to {target}: {exc.strerror or exc}"
    plain_yaml(text)  # kept (with a memo in use) for the next start, read without PyYAML
    return None
