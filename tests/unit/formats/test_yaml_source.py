"""Safe, position-aware YAML loading: bad files give a clear problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_source import YMap, load_yaml, parse_yaml


def _parse(text: str) -> tuple[object, list[str]]:
    problems = ProblemList()
    value = parse_yaml(text, Path("layer.yaml"), problems)
    return value, [p.format() for p in problems]


def test_positions_of_keys_and_values_are_remembered() -> None:
    value, problems = _parse("layer: glossary\nentries:\n  - id: nda\n    hanzi: 国家数据局\n")
    assert problems == []
    assert isinstance(value, YMap)
    entry = value["entries"][0]
    assert entry.where("hanzi") == (4, 12)
    assert value["entries"].where(0) == (3, 5)


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    _, problems = _parse("id: a\nhanzi: 国\nid: b\n")
    assert problems == [
        "layer.yaml:3:1: error: duplicate key 'id' (first given at line 1); keep only one"
    ]


def test_python_object_tag_is_refused_not_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    value, problems = _parse(f"a: !!python/object/apply:os.system ['touch {marker}']\nb: ok\n")
    assert not marker.exists()
    assert isinstance(value, YMap) and value["b"] == "ok" and value["a"] is None
    assert len(problems) == 1
    assert problems[0].startswith("layer.yaml:1:4: error: YAML tag !!python/object/apply:os.system")


def test_syntax_error_names_line_and_column() -> None:
    _, problems = _parse("entries:\n  - id: a\n    note: [unclosed\n  - id: b\n")
    assert len(problems) == 1
    assert problems[0].startswith("layer.yaml:4:")
    assert "YAML syntax error" in problems[0]


def test_dates_stay_the_strings_written() -> None:
    value, _ = _parse("from: 2023-10\nto: 2024-04-02\n")
    assert value == {"from": "2023-10", "to": "2024-04-02"}


def test_non_utf8_file_reports_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"layer: glossary\nnote: caf\xe9\n")
    problems = ProblemList()
    assert load_yaml(path, problems) is None
    assert [p.format() for p in problems] == [
        f"{path}:2:10: error: not valid UTF-8 (byte 0xe9); save the file as UTF-8"
    ]


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("  \n", encoding="utf-8")
    problems = ProblemList()
    assert load_yaml(path, problems) is None
    assert "file is empty" in problems[0].message


def test_alias_bomb_is_stopped_not_expanded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    _, problems = _parse("\n".join(lines) + "\n")
    assert any("repeated by aliases beyond the limit" in p for p in problems)


def test_control_characters_in_values_are_made_visible_and_reported() -> None:
    value, problems = _parse('note: "red \\e[31m alert\\a"\ntext: "two\\nlines\\tok"\n')
    assert isinstance(value, YMap)
    assert value["note"] == "red ␛[31m alert␇"
    assert value["text"] == "two\nlines\tok"  # line breaks and tabs are plain text
    assert problems == [
        "layer.yaml:1:7: warning: control character U+001B in a value; it is shown as '␛' "
        "and never sent to the terminal — remove it"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("!!bool maybe", "'maybe' is not a !!bool value"),
        ("!!int 0x", "'0x' is not a !!int value"),
        ("!!int twelve", "'twelve' is not a !!int value"),
        ("!!float abc", "'abc' is not a !!float value"),
        ("!!int " + "9" * 5000, "number 99999999999999999999… is too long (5,000 characters)"),
    ],
)
def test_a_tagged_value_that_is_not_of_its_type_is_reported_where_it_is(
    written: str, message: str
) -> None:
    value, problems = _parse(f"a: {written}\nb: ok\n")
    assert isinstance(value, YMap) and value["b"] == "ok" and value["a"] is None
    assert len(problems) == 1 and problems[0].startswith(f"layer.yaml:1:4: error: {message}")
