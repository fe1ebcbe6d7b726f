"""Finding things: a corpus search that knows the glossary, the passage filter, and the
glossary and notes browsers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from textual.widgets import Input, OptionList

from nda_reader.ui.app import ReaderApp
from nda_reader.ui.screens.glossary_browser import GlossaryBrowser
from nda_reader.ui.screens.library import LibraryScreen
from nda_reader.ui.screens.notes_browser import NotesBrowser
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.screens.search_results import SearchResultsScreen
from nda_reader.ui.screens.variants import VariantsScreen
from tests.helpers.annotating import messages, type_text
from tests.helpers.corpora import MakeCorpus
from tests.helpers.pilot import make_app, pane_text, screen_text
from tests.helpers.small_corpus import READOUT_1, REPORT, TRANSCRIPT, small_corpus


def _app(make_corpus: MakeCorpus, tmp_path: Path, doc: str | None = TRANSCRIPT) -> ReaderApp:
    root = small_corpus(make_corpus)
    return make_app(tmp_path / "config", root / "texts" / f"{doc}.md" if doc else root)


@pytest.mark.parametrize(
    "query", ["国家数据局", "Guojia Shujuju", "guojiashujuju", "Guójiā Shùjùjú", "NDA"]
)
async def test_corpus_search_finds_the_term_under_every_form(
    make_corpus: MakeCorpus, tmp_path: Path, query: str
) -> None:
    app = _app(make_corpus, tmp_path)
    nda = app.corpus.occurrences.of_entry("nda")
    assert {app.corpus.documents[o.doc].body[o.start : o.end] for o in nda} == {
        "National Data Administration",
        "NDA",
    }
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await type_text(pilot, query)
        await pilot.press("enter")
        await pilot.pause()
        results = app.screen
        assert isinstance(results, SearchResultsScreen)
        assert [t.entry.id for t in results.found.terms] == ["nda"]
        text = screen_text(app)
        assert "No matches" not in text
        assert "is the term National Data Administration: 5 occurrences" in text
        first = results.query_one(OptionList).get_option_at_index(0).prompt
        assert str(first).startswith("Term  National Data Administration  国家数据局")
        hits = results.hits[: len(nda)]
        assert [(h.doc_id, h.start, h.end) for h in hits] == [(o.doc, o.start, o.end) for o in nda]
        await pilot.press("enter")  # the first occurrence, in the split view
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen.split is not None


async def test_text_matches_follow_the_term_hits_without_repeating_them(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    app = _app(make_corpus, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        results = SearchResultsScreen(app.corpus, "data factors")
        terms = [(h.doc_id, h.start) for t in results.found.terms for h in t.hits]
        assert terms and results.found.terms[0].entry.id == "data-factors"
        assert not {(h.doc_id, h.start) for h in results.found.text} & set(terms)


async def test_the_filter_shows_only_passages_with_a_term_in_any_form(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    app = _app(make_corpus, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        await pilot.press("ampersand")
        await type_text(pilot, "国家数据局")  # the NDA's hanzi: its English form is kept
        await pilot.press("enter")
        await pilot.pause()
        view = screen.main
        assert view.only_blocks == {TRANSCRIPT: frozenset({2, 6})}
        shown = screen_text(app)
        assert "will open public data" in shown and "Good morning." in shown
        assert "How will the rules help" not in shown
        assert "⋯" in shown and "& 国家数据局" in str(view.border_title)
        assert any("2 passages with '国家数据局'" in m for m in messages(app))
        await pilot.press("escape")  # esc shows all, and stays in the document
        await pilot.pause()
        assert view.only_blocks is None and isinstance(app.screen, ReadingScreen)
        await pilot.press("ampersand")
        await type_text(pilot, "small firms")  # plain text
        await pilot.press("enter")
        await pilot.pause()
        assert view.only_blocks == {TRANSCRIPT: frozenset({4, 6})}
        await pilot.press("ampersand")  # & again shows all
        await pilot.pause()
        assert view.only_blocks is None
        await pilot.press("ampersand")
        await type_text(pilot, "zzyzx")
        await pilot.press("enter")
        await pilot.pause()
        assert view.only_blocks is None
        assert "No passage has 'zzyzx'" in messages(app)


async def test_the_glossary_browser_filters_sorts_and_opens_a_concordance(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    app = _app(make_corpus, tmp_path, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        browser = app.screen
        assert isinstance(browser, GlossaryBrowser)
        text = screen_text(app)
        assert "Glossary · 6 entries · sorted by name" in text
        assert "organisation" in text and "国家数据局" in text and "Guójiā Shùjùjú" in text
        assert [e.id for e in browser.shown][:2] == ["chen-ming", "data-factors"]
        await pilot.press("ctrl+s")  # by occurrences
        await pilot.pause()
        counts = [browser.counts[e.id] for e in browser.shown]  # type: ignore[attr-defined]
        assert counts == sorted(counts, reverse=True) and "by occurrences" in screen_text(app)
        for typed, expected in [
            ("shuju", {"nda", "data-factors", "public-data", "data-market"}),
            ("shùjù yàosù", {"data-factors"}),
            ("数字", {"digital-economy"}),
            ("nda", {"nda"}),
            ("data factor", {"data-factors"}),
        ]:
            field = browser.query_one(Input)
            field.value = typed
            await pilot.pause()
            assert {e.id for e in browser.shown} == expected, typed  # type: ignore[attr-defined]
        await pilot.press("enter")  # the concordance of the highlighted entry
        await pilot.pause()
        results = app.screen
        assert isinstance(results, SearchResultsScreen) and results.is_concordance
        assert "data factors: 6 occurrences in 3 documents" in screen_text(app)
        await pilot.press("down", "enter")  # the second occurrence
        await pilot.pause()
        second = app.corpus.occurrences.of_entry("data-factors")[1]
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.main.position() == (second.doc, second.start)


async def test_the_glossary_browser_lists_in_the_library_and_moves_with_jk(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    app = _app(make_corpus, tmp_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("i", "tab")
        browser = app.screen
        assert isinstance(browser, GlossaryBrowser)
        listing = browser.query_one(OptionList)
        assert listing.has_focus
        await pilot.press("j", "j", "k")
        assert listing.highlighted == 1
        await pilot.press("D")  # the renderings of the highlighted entry (data factors)
        await pilot.pause()
        assert isinstance(app.screen, VariantsScreen)
        assert app.screen.entry_id == "data-factors"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is browser
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_the_notes_browser_filters_by_tag_or_text_and_jumps(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations" / "notes.yaml"
    data = yaml.safe_load(notes.read_text(encoding="utf-8"))
    data["notes"].append(
        {
            "id": "growth",
            "anchor": {"doc": REPORT, "exact": "The digital economy grew by a tenth."},
            "text": "Which measure?\nCompare with the statistics bureau.",
            "tags": ["numbers", "check"],
        }
    )
    notes.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app(tmp_path / "config", root / "texts" / f"{READOUT_1}.md")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("number_sign")
        await pilot.pause()
        browser = app.screen
        assert isinstance(browser, NotesBrowser)
        text = screen_text(app)
        assert "Notes · 2 notes" in text and "#follow-up" in text and "#numbers #check" in text
        assert "Which measure?" in text and "Compare with the statistics bureau." in text
        for typed, expected in [("#check", ["growth"]), ("promise", ["small-firms-first"])]:
            browser.query_one(Input).value = typed
            await pilot.pause()
            assert [n.id for n in browser.shown] == expected  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        split = screen.split
        assert split is not None and split.position()[0] == TRANSCRIPT
        assert "Small firms first" in pane_text(screen)


async def test_results_longer_than_the_screen_list_every_row_in_order(tmp_path: Path) -> None:
    """The first screen of rows is listed at once and the rest just after: in the end the
    list holds every row, in order, each fitted to the list's width."""
    from tests.helpers.corpora import REPO
    from tests.helpers.pilot import until

    app = make_app(tmp_path / "config", REPO)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("f")
        await type_text(pilot, "data")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SearchResultsScreen))
        results = app.screen
        assert isinstance(results, SearchResultsScreen)
        options = results.query_one(OptionList)
        await until(pilot, lambda: not results.counting)
        await pilot.pause()
        assert len(results._rows) > 24
        assert options.option_count == len(results._rows)
        width = options.scrollable_content_region.width
        expected = [str(o.prompt)[2:] for o in results._build_options(width)]
        shown = [str(options.get_option_at_index(i).prompt)[2:] for i in range(len(expected))]
        assert shown == expected  # the rows' first two cells hold the digits 1-9
