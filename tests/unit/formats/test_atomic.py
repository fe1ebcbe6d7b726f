"""The one atomic writer: whole files, kept permissions, nothing left behind on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from nda_reader.formats import atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_replaces_the_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "notes.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    atomic.atomic_write(target, "new\n")
    assert target.read_text() == "new\n"
    assert _mode(target) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["notes.yaml"]


def test_a_new_file_gets_the_usual_mode_or_the_one_asked_for(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        atomic.atomic_write(tmp_path / "plain", b"x")
        atomic.atomic_write(tmp_path / "private", b"x", mode=0o600)
    finally:
        os.umask(umask)
    assert _mode(tmp_path / "plain") == 0o644
    assert _mode(tmp_path / "private") == 0o600


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "glossary.yaml"
    target.write_text("old\n")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        atomic.atomic_write(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.yaml"]


def test_commit_writes_all_files_and_syncs_each_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[Path] = []
    monkeypatch.setattr(atomic, "fsync_folder", synced.append)
    staged = [atomic.stage(tmp_path / f"{n}.md", f"{n}\n".encode()) for n in ("a", "b")]
    assert not (tmp_path / "a.md").exists()  # nothing visible before the commit
    atomic.commit(staged)
    assert (tmp_path / "a.md").read_text() == "a\n" and (tmp_path / "b.md").read_text() == "b\n"
    assert synced == [tmp_path]
