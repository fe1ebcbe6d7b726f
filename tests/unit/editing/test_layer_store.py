"""Saving edits: exact YAML written, hand comments kept, undo/redo, conflicts, failures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nda_reader.editing.layer_store import ConflictError, Edit, LayerStore, SaveError
from nda_reader.formats.yaml_edit import item_blocks, render_block

HAND_WRITTEN = """\
# Glossary kept by hand. Do not reorder.
layer: glossary
version: 1
entries:
  # --- People ---
  - id: liu-liehong   # NDA head
    kind: person
    hanzi: 刘烈宏
    pinyin: Liú Lièhóng
    english: Liu Liehong
    aliases: [LIU Liehong, Liu Honglie]
    hanzi_source: text

  # --- Organisations ---
  - id: nda
    kind: organisation
    hanzi: 国家数据局
    pinyin: Guójiā Shùjùjú
    english: National Data Administration
    hanzi_source: annotator  # not in the texts
# end of file
"""

NEW_ENTRY = {
    "id": "ndrc",
    "kind": "organisation",
    "hanzi": "国家发展和改革委员会",
    "pinyin": "Guójiā Fāzhǎn hé Gǎigé Wěiyuánhuì",
    "english": "National Development and Reform Commission",
    "aliases": ["NDRC"],
    "hanzi_source": "annotator",
}


@pytest.fixture
def layer(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


def _store(path: Path) -> LayerStore:
    store = LayerStore()
    store.remember(path)
    return store


def test_adding_an_entry_writes_one_block_and_leaves_the_rest_byte_for_byte(layer: Path) -> None:
    store = _store(layer)
    store.apply(Edit(layer, "entries", new=render_block(NEW_ENTRY, 2), description="add ndrc"))
    assert layer.read_text(encoding="utf-8") == HAND_WRITTEN.replace("# end of file\n", "") + (
        "\n"
        "  - id: ndrc\n"
        "    kind: organisation\n"
        "    hanzi: 国家发展和改革委员会\n"
        "    pinyin: Guójiā Fāzhǎn hé Gǎigé Wěiyuánhuì\n"
        "    english: National Development and Reform Commission\n"
        "    aliases:\n"
        "      - NDRC\n"
        "    hanzi_source: annotator\n"
        "# end of file\n"
    )


def test_editing_an_entry_changes_only_that_entry(layer: Path) -> None:
    store = _store(layer)
    old = item_blocks(HAND_WRITTEN, "entries")[1]
    new = old.replace(
        "hanzi_source: annotator  # not in the texts",
        "hanzi_source: annotator  # not in the texts\n    note: Set up in 2023.",
    )
    store.apply(Edit(layer, "entries", old=old, new=new))
    assert layer.read_text(encoding="utf-8") == HAND_WRITTEN.replace(
        "# not in the texts\n", "# not in the texts\n    note: Set up in 2023.\n"
    )


def test_delete_then_undo_restores_the_file_exactly_and_redo_deletes_again(layer: Path) -> None:
    store = _store(layer)
    first = item_blocks(HAND_WRITTEN, "entries")[0]
    assert first.startswith("  # --- People ---\n  - id: liu-liehong")
    store.apply(Edit(layer, "entries", old=first))
    deleted = layer.read_text(encoding="utf-8")
    assert "liu-liehong" not in deleted and "--- People ---" not in deleted
    assert "# Glossary kept by hand" in deleted and "# --- Organisations ---" in deleted
    store.undo()
    assert layer.read_text(encoding="utf-8") == HAND_WRITTEN
    store.redo()
    assert layer.read_text(encoding="utf-8") == deleted
    store.undo()
    assert layer.read_text(encoding="utf-8") == HAND_WRITTEN
    assert store.undo() is None


def test_undo_of_an_add_removes_it(layer: Path) -> None:
    store = _store(layer)
    store.apply(Edit(layer, "entries", new=render_block(NEW_ENTRY, 2)))
    store.undo()
    assert layer.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_file_changed_on_disk_is_not_overwritten_blindly(layer: Path) -> None:
    store = _store(layer)
    # Someone edits the file in an editor after the app loaded it.
    layer.write_text(HAND_WRITTEN.replace("# NDA head", "# NDA head since 2023"), encoding="utf-8")
    result = store.apply(Edit(layer, "entries", new=render_block(NEW_ENTRY, 2)))
    text = layer.read_text(encoding="utf-8")
    assert result.reapplied
    assert "# NDA head since 2023" in text and "id: ndrc" in text


def test_an_edit_to_an_entry_changed_on_disk_is_a_conflict_and_changes_nothing(
    layer: Path,
) -> None:
    store = _store(layer)
    old = item_blocks(HAND_WRITTEN, "entries")[1]
    changed = HAND_WRITTEN.replace(
        "english: National Data Administration", "english: National Bureau of Data"
    )
    layer.write_text(changed, encoding="utf-8")
    with pytest.raises(ConflictError, match="no longer in the file"):
        store.apply(Edit(layer, "entries", old=old, new=old.replace("nda", "nda2")))
    assert layer.read_text(encoding="utf-8") == changed


def test_an_edit_that_would_break_the_yaml_is_refused(layer: Path) -> None:
    store = _store(layer)
    with pytest.raises(ConflictError, match="invalid"):
        store.apply(Edit(layer, "entries", new="  - id: [broken\n"))
    assert layer.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_failed_write_keeps_the_change_for_a_retry(
    layer: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(layer)
    real_replace = os.replace

    def read_only(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", read_only)
    with pytest.raises(SaveError, match=r"cannot save \(Permission denied\); fix the folder"):
        store.apply(Edit(layer, "entries", new=render_block(NEW_ENTRY, 2)))
    assert layer.read_text(encoding="utf-8") == HAND_WRITTEN
    assert [p.name for p in layer.parent.iterdir()] == ["glossary.yaml"]  # no temp files left
    assert len(store.pending) == 1
    monkeypatch.setattr(os, "replace", real_replace)
    store.retry()
    assert "id: ndrc" in layer.read_text(encoding="utf-8") and store.pending == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_gives_a_clear_message(layer: Path) -> None:
    store = _store(layer)
    layer.parent.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="cannot save"):
            store.apply(Edit(layer, "entries", new=render_block(NEW_ENTRY, 2)))
    finally:
        layer.parent.chmod(0o700)
    assert layer.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_missing_folder_gives_a_clear_message_and_keeps_the_change(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "notes.yaml"
    store = LayerStore()
    edit = Edit(
        path,
        "notes",
        new=render_block({"id": "n1", "text": "hi"}, 2),
        header="layer: notes\nversion: 1\n",
    )
    with pytest.raises(SaveError, match="folder does not exist"):
        store.apply(edit)
    path.parent.mkdir()
    store.retry()
    assert path.read_text(encoding="utf-8") == (
        "layer: notes\nversion: 1\nnotes:\n  - id: n1\n    text: hi\n"
    )


def test_a_crlf_layer_with_a_byte_order_mark_keeps_both_when_edited(tmp_path: Path) -> None:
    # Issue 10, case 6: a layer saved by a Windows editor is edited in its own line endings.
    path = tmp_path / "glossary.yaml"
    raw = b"\xef\xbb\xbf" + HAND_WRITTEN.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(raw)
    store = _store(path)
    old = item_blocks(HAND_WRITTEN, "entries")[1]
    store.apply(Edit(path, "entries", old=old, new=old.replace("annotator", "text", 1)))
    expected = HAND_WRITTEN.replace("hanzi_source: annotator", "hanzi_source: text")
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")
    store.undo()
    assert path.read_bytes() == raw
