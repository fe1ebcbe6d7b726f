"""Where you left off: each document reopens where it was left, marks come back, and the
jump history survives the library; across launches too, never failing on a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from nda_reader.reading.places import Place, place_at, relocate
from nda_reader.ui.dialogs.letter_prompt import LetterPrompt
from nda_reader.ui.places import PLACES_FILE, PlaceBook
from nda_reader.ui.screens.library import LibraryScreen
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.annotating import messages
from tests.helpers.corpora import MakeCorpus
from tests.helpers.pilot import make_app, open_from_library
from tests.helpers.small_corpus import READOUT_1, REPORT, TRANSCRIPT, small_corpus


async def _reading(pilot: object) -> ReadingScreen:
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    return screen


async def test_a_document_reopens_where_it_was_left_and_history_survives(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app = make_app(tmp_path / "config", root)
    body = app.corpus.documents[TRANSCRIPT].body
    there = body.index("How will the rules")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_from_library(pilot, TRANSCRIPT)
        screen.main.go_to(TRANSCRIPT, there)
        await pilot.pause()
        await pilot.press("x", "enter")  # follow a cross-reference: a jump
        await pilot.pause()
        left = screen.main.position()
        assert left != (TRANSCRIPT, there)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")  # the same row: the transcript
        await pilot.pause()
        screen = await _reading(pilot)
        assert screen.main.position() == left
        await pilot.press("left_square_bracket")  # the jump made before the library
        await pilot.pause()
        assert "Nothing to go back to" not in messages(app)
        assert screen.active.position()[0] == TRANSCRIPT


async def test_opening_another_document_is_a_jump_back(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app = make_app(tmp_path / "config", root)
    body = app.corpus.documents[TRANSCRIPT].body
    there = body.index("Thank you.")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_from_library(pilot, TRANSCRIPT)
        screen.main.go_to(TRANSCRIPT, there)
        await pilot.pause()
        await pilot.press("escape", "down")
        await pilot.press("enter")
        await pilot.pause()
        assert (await _reading(pilot)).main.doc.id == READOUT_1
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert (await _reading(pilot)).main.position() == (TRANSCRIPT, there)


async def test_places_and_marks_are_kept_across_launches(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    config = tmp_path / "config"
    path = root / "texts" / f"{TRANSCRIPT}.md"
    app = make_app(config, path)
    body = app.corpus.documents[TRANSCRIPT].body
    marked, left = body.index("Good morning"), body.index("Thank you.")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _reading(pilot)
        await pilot.pause()
        screen.main.go_to(TRANSCRIPT, marked)
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, LetterPrompt)
        await pilot.press("a")
        await pilot.pause()
        screen.main.go_to(TRANSCRIPT, left)
        await pilot.pause()
        await pilot.press("q")
    assert (config / PLACES_FILE).is_file()
    again = make_app(config, path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await _reading(pilot)
        assert screen.main.position() == (TRANSCRIPT, left)  # where it was left
        await pilot.press("apostrophe", "a")
        await pilot.pause()
        assert screen.main.position() == (TRANSCRIPT, marked)
        await pilot.press("apostrophe", "apostrophe")  # '' back where the jump started
        await pilot.pause()
        assert screen.main.position() == (TRANSCRIPT, left)
        await pilot.press("apostrophe", "b")
        await pilot.pause()
        assert "No mark b in this document" in messages(again)


async def _typed_at_once(pilot: Pilot[None], *keys: tuple[str, str]) -> None:
    """Keys (name, character) that arrive before the first is handled, as when typed fast
    or sent by tmux at once; then let the app handle them."""
    for key, char in keys:
        pilot.app.post_message(events.Key(key, char))
    await pilot.pause()
    await pilot.pause()


async def test_a_letter_typed_straight_after_m_names_the_mark(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    # Both keys arrive before the first is handled (typed fast, or sent by tmux at once):
    # the letter went to the reading screen's queue and was lost under the prompt.
    root = small_corpus(make_corpus)
    app = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    body = app.corpus.documents[TRANSCRIPT].body
    marked = body.index("Good morning")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _reading(pilot)
        screen.main.go_to(TRANSCRIPT, marked)
        await pilot.pause()
        await _typed_at_once(pilot, ("m", "m"), ("a", "a"))
        assert not isinstance(app.screen, LetterPrompt)
        assert "Mark a set: ' a comes back here" in messages(app)
        await _typed_at_once(pilot, ("m", "m"), ("q", "q"))  # q quits elsewhere
        assert app.is_running and "Mark q set: ' q comes back here" in messages(app)
        screen.main.go_to(TRANSCRIPT, 0)
        await pilot.pause()
        await _typed_at_once(pilot, ("apostrophe", "'"), ("a", "a"))
        assert screen.main.position() == (TRANSCRIPT, marked)


async def test_marks_belong_to_their_document(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    root = small_corpus(make_corpus)
    app = make_app(tmp_path / "config", root)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_library(pilot, TRANSCRIPT)
        await pilot.press("j", "j", "m", "c")
        await pilot.press("escape")
        await pilot.pause()
        await open_from_library(pilot, REPORT)
        await pilot.press("apostrophe", "c")
        await pilot.pause()
        assert "No mark c in this document" in messages(app)
        await pilot.press("m", "escape")  # escape: no mark
        await pilot.pause()
        assert not isinstance(app.screen, LetterPrompt)


@pytest.mark.parametrize(
    "content",
    [
        "corpora: [unclosed",
        "- a list\n",
        "corpora:\n  /x:\n    doc:\n      at: {doc: 3, offset: no}\n",
        b"\xff\xfe garbage",
        "corpora:\n  /x: 12\n",
    ],
)
def test_a_damaged_places_file_is_ignored(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / PLACES_FILE
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    book = PlaceBook.load(tmp_path)
    assert book.left_at("/x", "doc") is None and book.marks("/x", "doc") == {}
    book.leave("/x", "doc", Place("doc", 3, "abc"))
    assert book.save() is None
    assert PlaceBook.load(tmp_path).left_at("/x", "doc") == Place("doc", 3, "abc")


def test_a_places_file_that_cannot_be_written_is_said_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    book = PlaceBook.load(blocker / "config")
    book.set_mark("/x", "doc", "a", Place("doc", 1))
    error = book.save()
    assert error is not None and "could not keep your place" in error
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_place_is_found_again_after_the_text_changed() -> None:
    body = "First passage.\n\nThe words we stopped at are here.\n"
    place = place_at("d", body, body.index("The words"))
    assert relocate(place, body) == body.index("The words")
    edited = "A new first passage, longer than before.\n\n" + body
    assert relocate(place, edited) == edited.index("The words")
    assert relocate(place, "short") == len("short")  # gone: the nearest place in the text
