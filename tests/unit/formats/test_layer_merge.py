"""The entry-by-entry merge of layer files (the git driver's core) and conflict markers."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nda_reader.formats.conflict_markers import find_conflicts, our_side
from nda_reader.formats.layer_merge import merge_layer
from nda_reader.formats.layer_order import stable_slot
from nda_reader.formats.yaml_edit import insert_block, item_blocks, remove_block, render_block

BASE = """\
# Notes of the team. Keep this header.
layer: notes
version: 1
notes:

  - id: b-note
    text: B

  - id: d-note
    text: D
    tags: [x]

  - id: f-note
    text: F
"""


def _add(text: str, item: dict[str, object], key: str = "notes") -> str:
    slot = stable_slot(text, key, item)
    index, after = (slot.index, slot.after) if slot else (None, False)
    return insert_block(text, key, render_block(item, 2), index, after=after)


def _remove(text: str, ident: str, key: str = "notes") -> str:
    block = next(b for b in item_blocks(text, key) if f"id: {ident}\n" in b)
    return remove_block(text, key, block)[0]


def _data(text: str) -> dict[str, object]:
    return yaml.safe_load(text)  # type: ignore[no-any-return]


def test_one_sided_and_identical_changes_take_that_side_byte_for_byte() -> None:
    ours = _add(BASE, {"id": "c-note", "text": "C"})
    assert merge_layer(BASE, ours, BASE).text == ours
    assert merge_layer(BASE, BASE, ours).text == ours
    assert merge_layer(BASE, ours, ours).text == ours


def test_additions_at_the_same_place_are_both_kept_in_id_order() -> None:
    ours = _add(BASE, {"id": "c-two", "text": "ours"})
    theirs = _add(BASE, {"id": "c-one", "text": "theirs"})
    result = merge_layer(BASE, ours, theirs)
    assert result.conflicts == 0
    assert result.text == BASE.replace(
        "  - id: d-note",
        "  - id: c-one\n    text: theirs\n\n  - id: c-two\n    text: ours\n\n  - id: d-note",
    )


def test_an_addition_next_to_a_removal_keeps_the_one_and_drops_the_other() -> None:
    ours = _add(BASE, {"id": "c-note", "text": "C"})
    theirs = _remove(BASE, "d-note")
    result = merge_layer(BASE, ours, theirs)
    assert result.conflicts == 0
    assert [n["id"] for n in _data(result.text)["notes"]] == ["b-note", "c-note", "f-note"]
    assert result.text.startswith("# Notes of the team. Keep this header.\n")


def test_edits_of_neighbouring_entries_and_of_the_header_all_merge() -> None:
    ours = BASE.replace("    text: B\n", "    text: B edited\n").replace(
        "# Notes of the team.", "# Notes of our team."
    )
    theirs = BASE.replace("  - id: d-note\n    text: D\n", "  - id: d-note\n    text: D2\n")
    result = merge_layer(BASE, ours, theirs)
    assert result.conflicts == 0
    assert result.text == ours.replace("    text: D\n", "    text: D2\n")


def test_the_same_field_changed_twice_is_a_conflict_inside_the_entry_only() -> None:
    ours = BASE.replace("    text: D\n", "    text: D ours\n")
    theirs = BASE.replace("    text: D\n", "    text: D theirs\n").replace("text: F", "text: F2")
    result = merge_layer(BASE, ours, theirs)
    assert result.conflicts == 1
    assert result.text == BASE.replace(
        "    text: D\n",
        "<<<<<<< ours\n    text: D ours\n=======\n    text: D theirs\n>>>>>>> theirs\n",
    ).replace("text: F", "text: F2")
    (conflict,) = find_conflicts(result.text)
    assert (conflict.entry, conflict.start, conflict.end) == ("d-note", 10, 14)
    assert _data(our_side(result.text))["notes"][1] == {
        "id": "d-note",
        "text": "D ours",
        "tags": ["x"],
    }
    assert our_side(result.text).count("\n") == result.text.count("\n")


def test_an_entry_removed_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    ours = _remove(BASE, "f-note")
    theirs = BASE.replace("text: F", "text: F changed")
    result = merge_layer(BASE, ours, theirs)
    assert result.conflicts == 1
    assert (
        "<<<<<<< ours (removed)\n=======\n  - id: f-note\n    text: F changed\n>>>>>>> theirs\n"
        in (result.text)
    )
    assert find_conflicts(result.text)[0].entry == "f-note"


def test_turns_merge_by_their_anchor_and_a_new_layer_kind_by_its_ids() -> None:
    speakers = (
        "layer: speakers\nversion: 1\ndoc: d\nspeakers:\n  - id: a\n    name: A\nturns:\n"
        "  - speaker: a\n    anchor:\n      exact: 'A:'\n      pos: 10\n"
    )
    ours = _add(speakers, {"speaker": "a", "anchor": {"exact": "B:", "pos": 50}}, "turns")
    ours = ours.replace("pos: 10\n", "pos: 10\n", 1)
    theirs = speakers.replace(
        "  - speaker: a\n    anchor:\n      exact: 'A:'",
        "  - speaker: b\n    anchor:\n      exact: 'A:'",
    )
    theirs = _add(theirs, {"id": "b", "name": "B"}, "speakers")
    result = merge_layer(speakers, ours, theirs)
    assert result.conflicts == 0
    data = _data(result.text)
    assert [s["id"] for s in data["speakers"]] == ["a", "b"]
    assert [(t["speaker"], t["anchor"]["exact"]) for t in data["turns"]] == [
        ("b", "A:"),
        ("a", "B:"),
    ]
    aligned = (
        "layer: alignments\nversion: 1\npairs:\n  - id: p1\n    en: x\n  - id: p3\n    en: z\n"
    )
    result = merge_layer(
        aligned, _add(aligned, {"id": "p2", "en": "y"}, "pairs"), aligned.replace("en: z", "en: Z")
    )
    assert result.conflicts == 0
    assert _data(result.text)["pairs"] == [
        {"id": "p1", "en": "x"},
        {"id": "p2", "en": "y"},
        {"id": "p3", "en": "Z"},
    ]


def test_a_version_that_is_not_yaml_is_merged_line_by_line() -> None:
    broken = BASE + "  - [oops\n"
    result = merge_layer(BASE, broken, BASE.replace("text: B", "text: B2"))
    assert result.conflicts == 0 and "text: B2" in result.text and "[oops" in result.text


ids = st.sampled_from([f"{c}-note" for c in "acegh"])


@settings(max_examples=60, deadline=None)
@given(mine=st.sets(ids, max_size=3), yours=st.sets(ids, max_size=3), drop=st.booleans())
def test_different_additions_and_a_removal_always_merge_cleanly(
    mine: set[str], yours: set[str], drop: bool
) -> None:
    yours -= mine
    ours = BASE
    for ident in sorted(mine):
        ours = _add(ours, {"id": ident, "text": "ours"})
    theirs = _remove(BASE, "d-note") if drop else BASE
    for ident in sorted(yours):
        theirs = _add(theirs, {"id": ident, "text": "theirs"})
    result = merge_layer(BASE, ours, theirs)
    assert result.conflicts == 0
    expected = {"b-note", "f-note", *mine, *yours} | (set() if drop else {"d-note"})
    found = [n["id"] for n in _data(result.text)["notes"]]
    assert sorted(found) == sorted(expected) and len(found) == len(set(found))


def test_a_file_added_on_both_sides_merges_its_entries_and_marks_only_differing_lines() -> None:
    ours = "# mine\nlayer: notes\nversion: 1\nnotes:\n  - id: a\n    text: A\n"
    theirs = "# theirs\nlayer: notes\nversion: 1\nnotes:\n  - id: b\n    text: B\n"
    result = merge_layer("", ours.replace("# mine\n", ""), theirs.replace("# theirs\n", ""))
    assert result.conflicts == 0
    assert (
        result.text
        == "layer: notes\nversion: 1\nnotes:\n  - id: a\n    text: A\n  - id: b\n    text: B\n"
    )
    result = merge_layer("", ours, theirs)
    assert result.conflicts == 1
    assert result.text == (
        "<<<<<<< ours\n# mine\n=======\n# theirs\n>>>>>>> theirs\n"
        "layer: notes\nversion: 1\nnotes:\n  - id: a\n    text: A\n  - id: b\n    text: B\n"
    )
