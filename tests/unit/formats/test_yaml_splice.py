"""The parse of a layer file after an edit, spliced from the parse before it, is the parse
of the whole text: the same values at the same positions; where that is not certain, no
splice is made (the caller parses the whole text)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nda_reader.editing.edits import Edit
from nda_reader.formats.yaml_splice import (
    Parsed,
    keeps_blanks,
    kept,
    parse_layer_text,
    splice,
)
from tests.helpers.properties import bounded
from tests.helpers.yaml_parses import layer, note, same, step_edit, whole

PATH = Path("/corpus/annotations/notes.yaml")


def spliced(before: str, after: str) -> Parsed | None:
    return splice(parse_layer_text(before, PATH), after, "notes", PATH)


def check(before: str, after: str) -> None:
    made = spliced(before, after)
    assert made is not None
    assert made.text == after and not made.problems
    same(made.value, whole(after))


IDS = ["b", "d", "f", "h"]
SHAPES = [
    {"indent": 2, "blank": True},
    {"indent": 2, "blank": False},
    {"indent": 0, "blank": True},
    {"indent": 4, "blank": False, "tail": "# the end\n\n"},
]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("ident", ["a", "c", "z"])
def test_an_insert_at_the_start_middle_or_end_is_spliced(shape: Any, ident: str) -> None:
    text = layer(IDS, **shape)
    edit = Edit(PATH, "notes", new=note(ident, "new", shape["indent"]))
    after, applied = edit.apply_to(text)
    check(text, after)
    back, _ = applied.inverse().apply_to(after)  # the undo: a removal
    assert back == text
    check(after, back)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("ident", IDS)
def test_a_replace_or_a_removal_anywhere_is_spliced(shape: Any, ident: str) -> None:
    text = layer(IDS, **shape)
    old = note(ident, indent=shape["indent"])
    replaced, _ = Edit(PATH, "notes", old=old, new=note(ident, "changed\nover lines")).apply_to(
        text
    )
    if shape["indent"] == 2:
        check(text, replaced)
    removed, _ = Edit(PATH, "notes", old=old).apply_to(text)
    check(text, removed)


def test_keys_after_the_list_move_with_the_lines() -> None:
    text = "layer: speakers\nversion: 1\ndoc: d\nturns:\n  - anchor: {exact: a}\n    speaker: x\n"
    text += "speakers:\n  - id: x\n    name: X\n"
    after = text.replace("turns:\n", "turns:\n  - anchor: {exact: b}\n    speaker: x\n")
    made = splice(parse_layer_text(text, PATH), after, "turns", PATH)
    assert made is not None
    same(made.value, whole(after))


def test_a_spliced_parse_is_spliced_again() -> None:
    text = layer(IDS)
    parsed = parse_layer_text(text, PATH)
    for ident in ["a", "e", "g", "i"]:
        after, _ = Edit(PATH, "notes", new=note(ident)).apply_to(parsed.text)
        made = splice(parsed, after, "notes", PATH)
        assert made is not None
        same(made.value, whole(after))
        parsed = made


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # The file has a problem: parsed whole, to say it again.
        (layer(IDS) + "notes: twice\n", layer(IDS) + "notes: twice\n# more\n"),
        # The header changes: outside the list's items.
        (layer(IDS), layer(IDS).replace("version: 1", "version: 2")),
        # An alias (to an anchor of the file, or none).
        (layer(IDS).replace("a note", "&x a note", 1), layer(IDS) + "  - id: y\n    text: *x\n"),
        (layer(IDS), layer(IDS) + "  - id: y\n    text: *x\n"),
        # A line less indented than the list's dashes, a dash lost in the text.
        (layer(IDS), layer(IDS) + "other: 1\n"),
        (layer(IDS), layer(IDS).replace("  - id: d", "    id: d")),
        # A block scalar keeping its trailing blank lines.
        (layer(IDS), layer(IDS) + "  - id: k\n    text: |+\n      kept\n"),
        # The first item goes: the list would start at an item moved, written apart.
        (
            "notes:\n  - id: a\n  -\n    id: b\n",
            "notes:\n  -\n    id: b\n",
        ),
    ],
)
def test_what_cannot_be_spliced_with_certainty_is_not(before: str, after: str) -> None:
    assert spliced(before, after) is None


def test_an_anchor_no_alias_names_is_spliced() -> None:
    check(layer(IDS), layer(IDS).replace("text: a note\n", "text: &x a note\n", 1))


def test_the_first_item_removed_is_spliced_when_the_next_starts_on_its_dash() -> None:
    check(layer(IDS), layer(IDS[1:]))


def test_only_the_parse_of_the_same_text_is_kept() -> None:
    text = layer(IDS)
    parsed = parse_layer_text(text, PATH)
    assert kept(PATH, text) is parsed
    assert kept(PATH, text + "\n") is None
    assert kept(Path("/other.yaml"), text) is None


TEXT = st.text(st.sampled_from([*"ab :#-'\"[]{}|>&*!%\n\u2028é数"]), max_size=12)


@given(
    start=st.lists(st.sampled_from("bcdefgh"), min_size=1, max_size=5, unique=True),
    steps=st.lists(st.tuples(st.sampled_from(["add", "change", "drop"]), st.integers(0, 9), TEXT)),
    blank=st.booleans(),
)
@bounded(60)
def test_any_run_of_edits_splices_to_the_whole_parse(
    start: list[str], steps: list[tuple[str, int, str]], blank: bool
) -> None:
    parsed = parse_layer_text(layer(sorted(start), blank=blank), PATH)
    for n, step in enumerate(steps):
        edit = step_edit(PATH, parsed.value, parsed.text, n, step)
        if edit is None:
            continue
        after, _ = edit.apply_to(parsed.text)
        made = splice(parsed, after, "notes", PATH)
        full = parse_layer_text(after, Path("/elsewhere.yaml"))
        if made is None:
            parsed = Parsed(after, full.value, full.problems, full.values, full.deepest)
            continue
        assert not full.problems
        same(made.value, full.value)
        parsed = made


KEEP_BLANKS = re.compile(r"[|>][1-9]?\+")
"""The header of a block scalar that keeps its trailing blank lines, as a regex."""


@given(st.text(alphabet="|>+19 a\n-", max_size=40))
def test_keeps_blanks_answers_as_the_regex_does(text: str) -> None:
    assert keeps_blanks(text) == (KEEP_BLANKS.search(text) is not None)


def test_a_text_keeping_trailing_blanks_is_parsed_whole() -> None:
    assert keeps_blanks("a: |+\n  x\n") and keeps_blanks("a: >2+\n") and keeps_blanks("+|+")
    assert not keeps_blanks("note: 1 + 1 > 1\n") and not keeps_blanks("+ |0+ >a+")
