"""Annotations are never lost: hand comments kept, outside changes merged, failed writes kept
for a retry, orphans re-attached, and a lone file says it needs a corpus folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.ui.screens.orphans import OrphansScreen
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.annotating import (
    MEETING,
    annotate_by_keys,
    app_for,
    copy_corpus,
    messages,
    read,
    select,
)
from tests.helpers.corpora import text_file
from tests.helpers.layer_diff import added_block
from tests.helpers.pilot import open_from_library


async def test_hand_commented_file_is_unchanged_outside_the_edited_entry(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    glossary = root / "annotations/glossary.yaml"
    original = read(glossary)
    commented = original.replace(
        "\n  - id: nda\n", "\n  # The administration itself; keep first.\n  - id: nda\n", 1
    ).replace("entries:\n", "entries:   # hand-kept order\n\n", 1)
    glossary.write_text(commented, encoding="utf-8")
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        await annotate_by_keys(pilot, "data circulation", "G", "national data administration")
    after = read(glossary)
    assert after == commented.replace(
        "      - National Bureau of Data\n",
        "      - National Bureau of Data\n      - data circulation\n",
        1,
    )


async def test_a_change_made_on_disk_during_the_session_is_kept(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    notes = root / "annotations/notes.yaml"
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        outside = read(notes).replace("layer: notes\n", "layer: notes\n# edited elsewhere\n", 1)
        notes.write_text(outside, encoding="utf-8")
        await annotate_by_keys(pilot, "Year of Data Value Release", "M", "Mine.")
        assert (
            "annotations/notes.yaml had changed on disk; "
            "your change was applied to the new version" in " ".join(messages(app))
        )
        text = read(notes)
        block, _ = added_block(outside, text, "notes")
        assert "text: Mine.\n" in block
        assert any(n.text == "Mine." for n in app.corpus.notes)


async def test_read_only_folder_keeps_the_change_and_retry_saves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_corpus(tmp_path)
    notes = root / "annotations/notes.yaml"
    before = read(notes)
    real_replace = os.replace

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        monkeypatch.setattr(os, "replace", refuse)
        await annotate_by_keys(pilot, "Year of Data Value Release", "M", "Kept for later.")
        shown = " ".join(messages(app))
        assert "cannot save (Permission denied)" in shown and "change is kept" in shown
        assert "ctrl+s" in shown
        assert read(notes) == before
        assert not list(notes.parent.glob(".notes.yaml.*.tmp"))  # no debris
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("ctrl+s")
        assert read(notes) == before  # still refused
        assert any(m.startswith("Still not saved") for m in messages(app))
        monkeypatch.setattr(os, "replace", real_replace)
        await pilot.press("ctrl+s")
        assert "text: Kept for later.\n" in read(notes)
        assert "Saved the kept changes" in messages(app)
        screen.main.focus()
        await pilot.press("u")
        assert read(notes) == before


async def test_missing_folder_is_named_and_retry_works_once_it_exists(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        (root / "annotations").rename(tmp_path / "moved-away")
        await annotate_by_keys(pilot, "Year of Data Value Release", "M", "Where did it go?")
        assert any(f"{root / 'annotations'}: folder does not exist" in m for m in messages(app))
        (root / "annotations").mkdir()
        await pilot.press("ctrl+s")
        text = read(root / "annotations/notes.yaml")
        assert text.startswith("layer: notes\nversion: 1\n") and "Where did it go?" in text


async def test_orphan_reattached_from_the_orphans_view(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    text_path = root / "texts" / f"{MEETING}.md"
    text_path.write_text(
        read(text_path).replace(
            "its ailgnment with current legal frameworks", "its fit with the law"
        ),
        encoding="utf-8",
    )
    orphans = load_corpus(root).orphans()
    index = next(i for i, o in enumerate(orphans) if "ailgnment" in o.anchor.exact)
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        await select(pilot, "Solidify data property rights and its fit with the law")
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(app.screen, OrphansScreen)
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert all("ailgnment" not in o.anchor.exact for o in app.corpus.orphans())
        assert "exact: Solidify data property rights and its fit with the law\n" in "".join(
            read(p) for p in (root / "annotations").rglob("*.yaml")
        )
        assert len(app.corpus.orphans()) == len(orphans) - 1


async def test_orphan_deleted_from_the_orphans_view(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    text_path = root / "texts" / f"{MEETING}.md"
    text_path.write_text(
        read(text_path).replace("its ailgnment with current legal frameworks", "its fit"),
        encoding="utf-8",
    )
    orphans = load_corpus(root).orphans()
    count = len(orphans)
    index = next(i for i, o in enumerate(orphans) if "ailgnment" in o.anchor.exact)
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        await pilot.press("O")
        await pilot.pause()
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("d", "y")
        await pilot.pause()
        assert len(app.corpus.orphans()) == count - 1
        assert all("ailgnment" not in o.anchor.exact for o in app.corpus.orphans())
        await pilot.press("u")
        assert len(app.corpus.orphans()) == count


async def test_a_file_outside_a_corpus_says_annotations_need_a_folder(tmp_path: Path) -> None:
    lone = tmp_path / "lone.md"
    lone.write_text(text_file("lone", "Some words here.\n"), encoding="utf-8")
    app = app_for(lone, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("v", "M")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert any("Annotations need a corpus folder" in m for m in messages(app))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "config") == ["lone.md"]


async def test_a_layer_file_with_a_merge_conflict_is_not_edited_and_says_why(
    tmp_path: Path,
) -> None:
    root = copy_corpus(tmp_path)
    glossary = root / "annotations/glossary.yaml"
    conflicted = read(glossary).replace(
        "    english: National Data Administration\n",
        "<<<<<<< ours\n    english: National Data Administration\n=======\n"
        "    english: National Data Administration (NDA)\n>>>>>>> theirs\n",
        1,
    )
    glossary.write_text(conflicted, encoding="utf-8")
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        await annotate_by_keys(pilot, "data circulation", "G", "national data administration")
        assert any("unresolved merge conflict at line" in m for m in messages(app))
        assert app.is_running
    assert read(glossary) == conflicted
