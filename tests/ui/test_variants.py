"""The renderings of a term across the corpus (D on the reading screen): a snapshot of the
picture at both sizes, and counts that equal the concordance's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from nda_reader.ui.screens.variants import VariantsScreen
from tests.helpers.pilot import make_app, open_from_library
from tests.helpers.snapshots import settled

MEETING = "national-data-work-meeting-2025"
SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


async def _on_nda(pilot: Pilot[Any]) -> None:
    screen = await open_from_library(pilot, MEETING)
    body = screen.reader.corpus.documents[MEETING].body
    screen.main.go_to(MEETING, body.index("National Data Administration"))
    await pilot.pause()
    await pilot.press("D")
    await settled(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_renderings_picture(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=_on_nda)


async def test_the_picture_counts_what_the_concordance_counts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _on_nda(pilot)
        screen = app.screen
        assert isinstance(screen, VariantsScreen)
        text = screen.picture(120).plain
        occurrences = app.corpus.occurrences.of_entry("nda")
        assert f"{len(occurrences)} occurrences" in str(
            screen.query_one("#variants-title").render()
        )
        bureau = sum(
            1
            for o in occurrences
            if app.corpus.documents[o.doc].body[o.start : o.end] == "National Bureau of Data"
        )
        assert f"National Bureau of Data  ×{bureau}  [admitted]" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, VariantsScreen)


async def test_without_a_term_the_key_says_what_to_do(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, MEETING)
        await pilot.press("D")
        await pilot.pause()
        assert not isinstance(app.screen, VariantsScreen)
