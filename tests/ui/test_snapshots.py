"""Snapshots of every screen and dialog at a wide and a narrow terminal size, and of the
reading screen in each bundled theme.

Toasts, the message line and the blinking cursor are left out of every picture but one
(tests/helpers/snapshots.py): they would make the pictures depend on the machine's speed.
Regenerate after an intended visual change with ``pytest -n 0 tests/ui/test_snapshots.py
--snapshot-update`` and look at the SVGs in ``__snapshots__`` before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.dialogs.add_review import AddReviewDialog
from nda_reader.ui.settings import Settings, save_settings
from nda_reader.ui.widgets import message_line
from nda_reader.ui.widgets.message_line import MessageLine
from tests.helpers.annotating import cursor_on, highlight_row, type_text
from tests.helpers.corpora import MakeCorpus
from tests.helpers.pilot import make_app, open_from_library
from tests.helpers.small_corpus import REPORT, TRANSCRIPT, small_corpus
from tests.helpers.snapshots import Steps
from tests.helpers.snapshots import keys as _keys
from tests.helpers.snapshots import settled as _settled

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
NARROW = [pytest.param((80, 24), id="80x24"), pytest.param((60, 40), id="60x40")]
"""Small terminals and half-width splits."""
THEMES = ["nda-dark", "nda-light", "nda-high-contrast"]
MEETING = "national-data-work-meeting-2025"
BRIEFING = "scio-nda-briefing-2024-p1"

SnapCompare = Callable[..., bool]


async def _on_liu_honglie(pilot: Pilot[Any]) -> None:
    screen = await open_from_library(pilot, MEETING)
    body = screen.reader.corpus.documents[MEETING].body
    screen.main.go_to(MEETING, body.index("Liu Honglie"))
    await pilot.pause()
    term = screen.main.cursor.term
    assert term is not None and body[term.start : term.end] == "Liu Honglie"
    await _settled(pilot)


# ------------------------------------------------------------ the bundled corpus
@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_reading_with_context_pane(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app: ReaderApp = make_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=_on_liu_honglie)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_reading_in_each_theme(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    save_settings(Settings(theme=theme), tmp_path)
    app = make_app(tmp_path)
    assert app.theme == theme
    assert snap_compare(app, terminal_size=size, run_before=_on_liu_honglie)


@pytest.mark.parametrize("size", SIZES)
def test_split_view(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    run = _keys(BRIEFING, "x", "enter")
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_parallel_view(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    # The work conference beside its Chinese, the cursor on the NDA in the third pair.
    run = _keys("nda-work-conference-2024", "P", "t", "t", "t", "t", "t")
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=run)


# ------------------------------------------------- screens and dialogs, small corpus
SMALL: dict[str, Steps] = {
    "help": _keys(None, "question_mark"),
    "outline": _keys(None, "o"),
    "search_input": _keys(None, "slash", text="data"),
    "search_results": _keys(None, "f", text="data factor", then=("enter",)),
    "term_form": _keys(None, "t", "t", "v", "g"),
    "alias_picker": _keys(None, "t", "v", "G", text="Nat"),
    "note_form": _keys(None, "j", "j", "j", "M", text="Check this."),
    "copy_menu": _keys(None, "t", "y"),
    "mark_prompt": _keys(None, "apostrophe"),
    "glossary_browser": _keys(None, "i"),
    "notes_browser": _keys(None, "number_sign"),
    "concordance": _keys(None, "i", text="data", then=("enter",)),
    "speaker_form": _keys(None, "j", "j", "j", "p"),
    "link_form": _keys(None, "x", "r", "G", "r"),
    "confirm_delete": _keys(None, "x", "tab", "d"),
}


@pytest.mark.parametrize("name", list(SMALL))
@pytest.mark.parametrize("size", SIZES)
def test_screen_or_dialog(
    snap_compare: SnapCompare,
    make_corpus: MakeCorpus,
    tmp_path: Path,
    size: tuple[int, int],
    name: str,
) -> None:
    root = small_corpus(make_corpus)
    app = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    assert snap_compare(app, terminal_size=size, run_before=SMALL[name])


@pytest.mark.parametrize("size", SIZES)
def test_problems(
    snap_compare: SnapCompare, make_corpus: MakeCorpus, tmp_path: Path, size: tuple[int, int]
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations" / "notes.yaml"
    notes.write_text(notes.read_text().replace("    tags: [", "    tgs: ["))
    (root / "annotations" / "broken.yaml").write_text("layer: notes\nnotes: [oops\n")
    # Over a document: the library's title shows the corpus folder, a temporary path.
    app = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    assert snap_compare(app, terminal_size=size, run_before=_keys(None, "exclamation_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_orphans(
    snap_compare: SnapCompare, make_corpus: MakeCorpus, tmp_path: Path, size: tuple[int, int]
) -> None:
    root = small_corpus(make_corpus)
    text = root / "texts" / f"{REPORT}.md"
    text.write_text(text.read_text().replace("drafted rules on data factors", "wrote rules"))
    app = make_app(tmp_path / "config", root / "texts" / f"{REPORT}.md")
    assert snap_compare(app, terminal_size=size, run_before=_keys(None, "O"))


@pytest.mark.parametrize("size", SIZES)
def test_conflict(
    snap_compare: SnapCompare, make_corpus: MakeCorpus, tmp_path: Path, size: tuple[int, int]
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations" / "notes.yaml"
    outside = notes.read_text(encoding="utf-8").replace(
        "Small firms first, a promise to check next year.", "Changed in an editor meanwhile."
    )

    async def run(pilot: Pilot[Any]) -> None:
        await cursor_on(pilot, "open public data to small firms first")
        await highlight_row(pilot, "note", "small-firms-first")
        await pilot.press("e", "end")
        notes.write_text(outside, encoding="utf-8")
        await type_text(pilot, " Mine.")
        await pilot.press("enter")
        await _settled(pilot)

    app = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_message_line_after_a_save(
    snap_compare: SnapCompare,
    make_corpus: MakeCorpus,
    tmp_path: Path,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The one message left in the pictures: a save's, on the footer's row over its keys
    (it stays up here for the picture)."""
    monkeypatch.setattr(message_line, "SHOWN_FOR", 600.0)
    root = small_corpus(make_corpus)

    save = _keys(None, "j", "j", "j", "M", text="Check this.", then=("enter",), keep_messages=True)

    async def run(pilot: Pilot[Any]) -> None:
        await save(pilot)
        assert "Saved: add note" in pilot.app.screen.query_one(MessageLine).message

    app = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    assert snap_compare(app, terminal_size=size, run_before=run)


