"""Small terminals and splits: every pane, list, form and footer fits and can be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.color import Color
from textual.widgets import Input, Label, OptionList, TextArea

from nda_reader.ui.dialogs.form import FormDialog
from nda_reader.ui.dialogs.link_form import LinkForm
from nda_reader.ui.dialogs.term_form import TermForm
from nda_reader.ui.screens.outline import OutlineScreen
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.settings import Settings, save_settings
from nda_reader.ui.theming import MIN_CONTRAST, contrast_ratio
from nda_reader.ui.widgets.document_view import DocumentView
from nda_reader.ui.widgets.footer import ReaderFooter
from tests.helpers.annotating import type_text
from tests.helpers.corpora import REPO, MakeCorpus
from tests.helpers.pilot import make_app, pane_text, screen_text
from tests.helpers.small_corpus import TRANSCRIPT, small_corpus

MEETING = REPO / "texts" / "national-data-work-meeting-2025.md"
SPEECH = REPO / "texts" / "liu-liehong-pilot-zone-speech-2023.md"


def _visible(widget: object, region_of: object) -> bool:
    """True when ``region_of``'s region lies inside ``widget``'s."""
    return widget.region.contains_region(region_of.region)  # type: ignore[attr-defined]


async def _on(pilot: object, screen: ReadingScreen, text: str) -> None:
    """Put the cursor on the glossary term at the first ``text`` of the main view."""
    view = screen.main
    body = view.doc.body
    view.go_to(view.doc.id, body.index(text))
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("height", "low", "high"), [(24, 6, 10), (40, 14, 17), (60, 22, 25)])
async def test_the_context_pane_grows_with_the_terminal(
    tmp_path: Path, height: int, low: int, high: int
) -> None:
    app = make_app(tmp_path, MEETING)
    async with app.run_test(size=(80, height)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert low <= screen.context.region.height <= high  # 40 % of the body, not 9 rows


async def test_z_zooms_the_context_pane_to_read_a_whole_note_and_back(tmp_path: Path) -> None:
    app = make_app(tmp_path, MEETING)
    note = " ".join(app.corpus.glossary.entries["liu-liehong"].note.split())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        await _on(pilot, screen, "Liu Honglie")
        assert note not in pane_text(screen) and "z: all" in pane_text(screen)  # cut, says how
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is screen.context
        assert note in pane_text(screen).replace("\n", " ")
        shown = " ".join(screen_text(app).split())
        assert note[-60:] in shown  # the end of the note is on screen, not scrolled away
        jumps = screen.context.query_one(OptionList)
        first = jumps.highlighted
        assert jumps.has_focus and first is not None
        await pilot.press("j")  # its list moves with j
        assert jumps.highlighted is not None and jumps.highlighted > first
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is None and screen.main.has_focus
        await pilot.press("Z")  # the text, alone
        await pilot.pause()
        assert screen.maximized is screen.main and not screen.context.region
        await pilot.press("escape")
        await pilot.pause()
        assert screen.maximized is None


async def test_the_concordance_keeps_its_highlight_in_view(tmp_path: Path) -> None:
    app = make_app(tmp_path, MEETING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        await _on(pilot, screen, "Liu Honglie")
        await pilot.press("tab")
        jumps = screen.context.query_one(OptionList)
        assert jumps.has_focus
        for step in range(8):
            await pilot.press("down" if step % 2 else "j")
            await pilot.pause()
            assert jumps.highlighted is not None
            row = screen_text(app)
            label = jumps.get_option_at_index(jumps.highlighted).prompt
            first_line = str(label).splitlines()[0].strip()[:30]
            assert first_line in row, f"row {jumps.highlighted} scrolled out of sight"


@pytest.mark.parametrize("size", [(80, 24), (60, 40), (120, 40)])
async def test_the_new_term_form_fits_and_says_why_enter_does_not_save(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, MEETING)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("v", "g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TermForm)
        box = form.query_one("#form-box")
        assert box.region.bottom <= size[1]
        assert app.focused is form.query_one("#term-hanzi")  # the English came from the text
        await type_text(pilot, "国家数据局")  # the hanzi of the NDA
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TermForm)  # not saved
        problem = form.query_one("#form-problem", Label)
        assert "already a form of 'nda'" in str(problem.render())
        for widget in (problem, form.query_one("#form-hint", Label)):
            assert _visible(box, widget), "the problem line and the hint stay on screen"
        fields = form.query_one("#form-fields")
        for _ in range(6):  # every field can be reached, and is scrolled to
            await pilot.press("tab")
            await pilot.wait_for_animation()
            focused = app.focused
            assert isinstance(focused, Input | TextArea) and _visible(fields, focused)


async def test_a_form_taller_than_the_terminal_scrolls_its_fields(tmp_path: Path) -> None:
    app = make_app(tmp_path, MEETING)
    async with app.run_test(size=(60, 14)) as pilot:
        await pilot.pause()
        await pilot.press("v", "g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        box, fields = form.query_one("#form-box"), form.query_one("#form-fields")
        assert box.region.bottom <= 14
        for _ in range(6):
            await pilot.press("tab")
            await pilot.wait_for_animation()
            assert isinstance(app.focused, Input | TextArea) and _visible(fields, app.focused)
        assert _visible(box, form.query_one("#form-problem"))
        assert _visible(box, form.query_one("#form-hint"))


async def test_the_link_form_fits_80x24_and_no_toast_covers_it(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    app = make_app(tmp_path / "config", root / "texts" / f"{TRANSCRIPT}.md")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x", "r")  # the source: a toast says it is marked
        await pilot.pause()
        assert list(app._notifications)
        await pilot.press("G", "r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LinkForm)
        assert not list(app._notifications)
        box = form.query_one("#form-box")
        assert box.region.bottom <= 24
        relations = form.query_one(OptionList)
        assert _visible(box, relations) and _visible(box, form.query_one("#form-hint"))


@pytest.mark.parametrize("width", [80, 120])
async def test_the_footer_shows_whole_labels_most_important_first(
    tmp_path: Path, width: int
) -> None:
    app = make_app(tmp_path, MEETING)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(ReaderFooter)
        keys = footer.shown_keys()
        assert keys[:4] == ["? Help", "t Term", "/ Search", "f Corpus"]
        last = screen_text(app).splitlines()[-1]
        for key in keys:
            assert key in last, f"{key!r} is cut"
        assert last.rstrip().endswith("^p palette")
        if width == 120:
            assert len(keys) > 9
        await pilot.press("v")  # selecting: the annotation keys come first
        await pilot.pause()
        keys = app.screen.query_one(ReaderFooter).shown_keys()
        assert keys[:4] == ["? Help", "esc Cancel", "g Term", "G Alias"]


@pytest.mark.parametrize("theme", ["nda-dark", "nda-light", "nda-high-contrast"])
async def test_the_highlighted_outline_row_is_readable(tmp_path: Path, theme: str) -> None:
    save_settings(Settings(theme=theme), tmp_path)
    app = make_app(tmp_path, MEETING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        outline = app.screen
        assert isinstance(outline, OutlineScreen)
        options = outline.query_one(OptionList)
        y = options._index_to_line[options.highlighted or 0] - round(options.scroll_y)
        strip = options.render_line(y)
        checked = 0
        for segment in strip:
            style = segment.style
            if not segment.text.strip() or style is None or not style.color or not style.bgcolor:
                continue
            fg = Color.from_rich_color(style.color)
            bg = Color.from_rich_color(style.bgcolor)
            assert contrast_ratio(fg, bg) >= MIN_CONTRAST, segment.text
            checked += cell_len(segment.text)
        assert checked > 5
        assert isinstance(app.screen.query_one(OptionList), OptionList)


async def test_the_split_view_goes_below_and_each_pane_can_be_zoomed(tmp_path: Path) -> None:
    app = make_app(tmp_path, REPO / "texts" / "scio-nda-briefing-2024-p1.md")
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x", "enter")  # follow a cross-reference into the split view
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        split = screen.split
        assert isinstance(split, DocumentView) and split.has_focus
        assert split.region.y > screen.main.region.y  # stacked
        await pilot.press("Z")
        await pilot.pause()
        assert screen.maximized is split and not screen.main.region
        await pilot.press("Z")
        await pilot.pause()
        assert screen.maximized is None and screen.main.region
