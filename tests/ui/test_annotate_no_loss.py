"""Nothing typed is lost and nothing untouched is changed around the layer store (issue 10,
cases 2, 3, 4, 5, 8 and 10), met by a user annotating in the reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from nda_reader.corpus.check import check_corpus
from nda_reader.ui.dialogs.term_form import TermForm
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.annotating import (
    BRIEFING,
    annotate_by_keys,
    app_on,
    copy_corpus,
    cursor_on,
    highlight_row,
    messages,
    read,
    select,
    type_text,
)
from tests.helpers.corpora import MakeCorpus
from tests.helpers.small_corpus import READOUT_1, TRANSCRIPT, small_corpus

CONFERENCE = "nda-work-conference-2024"


def _errors(root: Path) -> list[str]:
    return [p.format(root) for p in check_corpus(root, pinyin=False).problems if p.is_error]


# ------------------------------------------------------------------ case 2
@pytest.mark.parametrize(
    ("entry_id", "doc", "quote"),
    [
        ("sense-of-gain", CONFERENCE, "sense of gain"),
        ("supply-flow-use-secure", "scio-nda-briefing-2024-p2", "readily available"),
    ],
)
async def test_an_unchanged_term_form_changes_nothing(
    tmp_path: Path, entry_id: str, doc: str, quote: str
) -> None:
    root = copy_corpus(tmp_path)
    glossary = root / "annotations/glossary.yaml"
    before = glossary.read_bytes()
    app = app_on(root, doc, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await cursor_on(pilot, quote)
        await highlight_row(pilot, "term", entry_id)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TermForm)
        await pilot.press("end", "x", "backspace", "enter")  # type a character, delete it
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert "Nothing changed" in messages(app)
    assert glossary.read_bytes() == before


async def test_an_alias_with_a_comma_is_one_alias(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    glossary = root / "annotations/glossary.yaml"
    app = app_on(root, CONFERENCE, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await cursor_on(pilot, "sense of gain")
        await highlight_row(pilot, "term", "sense-of-gain")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "tab", "end")  # the aliases, at their end
        await type_text(pilot, "\nsense of gain, happiness, and security")
        await pilot.press("tab", "enter")
        await pilot.pause()
        entry = app.corpus.glossary.entries["sense-of-gain"]
        assert entry.aliases == [
            "sense of gain, well-being and security",
            "sense of gain, happiness, and security",
        ]
        assert not entry.pinyin_override
    assert "      - sense of gain, happiness, and security\n" in read(glossary)


# ------------------------------------------------------------------ case 3
def _broken_yaml(path: Path) -> Callable[[], None]:
    good = path.read_bytes()
    path.write_bytes(good + b"  - id: [unclosed\n")
    return lambda: path.write_bytes(good)


def _latin1(path: Path) -> Callable[[], None]:
    good = path.read_bytes()
    path.write_bytes(good.replace(b"Small firms first", b"Small firms \xe9 first"))
    return lambda: path.write_bytes(good)


def _folder(path: Path) -> Callable[[], None]:
    kept = path.with_name("kept.yaml.bak")
    path.rename(kept)
    path.mkdir()

    def restore() -> None:
        path.rmdir()
        kept.rename(path)

    return restore


@pytest.mark.parametrize(
    ("break_it", "says"),
    [
        (_broken_yaml, "not valid YAML now"),
        (_latin1, "not valid UTF-8 now (byte 0xe9 on line 8); save it as UTF-8"),
        (_folder, "a folder, not a file"),
    ],
    ids=["broken-yaml", "latin-1-byte", "replaced-by-a-folder"],
)
async def test_a_layer_broken_outside_keeps_the_new_note_for_retry(
    make_corpus: MakeCorpus,
    tmp_path: Path,
    break_it: Callable[[Path], Callable[[], None]],
    says: str,
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    app = app_on(root, READOUT_1, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        fix = break_it(notes)
        await annotate_by_keys(pilot, "the digital economy", "M", "Kept while broken.")
        assert isinstance(app.screen, ReadingScreen)
        shown = messages(app)[-1]
        assert says in shown and shown.endswith("Your change is kept; press ctrl+s to try again.")
        fix()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "text: Kept while broken.\n" in read(notes)
        assert any(n.text == "Kept while broken." for n in app.corpus.notes)
    assert _errors(root) == []


async def test_an_edit_of_a_note_in_a_broken_file_is_kept_for_retry(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await cursor_on(pilot, "open public data to small firms first")
        await highlight_row(pilot, "note", "small-firms-first")
        fix = _broken_yaml(notes)
        await pilot.press("e", "end")
        await type_text(pilot, " Checked.")
        await pilot.press("enter")
        await pilot.pause()
        assert "Your change is kept; fix the file and press ctrl+s" in messages(app)[-1]
        fix()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "    text: Small firms first, a promise to check next year. Checked.\n" in read(notes)


# ------------------------------------------------------------------ case 4
async def test_a_note_on_repeated_text_is_placed_where_it_was_made(tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    app = app_on(root, BRIEFING, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await select(pilot, "of the Department")
        body = app.corpus.documents[BRIEFING].body
        selection = app.screen.main.selection  # type: ignore[attr-defined]
        assert body.count("of the Department") > 1
        await pilot.press("M")
        await pilot.pause()
        await type_text(pilot, "Which department?")
        await pilot.press("enter")
        await pilot.pause()
        note = next(n for n in app.corpus.notes if n.text == "Which department?")
        at = app.corpus.place(note.anchor)
        assert at.placed and (at.start, at.end) == (selection.start, selection.end)
        assert app.corpus.orphans() == []
    assert _errors(root) == []


# ------------------------------------------------------------------ case 5
async def test_undo_of_the_first_turn_removes_the_file_it_made(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    speakers = root / "annotations/speakers" / f"{READOUT_1}.yaml"
    assert not speakers.exists()
    app = app_on(root, READOUT_1, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await cursor_on(pilot, "The meeting reviewed")
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "A Chair")
        await pilot.press("enter")
        await pilot.pause()
        assert read(speakers).startswith("layer: speakers\nversion: 1\ndoc: readout-p1\n")
        await cursor_on(pilot, "first, open public data")
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "A Chair")
        await pilot.press("enter")
        await pilot.pause()
        assert read(speakers).count("- speaker: a-chair") == 2
        await pilot.press("u")
        assert read(speakers).count("- speaker: a-chair") == 1
        assert _errors(root) == []
        await pilot.press("u")
        assert not speakers.exists()
        assert _errors(root) == []
        await pilot.press("ctrl+r")
        assert read(speakers).count("- speaker: a-chair") == 1


async def test_undo_of_the_first_link_removes_the_file_it_made(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    links = root / "annotations/crossrefs.yaml"
    links.unlink()
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await select(pilot, "new rules")
        await pilot.press("r")
        await select(pilot, "public data")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert read(links).startswith("layer: crossrefs\nversion: 1\nlinks:\n  - id: ")
        await pilot.press("u")
        assert not links.exists()
    assert _errors(root) == []


async def test_deleting_the_last_note_leaves_a_valid_empty_layer(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    before = read(notes)
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await cursor_on(pilot, "open public data to small firms first")
        await highlight_row(pilot, "note", "small-firms-first")
        await pilot.press("d", "y")
        await pilot.pause()
        assert read(notes) == "layer: notes\nversion: 1\nnotes: []\n"
        assert _errors(root) == []
        await pilot.press("u")
        assert read(notes) == before


# ------------------------------------------------------------------ case 8
async def test_a_read_only_layer_file_is_not_replaced(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    before = read(notes)
    notes.chmod(0o444)
    app = app_on(root, READOUT_1, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await annotate_by_keys(pilot, "the digital economy", "M", "Not over a read-only file.")
        shown = messages(app)[-1]
        assert f"notes.yaml is read-only; make it writable (chmod u+w {notes})" in shown
        assert shown.endswith("Your change is kept; press ctrl+s to try again.")
        assert read(notes) == before and notes.stat().st_mode & 0o777 == 0o444
        assert sorted(p.name for p in notes.parent.iterdir()) == sorted(
            ["glossary.yaml", "notes.yaml", "crossrefs.yaml", "speakers"]
        )
        notes.chmod(0o644)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "text: Not over a read-only file.\n" in read(notes)


# ------------------------------------------------------------------ case 10
HAND_NOTES = """\
layer: notes
version: 1
notes:
  - id: small-firms-first   # from the March briefing
    # The quote is the promise itself.
    anchor:
      doc: press-conference
      exact: open public data to small firms first
    text: "Small firms first, a promise to check next year."   # check in 2025
    # Tags for the yearly review.
    tags: [follow-up, smes]
    created: '2024-03-02'
