"""Settings: defaults on any trouble, atomic save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nda_reader.ui.settings import Settings, load_settings, save_settings, settings_path


def test_missing_folder_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope") == Settings()
    assert Settings().theme == "nda-dark"


@pytest.mark.parametrize(
    "content",
    [
        "",
        "theme: [unclosed",
        "- a list\n- not a mapping\n",
        "theme: 42\n",
        "theme: '   '\n",
        "just a string",
        b"\xff\xfe\x00garbage",
    ],
)
def test_corrupt_file_gives_defaults(tmp_path: Path, content: str | bytes) -> None:
    path = settings_path(tmp_path)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert load_settings(tmp_path) == Settings()


def test_settings_path_is_a_folder(tmp_path: Path) -> None:
    settings_path(tmp_path).mkdir()
    assert load_settings(tmp_path) == Settings()


def test_unknown_keys_ignored(tmp_path: Path) -> None:
    settings_path(tmp_path).write_text("theme: nda-light\nfuture: 1\n", encoding="utf-8")
    assert load_settings(tmp_path) == Settings(theme="nda-light")


def test_round_trip_creates_folder(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    assert save_settings(Settings(theme="nda-high-contrast"), folder) is None
    assert load_settings(folder).theme == "nda-high-contrast"
    assert [p.name for p in folder.iterdir()] == ["settings.yaml"]


def test_save_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    save_settings(Settings(theme="nda-light"), tmp_path)
    save_settings(Settings(theme="nda-dark"), tmp_path)
    assert load_settings(tmp_path).theme == "nda-dark"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.yaml"]


def test_save_uses_os_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    real = os.replace

    def spy(src: str, dst: str) -> None:
        calls.append((str(src), str(dst)))
        assert Path(src).parent == tmp_path
        real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    save_settings(Settings(theme="nda-light"), tmp_path)
    assert calls and calls[0][1] == str(settings_path(tmp_path))


def test_failed_save_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(Settings(theme="nda-light"), tmp_path)

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    message = save_settings(Settings(theme="nda-dark"), tmp_path)
    assert message is not None and "No space left" in message
    assert load_settings(tmp_path).theme == "nda-light"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.yaml"]


def test_unwritable_target_reports(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    message = save_settings(Settings(), blocker / "sub")
    assert message is not None and "could not save settings" in message
