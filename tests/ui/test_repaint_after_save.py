"""What a save paints again: the lines whose marks changed, not the whole screen.

A note saved on the cursor's passage (no selection) changes the marks of that passage
only; the other lines of the view were painted again after each save until the sixth
stop of issue 11 (~3 ms of the save's frame on a full screen). A save that changes the
glossary's occurrences (a new alias) paints every line again: any line may show it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from nda_reader.reading.wrapping import DisplayLine
from nda_reader.ui.app import ReaderApp
from nda_reader.ui.widgets.document_view.painter import NOTE_GLYPH, LinePainter
from nda_reader.ui.widgets.document_view.widget import DocumentView
from tests.helpers.annotating import (
    MEETING,
    annotate_by_keys,
    app_for,
    copy_corpus,
    cursor_on,
    messages,
    type_text,
)
from tests.helpers.pilot import open_from_library, passages_of, spy_rendered_lines, until


def _spy_painting(monkeypatch: pytest.MonkeyPatch) -> list[DisplayLine]:
    """Record every display line painted (not taken from the painter's cache)."""
    painted: list[DisplayLine] = []
    draw = LinePainter._draw

    def spy(self: LinePainter, line: DisplayLine, *args: Any) -> Any:
        painted.append(line)
        return draw(self, line, *args)

    monkeypatch.setattr(LinePainter, "_draw", spy)
    return painted


@asynccontextmanager
async def _meeting(tmp_path: Path) -> AsyncIterator[tuple[ReaderApp, Pilot[None], DocumentView]]:
    """The reader on a copy of the bundled corpus, at 120x40, the meeting readout open."""
    app = app_for(copy_corpus(tmp_path), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        yield app, pilot, screen.main


async def _note_on_the_cursor_passage(pilot: Pilot[None], app: ReaderApp) -> None:
    """Add a note to the cursor's passage by keys (``M``, a text, enter), until saved."""
    await pilot.press("M")
    await pilot.pause()
    await type_text(pilot, "A note of my own")
    await pilot.press("enter")
    await until(pilot, lambda: messages(app) == ["Saved: add note"])
    await pilot.pause()


async def test_a_note_on_the_cursor_passage_paints_that_passage_again_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _meeting(tmp_path) as (app, pilot, view):
        await cursor_on(pilot, "data circulation")
        await pilot.pause()
        passage = view.navigator.line(view.cursor.y)
        assert passage is not None
        painted = _spy_painting(monkeypatch)
        await _note_on_the_cursor_passage(pilot, app)
        drawn = {(line.doc_id, line.block) for line in painted}
        assert drawn == {(passage.doc_id, passage.block)}, drawn
        first = next(
            y
            for y in range(len(view.flow.lines))
            if (line := view.navigator.line(y)) is not None
            and (line.doc_id, line.block) == (passage.doc_id, passage.block)
            and line.first
        )
        top = round(view.scroll_offset.y)
        assert NOTE_GLYPH in view.render_line(first - top).text


async def test_undoing_a_note_has_textual_render_its_passage_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only drawn again by the painter: the view has Textual render those lines only.
    A whole refresh had every line of the view rendered again (~3 ms of the frame, the
    painter's cache notwithstanding), as did setting the view's title to the same text
    after each cursor move. (A save from a form renders every line all the same: the
    view's border changes colour as it takes the focus back.)"""
    async with _meeting(tmp_path) as (app, pilot, view):
        await cursor_on(pilot, "data circulation")
        await pilot.pause()
        passage = view.navigator.line(view.cursor.y)
        assert passage is not None
        await _note_on_the_cursor_passage(pilot, app)
        rendered = spy_rendered_lines(monkeypatch, view)
        await pilot.press("u")
        await until(pilot, lambda: messages(app)[-1:] == ["Undone: add note"])
        await pilot.pause()
        assert rendered, "the passage was not rendered again"
        assert passages_of(view, rendered) == {(passage.doc_id, passage.block)}


async def test_a_new_alias_paints_every_line_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _meeting(tmp_path) as (app, pilot, view):
        await pilot.pause()
        painted = _spy_painting(monkeypatch)
        await annotate_by_keys(pilot, "data circulation", "G", "National Data Administration")
        assert "data circulation" in app.corpus.glossary.entries["nda"].aliases
        await pilot.pause()
        shown = {(line.doc_id, line.block) for line in painted}
        blocks_on_screen = {
            (line.doc_id, line.block)
            for y in range(round(view.scroll_offset.y), view.scroll_offset.y + view.size.height)
            if (line := view.navigator.line(y)) is not None
        }
        assert blocks_on_screen <= shown
