"""``e`` in the reader exports the open document and says where the file went."""

from __future__ import annotations

from pathlib import Path

from nda_reader.export.markdown import render_document
from nda_reader.ui.factory import create_app
from tests.helpers.annotating import app_on, copy_corpus, messages, read, type_text
from tests.helpers.corpora import MakeCorpus, text_file
from tests.helpers.export_checks import missing_words
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


async def test_a_turn_on_a_whole_passage_keeps_that_passage_in_the_export(tmp_path: Path) -> None:
    # Issue 10, case 1: p with nothing selected gives the passage under the cursor to a
    # speaker; the export used to replace the whole passage with the speaker's label.
    root = copy_corpus(tmp_path)
    briefing = "scio-nda-briefing-2024-p1"
    paragraph = next(
        line
        for line in read(root / "texts" / f"{briefing}.md").splitlines()
        if line.startswith("In coordinating the construction")
    )
    app = app_on(root, briefing, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "In coordinating the construction")
        await pilot.press("enter", "p")
        await pilot.pause()
        await type_text(pilot, "Luan")
        await pilot.press("enter")
        await pilot.pause()
        assert any(m.startswith("Saved") for m in messages(app)), messages(app)
        await pilot.press("e")
        await pilot.pause()
    exported = (tmp_path / "export" / "scio-nda-briefing-2024.md").read_text(encoding="utf-8")
    line = next(ln for ln in exported.splitlines() if "In coordinating the construction" in ln)
    assert line.startswith("**Luan Jie** (栾婕), deputy director general of the Department")
    assert missing_words(paragraph, line) == []


async def test_e_on_a_document_with_a_300_character_part_of_exports_it(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    # Issue 10, case 11: the export was named after the part_of id, too long for a file name.
    root = make_corpus({"texts/one.md": text_file("one", "Words.\n", part_of="x" * 300, part=1)})
    app = app_on(root, "one", tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert any(m.startswith("Exported to") for m in messages(app))
    assert [p.name for p in (tmp_path / "export").glob("*.md")] == ["one.md"]


async def test_messages_show_control_characters_of_a_path_as_text(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    # Issue 10, case 14: a corpus folder whose name holds a terminal title sequence.
    root = make_corpus({"texts/one.md": text_file("one", "Words.\n")}, "corpus\x1b]0;pwned\x07")
    app = create_app(root / "texts" / "one.md", config_dir=tmp_path / "c", export_dir=root / "x")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        shown = messages(app)[-1]
        assert "corpus␛]0;pwned␇" in shown and "\x1b" not in shown


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