"""


async def test_editing_a_note_changes_only_the_bytes_edited(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    notes.write_text(HAND_NOTES, encoding="utf-8")
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await cursor_on(pilot, "open public data to small firms first")
        await highlight_row(pilot, "note", "small-firms-first")
        await pilot.press("e", "end")
        await type_text(pilot, " Still open.")
        await pilot.press("enter")
        await pilot.pause()
    assert read(notes) == HAND_NOTES.replace("next year.", "next year. Still open.")


async def test_editing_a_term_keeps_the_comments_inside_its_entry(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = small_corpus(make_corpus)
    glossary = root / "annotations/glossary.yaml"
    text = read(glossary).replace(
        "    pinyin: shùzì jīngjì\n    english: digital economy\n",
        "    pinyin: shùzì jīngjì   # tones checked\n"
        "    # Also 'digitalised economy' in older texts.\n"
        "    english: digital economy\n",
    )
    glossary.write_text(text, encoding="utf-8")
    app = app_on(root, READOUT_1, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await cursor_on(pilot, "digital economy")
        await highlight_row(pilot, "term", "digital-economy")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "home", "delete")  # the pinyin, its first letter
        await type_text(pilot, "S")
        await pilot.press("enter")
        await pilot.pause()
    assert read(glossary) == text.replace("pinyin: shùzì jīngjì", "pinyin: Shùzì jīngjì")
