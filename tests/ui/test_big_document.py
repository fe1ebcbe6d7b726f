"""A big text paints its first screens at once and is laid out in small steps between
keys; a key that goes further than what is laid out lays out just as far first."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App
from textual.pilot import Pilot

from nda_reader.corpus.document import Document
from nda_reader.reading.wrapping import LayoutBuilder, layout_document
from nda_reader.ui.factory import create_app
from nda_reader.ui.screens.reading import ReadingScreen
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
    root, _ = _big(make_corpus, monkeypatch)
    app = create_app(root / "texts" / "big.md", config_dir=tmp_path / "config")
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
    root, body = _big(make_corpus, monkeypatch)
    app = create_app(root / "texts" / "big.md", config_dir=tmp_path / "config")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _first_screens(pilot, app)
        await pilot.press("t")  # the only term is far down
        assert view.position() == ("big", body.index("Farterm"))
        _assert_cursor_in_view(view)  # the scrollable size grew with it
        await pilot.press("G")
        assert view.flow.complete and view.position()[1] >= body.index("P01999")
        _assert_cursor_in_view(view)
        assert view.virtual_size.height == len(view.flow.lines)


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
    for blocks in steps:
        builder.step(blocks=blocks)
        lines = builder.layout.lines
        assert lines[:-1] == full.lines[: len(lines) - 1]  # always the beginning
    builder.step()
    assert builder.layout.lines == full.lines
    assert builder.layout.line_at("d", 100) == full.line_at("d", 100)
