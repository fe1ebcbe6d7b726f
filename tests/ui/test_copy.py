"""``y`` copies to the terminal's clipboard: the term's hanzi, pinyin or English, the
passage or the selection, with or without a citation line; a toast says what."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.reading.copying import citation, passage_text
from nda_reader.ui.app import ReaderApp
from nda_reader.ui.dialogs.copy_menu import CopyMenu
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.annotating import messages, select
from tests.helpers.corpora import MakeCorpus, text_file
from tests.helpers.pilot import make_app, screen_text
from tests.helpers.small_corpus import REPORT, TRANSCRIPT, small_corpus


def _open(make_corpus: MakeCorpus, tmp_path: Path, doc: str) -> ReaderApp:
    root = small_corpus(make_corpus)
    return make_app(tmp_path / "config", root / "texts" / f"{doc}.md")


@pytest.mark.parametrize(
    ("key", "copied", "said"),
    [
        ("h", "国家数据局", "Copied the hanzi: 国家数据局"),
        ("p", "Guójiā Shùjùjú", "Copied the pinyin: Guójiā Shùjùjú"),
        ("e", "National Data Administration", "Copied the English: National Data"),
    ],
)
async def test_y_copies_the_term_under_the_cursor(
    make_corpus: MakeCorpus, tmp_path: Path, key: str, copied: str, said: str
) -> None:
    app = _open(make_corpus, tmp_path, REPORT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # the NDA, in the first paragraph
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CopyMenu)
        menu = screen_text(app)
        assert "国家数据局" in menu and "With citation" in menu
        await pilot.press(key)
        await pilot.pause()
        assert app.clipboard == copied
        assert any(m.startswith(said) for m in messages(app))


async def test_yy_copies_the_passage_and_c_adds_its_citation(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    app = _open(make_corpus, tmp_path, TRANSCRIPT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        doc = screen.main.doc
        screen.main.go_to(doc.id, doc.body.index("Good morning"))
        await pilot.pause()
        await pilot.press("y", "y")
        await pilot.pause()
        passage = (
            "Good morning. The National Data Administration will publish new rules on data "
            "factors this year. Data factors are the raw material of the digital economy."
        )
        assert app.clipboard == passage  # its lines joined
        await pilot.press("y", "c")
        await pilot.pause()
        expected = "— Press conference on data factors, Test Press Office, 2024-03-01, passage 3"
        assert app.clipboard == f"{passage}\n{expected}"


async def test_y_while_selecting_copies_the_selection(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    app = _open(make_corpus, tmp_path, TRANSCRIPT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await select(pilot, "new rules")
        await pilot.press("l", "l", "l", "y", "y")
        await pilot.pause()
        assert app.clipboard == "new rules on"
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and not screen.main.selecting
        await pilot.press("y", "escape")  # escape copies nothing
        await pilot.pause()
        assert app.clipboard == "new rules on"


def test_a_passage_is_copied_as_published(make_corpus: MakeCorpus) -> None:
    body = "1. 会议指出，要加快\n推进改革。\n\n（一）总体要求\n"
    root = make_corpus({"texts/cn.md": text_file("cn", body, date="2025-01-02")})
    corpus = load_corpus(root)
    doc = corpus.documents["cn"]
    assert passage_text(doc, doc.blocks[0]) == "1. 会议指出，要加快推进改革。"
    assert passage_text(doc, doc.blocks[1]) == "（一）总体要求"
    assert citation(doc, doc.blocks[1]) == "— Cn, 2025-01-02, passage 2"
