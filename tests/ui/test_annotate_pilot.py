"""Annotating by keys: add, edit, delete, undo and redo each kind; the exact YAML written."""

from __future__ import annotations

import re
from pathlib import Path

from nda_reader.corpus.loader import load_corpus
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.widgets.document_view import DocumentView
from tests.helpers.annotating import (
    BRIEFING,
    CONFERENCE,
    MEETING,
    anchor_lines,
    anchor_of,
    annotate_by_keys,
    app_for,
    copy_corpus,
    highlight_row,
    messages,
    read,
    select,
    type_text,
)
from tests.helpers.layer_diff import added_block
from tests.helpers.pilot import list_rows, open_from_library

NEW_TERM = (
    "  - id: data-circulation\n"
    "    kind: term\n"
    "    hanzi: 数据流通\n"
    "    pinyin: shùjù liútōng\n"
    "    english: data circulation\n"
    "    aliases: []\n"
    "    hanzi_source: annotator\n"
    "    note: Hanzi supplied by the annotator; not given in the texts.\n"
)


async def _to_term(pilot, view: DocumentView, entry_id: str) -> None:  # type: ignore[no-untyped-def]
    """Put the cursor on the first occurrence of ``entry_id`` in the view (not by t: the
    test is not about moving)."""
    occ = next(o for o in view.marks.occurrences if o.entry_id == entry_id)
    view.go_to(occ.doc, occ.start)
    await pilot.pause()
    assert view.cursor.term is not None and view.cursor.term.entry_id == entry_id


