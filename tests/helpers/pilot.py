"""Helpers for driving the reader with Textual's Pilot, always through the factory."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList, Static
from textual.worker import WorkerCancelled

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.factory import create_app
from nda_reader.ui.screens.library import LibraryScreen, library_rows
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.widgets.document_view.widget import DocumentView


def make_app(config_dir: Path, path: Path | None = None) -> ReaderApp:
    """The app as the command line builds it, with settings kept in ``config_dir``."""
    return create_app(path, config_dir=config_dir)


async def open_from_library(pilot: Pilot[None], doc_id: str) -> ReadingScreen:
    """Select ``doc_id``'s row in the library with the arrow keys and press enter."""
    app = pilot.app
    await pilot.pause()  # the first screen is pushed once the app is running
    assert isinstance(app, ReaderApp) and isinstance(app.screen, LibraryScreen)
    rows = [d.part_of or d.id for d in library_rows(app.corpus)]
    doc = app.corpus.documents[doc_id]
    for _ in range(rows.index(doc.part_of or doc.id)):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ReadingScreen)
    return app.screen


def list_rows(options: OptionList) -> list[str]:
    """The plain text of each row of ``options``, in order."""
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def pane_text(screen: ReadingScreen) -> str:
    """Everything the context pane shows, as plain text."""
    pane = screen.context
    parts = [str(s.render()) for s in pane.query(Static)]
    parts += list_rows(pane.query_one(OptionList))
    return "\n".join(parts)


def screen_text(app: App[Any]) -> str:
    """The plain text on the terminal, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


async def workers_done(app: App[Any]) -> None:
    """Wait until the app's workers have ended, a worker cancelled by a newer one (an
    exclusive worker, e.g. the pinyin draft of text typed on) included."""
    while app.workers:
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue


async def until(pilot: Pilot[Any], ready: Callable[[], bool], timeout: float = 120.0) -> None:
    """Let the app run until ``ready()`` holds; fail after ``timeout`` seconds (a bound
    for a loaded machine, never a speed the test asserts)."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"not ready after {timeout:.0f} s")
        await pilot.pause(0.01)


def spy_rendered_lines(monkeypatch: pytest.MonkeyPatch, view: DocumentView) -> list[int]:
    """The display lines (scrolling counted) Textual has ``view`` render from now on, in
    order: a line is rendered again when the view, or that line of it, is refreshed."""
    rendered: list[int] = []
    render_line = DocumentView.render_line

    def spy(self: DocumentView, y: int) -> Any:
        if self is view:
            rendered.append(y + round(view.scroll_offset.y))
        return render_line(self, y)

    monkeypatch.setattr(DocumentView, "render_line", spy)
    return rendered


def passages_of(view: DocumentView, lines: list[int]) -> set[tuple[str, int]]:
    """The passages (part id, block index) the display ``lines`` of ``view`` belong to."""
    return {(line.doc_id, line.block) for y in lines if (line := view.navigator.line(y))}
