"""Pilot tests of the auxiliary screens: what a user sees in them and what they return."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.reading.search import search_corpus
from nda_reader.ui.dialogs.search_input import SearchInput
from nda_reader.ui.keys import Scope
from nda_reader.ui.screens.help import HelpScreen
from nda_reader.ui.screens.outline import OutlineScreen, outline_entries
from nda_reader.ui.screens.problems import ProblemsScreen
from nda_reader.ui.screens.search_results import SearchResultsScreen
from nda_reader.ui.theming import load_themes, theme_variable_defaults
from tests.helpers.corpora import REPO, MakeCorpus, text_file
from tests.helpers.pilot import screen_text, until

SCIO = "scio-nda-briefing-2024-p1"


class ScreenHost(App[None]):
    """A bare app with the bundled themes, to push one screen on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "noop", "Do the x thing"),
        Binding("ctrl+t", "noop", "Next theme", show=False),
    ]

    def __init__(self, theme: str = "nda-dark") -> None:
        super().__init__()
        self.results: list[Any] = []
        self._wanted_theme = theme

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return theme_variable_defaults(self.current_theme)

    def on_mount(self) -> None:
        for theme in load_themes(REPO / "themes"):
            self.register_theme(theme)
        self.theme = self._wanted_theme

    def open(self, screen: Screen[Any]) -> None:
        """Push ``screen``, recording what it dismisses with in ``results``."""
        self.push_screen(screen, self.results.append)

    def action_noop(self) -> None:
        """Nothing."""


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(REPO)


# -- search input ---------------------------------------------------------------------


async def test_search_input_returns_typed_text() -> None:
    app = ScreenHost()
    async with app.run_test() as pilot:
        app.open(SearchInput("Search the corpus"))
        await pilot.pause()
        assert "Search the corpus" in screen_text(app)
        await pilot.press(*"data factor", "enter")
        await pilot.pause()
    assert app.results == ["data factor"]


async def test_search_input_initial_text_is_replaced_by_typing() -> None:
    app = ScreenHost()
    async with app.run_test() as pilot:
        app.open(SearchInput("Find", initial="old query"))
        await pilot.pause()
        assert "old query" in screen_text(app)
        await pilot.press(*"new", "enter")
        await pilot.pause()
    assert app.results == ["new"]


async def test_search_input_escape_returns_none() -> None:
    app = ScreenHost()
    async with app.run_test() as pilot:
        app.open(SearchInput("Find", initial="kept?"))
        await pilot.pause()
        await pilot.press("a", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchInput)
    assert app.results == [None]


# -- search results -------------------------------------------------------------------


async def test_results_show_matches_and_enter_opens_first(corpus: Corpus) -> None:
    hits = search_corpus(corpus, "data circulation")  # no glossary form: text matches only
    app = ScreenHost()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open(SearchResultsScreen(corpus, "data circulation"))
        await pilot.pause()
        text = screen_text(app)
        n = len(hits)
        assert f"{n} match{'es' if n != 1 else ''} for “data circulation”" in text
        assert text.lower().count("data circulation") >= n
        for doc_id in {h.doc_id for h in hits}:
            assert corpus.documents[doc_id].date in text
        await pilot.press("enter")
        await pilot.pause()
    doc_id, start, end = app.results[0]
    assert (doc_id, start, end) == (hits[0].doc_id, hits[0].start, hits[0].end)
    assert corpus.documents[doc_id].body[start:end].lower() == "data circulation"


async def test_results_down_then_enter(corpus: Corpus) -> None:
    hits = search_corpus(corpus, "data circulation")
    assert len(hits) >= 3
    app = ScreenHost()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open(SearchResultsScreen(corpus, "data circulation"))
        await pilot.pause()
        text = screen_text(app)
        assert f"{len(hits)} matches for “data circulation”" in text
        await pilot.press("down", "down", "enter")
        await pilot.pause()
    assert app.results == [(hits[2].doc_id, hits[2].start, hits[2].end)]


async def test_results_digits_open_row_in_view(corpus: Corpus) -> None:
    hits = search_corpus(corpus, "data circulation")
    app = ScreenHost()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = SearchResultsScreen(corpus, "data circulation")
        app.open(screen)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        numbered = [ln for ln in lines if ln.lstrip("│ ").startswith(("1 ", "4 "))]
        assert len(numbered) == 2, "rows in view are numbered"
        await pilot.press("4")
        await pilot.pause()
    assert app.results == [(hits[3].doc_id, hits[3].start, hits[3].end)]


async def test_results_digits_follow_the_view_after_scrolling(corpus: Corpus) -> None:
    hits = search_corpus(corpus, "data")
    assert len(hits) > 30
    app = ScreenHost()
    async with app.run_test(size=(100, 16)) as pilot:
        screen = SearchResultsScreen(corpus, "data")
        app.open(screen)
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        rows = screen.visible_hit_rows()
        expected = screen.target_of(rows[0])
        assert expected is not None and expected != (hits[0].doc_id, hits[0].start, hits[0].end)
        await pilot.press("1")
        await pilot.pause()
    assert app.results == [expected]


