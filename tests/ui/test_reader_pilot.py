"""The reader driven like a user: keys in, what the screen shows out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rich.cells import cell_len

from nda_reader.reading.wrapping import LineKind
from nda_reader.ui.screens.library import LibraryScreen
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.settings import load_settings
from nda_reader.ui.widgets.document_view import DocumentView
from nda_reader.ui.widgets.document_view.painter import GUTTER
from tests.helpers.corpora import REPO, MakeCorpus, text_file
from tests.helpers.pilot import make_app, open_from_library, pane_text

MEETING = "national-data-work-meeting-2025"
BRIEFING = "scio-nda-briefing-2024-p1"


async def test_library_lists_documents_and_enter_opens_one(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        # The two pages of the SCIO briefing are one row.
        ids = [d.id for d in app.screen.rows]
        assert BRIEFING in ids and "scio-nda-briefing-2024-p2" not in ids
        screen = await open_from_library(pilot, MEETING)
        assert screen.main.doc.id == MEETING
        assert screen.main.has_focus
        await pilot.press("l")
        assert isinstance(app.screen, LibraryScreen)


async def test_multi_part_document_shows_both_pages_with_a_separator(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, BRIEFING)
        captions = [ln.caption for ln in screen.main.flow.lines if ln.kind is LineKind.SEPARATOR]
        assert captions == ["— page 2 —"]
        await pilot.press("G")
        assert screen.main.position()[0] == "scio-nda-briefing-2024-p2"


async def test_term_under_cursor_shows_hanzi_and_tone_marked_pinyin(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        view = screen.main
        body = app.corpus.documents[MEETING].body
        view.go_to(MEETING, body.index("Liu Honglie"))  # the test is about the pane
        await pilot.pause()
        term = view.cursor.term
        assert term is not None and body[term.start : term.end] == "Liu Honglie"
        shown = pane_text(screen)
        assert "刘 烈 宏" in shown or "刘烈宏" in shown
        assert "Liú Lièhóng" in shown
        assert "Liu Liehong" in shown  # the preferred English form, not the typo


@pytest.mark.parametrize(
    ("back", "forward"), [("ctrl+o", "right_square_bracket"), ("alt+left", "alt+right")]
)
async def test_follow_cross_reference_opens_split_and_history_goes_back(
    tmp_path: Path, back: str, forward: str
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, BRIEFING)
        await pilot.press("x")
        start = screen.main.position()
        assert screen.split is None
        await pilot.press("enter")
        await pilot.pause()
        split = screen.split
        assert isinstance(split, DocumentView) and split.has_focus
        assert split.target is not None
        target_doc, t_start, t_end = split.target
        assert split.position()[0] == target_doc and t_end > t_start
        # The cross-reference's other end is highlighted and on screen.
        y = split.flow.line_at(target_doc, t_start)
        assert y is not None
        assert split.scroll_offset.y <= y < split.scroll_offset.y + split.size.height
        assert screen.main.position() == start  # the first view stays where it was
        # The context pane follows the split's cursor, in the same frame as the cursor.
        await pilot.press("t")
        term = split.cursor.term
        assert term is not None
        entry = app.corpus.glossary.get(term.entry_id)
        assert entry is not None and entry.hanzi in pane_text(screen).replace(" ", "")
        await pilot.press(back)
        await pilot.pause()
        assert screen.main.has_focus and screen.main.position() == start
        await pilot.press(forward)
        await pilot.pause()
        assert screen.split is not None and screen.split.has_focus
        assert screen.split.position()[0] == target_doc
        await pilot.press("w")
        await pilot.pause()
        assert screen.split is None


async def test_search_in_document_and_next_match(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        await pilot.press("slash")
        await pilot.press(*"data")
        await pilot.press("enter")
        await pilot.pause()
        view = screen.main
        assert isinstance(app.screen, ReadingScreen) and len(view.matches) > 3
        first = view.match_index
        y_first = view.cursor.y
        await pilot.press("n")
        assert view.match_index == first + 1
        assert view.cursor.y >= y_first
        _doc, start, _ = view.matches[view.match_index]
        line = view.flow.lines[view.cursor.y]
        assert line.start <= start <= line.end
        await pilot.press("N")
        assert view.match_index == first


async def test_speaker_filter_hides_other_speakers_turns(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, BRIEFING)
        view = screen.main
        body = app.corpus.documents[BRIEFING].body
        view.go_to(BRIEFING, body.index("Liu Liehong:"))
        await pilot.pause()
        before = [ln for ln in view.flow.lines if ln.kind is LineKind.TEXT]
        await pilot.press("S")
        await pilot.pause()
        shown = [ln for ln in view.flow.lines if ln.kind is LineKind.TEXT]
        assert view.only_speaker == "liu-liehong"
        assert len(shown) < len(before)
        assert all(view.flow.turn_speaker(ln.turn) == "liu-liehong" for ln in shown)
        assert "Speaker" in pane_text(screen) and "Liu Liehong" in pane_text(screen)
        await pilot.press("S")
        assert view.only_speaker is None
        assert len([ln for ln in view.flow.lines if ln.kind is LineKind.TEXT]) == len(before)


async def test_theme_switch_is_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        first = app.theme
        await pilot.press("ctrl+t")
        await pilot.pause()
        second = app.theme
        assert second != first and second in app.reader_themes
    assert load_settings(tmp_path).theme == second
    again = make_app(tmp_path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == second


async def test_broken_yaml_still_opens_and_bang_lists_the_problem(
    tmp_path: Path, make_corpus: MakeCorpus
) -> None:
    root = make_corpus(
        {
            "texts/a.md": text_file("a", "# A text\n\nSome words about data.\n"),
            "annotations/glossary.yaml": "layer: glossary\nversion: 1\nentries:\n  - id: [oops\n",
        }
    )
    app = make_app(tmp_path / "cfg", root)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("press !" in n.message for n in app._notifications)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        lines = app.screen.lines()  # type: ignore[attr-defined]
        assert any(re.match(r"annotations/glossary\.yaml:\d+:\d+: error: YAML", ln) for ln in lines)
        await pilot.press("escape")
        screen = await open_from_library(pilot, "a")
        assert screen.main.doc.id == "a"


def test_bundled_corpus_has_the_cross_reference_used_above() -> None:
    data = yaml.safe_load((REPO / "annotations" / "crossrefs.yaml").read_text(encoding="utf-8"))
    assert any(link["source"]["doc"] == BRIEFING for link in data["links"])


async def test_click_on_a_term_puts_the_cursor_on_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        view = screen.main
        body = app.corpus.documents[MEETING].body
        start = body.index("Liu Honglie")
        y = view.flow.line_at(MEETING, start)
        assert y is not None
        line = view.flow.lines[y]
        x = GUTTER + cell_len(line.prefix) + cell_len(body[line.start : start]) + 2
        row = y - round(view.scroll_offset.y) + 1  # +1: the view's title border
        await pilot.click(DocumentView, offset=(x, row))
        await pilot.pause()
        assert view.cursor.term is not None and view.cursor.term.start == start
        assert "Liú Lièhóng" in pane_text(screen)


async def test_escape_sequences_in_a_text_never_reach_the_terminal(
    tmp_path: Path, make_corpus: MakeCorpus
) -> None:
    body = "# Title\n\nBefore \x1b[2J\x1b]0;pwned\x07 after \x9b31m and 国家数据局.\n"
    root = make_corpus({"texts/evil.md": text_file("evil", body)})
    app = make_app(tmp_path / "cfg", root / "texts" / "evil.md")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen.main
        shown = "".join(seg.text for y in range(view.size.height) for seg in view.render_line(y))
        assert "Before ␛[2J␛]0;pwned␇ after �31m" in shown
        assert not any(ch in shown for ch in "\x1b\x07\x9b")


async def test_page_down_and_up_move_the_view_and_the_cursor(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_library(pilot, MEETING)
        view = screen.main
        await pilot.press("space")
        top = round(view.scroll_offset.y)
        assert top > 0 and top <= view.cursor.y < top + 3
        await pilot.press("b")
        assert round(view.scroll_offset.y) == 0
        await pilot.press("G")
        assert view.cursor.y == len(view.flow.lines) - 1


async def test_tab_cycles_focus_through_the_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, BRIEFING)
        await pilot.press("x", "enter")
        await pilot.pause()
        split = screen.split
        assert split is not None and split.has_focus
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(screen.focused)
        assert screen.main in seen and split in seen
