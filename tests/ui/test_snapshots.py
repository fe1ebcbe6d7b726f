"""Snapshots of every screen and dialog at a wide and a narrow terminal size, and of the
reading screen in each bundled theme.

Regenerate after an intended visual change with ``pytest tests/ui/test_snapshots.py
--snapshot-update`` and look at the SVGs in ``__snapshots__`` before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.settings import Settings, save_settings
from tests.helpers.corpora import MakeCorpus
from tests.helpers.pilot import make_app, open_from_library
from tests.helpers.small_corpus import REPORT, TRANSCRIPT, small_corpus

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
THEMES = ["nda-dark", "nda-light", "nda-high-contrast"]
MEETING = "national-data-work-meeting-2025"
BRIEFING = "scio-nda-briefing-2024-p1"

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


def _keys(doc_id: str, *keys: str) -> Steps:
    """Open ``doc_id`` from the library, then press ``keys`` (and let the screen settle)."""

    async def run(pilot: Pilot[Any]) -> None:
        await open_from_library(pilot, doc_id)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run


async def _on_liu_honglie(pilot: Pilot[Any]) -> None:
    screen = await open_from_library(pilot, MEETING)
    body = screen.reader.corpus.documents[MEETING].body
    while True:
        await pilot.press("t")
        term = screen.main.cursor.term
        assert term is not None
        if body[term.start : term.end] == "Liu Honglie":
            break
    await pilot.pause()


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


# ------------------------------------------------- screens and dialogs, small corpus
SMALL: dict[str, tuple[str, ...]] = {
    "help": ("question_mark",),
    "outline": ("o",),
    "search_input": ("slash", *"data"),
    "search_results": ("f", *"data factor", "enter"),
    "term_form": ("t", "t", "v", "g"),
    "alias_picker": ("t", "v", "G", *"Nat"),
    "note_form": ("j", "j", "j", "m", *"Check this."),
    "speaker_form": ("j", "j", "j", "p"),
    "link_form": ("x", "r", "G", "r"),
    "confirm_delete": ("x", "tab", "d"),
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
    app = make_app(tmp_path / "config", small_corpus(make_corpus))
    assert snap_compare(app, terminal_size=size, run_before=_keys(TRANSCRIPT, *SMALL[name]))


@pytest.mark.parametrize("size", SIZES)
def test_problems(
    snap_compare: SnapCompare, make_corpus: MakeCorpus, tmp_path: Path, size: tuple[int, int]
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations" / "notes.yaml"
    notes.write_text(notes.read_text().replace("    tags: [", "    tgs: ["))
    (root / "annotations" / "broken.yaml").write_text("layer: notes\nnotes: [oops\n")
    app = make_app(tmp_path / "config", root)
    run = _keys(TRANSCRIPT, "exclamation_mark")  # over a document: the library shows the path
    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_orphans(
    snap_compare: SnapCompare, make_corpus: MakeCorpus, tmp_path: Path, size: tuple[int, int]
) -> None:
    root = small_corpus(make_corpus)
    text = root / "texts" / f"{REPORT}.md"
    text.write_text(text.read_text().replace("drafted rules on data factors", "wrote rules"))
    app = make_app(tmp_path / "config", root)
    assert snap_compare(app, terminal_size=size, run_before=_keys(REPORT, "O"))