async def test_results_hanzi(corpus: Corpus) -> None:
    # 刘烈宏 is the hanzi of a glossary person: the hits are his occurrences, every form.
    first = corpus.occurrences.of_entry("liu-liehong")[0]
    app = ScreenHost()
    async with app.run_test(size=(100, 20)) as pilot:
        app.open(SearchResultsScreen(corpus, "刘烈宏"))
        await pilot.pause()
        assert "刘烈宏" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
    assert app.results[0] == (first.doc, first.start, first.end)


async def test_results_none_found(corpus: Corpus) -> None:
    app = ScreenHost()
    async with app.run_test() as pilot:
        app.open(SearchResultsScreen(corpus, "zzyzx quux"))
        await pilot.pause()
        assert "No matches for “zzyzx quux”" in screen_text(app)
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchResultsScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


# -- outline --------------------------------------------------------------------------


async def test_outline_of_scio_briefing_lists_turns_in_order(corpus: Corpus) -> None:
    doc = corpus.documents[SCIO]
    parts = corpus.parts_of(doc)
    assert len(parts) > 1
    turns = [t for part in parts for t in corpus.turns(part.id)]
    assert len(turns) >= 4, "the bundled speakers layer tags the briefing"
    names = [corpus.speaker_name(t.speaker) for t in turns]
    app = ScreenHost()
    async with app.run_test(size=(110, 50)) as pilot:
        app.open(OutlineScreen(corpus, SCIO))
        await pilot.pause()
        lines = screen_text(app).splitlines()
        turn_lines = [ln for ln in lines if "▌" in ln]
        assert len(turn_lines) == len(turns)
        for line, name in zip(turn_lines, names, strict=True):
            assert name in line
        page_lines = [i for i, ln in enumerate(lines) if "Page 2" in ln]
        assert page_lines, "multi-part documents list every part with a header"
        first_p2 = next(
            i for i, ln in enumerate(lines) if ln in turn_lines[len(corpus.turns(SCIO)) :]
        )
        assert page_lines[0] < first_p2
        entries = outline_entries(corpus, doc)
        first_turn = next(i for i, e in enumerate(entries) if e.kind == "turn")
        for _ in range(first_turn):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
    doc_id, start, end = app.results[0]
    assert (doc_id, start, end) == (turns[0].doc, turns[0].start, turns[0].label_end)
    assert corpus.documents[doc_id].body[start:end].startswith(names[0])


async def test_outline_offset_highlights_current_entry(corpus: Corpus) -> None:
    p2 = "scio-nda-briefing-2024-p2"
    turn = corpus.turns(p2)[1]
    app = ScreenHost()
    async with app.run_test(size=(110, 50)) as pilot:
        app.open(OutlineScreen(corpus, p2, offset=turn.start + 5))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [(p2, turn.start, turn.label_end)]


async def test_outline_headings_indented_fixture(make_corpus: MakeCorpus) -> None:
    body = """
    # Title

    Intro.

    ## First section

    Text.

    ### Detail

    More.

    ## Second section

    End.
    """
    root = make_corpus({"texts/doc.md": text_file("doc", body, kind="report")})
    corpus = load_corpus(root)
    app = ScreenHost()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open(OutlineScreen(corpus, "doc"))
        await pilot.pause()
        lines = screen_text(app).splitlines()
        row = {
            name: next(ln for ln in lines if name in ln)
            for name in ("Title", "First section", "Detail", "Second section")
        }
        indent = {name: len(ln) - len(ln.lstrip("│ ")) for name, ln in row.items()}
        assert indent["Title"] < indent["First section"] < indent["Detail"]
        assert indent["First section"] == indent["Second section"]
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
    doc_id, start, end = app.results[0]
    assert corpus.documents[doc_id].body[start:end] == "Second section"


async def test_outline_empty_and_escape(make_corpus: MakeCorpus) -> None:
    root = make_corpus({"texts/flat.md": text_file("flat", "Just a paragraph.\n", kind="report")})
    corpus = load_corpus(root)
    app = ScreenHost()
    async with app.run_test() as pilot:
        app.open(OutlineScreen(corpus, "flat"))
        await pilot.pause()
        assert "No headings or speaker turns" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


# -- help -----------------------------------------------------------------------------


async def test_help_lists_the_keys_of_the_given_scopes_and_the_apps() -> None:
    app = ScreenHost()
    async with app.run_test(size=(100, 40)) as pilot:
        app.open(HelpScreen((Scope.LIBRARY,)))
        await pilot.pause()
        text = screen_text(app)
        for heading in ("Library", "Everywhere"):
            assert heading in text
        for key, description in (("enter", "Open the highlighted document"), ("q", "Quit")):
            assert any(key in ln and description in ln for ln in text.splitlines())
        assert "Next glossary term" not in text  # a reading key, not the library's
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
    assert app.results == [None]


