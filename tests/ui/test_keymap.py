"""The user's keymap.yaml: moves actions to other keys; what it cannot use is located."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from nda_reader.formats.problems import ProblemList
from nda_reader.ui.keymap import load_keymap, normal_key
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.corpora import MakeCorpus
from tests.helpers.pilot import make_app, open_from_library
from tests.helpers.small_corpus import TRANSCRIPT, small_corpus


def _load(tmp_path: Path, text: str) -> tuple[dict[str, str], list[str]]:
    (tmp_path / "keymap.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    problems = ProblemList()
    keymap = load_keymap(tmp_path, problems)
    return keymap, [p.format(tmp_path) for p in problems]


def test_no_file_is_an_empty_keymap(tmp_path: Path) -> None:
    problems = ProblemList()
    assert load_keymap(tmp_path, problems) == {} and problems == []


def test_keys_as_text_or_list_are_normalised(tmp_path: Path) -> None:
    keymap, problems = _load(
        tmp_path,
        """
        view.next_term: n
        view.next_match: ctrl+n
        app.back: [ctrl+o, "alt+left"]
        reading.search: "?"
        app.help: F1
        """,
    )
    assert problems == [
        "keymap.yaml:4:17: error: ? for 'reading.search' is already 'app.help' (Help, "
        "everywhere); choose another key, or move 'app.help' too",
        "keymap.yaml:5:11: error: 'F1' is not a key; write keys as 'x', 'X', 'ctrl+x', 'f5', "
        "'pagedown' or 'question_mark'",
    ]
    assert keymap == {
        "view.next_term": "n",
        "view.next_match": "ctrl+n",
        "app.back": "ctrl+o,alt+left",
    }


def test_an_unknown_action_is_located_with_a_suggestion(tmp_path: Path) -> None:
    keymap, problems = _load(tmp_path, "view.next_term: ctrl+n\nview.next_trm: x\n")
    assert problems == [
        "keymap.yaml:2:1: error: unknown action 'view.next_trm' in the keymap; "
        "did you mean 'view.next_term'?"
    ]
    assert keymap == {"view.next_term": "ctrl+n"}


def test_a_key_another_action_has_where_both_work_is_refused(tmp_path: Path) -> None:
    keymap, problems = _load(tmp_path, "view.next_term: n\nreading.outline: q\n")
    assert problems == [
        "keymap.yaml:1:17: error: n for 'view.next_term' is already 'view.next_match' "
        "(Next search match, moving in the text); choose another key, or move "
        "'view.next_match' too",
        "keymap.yaml:2:18: error: q for 'reading.outline' is already 'app.quit' (Quit, "
        "everywhere); choose another key, or move 'app.quit' too",
    ]
    assert keymap == {}


def test_keys_in_different_places_do_not_clash(tmp_path: Path) -> None:
    # f searches the corpus from the library and from a document: two places, two actions.
    keymap, problems = _load(tmp_path, "library.corpus_search: ctrl+f\nreading.search: ctrl+f\n")
    assert problems == []
    assert keymap == {"library.corpus_search": "ctrl+f", "reading.search": "ctrl+f"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- just a list\n", "keymap.yaml:1:1: error: a keymap maps action ids to keys"),
        ("reading.follow_row: x\n", "'reading.follow_row' (the digits 1-9) cannot be remapped"),
        ("view.next_term: 3\n", "give 'view.next_term' a key"),
        ("view.next_term: [\n", "YAML syntax error"),
    ],
)
def test_bad_files_give_a_located_problem_and_never_raise(
    tmp_path: Path, text: str, message: str
) -> None:
    keymap, problems = _load(tmp_path, text)
    assert keymap == {}
    assert len(problems) == 1 and message in problems[0], problems


@pytest.mark.parametrize(
    ("text", "key"),
    [("x", "x"), ("X", "X"), ("?", "question_mark"), ("[", "left_square_bracket"),
     ("ctrl+x", "ctrl+x"), ("alt+left", "alt+left"), ("f5", "f5"), ("ctrl+?", None),
     ("hyper+pagedown", "hyper+pagedown"), ("ctrl+", None), ("foo+x", None), ("nope", None),
     ("question_mark", "question_mark"), (" ", None)],
)  # fmt: skip
def test_normal_key(text: str, key: str | None) -> None:
    if text == "ctrl+?":
        key = "ctrl+question_mark"
    assert normal_key(text) == key


async def test_a_keymap_moves_an_action_in_the_reader(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keymap.yaml").write_text("reading.outline: ctrl+l\napp.orphans: x\n")
    app = make_app(config, small_corpus(make_corpus))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_library(pilot, TRANSCRIPT)
        assert "x for 'app.orphans'" in " ".join(p.message for p in app.corpus.problems)
        await pilot.press("o")  # no longer the outline
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert type(app.screen).__name__ == "OutlineScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
