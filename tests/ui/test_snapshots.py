"""Snapshots of the reader's main screens at a wide and a narrow terminal size.

Regenerate after an intended visual change with ``pytest tests/ui/test_snapshots.py
--snapshot-update`` and look at the SVGs in ``__snapshots__`` before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from nda_reader.ui.app import ReaderApp
from tests.helpers.pilot import make_app, open_from_library

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
MEETING = "national-data-work-meeting-2025"
BRIEFING = "scio-nda-briefing-2024-p1"

SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_reading_with_context_pane(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    async def on_liu_honglie(pilot: Pilot[Any]) -> None:
        screen = await open_from_library(pilot, MEETING)
        body = screen.reader.corpus.documents[MEETING].body
        while True:
            await pilot.press("t")
            term = screen.main.cursor.term
            assert term is not None
            if body[term.start : term.end] == "Liu Honglie":
                break
        await pilot.pause()

    app: ReaderApp = make_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=on_liu_honglie)


@pytest.mark.parametrize("size", SIZES)
def test_split_view(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def follow_link(pilot: Pilot[Any]) -> None:
        await open_from_library(pilot, BRIEFING)
        await pilot.press("x", "enter")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=follow_link)
