"""The context pane's roles and search landing, and the small things of daily use: j/k in
every list, the alias picker's first row, the link form's escape, the library's count."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.dialogs.entry_picker import EntryPicker
from nda_reader.ui.dialogs.link_form import LinkForm
from nda_reader.ui.dialogs.note_form import NoteForm
from nda_reader.ui.screens.outline import OutlineScreen
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.annotating import copy_corpus, messages, read, select, type_text
from tests.helpers.corpora import REPO, MakeCorpus
from tests.helpers.pilot import make_app, pane_text, screen_text
from tests.helpers.small_corpus import TRANSCRIPT, small_corpus

SPEECH = REPO / "texts" / "liu-liehong-pilot-zone-speech-2023.md"


async def _reading(app: ReaderApp) -> ReadingScreen:
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


async def test_a_person_shows_every_role_of_the_date_the_named_one_first(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, SPEECH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await _reading(app)
        body = screen.main.doc.body
        screen.main.go_to(screen.main.doc.id, body.index("Xi Jinping"))  # "General Secretary Xi"
        await pilot.pause()
        lines = pane_text(screen).splitlines()
        roles = [ln for ln in lines if "Central" in ln or "President" in ln]
        assert roles[:3] == [
            "General Secretary of the CPC Central Committee",
            "President of the People's Republic of China",
            "Chairman of the Central Military Commission (as of 2023-11-10)",
        ]
        screen.main.go_to(screen.main.doc.id, body.index("Liu Liehong"))
        await pilot.pause()
        text = pane_text(screen)
        # Both posts he held that day, the Party post first, as the official title line
        # lists them; the organisation a title names is not repeated after it.
        party = "Member of the Party Leadership Group of the National Development and Reform"
        head = "Administrator (head) of the National Data Administration"
        assert party in text and head in text and text.index(party) < text.index(head)
        assert "National Data Administration, National Data Administration" not in text


async def test_search_landing_on_a_term_shows_the_term(tmp_path: Path) -> None:
    app = make_app(tmp_path, SPEECH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "Liu Liehong attended")
        await pilot.press("enter")
        await pilot.pause()
        screen = await _reading(app)
        assert "No term under the cursor" not in pane_text(screen)
        assert "刘烈宏" in pane_text(screen)


async def test_j_and_k_move_in_the_context_list_and_the_outline(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t", "tab")
        jumps = (await _reading(app)).context.query_one(OptionList)
        assert jumps.has_focus
        start = jumps.highlighted
        assert start is not None
        await pilot.press("j")
        after = jumps.highlighted
        assert after is not None and after > start
        await pilot.press("k")
        assert jumps.highlighted == start
        await pilot.press("o")
        await pilot.pause()
        outline = app.screen
        assert isinstance(outline, OutlineScreen)
        rows = outline.query_one(OptionList)
        await pilot.press("j", "j", "k")
        assert rows.highlighted == 1


async def test_the_alias_picker_opens_on_the_likest_entry_or_on_none(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    glossary = read(root / "annotations" / "glossary.yaml")
    app = make_app(tmp_path / "config", root / "texts" / "nda-work-conference-2024.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await select(pilot, "Zheng Shanjie")  # already a form: the picker offers its entry
        await pilot.press("G")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, EntryPicker)
        assert picker.highlighted_id() == "zheng-shanjie"
        await pilot.press("escape", "escape")
        await select(pilot, "the meeting")  # like no entry: none chosen, enter saves nothing
        await pilot.press("G")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, EntryPicker)
        assert picker.highlighted_id() is None
        assert "✓ ready" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryPicker)
        await pilot.press("down")  # choosing is one key
        assert picker.highlighted_id() is not None
    assert read(root / "annotations" / "glossary.yaml") == glossary


async def test_escape_in_the_link_form_keeps_the_marked_source(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("x", "r")
        await pilot.pause()
        source = app.annotations.link_source
        assert source is not None
        await pilot.press("G", "r")
        await pilot.pause()
        assert isinstance(app.screen, LinkForm)
        await pilot.press("escape")
        await pilot.pause()
        assert app.annotations.link_source == source
        assert any("the source stays marked" in m for m in messages(app))
        await pilot.press("r")  # on another passage again: the form comes back
        await pilot.pause()
        assert isinstance(app.screen, LinkForm)
        await pilot.press("escape", "g", "x", "r")  # r on the source itself forgets it
        await pilot.pause()
        assert app.annotations.link_source is None
        assert "Link source forgotten" in messages(app)


async def test_a_note_can_run_over_several_lines(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    app = make_app(tmp_path / "config", root / "texts" / "nda-work-conference-2024.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await select(pilot, "setting up pilots")
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, NoteForm)
        await type_text(pilot, "First line.")
        await pilot.press("ctrl+j")
        await type_text(pilot, "Second line.")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, NoteForm)
        note = next(n for n in app.corpus.notes if n.text.startswith("First line."))
        assert note.text == "First line.\nSecond line."
        screen = await _reading(app)
        screen.sync_context()
        assert "First line.\nSecond line." in pane_text(screen)


async def test_the_library_counts_texts_in_documents(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # the two pages of the briefing are one document; the Chinese counterpart is its own
        assert "nda-reader · 6 texts in 5 documents" in screen_text(app)