async def test_term_add_edit_delete_undo_redo(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    glossary = root / "annotations/glossary.yaml"
    before = read(glossary)
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        await select(pilot, "data circulation")
        assert screen.main.selection is not None
        await pilot.press("g")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "term-hanzi"  # English pre-filled
        await type_text(pilot, "数据流通")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        added = read(glossary)
        # One block at its stable place: after the id sorting just before it, in its section.
        block, neighbour = added_block(before, added, "entries")
        assert block == NEW_TERM and "- id: data-annotation-bases\n" in neighbour
        # Highlighted at once, here and in the other documents.
        assert {o.doc for o in app.corpus.occurrences.of_entry("data-circulation")} >= {
            MEETING,
            BRIEFING,
        }
        assert any(o.entry_id == "data-circulation" for o in screen.main.marks.occurrences)
        # Edit from the context list: add an alias.
        await _to_term(pilot, screen.main, "data-circulation")
        await highlight_row(pilot, "term", "data-circulation")
        await pilot.press("e")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "term-english"
        await pilot.press("tab", "tab", "tab", "tab")  # hanzi, pinyin, kind, aliases
        await type_text(pilot, "data flows")
        await pilot.press("tab", "enter")  # enter in the aliases list starts a new alias
        await pilot.pause()
        edited = NEW_TERM.replace("    aliases: []\n", "    aliases:\n      - data flows\n")
        assert read(glossary) == added.replace(NEW_TERM, edited)
        # Delete it, with a question first.
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert read(glossary) == before
        assert app.corpus.glossary.get("data-circulation") is None
        # Undo all three, then redo one.
        screen.main.focus()
        await pilot.press("u")
        assert read(glossary) == added.replace(NEW_TERM, edited)
        await pilot.press("u")
        assert read(glossary) == added
        await pilot.press("u")
        assert read(glossary) == before
        assert "Undone: add term 'data circulation'" in messages(app)
        await pilot.press("u")
        assert "Nothing to undo" in messages(app)
        await pilot.press("ctrl+r")
        assert read(glossary) == added
        assert "Redone: add term 'data circulation'" in messages(app)


async def test_escape_cancels_a_form_without_any_change(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    snapshot = {p: read(p) for p in (root / "annotations").rglob("*.yaml")}
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        await select(pilot, "data circulation")
        for key in ("g", "M", "p"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ReadingScreen)
            await type_text(pilot, "xyz")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ReadingScreen)
            assert screen.main.selection is not None  # still selected for another try
        await pilot.press("escape")
        assert screen.main.selection is None
    assert {p: read(p) for p in (root / "annotations").rglob("*.yaml")} == snapshot


async def test_alias_to_an_existing_entry_in_one_step(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    glossary = root / "annotations/glossary.yaml"
    before = read(glossary)
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        await annotate_by_keys(pilot, "data circulation", "G", "National Data Administration")
        after = read(glossary)
        added = [ln for ln in after.splitlines() if ln not in before.splitlines()]
        assert added == ["      - data circulation"]
        assert "data circulation" in app.corpus.glossary.entries["nda"].aliases
        await pilot.press("u")
        assert read(glossary) == before


async def test_note_add_edit_delete_undo_redo(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    notes = root / "annotations/notes.yaml"
    before = read(notes)
    quote = "Year of Data Value Release"
    anchor = anchor_of(load_corpus(root), MEETING, quote)
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        await select(pilot, quote)
        await pilot.press("M")
        await pilot.pause()
        await type_text(pilot, "Watch for the 2026 action plan.")
        await pilot.press("tab")
        await type_text(pilot, "2026, watch")
        await pilot.press("enter")
        await pilot.pause()
        text = read(notes)
        created = re.search(r"created: '([0-9T:\-]+Z)'\n", text)
        assert created is not None
        expected = (
            "  - id: note-watch-for-the-2026-action\n"
            "    anchor:\n"
            + anchor_lines(anchor, 6)
            + "    text: Watch for the 2026 action plan.\n"
            "    tags:\n"
            "      - '2026'\n"
            "      - watch\n"
            f"    created: '{created.group(1)}'\n"
        )
        block, neighbour = added_block(before, text, "notes")
        assert block == expected and "- id: authorised-operation-pricing\n" in neighbour
        # The passage now has the note: edit it from the context list.
        await highlight_row(pilot, "note", "note-watch-for-the-2026-action")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " Check again.")
        await pilot.press("tab", "end", "comma", "space")
        await type_text(pilot, "to-verify")
        await pilot.press("enter")
        await pilot.pause()
        edited = expected.replace("plan.\n", "plan. Check again.\n").replace(
            "      - watch\n", "      - watch\n      - to-verify\n"
        )
        assert read(notes) == text.replace(expected, edited)
        await pilot.press("d", "y")
        await pilot.pause()
        assert read(notes) == before
        screen.main.focus()
        await pilot.press("u", "u")
        assert read(notes) == text
        await pilot.press("u")
        assert read(notes) == before
        await pilot.press("ctrl+r")
        assert read(notes) == text


async def test_cross_reference_between_two_documents(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    links = root / "annotations/crossrefs.yaml"
    before = read(links)
    corpus = load_corpus(root)
    source = anchor_of(corpus, CONFERENCE, "setting up pilots")
    target = anchor_of(corpus, MEETING, "Year of Data Value Release")
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, CONFERENCE)
        await select(pilot, "setting up pilots")
        await pilot.press("r")
        await pilot.pause()
        assert app.annotations.link_source is not None
        assert any(m.startswith("Link source marked") for m in messages(app))
        await pilot.press("l")  # the library; another document
        screen = await open_from_library(pilot, MEETING)
        await select(pilot, "Year of Data Value Release")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down")  # continues … contrasts
        await pilot.press("tab")
        await type_text(pilot, "Pilots, then value.")
        await pilot.press("enter")
        await pilot.pause()
        expected = (
            "  - id: contrasts-setting-up-pilots\n"
            "    relation: contrasts\n"
            "    source:\n"
            + anchor_lines(source, 6)
            + "    target:\n"
            + anchor_lines(target, 6)
            + "    note: Pilots, then value.\n"
        )
        added = read(links)
        block, neighbour = added_block(before, added, "links")
        assert block == expected and "- id: computing-network-2024\n" in neighbour
        assert app.annotations.link_source is None
        # The target passage shows the link; edit its relation from the context list.
        await highlight_row(pilot, "link", "contrasts-setting-up-pilots")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("up")  # elaborates
        await pilot.press("enter")
        await pilot.pause()
        edited = added.replace("relation: contrasts", "relation: elaborates", 1)
        assert edited != added and read(links) == edited
        await pilot.press("d", "y")
        await pilot.pause()
        assert read(links) == before
        screen.main.focus()
        await pilot.press("u")
        assert read(links) == edited
        await pilot.press("u", "u")
        assert read(links) == before
        await pilot.press("ctrl+r", "ctrl+r")
        assert read(links) == edited


async def test_speaker_turn_new_speaker_change_delete_undo(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    layer = root / "annotations/speakers" / f"{BRIEFING}.yaml"
    before = read(layer)
    anchor = anchor_of(load_corpus(root), BRIEFING, "Speakers:")
    app = app_for(root, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, BRIEFING)
        await pilot.press("slash")
        await type_text(pilot, "Speakers:")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("p")  # no selection: the passage under the cursor
        await pilot.pause()
        await type_text(pilot, "Moderator")
        await pilot.press("enter")
        await pilot.pause()
        text = read(layer)
        speaker = "  - id: moderator\n    name: Moderator\n    kind: person\n"
        turn = "  - speaker: moderator\n    anchor:\n" + anchor_lines(anchor, 6, with_doc=False)
        # Each at its stable place: the speaker by id, the turn in document order (first).
        assert speaker in text and turn in text
        block, neighbour = added_block(before, text.replace(speaker, "", 1), "turns")
        assert block == turn and neighbour == ""
        block, neighbour = added_block(before, text.replace(turn, "", 1), "speakers")
        assert block == speaker and "- id: luan-jie\n" in neighbour
        assert app.corpus.turns(BRIEFING)[0].speaker.id == "moderator"
        # Give the turn to a known speaker from the context list.
        await highlight_row(pilot, "turn")
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "Liu")
        await pilot.press("enter")
        await pilot.pause()
        assert read(layer) == text.replace(
            turn, turn.replace("speaker: moderator", "speaker: liu-liehong")
        )
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Speakers:\n" not in read(layer).split("turns:")[1]
        screen.main.focus()
        await pilot.press("u", "u")
        assert read(layer) == text
        await pilot.press("u")
        assert read(layer) == before
        await pilot.press("ctrl+r")
        assert read(layer) == text


async def test_help_lists_the_annotation_keys(tmp_path: Path) -> None:
    from textual.widgets import OptionList

    from nda_reader.ui.screens.help import HelpScreen

    app = app_for(copy_corpus(tmp_path), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.query_one(OptionList)
        text = "\n".join(list_rows(rows))
        for needle in ("new glossary term", "Undo", "Redo", "Orphans", "Save again", "alias"):
            assert needle in text, needle
