"""A big text paints its first screens at once and is laid out in small steps between
keys; a key that goes further than what is laid out lays out just as far first."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events as events_
from textual.app import App
from textual.pilot import Pilot

from nda_reader.corpus.document import Document
from nda_reader.reading.wrapping import LayoutBuilder, layout_document
from nda_reader.ui.app import ReaderApp
from nda_reader.ui.factory import create_app
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.widgets.context_pane import ContextPane
from nda_reader.ui.widgets.document_view import DocumentView, canvas
from nda_reader.ui.widgets.document_view.canvas import PROGRESSIVE_CHARS
from tests.helpers.corpora import MakeCorpus, text_file
from tests.helpers.pilot import until

GLOSSARY = """\
layer: glossary
version: 1
entries:
  - {id: far, kind: term, hanzi: 远词, pinyin: yuǎn cí, english: Farterm,
     hanzi_source: annotator}
"""


def _big(make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    # Two passages a step: a thousand steps, far more than a busy machine runs before
    # the first screen is on (the tests look at the layout before it is complete).
    monkeypatch.setattr(canvas, "LAYOUT_STEP", 2)
    paragraphs = [f"P{n:05d} " + "data market reform " * 20 for n in range(1, 2000)]
    paragraphs[1500] += " Farterm is only here."
    body = "\n\n".join(paragraphs) + "\n"
    assert len(body) > PROGRESSIVE_CHARS
    root = make_corpus(
        {"texts/big.md": text_file("big", body, kind="report"), "annotations/g.yaml": GLOSSARY}
    )
    return root, body


def _big_app(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[ReaderApp, str]:
    """The reader on the big text (see :func:`_big`), and the text's body."""
    root, body = _big(make_corpus, monkeypatch)
    return create_app(root / "texts" / "big.md", config_dir=tmp_path / "config"), body


async def _first_screens(pilot: Pilot[None], app: App[None]) -> DocumentView:
    """The reading screen's view once it is on screen, its first screens only laid out."""
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    view = screen.main
    assert not view.flow.complete  # the first screens only
    return view


