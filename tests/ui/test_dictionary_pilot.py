"""The dictionary in the reader: every reading at the cursor, the glossary first, ``d``,
a dictionary entry made a glossary entry, and traditional characters."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from nda_reader.dictionary.lookup import Dictionary
from nda_reader.ui.app import ReaderApp
from nda_reader.ui.dialogs.dictionary_form import DictionaryDialog
from nda_reader.ui.dialogs.term_form import TermForm
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.annotating import type_text
from tests.helpers.bilingual import TRADITIONAL, ZH_NOTE, bilingual_corpus
from tests.helpers.corpora import MakeCorpus
from tests.helpers.pilot import make_app, pane_text


def _note_app(make_corpus: MakeCorpus, tmp_path: Path) -> ReaderApp:
    """The reader on our Chinese note (这个办法行。张望说：…) of the bilingual corpus."""
    root = bilingual_corpus(make_corpus)
    return make_app(tmp_path / "config", root / "texts" / f"{ZH_NOTE}.md")


async def _on_the_line(pilot: Pilot[None]) -> ReadingScreen:
    """The reading screen, the cursor on the note's line (and on its first term, 张望)."""
    screen = await _reading(pilot)
    await pilot.press("j")
    return screen


async def _reading(pilot: Pilot[None]) -> ReadingScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


async def _word_under_cursor(
    pilot: Pilot[None], screen: ReadingScreen, word: str, key: str = "right"
) -> None:
    """Press ``key`` (→ or ←) until the cursor's word is ``word``."""
    body = screen.main.marks.body(ZH_NOTE)
    for _ in range(12):
        term = screen.main.cursor.term
        if term is not None and body[term.start : term.end] == word:
            return
        await pilot.press(key)
    raise AssertionError(f"the cursor never reached {word!r}")


async def test_the_word_at_the_cursor_shows_every_reading(
    make_corpus: MakeCorpus, tmp_path: Path, dictionary: Dictionary
) -> None:
    app = _note_app(make_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _on_the_line(pilot)
        await _word_under_cursor(pilot, screen, "行", "left")
        await pilot.pause()
        text = pane_text(screen)
        assert "xíng" in text and "háng" in text and "to walk" in text
        assert "CC-CEDICT dictionary, not the glossary" in text


async def test_the_glossary_wins_over_the_dictionary(
    make_corpus: MakeCorpus, tmp_path: Path, dictionary: Dictionary
) -> None:
    app = _note_app(make_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _on_the_line(pilot)
        await _word_under_cursor(pilot, screen, "张望")  # a person, in the glossary
        await pilot.pause()
        text = pane_text(screen)
        assert "Zhang Wang" in text and "Zhāng Wàng" in text
        assert "look around" not in text and "CC-CEDICT" not in text
        await pilot.press("d")  # the dictionary lists the glossary's entry first
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DictionaryDialog)
        assert [h.entry_id for h in dialog.hits[:2]] == ["zhang-wang", ""]
        assert "to look around" in dialog.hits[1].senses


async def test_d_turns_a_dictionary_hit_into_a_glossary_entry(
    make_corpus: MakeCorpus, tmp_path: Path, dictionary: Dictionary
) -> None:
    root = bilingual_corpus(make_corpus)
    app = make_app(tmp_path / "config", root / "texts" / f"{ZH_NOTE}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await _reading(pilot)
        await pilot.press("d")
        await pilot.pause()
        await type_text(pilot, "shuju")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DictionaryDialog)
        assert dialog.hits[0].hanzi == "数据"
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TermForm)
        filled = [form.value(f"term-{name}") for name in ("hanzi", "pinyin", "english")]
        assert filled == ["数据", "shùjù", "data"]
        await pilot.press("enter")
        await pilot.pause()
        entry = next(e for e in app.corpus.glossary.entries.values() if e.hanzi == "数据")
        assert (entry.english, entry.pinyin) == ("data", "shùjù")
        assert "hanzi: 数据" in (root / "annotations" / "glossary.yaml").read_text(encoding="utf-8")


async def test_a_traditional_text_highlights_the_glossary_entry_in_simplified(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = bilingual_corpus(make_corpus)
    app = make_app(tmp_path / "config", root / "texts" / f"{TRADITIONAL}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _reading(pilot)
        await pilot.press("t")
        await pilot.pause()
        term = screen.main.cursor.term
        body = app.corpus.documents[TRADITIONAL].body
        assert term is not None and body[term.start : term.end] == "國家數據局"
        assert term.entry_id == "nda"
        text = pane_text(screen)
        assert "National Data Administration" in text and "Guójiā Shùjùjú" in text
