"""An entry changed on disk while the user changes it: both versions shown, the user chooses
(issue 10, case 7); re-attaching and updating anchors writes anchors that hold (case 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from nda_reader.corpus.anchors import Status
from nda_reader.corpus.check import check_corpus
from nda_reader.corpus.loader import load_corpus
from nda_reader.ui.app import ReaderApp
from nda_reader.ui.dialogs.conflict import ConflictDialog
from nda_reader.ui.screens.orphans import OrphansScreen
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.annotating import (
    app_on,
    cursor_on,
    highlight_row,
    messages,
    read,
    type_text,
)
from tests.helpers.corpora import MakeCorpus
from tests.helpers.small_corpus import REPORT, TRANSCRIPT, small_corpus

NOTE = "small-firms-first"
OURS = "Small firms first, a promise to check next year."


async def _edit_note_while_it_changes_on_disk(
    pilot: object, app: ReaderApp, notes: Path, outside: str
) -> None:
    """Open the note's form, let someone else save ``outside`` over the file, then add
    " Mine." to the note and press enter."""
    await cursor_on(pilot, "open public data to small firms first")  # type: ignore[arg-type]
    await highlight_row(pilot, "note", NOTE)  # type: ignore[arg-type]
    await pilot.press("e", "end")  # type: ignore[attr-defined]
    notes.write_text(outside, encoding="utf-8")
    await type_text(pilot, " Mine.")  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def _shown(dialog: ConflictDialog, which: str) -> str:
    return "\n".join(str(line.render()) for line in dialog.query(f"#conflict-{which} Label"))


@pytest.mark.parametrize("choice", ["2", "1", "escape"])
async def test_a_note_changed_on_disk_while_edited_shows_both_versions(
    make_corpus: MakeCorpus, tmp_path: Path, choice: str
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    outside = read(notes).replace(OURS, "Changed elsewhere.")
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_note_while_it_changes_on_disk(pilot, app, notes, outside)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        assert read(notes) == outside  # nothing saved before the choice
        assert "text: Changed elsewhere." in _shown(dialog, "disk")
        assert f"text: {OURS} Mine." in _shown(dialog, "mine")
        await pilot.press(choice)
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        texts = [n.text for n in app.corpus.notes if n.id == NOTE]
        if choice == "2":
            assert read(notes) == outside.replace("Changed elsewhere.", f"{OURS} Mine.")
            assert texts == [f"{OURS} Mine."]
        elif choice == "1":
            assert read(notes) == outside
            assert texts == ["Changed elsewhere."]  # the reader shows the file as it is
            assert "your change (edit note) was not saved" in messages(app)[-1]
        else:
            assert read(notes) == outside
            assert "press ctrl+s to choose again" in messages(app)[-1]
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ConflictDialog)
            await pilot.press("2")
            await pilot.pause()
            assert f"text: {OURS} Mine." in read(notes)
        assert not any("applied to the new version" in m for m in messages(app))


async def test_a_change_to_another_field_is_kept_in_the_version_offered(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    outside = read(notes).replace("tags: [follow-up]", "tags: [follow-up, smes]")
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_note_while_it_changes_on_disk(pilot, app, notes, outside)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("2")
        await pilot.pause()
    assert read(notes) == outside.replace(OURS, f"{OURS} Mine.")


async def test_a_change_to_another_entry_is_merged_without_asking(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    outside = read(notes) + (
        "  - id: added-elsewhere\n    anchor:\n      doc: annual-report\n"
        "      exact: The digital economy grew\n    text: Added in an editor.\n"
    )
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_note_while_it_changes_on_disk(pilot, app, notes, outside)
        assert isinstance(app.screen, ReadingScreen)
        assert any("applied to the new version" in m for m in messages(app))
    assert read(notes) == outside.replace(OURS, f"{OURS} Mine.")


# ------------------------------------------------------------------ case 9
# Our own text: a passage printed twice, alike far beyond 32 characters each side of the
# words the orphan is re-attached to.
PASSAGE = (
    "The board met twice in the spring and once in the autumn of the year. The plan was "
    "approved without changes after a short debate, and the minutes were published at once."
)
DUPLICATED = f"""
# Annual report

{PASSAGE}

In its first year the office drafted rules.

{PASSAGE}
"""


async def test_reattaching_inside_a_duplicated_passage_writes_an_anchor_that_holds(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    text = root / "texts" / f"{REPORT}.md"
    head = read(text).split("---\n", 2)
    text.write_text(f"---\n{head[1]}---\n{DUPLICATED.lstrip()}", encoding="utf-8")
    assert any(o.id == "rules-drafted" for o in load_corpus(root).orphans())
    app = app_on(root, REPORT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await cursor_on(pilot, "The plan was approved", nth=1)
        await pilot.press("v")  # from "The" of the second copy
        await pilot.pause()
        view = app.screen.main  # type: ignore[attr-defined]
        wanted = (view.selection.start, view.selection.end)
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(app.screen, OrphansScreen)
        await pilot.press("enter")
        await pilot.pause()
        link = next(ln for ln in app.corpus.crossrefs if ln.id == "rules-drafted")
        at = app.corpus.place(link.source)
        assert at.placed and (at.start, at.end) == wanted
    corpus = load_corpus(root)
    link = next(ln for ln in corpus.crossrefs if ln.id == "rules-drafted")
    assert corpus.place(link.source).start == wanted[0]
    assert not [p for p in check_corpus(root, pinyin=False).problems if p.is_error]


async def test_an_anchor_placed_by_a_fuzzy_match_is_updated_from_the_orphans_view(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    notes.write_text(  # the note as the reader writes it, with context each side
        read(notes).replace(
            "      exact: open public data to small firms first\n",
            "      exact: open public data to small firms first\n"
            "      prefix: 'Administration will '\n"
            '      suffix: ".\\nWe call this"\n',
        ),
        encoding="utf-8",
    )
    text = root / "texts" / f"{TRANSCRIPT}.md"
    edited = read(text).replace("to small firms first", "to small firms 1st")
    text.write_text(edited, encoding="utf-8")
    before = load_corpus(root)
    note = next(n for n in before.notes if n.id == NOTE)
    assert before.place(note.anchor).status is Status.FUZZY
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(app.screen, OrphansScreen)
        assert "1 placed by a fuzzy match, to update" in str(
            app.screen.query_one("#orphans-title", Static).render()
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.corpus.fuzzy() == []
    assert "      exact: open public data to small firms 1st\n" in read(notes)
    problems = check_corpus(root, pinyin=False).problems
    assert not [p for p in problems if "update the anchor" in p.message]