# ----------------------------------------------------------- adding a text (A)
_PASTED = """Harbour notes of the week

Ms. Lin: The Binhai Data Office opened three kinds of harbour data on 18 March 2025.

Mr. Zhou: We will run a data factor plan with local universities this year.
"""
"""Our own words, pasted."""


def _add(read: bool) -> Steps:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        box = pilot.app.screen.query_one(TextArea)
        box.load_text(_PASTED)
        box.focus()
        if read:
            await pilot.press("ctrl+n")
            for _ in range(50):  # the review is pushed once the text is read
                if isinstance(pilot.app.screen, AddReviewDialog):
                    break
                await pilot.pause(0.02)
        for box in pilot.app.screen.query(TextArea):
            box.cursor_blink = False  # as _settled does for inputs
        await _settled(pilot)

    return run


@pytest.mark.parametrize("step", ["add_source", "add_review"])
@pytest.mark.parametrize("size", SIZES)
def test_adding_a_text(
    snap_compare: SnapCompare,
    make_corpus: MakeCorpus,
    tmp_path: Path,
    size: tuple[int, int],
    step: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small_corpus(make_corpus)
    monkeypatch.chdir(tmp_path)  # the library's title shows the corpus folder as given
    app = make_app(tmp_path / "config", Path("corpus"))
    assert snap_compare(app, terminal_size=size, run_before=_add(step == "add_review"))


# ------------------------------------------------- small terminals and half-width splits
async def _zoomed_note(pilot: Pilot[Any]) -> None:
    await _on_liu_honglie(pilot)
    await pilot.press("z")
    await _settled(pilot)


async def _concordance_down(pilot: Pilot[Any]) -> None:
    await _on_liu_honglie(pilot)
    await pilot.press("tab", "j", "j", "j", "j", "j")
    await _settled(pilot)


async def _term_form_refused(pilot: Pilot[Any]) -> None:
    await open_from_library(pilot, MEETING)
    await pilot.press("v", "g")
    await pilot.pause()
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.insert_text_at_cursor("国家数据局")
    await pilot.press("enter")
    await _settled(pilot)


NARROW_STEPS: dict[str, Steps] = {
    "reading": _on_liu_honglie,
    "zoomed_context": _zoomed_note,
    "concordance_down": _concordance_down,
    "term_form_refused": _term_form_refused,
    "outline": _keys(MEETING, "o", "j", "j"),
    "link_form": _keys(BRIEFING, "x", "r", "G", "r"),
    "filter": _keys(MEETING, "ampersand", text="Liu Liehong", then=("enter",)),
}


@pytest.mark.parametrize("name", list(NARROW_STEPS))
@pytest.mark.parametrize("size", NARROW)
def test_small_terminal(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int], name: str
) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=NARROW_STEPS[name])
