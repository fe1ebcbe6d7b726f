"""Stable places for new entries: by id within the kind's section, turns in text order, and
additions made apart merge with git's own line merge."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nda_reader.formats.layer_order import Slot, stable_slot
from nda_reader.formats.yaml_edit import insert_block, item_blocks, render_block

SECTIONED = """\
layer: glossary
version: 1
entries:

  # ---- people

  - id: zhang-wang
    kind: person

  - id: liu-liehong
    kind: person

  # ---- organisations

  - id: nda
    kind: organisation

  - id: cac
    kind: organisation
"""


def _ids(text: str, key: str = "entries") -> list[str]:
    """The ids of the list's items, as YAML reads them (an id such as ``no`` is written
    quoted: ``id: 'no'``)."""
    return [str(yaml.safe_load(textwrap.dedent(b))[0]["id"]) for b in item_blocks(text, key)]


def _add(text: str, item: dict[str, object], key: str = "entries") -> str:
    slot = stable_slot(text, key, item)
    index, after = (slot.index, slot.after) if slot else (None, False)
    return insert_block(text, key, render_block(item, 2), index, after=after)


def test_a_person_goes_after_the_person_whose_id_sorts_just_before_it() -> None:
    assert stable_slot(SECTIONED, "entries", {"id": "li-qiang", "kind": "person"}) == Slot(1, False)
    assert _ids(_add(SECTIONED, {"id": "li-qiang", "kind": "person"})) == [
        "zhang-wang",
        "li-qiang",
        "liu-liehong",
        "nda",
        "cac",
    ]
    # After zhang-wang (the greatest id below it), in the people section, not at the end.
    assert _ids(_add(SECTIONED, {"id": "zheng-shanjie", "kind": "person"}))[:3] == [
        "zhang-wang",
        "zheng-shanjie",
        "liu-liehong",
    ]


def test_an_organisation_stays_in_its_section_and_blank_lines_follow_the_file() -> None:
    text = _add(SECTIONED, {"id": "ndrc", "kind": "organisation"})
    assert text == SECTIONED.replace(
        "  - id: nda\n    kind: organisation\n",
        "  - id: nda\n    kind: organisation\n\n  - id: ndrc\n    kind: organisation\n",
    )
    # Smaller than every id of its section: before the smallest, below the section comment.
    text = _add(SECTIONED, {"id": "abc", "kind": "organisation"})
    assert "# ---- organisations\n\n  - id: nda" in text
    assert text.endswith(
        "  - id: nda\n    kind: organisation\n\n"
        "  - id: abc\n    kind: organisation\n\n"
        "  - id: cac\n    kind: organisation\n"
    )


def test_a_kind_without_a_section_goes_next_to_its_neighbour_by_id_in_the_whole_list() -> None:
    assert _ids(_add(SECTIONED, {"id": "data-factor", "kind": "term"})) == [
        "zhang-wang",
        "liu-liehong",
        "nda",
        "cac",
        "data-factor",
    ]


def test_turns_go_in_document_order_by_their_anchor_offset() -> None:
    turns = (
        "layer: speakers\nversion: 1\ndoc: d\nspeakers: []\nturns:\n"
        "  - speaker: a\n    anchor:\n      exact: 'A:'\n      pos: 10\n"
        "  - speaker: b\n    anchor:\n      exact: 'B:'\n      pos: 500\n"
    )
    new = {"speaker": "c", "anchor": {"exact": "C:", "pos": 200}}
    assert stable_slot(turns, "turns", new) == Slot(0, True)
    first = {"speaker": "c", "anchor": {"exact": "C:", "pos": 0}}
    assert stable_slot(turns, "turns", first) == Slot(0, False)
    assert stable_slot(turns, "turns", {"speaker": "c", "anchor": {"exact": "C:"}}) is None


def _git_merge(base: str, ours: str, theirs: str, tmp: Path) -> tuple[int, str]:
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["git", "merge-file", "-p", str(tmp / "ours"), str(tmp / "base"), str(tmp / "theirs")],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout


def _gap(slot: Slot | None) -> int:
    """The gap between items the slot is in: 0 before the first, i + 1 after item i."""
    assert slot is not None
    return slot.index + 1 if slot.after else slot.index


slugs = st.from_regex(r"[a-z]{2,6}", fullmatch=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@settings(max_examples=40, deadline=None)
@given(
    existing=st.lists(slugs, min_size=2, max_size=8, unique=True),
    new=st.lists(slugs, min_size=2, max_size=2),
)
def test_two_clones_adding_entries_with_different_neighbours_merge_with_plain_git(
    existing: list[str], new: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    a, b = new
    if a == b or a in existing or b in existing:
        return
    base = "layer: notes\nversion: 1\nnotes:\n" + "".join(
        f"\n  - id: {i}\n    text: t\n" for i in existing
    )
    gaps = [_gap(stable_slot(base, "notes", {"id": x})) for x in (a, b)]
    if existing == sorted(existing):  # a sorted file: one gap per neighbour
        below = [max((i for i in existing if i < x), default="") for x in (a, b)]
        assert (gaps[0] == gaps[1]) == (below[0] == below[1])
    if gaps[0] == gaps[1]:
        return  # the same place: only the merge driver merges those (tests/e2e/test_git_merge)
    ours = _add(base, {"id": a, "text": "ours"}, "notes")
    theirs = _add(base, {"id": b, "text": "theirs"}, "notes")
    code, merged = _git_merge(base, ours, theirs, tmp_path_factory.mktemp("merge"))
    assert code == 0, merged
    assert sorted(_ids(merged, "notes")) == sorted([*existing, a, b])


def test_places_found_one_after_another_in_a_growing_file_are_those_of_each_text(
    tmp_path: Path,
) -> None:
    """The order of a list is kept for its text (a form's preparation finds it ahead of
    the save); each entry added makes a new text whose places are its own."""
    from nda_reader.editing.actions import prepare
    from nda_reader.formats import layer_order

    path = tmp_path / "glossary.yaml"
    path.write_text(SECTIONED, encoding="utf-8")
    layer_order.list_order.cache_clear()
    prepare(path, "entries")
    found = layer_order.list_order.cache_info()
    stable_slot(SECTIONED, "entries", {"id": "x", "kind": "person"})
    after = layer_order.list_order.cache_info()
    assert (after.hits, after.misses) == (found.hits + 1, found.misses)  # found while open
    text = SECTIONED
    for ident in ("li-qiang", "ma-kai", "aa-first", "zz-last"):
        item = {"id": ident, "kind": "person"}
        kept = stable_slot(text, "entries", item)  # the order kept, if any
        layer_order.list_order.cache_clear()
        assert kept == stable_slot(text, "entries", item)  # found anew
        text = _add(text, item)
    # After its neighbour by id in the people's section (which is not sorted), before
    # the smallest id when none is below its own.
    people = ["zhang-wang", "zz-last", "aa-first", "li-qiang", "liu-liehong", "ma-kai"]
    assert _ids(text) == [*people, "nda", "cac"]
