"""Small YAML texts parsed once for all runs: the same values, no stale ones, no errors."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_memo import MAX_ENTRIES, MAX_TEXT, MISSING, YamlMemo
from nda_reader.formats.yaml_source import parse_yaml, plain_yaml, use_memo
from nda_reader.formats.yaml_values import YList, YMap
from tests.helpers.corpora import REPO
from tests.helpers.properties import bounded

THEME = (REPO / "themes" / "dark.yaml").read_text(encoding="utf-8")
PATH = Path("settings.yaml")


@pytest.fixture
def memo(tmp_path: Path) -> Iterator[YamlMemo]:
    """A memo in use by ``parse_yaml`` (with ``keep``) and ``plain_yaml`` for one test."""
    kept = YamlMemo(tmp_path / "memo.pickle")
    use_memo(kept)
    try:
        yield kept
    finally:
        use_memo(None)


def _again(memo: YamlMemo) -> YamlMemo:
    """The memo as the next run reads it: saved, then opened anew."""
    memo.save()
    fresh = YamlMemo(memo.path)
    use_memo(fresh)
    return fresh


def _positions(value: Any) -> Any:
    """Everything a parse gives: values with the positions of mappings, keys and items."""
    if isinstance(value, YMap):
        return (
            "map",
            value.pos,
            value.key_pos,
            value.value_pos,
            {k: _positions(v) for k, v in value.items()},
        )
    if isinstance(value, YList):
        return ("list", value.pos, value.item_pos, [_positions(v) for v in value])
    return value


def test_a_text_parsed_before_gives_the_same_values_and_positions(memo: YamlMemo) -> None:
    first = parse_yaml(THEME, PATH, ProblemList(), keep=True)
    assert memo.added == 1
    fresh = _again(memo)
    assert fresh.get("parse", THEME) is not MISSING
    second = parse_yaml(THEME, PATH, ProblemList(), keep=True)
    assert isinstance(second, YMap)
    assert _positions(second) == _positions(first)
    assert fresh.added == 0  # nothing new: the file is not written again


def test_each_use_gets_its_own_copy(memo: YamlMemo) -> None:
    parse_yaml(THEME, PATH, ProblemList(), keep=True)
    _again(memo)
    first = parse_yaml(THEME, PATH, ProblemList(), keep=True)
    first.clear()
    assert parse_yaml(
        THEME, PATH, ProblemList(), keep=True
    )  # the next caller is not given the emptied one


def test_an_edited_text_is_parsed_again(memo: YamlMemo) -> None:
    parse_yaml("theme: nda-dark\n", PATH, ProblemList(), keep=True)
    _again(memo)
    assert parse_yaml("theme: nda-light\n", PATH, ProblemList(), keep=True) == {
        "theme": "nda-light"
    }


def test_a_text_with_problems_is_reported_every_time(memo: YamlMemo) -> None:
    text = "a: 1\na: 2\n"  # a duplicate key
    for _ in range(2):
        problems = ProblemList()
        parse_yaml(text, PATH, problems, keep=True)
        assert [p.line for p in problems] == [2]
        _again(memo)
    assert memo.get("parse", text) is MISSING


def test_only_the_files_read_at_every_start_are_kept(memo: YamlMemo) -> None:
    layer = (REPO / "annotations" / "notes.yaml").read_text(encoding="utf-8")
    assert parse_yaml(layer, Path("notes.yaml"), ProblemList())  # no keep: a layer file
    assert memo.added == 0


def test_a_large_text_is_not_kept(memo: YamlMemo) -> None:
    text = "k: " + "x" * MAX_TEXT + "\n"
    assert parse_yaml(text, PATH, ProblemList(), keep=True) == {"k": "x" * MAX_TEXT}
    assert memo.added == 0


def test_other_code_or_a_damaged_file_starts_the_memo_again(memo: YamlMemo) -> None:
    parse_yaml(THEME, PATH, ProblemList(), keep=True)
    memo.save()
    assert YamlMemo(memo.path, fingerprint="other code").get("parse", THEME) is MISSING
    data = memo.path.read_bytes()
    for damaged in (b"", b"not a pickle", data[: len(data) // 2], pickle.dumps([1, 2])):
        memo.path.write_bytes(damaged)
        fresh = _again(YamlMemo(memo.path))
        assert fresh.get("parse", THEME) is MISSING
        assert parse_yaml(THEME, PATH, ProblemList(), keep=True)["name"] == "nda-dark"
        fresh.save()  # replaced by a good one
        assert YamlMemo(memo.path).get("parse", THEME) is not MISSING


def test_an_unwritable_folder_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    memo = YamlMemo(blocker / "memo.pickle")
    memo.put("plain", "a: 1\n", {"a": 1})
    memo.save()  # no error
    assert blocker.read_text() == "not a folder"


def test_the_file_is_the_users_alone(memo: YamlMemo) -> None:
    parse_yaml(THEME, PATH, ProblemList(), keep=True)
    memo.save()
    assert memo.path.stat().st_mode & 0o777 == 0o600


def test_a_full_memo_keeps_what_this_run_used(memo: YamlMemo) -> None:
    for i in range(MAX_ENTRIES + 5):
        memo.put("plain", f"n: {i}\n", {"n": i})
    fresh = _again(memo)
    assert fresh.get("plain", "n: 3\n") == {"n": 3}
    fresh.put("plain", "n: new\n", {"n": "new"})
    fresh.save()
    last = YamlMemo(memo.path)
    assert last.get("plain", "n: 3\n") == {"n": 3}  # used by the run that saved
    assert last.get("plain", "n: 4\n") is MISSING  # not used: dropped


def test_plain_yaml_never_raises_and_keeps_only_good_parses(memo: YamlMemo) -> None:
    assert plain_yaml("theme: nda-light\nwhen: 2024-01-15\n")["theme"] == "nda-light"
    for bad in ("a: [1, 2", "\x00", "{[1]: 2}", "[" * 5000):
        assert plain_yaml(bad) is None
    assert memo.added == 1


@given(st.dictionaries(st.text(min_size=1, max_size=8), st.text(max_size=12), max_size=6))
@bounded(40)
def test_a_kept_parse_is_the_parse(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, str]
) -> None:
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True)
    plain = ProblemList()
    use_memo(None)
    expected = parse_yaml(text, PATH, plain, keep=True)
    memo = YamlMemo(tmp_path_factory.mktemp("memo") / "memo.pickle")
    use_memo(memo)
    try:
        parse_yaml(text, PATH, ProblemList(), keep=True)
        _again(memo)
        found = parse_yaml(text, PATH, ProblemList(), keep=True)
        assert _positions(found) == _positions(expected)
    finally:
        use_memo(None)