@pytest.mark.parametrize("key", ["escape", "question_mark"])
async def test_help_over_any_screen_lists_the_apps_keys_hidden_ones_too(key: str) -> None:
    app = ScreenHost()
    async with app.run_test(size=(100, 40)) as pilot:
        app.open(HelpScreen())
        await pilot.pause()
        text = screen_text(app)
        assert any("?" in ln and "Every key that works here" in ln for ln in text.splitlines())
        assert "Next colour theme" in text, "bindings hidden from the footer are listed too"
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


# -- problems -------------------------------------------------------------------------


async def test_problems_lines_like_check(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
        {
            "texts/good.md": text_file("good", "Some text.\n"),
            "texts/bad.md": "---\nid: bad\ntitle: [oops\n---\nBody\n",
            "annotations/x.yaml": "layer: nonsense\n",
        }
    )
    corpus = load_corpus(root)
    assert corpus.problems
    app = ScreenHost()
    async with app.run_test(size=(200, 30)) as pilot:
        app.open(ProblemsScreen(corpus.problems, root))
        await pilot.pause()
        text = screen_text(app)
        errors = len(corpus.problems.errors)
        assert f"{errors} error{'s' if errors != 1 else ''}, 0 warnings" in text
        for problem in corpus.problems:
            line = problem.format(root)
            assert line in text
            assert line.startswith(("texts/", "annotations/"))
            assert ":" in line and ": error: " in line
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_problems_errors_and_warnings_coloured_differently(tmp_path: Path) -> None:
    from nda_reader.formats.problems import Problem, Severity

    problems = [
        Problem(tmp_path / "a.yaml", 3, 5, "bad thing"),
        Problem(tmp_path / "b.yaml", 7, 1, "odd thing", Severity.WARNING),
    ]
    app = ScreenHost(theme="nda-light")
    async with app.run_test(size=(100, 20)) as pilot:
        app.open(ProblemsScreen(problems, tmp_path))
        await pilot.pause()
        text = screen_text(app)
        assert "a.yaml:3:5: error: bad thing" in text
        assert "b.yaml:7:1: warning: odd thing" in text
        assert "1 error, 1 warning" in text
        colours = {}
        for strip in app.screen._compositor.render_strips():
            for seg in strip:
                if seg.text in ("bad thing", "odd thing") and seg.style:
                    colours[seg.text] = seg.style.color
        assert colours["bad thing"] != colours["odd thing"]


async def test_problems_empty() -> None:
    app = ScreenHost()
    async with app.run_test() as pilot:
        app.open(ProblemsScreen([], None))
        await pilot.pause()
        assert "No problems" in screen_text(app)
        assert not app.screen.query(OptionList)


async def test_results_of_a_common_word_show_at_once_and_the_count_follows(
    make_corpus: MakeCorpus,
) -> None:
    from nda_reader.ui.screens import search_results

    body = "The market grew. " * 30
    texts: dict[str, str | bytes] = {
        f"texts/t{i:02d}.md": text_file(f"t{i:02d}", body, date=f"2024-01-{i:02d}")
        for i in range(1, 21)
    }
    big = load_corpus(make_corpus(texts))
    hits = search_corpus(big, "market")
    assert len(hits) == 600 > search_results.FIRST_ROWS
    app = ScreenHost()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = SearchResultsScreen(big, "market")
        assert screen.counting and len(screen.hits) < len(hits)  # the first documents
        app.open(screen)
        await until(pilot, lambda: not screen.counting)
        text = screen_text(app)
        assert "600 matches for “market” in 20 documents" in text and "so far" not in text
    assert screen.hits == search_corpus(big, "market", context=80)


async def test_a_term_and_the_text_matches_found_later_are_listed_as_a_full_search_lists_them(
    make_corpus: MakeCorpus,
) -> None:
    from nda_reader.reading.term_search import search_with_terms

    glossary = (
        "layer: glossary\nversion: 1\nentries:\n"
        "  - {id: market, kind: term, hanzi: 市场, pinyin: shìchǎng, english: market,\n"
        "     hanzi_source: annotator}\n"
    )
    body = "The market grew; the supermarket too. " * 30  # our own words
    files: dict[str, str | bytes] = {
        f"texts/t{i:02d}.md": text_file(f"t{i:02d}", body, date=f"2024-01-{i:02d}")
        for i in range(1, 21)
    }
    files["annotations/glossary.yaml"] = glossary
    big = load_corpus(make_corpus(files))
    full = search_with_terms(big, "market", context=80)
    assert len(full.terms[0].hits) == 600 and len(full.text) == 600
    app = ScreenHost()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = SearchResultsScreen(big, "market")
        assert screen.counting  # the term at once, the text matches of the first documents
        app.open(screen)
        await until(pilot, lambda: not screen.counting)
        await pilot.pause()
        text = screen_text(app)
        assert "“market” is the term market: 600 occurrences" in text
        assert "600 other matches in the text" in text and "so far" not in text
    assert screen.hits == [h for t in full.terms for h in t.hits] + full.text
