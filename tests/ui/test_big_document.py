"""A big text paints its first screens first and is laid out in full right after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nda_reader.reading.wrapping import Layout
from nda_reader.ui.factory import create_app
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.widgets.document_view import canvas as document_view
from nda_reader.ui.widgets.document_view.canvas import PROGRESSIVE_CHARS
from tests.helpers.corpora import MakeCorpus, text_file


async def test_big_document_is_laid_out_in_two_steps_and_ends_where_the_text_ends(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limits: list[int | None] = []
    real = document_view.layout_document

    def spy(*args: Any, **kwargs: Any) -> Layout:
        limits.append(kwargs.get("limit"))
        return real(*args, **kwargs)

    monkeypatch.setattr(document_view, "layout_document", spy)
    paragraphs = [f"P{n:05d} " + "data market reform " * 20 for n in range(1, 2000)]
    body = "\n\n".join(paragraphs) + "\n"
    assert len(body) > PROGRESSIVE_CHARS
    root = make_corpus({"texts/big.md": text_file("big", body, kind="report")})
    app = create_app(root / "texts" / "big.md", config_dir=tmp_path / "config")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        view = screen.main
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert limits[0] is not None and None in limits  # first screens, then everything
        assert view.flow.complete
        last_line = view.flow.lines[-1]
        assert view.doc.body[last_line.start : last_line.end].endswith("reform")
        await pilot.press("G")
        await pilot.pause()
        assert view.position()[1] >= body.index("P01999")


def test_first_screens_match_the_full_layout(tmp_path: Path) -> None:
    from nda_reader.corpus.document import Document
    from nda_reader.reading.wrapping import layout_document

    body = "\n\n".join(f"P{n:05d} " + "word " * 40 for n in range(300))
    doc = Document(id="d", title="d", path=tmp_path / "d.md", body=body)
    full = layout_document([doc], {}, 50)
    first = layout_document([doc], {}, 50, limit=100)
    assert not first.complete and full.complete
    assert 100 <= len(first.lines) < len(full.lines)
    assert first.lines[:-1] == full.lines[: len(first.lines) - 1]
