"""``A`` in the library: add a text from a path or from pasted text, review what was found,
and read the new document."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.dialogs.add_review import AddReviewDialog
from nda_reader.ui.dialogs.add_source import AddSourceDialog
from nda_reader.ui.screens.library import LibraryScreen, library_rows
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.annotating import messages
from tests.helpers.corpora import MakeCorpus
from tests.helpers.importing import BRIEFING_TURNS, BRIEFING_TXT
from tests.helpers.pilot import make_app
from tests.helpers.small_corpus import TRANSCRIPT, small_corpus

PASTED = """\
Harbour notes of the week

Ms. Lin: The Binhai Data Office opened three kinds of harbour data on 18 March 2025.

Mr. Zhou: We will run a data factor plan with local universities this year.

Ms. Lin: Thank you.
"""
"""Our own words, as a user would paste them."""

NEW_ID = "harbour-notes-week-2025"


async def _open_add(pilot: Pilot[None]) -> AddSourceDialog:
    await pilot.pause()
    assert isinstance(pilot.app.screen, LibraryScreen)
    await pilot.press("A")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AddSourceDialog)
    return dialog


async def _review(pilot: Pilot[None], *, path: str = "", paste: str = "") -> AddReviewDialog:
    dialog = await _open_add(pilot)
    if paste:
        dialog.query_one(TextArea).load_text(paste)
        await pilot.press("ctrl+n")
    else:
        dialog.query_one("#add-path", Input).insert_text_at_cursor(path)
        await pilot.press("enter")
    await pilot.pause()
    review = pilot.app.screen
    assert isinstance(review, AddReviewDialog), messages(pilot.app)  # type: ignore[arg-type]
    return review


async def test_a_pasted_text_is_reviewed_added_and_opened(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app: ReaderApp = make_app(tmp_path / "config", root)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await _review(pilot, paste=PASTED)
        assert review.value("add-title") == "Harbour notes of the week"
        assert (review.value("add-date"), review.value("add-kind")) == ("2025-03-18", "transcript")
        assert review.value("add-id") == NEW_ID
        report = str(review.query_one("#add-report-text").render())
        assert "3 speaker turn(s)" in report and "Ms. Lin: 2 (new)" in report
        assert "data-factors ×1" in report  # the glossary's findings in the new text
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen.start_doc.id == NEW_ID
        doc = app.corpus.documents[NEW_ID]
        names = [app.corpus.speaker_name(t.speaker) for t in app.corpus.turns(NEW_ID)]
        assert names == ["Ms. Lin", "Mr. Zhou", "Ms. Lin"]
        found = [o.entry_id for o in app.corpus.occurrences.in_doc(NEW_ID)]
        assert "data-factors" in found  # highlighted and searchable like any text
        assert doc.path == root / "texts" / f"{NEW_ID}.md"
        assert (root / "annotations" / "speakers" / f"{NEW_ID}.yaml").is_file()
        await pilot.press("l")
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        listed = [d.id for d in library.rows]
        assert NEW_ID in listed and listed == [d.id for d in library_rows(app.corpus)]


async def test_a_file_by_its_path_with_the_title_changed_in_review(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app: ReaderApp = make_app(tmp_path / "config", root)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await _review(pilot, path=str(BRIEFING_TXT))
        title = review.query_one("#add-title", Input)
        title.value = ""
        title.insert_text_at_cursor("Binhai harbour data briefing")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        doc = screen.start_doc
        assert (doc.title, doc.kind, doc.pairs) == (
            "Binhai harbour data briefing",
            "transcript",
            "zh-en",
        )
        turns = [
            (doc.body[t.start : t.label_end], app.corpus.speaker_name(t.speaker))
            for t in app.corpus.turns(doc.id)
        ]
        assert turns == BRIEFING_TURNS
        assert not [p for p in app.corpus.problems if p.is_error]


async def test_a_bad_path_says_why_and_escape_writes_nothing(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    before = sorted(root.rglob("*"))
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG")
    app: ReaderApp = make_app(tmp_path / "config", root)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await _open_add(pilot)
        dialog.query_one("#add-path", Input).insert_text_at_cursor(str(photo))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        problem = str(dialog.query_one("#add-problem").render())
        assert "photo.png: unknown kind of file '.png'" in problem
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
    assert sorted(root.rglob("*")) == before


async def test_a_missing_date_must_be_given_before_anything_is_written(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app: ReaderApp = make_app(tmp_path / "config", root)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await _review(pilot, paste=PASTED.replace(" on 18 March 2025", ""))
        assert review.value("add-date") == ""
        assert "Give the date of the event" in str(review.query_one("#form-problem").render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is review
        assert not list((root / "texts").glob("harbour-notes-week*"))
        review.query_one("#add-date", Input).insert_text_at_cursor("2025-03-18")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert (screen.start_doc.id, screen.start_doc.date) == ("harbour-notes-week", "2025-03-18")


async def test_the_same_text_again_is_updated_in_place(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app: ReaderApp = make_app(tmp_path / "config", root)
    async with app.run_test(size=(120, 40)) as pilot:
        await _review(pilot, paste=PASTED)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("l")
        review = await _review(pilot, paste=PASTED)
        report = str(review.query_one("#add-report-text").render())
        assert f"Added before as {NEW_ID}: enter updates it in place." in report
        assert review.value("add-id") == NEW_ID
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
    assert sorted(p.name for p in (root / "texts").glob("harbour-notes*")) == [f"{NEW_ID}.md"]


async def test_a_single_file_has_no_corpus_to_add_to(tmp_path: Path) -> None:
    lone = tmp_path / "lone.txt"
    lone.write_text(PASTED, encoding="utf-8")
    app: ReaderApp = make_app(tmp_path / "config", lone)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l", "A")
        await pilot.pause()
        assert not isinstance(app.screen, AddSourceDialog)
        assert any("needs a corpus folder" in m for m in messages(app))


async def test_a_is_a_reading_key_elsewhere(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    root = small_corpus(make_corpus)
    app: ReaderApp = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)  # previous annotated passage there