async def test_a_big_text_is_laid_out_in_steps_and_ends_where_the_text_ends(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _ = _big_app(make_corpus, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _first_screens(pilot, app)
        await until(pilot, lambda: view.flow.complete)
        assert view.flow.complete  # the rest came by itself, step by step
        assert view.flow.lines == layout_document(view.parts, {}, view.text_width).lines
        last_line = view.flow.lines[-1]
        assert view.doc.body[last_line.start : last_line.end].endswith("reform")


async def test_keys_going_past_the_lines_laid_out_lay_out_as_far_as_they_need(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, body = _big_app(make_corpus, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _first_screens(pilot, app)
        await pilot.press("t")  # the only term is far down
        assert view.position() == ("big", body.index("Farterm"))
        _assert_cursor_in_view(view)  # the scrollable size grew with it
        await pilot.press("G")
        assert view.flow.complete and view.position()[1] >= body.index("P01999")
        _assert_cursor_in_view(view)
        assert view.virtual_size.height == len(view.flow.lines)


async def test_making_the_next_terms_rows_ahead_lays_nothing_out(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The context pane makes the next term's rows while the reader is idle (see
    test_next_term_ahead.py). Here the only term is far down: finding it must not lay
    the text out that far in one go, which would keep keys waiting."""
    app, _body = _big_app(make_corpus, tmp_path, monkeypatch)
    grown: list[int] = []
    prepare = ContextPane.prepare

    def spy(pane: ContextPane) -> None:
        layout = pane.screen.query_one(DocumentView).flow
        before = len(layout.lines)
        prepare(pane)
        grown.append(len(layout.lines) - before)

    monkeypatch.setattr(ContextPane, "prepare", spy)
    async with app.run_test(size=(120, 40)) as pilot:
        await _first_screens(pilot, app)
        await until(pilot, lambda: bool(grown))
        assert grown[0] == 0


def _spy_layout(monkeypatch: pytest.MonkeyPatch, app: App[None], view: DocumentView) -> list[str]:
    """Record, in order, the layout's steps ("step"), the frames written to the terminal
    ("frame"), the cursor's moves ("moved") and the waits the view schedules ("wait S")."""
    events: list[str] = []
    builder = view.navigator.builder
    assert builder is not None
    step, display, announce, after = builder.step, app._display, view.announce, canvas.after

    def spy_step(**kwargs: Any) -> bool:
        events.append("step")
        return step(**kwargs)

    def spy_display(*args: Any) -> None:
        events.append("frame")
        display(*args)

    def spy_announce() -> None:
        events.append("moved")
        announce()

    def spy_after(pump: Any, delay: float, callback: Any) -> Any:
        events.append(f"wait {delay}")
        return after(pump, delay, callback)

    monkeypatch.setattr(builder, "step", spy_step)
    monkeypatch.setattr(app, "_display", spy_display)
    monkeypatch.setattr(view, "announce", spy_announce)
    monkeypatch.setattr(canvas, "after", spy_after)
    return events


async def test_a_key_pressed_during_the_layout_is_shown_before_the_next_step(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Steps came every millisecond and Textual's frame timer waited behind them: a page
    # down pressed while a big text was laid out showed ~20 ms later than once it was done.
    # And the next step waits KEY_PAUSE after the frame: a step right after it took a core
    # from the terminal drawing it (2 cores): a page down at 0.3 s showed in ~32 ms, ~25 ms
    # with the pause (23 ms once laid out).
    app, _ = _big_app(make_corpus, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _first_screens(pilot, app)
        events = _spy_layout(monkeypatch, app, view)
        for _ in range(5):  # Textual's frame timer sometimes fires at once: not every key
            del events[:]
            # As a terminal sends it: Pilot's press would also wait for a frame.
            app.post_message(events_.Key("pagedown", None))
            deadline = time.monotonic() + 120  # a bound for a loaded machine, not a speed
            while not ("moved" in events and "step" in events[events.index("moved") :]):
                assert time.monotonic() < deadline
                await asyncio.sleep(0.001)
            after_key = events[events.index("moved") :]
            after_key = after_key[: after_key.index("step")]  # a step after it: under way
            assert "frame" in after_key, after_key
            # Other frames may come before the step (the scrollbar's, Textual's own).
            waits = [e for e in after_key[after_key.index("frame") :] if e.startswith("wait")]
            assert waits[:1] == [f"wait {canvas.KEY_PAUSE}"], after_key
        assert canvas.KEY_PAUSE >= 0.03


def _assert_cursor_in_view(view: DocumentView) -> None:
    """The cursor's line is on screen (not held above by a scrollable size still that of
    the first screens: the size follows the layout only a few times a second)."""
    top, height = round(view.scroll_offset.y), view.scrollable_content_region.height
    assert top <= view.cursor.y < top + height


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 30), min_size=1, max_size=20), st.integers(12, 60))
def test_a_layout_made_in_steps_is_the_layout_made_at_once(steps: list[int], width: int) -> None:
    body = "\n\n".join(
        f"P{n:03d} " + "word " * (n % 17 * 3) + ("\n- item one\n- item two" if n % 5 == 0 else "")
        for n in range(60)
    )
    doc = Document(id="d", title="d", path=Path("d.md"), body=body)
    full = layout_document([doc], {}, width)
    builder = LayoutBuilder([doc], {}, width)
    for n, blocks in enumerate(steps):
        builder.step(blocks=blocks, seconds=0.0 if n % 2 else None)  # out of time: one block
        lines = builder.layout.lines
        assert lines[:-1] == full.lines[: len(lines) - 1]  # always the beginning
    builder.step()
    assert builder.layout.lines == full.lines
    assert builder.layout.line_at("d", 100) == full.line_at("d", 100)


def test_a_step_out_of_time_lays_out_one_passage_and_goes_on_from_there() -> None:
    body = "\n\n".join(f"P{n:03d} words here" for n in range(10))
    doc = Document(id="d", title="d", path=Path("d.md"), body=body)
    builder = LayoutBuilder([doc], {}, 40)
    builder.step(blocks=5, seconds=0.0)
    assert builder.reached == (0, body.index("P001") - 2)  # the first passage only
    builder.step(blocks=5, seconds=60.0)
    assert builder.reached == (0, body.index("P006") - 2)  # five more: time to spare
