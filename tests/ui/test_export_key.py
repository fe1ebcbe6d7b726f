"""``e`` in the reader exports the open document and says where the file went."""

from __future__ import annotations

from pathlib import Path

from nda_reader.export.markdown import render_document
from nda_reader.ui.factory import create_app
from tests.helpers.pilot import open_from_library


async def test_e_exports_the_open_multi_part_document_and_names_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    app = create_app(None, config_dir=tmp_path / "config", export_dir=out)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, "scio-nda-briefing-2024-p1")
        await pilot.press("e")
        await pilot.pause()
        written = out / "scio-nda-briefing-2024.md"
        assert written.read_text(encoding="utf-8") == render_document(
            app.corpus, "scio-nda-briefing-2024"
        )
        messages = [n.message for n in app._notifications]
        assert any(str(written) in m for m in messages)


async def test_export_into_an_impossible_folder_says_why_and_writes_nothing(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    app = create_app(None, config_dir=tmp_path / "config", export_dir=blocker / "export")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, "national-data-work-meeting-2025")
        await pilot.press("e")
        await pilot.pause()
        notes = list(app._notifications)
        assert notes and notes[-1].severity == "error"
        assert blocker.read_text(encoding="utf-8") == "not a folder"


async def test_e_keeps_kept_blocks_and_refuses_to_replace_a_hand_edited_file(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    app = create_app(None, config_dir=tmp_path / "config", export_dir=out)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, "national-data-work-meeting-2025")
        await pilot.press("e")
        await pilot.pause()
        written = out / "national-data-work-meeting-2025.md"
        kept = "<!-- nda:keep -->\nOurs.\n<!-- /nda:keep -->\n"
        written.write_text(written.read_text(encoding="utf-8") + "\n" + kept, encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "kept 1 hand-written block(s)" in messages[-1]
        assert written.read_text(encoding="utf-8").endswith(kept)
        written.write_text("rewritten by hand\n", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        last = list(app._notifications)[-1]
        assert last.severity == "error" and "was changed since" in last.message
        assert written.read_text(encoding="utf-8") == "rewritten by hand\n"
