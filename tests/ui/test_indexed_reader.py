"""The reader on a corpus with an index: it completes the index after its first paint,
shows how far it is, and a save goes through the index as well."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.index.lazy import StoredDocument
from nda_reader.index.open import CorpusIndex, open_corpus
from nda_reader.ui.app import ReaderApp
from nda_reader.ui.factory import create_app
from nda_reader.ui.indexing import Step
from nda_reader.ui.screens.library import LibraryScreen
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.widgets.index_progress import IndexProgress, progress_text
from nda_reader.ui.widgets.library_table import LibraryTable
from tests.helpers.annotating import (
    BRIEFING,
    MEETING,
    annotate_by_keys,
    copy_corpus,
    select,
    type_text,
)
from tests.helpers.index import corpus_summary
from tests.helpers.pilot import open_from_library, until


def _indexed_app(root: Path, tmp_path: Path) -> ReaderApp:
    return create_app(root, config_dir=tmp_path / "config", cache_dir=tmp_path / "cache")


def test_the_progress_line_says_what_and_how_far() -> None:
    text = progress_text(("Finding glossary terms", 25, 100)).plain
    assert text.startswith("Finding glossary terms █████") and "25%" in text


async def test_a_new_term_is_found_everywhere_through_the_index(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path).absolute()
    app = _indexed_app(root, tmp_path)
    index = app.corpus.backing
    assert isinstance(index, CorpusIndex)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: index.is_complete())  # completed after the first paint
        screen = await open_from_library(pilot, MEETING)
        await select(pilot, "data circulation")
        await pilot.press("g")
        await pilot.pause()
        await type_text(pilot, "数据流通")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen) and app.screen is screen
        assert any(o.entry_id == "data-circulation" for o in screen.main.marks.occurrences)
        # The other documents' terms are found again in the index, in the background.
        await until(pilot, lambda: app.corpus.occurrences.complete)
        found = {o.doc for o in app.corpus.occurrences.of_entry("data-circulation")}
        assert found >= {MEETING, BRIEFING}
    index.writer.wait()
    again, _ = open_corpus(root, tmp_path / "cache")
    assert corpus_summary(again) == corpus_summary(load_corpus(root))


async def test_the_library_shows_the_index_work_and_hides_the_line_when_it_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_corpus(tmp_path).absolute()
    app = _indexed_app(root, tmp_path)
    index = app.corpus.backing
    assert isinstance(index, CorpusIndex) and not index.is_complete()
    shown: list[tuple[Step | None, bool, str]] = []
    show = IndexProgress._show

    def show_and_look(line: IndexProgress, step: Step | None) -> None:
        show(line, step)
        shown.append((step, line.display, str(line.render())))

    monkeypatch.setattr(IndexProgress, "_show", show_and_look)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: len(shown) > 1 and shown[-1][0] is None)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(IndexProgress).display is False
    working = [(step, display, text) for step, display, text in shown if step is not None]
    assert working and all(display for _, display, _ in working)
    assert any(text.startswith("Finding glossary terms ") for _, _, text in working)
    assert any(text.startswith("Indexing texts for search ") for _, _, text in working)


async def test_a_change_made_outside_is_picked_up_after_a_save_is_shown(tmp_path: Path) -> None:
    """A save compares only the file it wrote, so its repaint does not wait for a look
    at every file; the look follows, and a glossary entry renamed in another editor
    meanwhile reaches the reader without a second save."""
    root = copy_corpus(tmp_path).absolute()
    app = _indexed_app(root, tmp_path)
    glossary = root / "annotations" / "glossary.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        index = app.corpus.backing
        assert isinstance(index, CorpusIndex)
        await until(pilot, lambda: index.is_complete())
        await open_from_library(pilot, MEETING)
        line = "    english: National Data Administration\n"
        text = glossary.read_text(encoding="utf-8")
        assert text.count(line) == 1
        glossary.write_text(text.replace(line, line.replace("Administration", "Bureau")), "utf-8")
        await annotate_by_keys(pilot, "data circulation", "M", "Saved while the glossary changed")
        assert any(n.text == "Saved while the glossary changed" for n in app.corpus.notes)
        await until(
            pilot, lambda: app.corpus.glossary.entries["nda"].english == "National Data Bureau"
        )
        assert not index.unscanned and not index.outside_changes()
        await until(pilot, lambda: app.corpus.occurrences.complete)  # the new form's terms
    index.writer.wait()
    assert corpus_summary(app.corpus) == corpus_summary(load_corpus(root))


async def test_the_document_the_highlight_rests_on_is_read_before_enter(tmp_path: Path) -> None:
    """Resting on a row reads its document (text, passages, terms) from the index, so
    that Enter opens it without waiting for them; the other rows' documents stay unread."""
    root = copy_corpus(tmp_path).absolute()
    ready = _indexed_app(root, tmp_path)
    async with ready.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: ready.corpus.occurrences.complete)
    app = _indexed_app(root, tmp_path)  # opened from the completed index: nothing read
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.corpus.occurrences.complete)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        meeting = app.corpus.documents[MEETING]
        briefing = app.corpus.documents[BRIEFING]
        assert isinstance(meeting, StoredDocument) and not meeting.loaded
        await pilot.press("G")  # the newest: the meeting readout, past the briefing
        assert screen.rows[screen.query_one(LibraryTable).cursor_row].id == MEETING
        await until(pilot, lambda: meeting.loaded)
        assert meeting._blocks is not None  # its passages too
        assert isinstance(briefing, StoredDocument) and not briefing.loaded
