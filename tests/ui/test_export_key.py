"""``e`` exports a document: it asks where (the folder used last), then names the file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from nda_reader.export.markdown import render_document
from nda_reader.ui.dialogs.search_input import SearchInput
from nda_reader.ui.factory import create_app
from nda_reader.ui.settings import load_settings
from tests.helpers.annotating import app_on, copy_corpus, messages, read, type_text
from tests.helpers.corpora import MakeCorpus, text_file
from tests.helpers.export_checks import missing_words
from tests.helpers.pilot import open_from_library


async def test_e_offers_a_folder_exports_there_and_names_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    app = create_app(None, config_dir=tmp_path / "config", export_dir=out)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, "scio-nda-briefing-2024-p1")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SearchInput)
        assert app.screen.query_one(Input).value == str(out)  # offered, whole, editable
        await pilot.press("enter")
        await pilot.pause()
        written = out / "scio-nda-briefing-2024.md"
        assert written.read_text(encoding="utf-8") == render_document(
            app.corpus, "scio-nda-briefing-2024"
        )
        assert any(str(written) in m for m in messages(app))


async def test_the_folder_typed_is_used_and_offered_next_time(tmp_path: Path) -> None:
    chosen = tmp_path / "mine"
    app = create_app(None, config_dir=tmp_path / "config")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, "national-data-work-meeting-2025")
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value.endswith("nda-reader-export")  # never ./export of the cwd
        field.value = ""
        await type_text(pilot, str(chosen))
        await pilot.press("enter")
        await pilot.pause()
    assert (chosen / "national-data-work-meeting-2025.md").is_file()
    assert load_settings(tmp_path / "config").export_dir == str(chosen)
    again = create_app(None, config_dir=tmp_path / "config")
    assert again.export_dir == chosen


async def test_escape_exports_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    app = create_app(None, config_dir=tmp_path / "config", export_dir=out)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, "national-data-work-meeting-2025")
        await pilot.press("e", "escape")
        await pilot.pause()
    assert not out.exists()


async def test_export_from_the_library_and_the_palette(tmp_path: Path) -> None:
    out = tmp_path / "out"
    app = create_app(None, config_dir=tmp_path / "config", export_dir=out)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "export")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchInput)
        await pilot.press("enter")
        await pilot.pause()
    assert (out / "liu-liehong-pilot-zone-speech-2023.md").is_file()  # the first row


async def test_export_into_an_impossible_folder_says_why_and_writes_nothing(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    app = create_app(None, config_dir=tmp_path / "config", export_dir=blocker / "export")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, "national-data-work-meeting-2025")
        await pilot.press("e", "enter")
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
        await pilot.press("enter")  # the folder offered
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
        await pilot.press("enter")  # the folder offered
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
        await pilot.press("enter")  # the folder offered
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
        await pilot.press("e", "enter")  # the folder offered
        await pilot.pause()
        written = out / "national-data-work-meeting-2025.md"
        kept = "<!-- nda:keep -->\nOurs.\n<!-- /nda:keep -->\n"
        written.write_text(written.read_text(encoding="utf-8") + "\n" + kept, encoding="utf-8")
        await pilot.press("e", "enter")  # the folder offered
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "kept 1 hand-written block(s)" in messages[-1]
        assert written.read_text(encoding="utf-8").endswith(kept)
        written.write_text("rewritten by hand\n", encoding="utf-8")
        await pilot.press("e", "enter")  # the folder offered
        await pilot.pause()
        last = list(app._notifications)[-1]
        assert last.severity == "error" and "was changed since" in last.message
        assert written.read_text(encoding="utf-8") == "rewritten by hand\n"
