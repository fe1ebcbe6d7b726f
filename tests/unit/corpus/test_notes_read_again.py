"""Notes read again after a save: the parse of the notes file is spliced from the one
before, and the notes of its unchanged (or only moved) entries are used again instead of
read again. What comes out is what reading the whole file afresh gives: the same notes at
the same lines, and the same problems."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.notes import Note, read_notes
from nda_reader.editing.edits import Edit
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_splice import Parsed, parse_layer_text, splice
from nda_reader.formats.yaml_values import YMap
from tests.helpers.properties import bounded
from tests.helpers.yaml_parses import layer, note, step_edit

PATH = Path("/corpus/annotations/notes.yaml")


def read(parsed: Parsed) -> tuple[list[Note], list[str]]:
    problems = ProblemList()
    assert isinstance(parsed.value, YMap)
    notes = read_notes(parsed.value, PATH, problems, {})
    return notes, [f"{p.line}:{p.column} {p.message}" for p in problems]


def afresh(text: str) -> tuple[list[Note], list[str]]:
    """The notes of ``text`` read from a parse of its own (nothing to use again)."""
    other = Path("/elsewhere/notes.yaml")
    problems = ProblemList()
    value = parse_layer_text(text, other).value
    assert isinstance(value, YMap)
    notes = [
        Note(n.id, n.anchor, n.text, n.tags, n.created, PATH, n.line, n.column)
        for n in read_notes(value, other, problems, {})
    ]
    return notes, [f"{p.line}:{p.column} {p.message}" for p in problems]


def test_an_insert_at_the_start_uses_the_moved_notes_again_at_their_new_lines() -> None:
    before = parse_layer_text(layer(["m", "p", "t"]), PATH)
    first, _ = read(before)
    after_text, _ = Edit(PATH, "notes", new=note("a", "new")).apply_to(before.text)
    after = splice(before, after_text, "notes", PATH)
    assert after is not None
    notes, problems = read(after)
    assert (notes, problems) == afresh(after_text)
    assert [n.id for n in notes] == ["a", "m", "p", "t"]
    assert [n.line for n in notes[1:]] > [n.line for n in first]  # moved down
    assert all(new.anchor is old.anchor for new, old in zip(notes[1:], first, strict=True))


def test_a_note_with_a_problem_is_read_again_and_its_problem_reported_again() -> None:
    text = layer(["m", "p"]).replace("    text: a note", "    txet: a note\n    text: a note", 1)
    before = parse_layer_text(text, PATH)
    _, problems_first = read(before)
    after_text, _ = Edit(PATH, "notes", new=note("z")).apply_to(text)
    after = splice(before, after_text, "notes", PATH)
    assert after is not None
    notes, problems = read(after)
    assert problems == problems_first and len(problems) == 1
    assert (notes, problems) == afresh(after_text)


TEXT = st.text(alphabet="abc xyz", min_size=0, max_size=8)


@given(
    start=st.lists(st.sampled_from("bcdefgh"), min_size=1, max_size=5, unique=True),
    steps=st.lists(st.tuples(st.sampled_from(["add", "change", "drop"]), st.integers(0, 9), TEXT)),
)
@bounded(40)
def test_any_run_of_edits_reads_the_notes_reading_afresh_gives(
    start: list[str], steps: list[tuple[str, int, str]]
) -> None:
    parsed = parse_layer_text(layer(sorted(start)), PATH)
    assert read(parsed) == afresh(parsed.text)
    for n, step in enumerate(steps):
        edit = step_edit(PATH, parsed.value, parsed.text, n, step)
        if edit is None:
            continue
        after, _ = edit.apply_to(parsed.text)
        parsed = splice(parsed, after, "notes", PATH) or parse_layer_text(after, PATH)
        assert read(parsed) == afresh(after)


def test_the_notes_file_read_last_is_kept_when_others_are_read_after() -> None:
    parses = {name: parse_layer_text(layer(["m"]), Path(f"/c/{name}.yaml")) for name in "abc"}

    def anchor_of(name: str) -> object:
        value = parses[name].value
        assert isinstance(value, YMap)
        return read_notes(value, Path(f"/c/{name}.yaml"), ProblemList(), {})[0].anchor

    first = anchor_of("a")
    anchor_of("b")
    assert anchor_of("a") is first  # read again: now the file read last
    anchor_of("c")  # two files are kept: "b", read before "a", is dropped
    assert anchor_of("a") is first
