"""A parse handed on: the reload after a save takes the parse the save's check made of
the same text, once; any other text (or file) is parsed as always."""

from __future__ import annotations

from pathlib import Path

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_handoff import keep
from nda_reader.formats.yaml_source import parse_yaml

TEXT = "layer: notes\nversion: 1\nnotes:\n  - id: ours\n    text: a note of ours\n"


def test_the_same_text_of_the_same_file_is_taken_once(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    checked = ProblemList()
    value = parse_yaml(TEXT, path, checked)
    keep(path, TEXT, value, tuple(checked))
    assert parse_yaml(TEXT, tmp_path / "other.yaml", ProblemList()) is not value
    assert parse_yaml(TEXT + "# more\n", path, ProblemList()) is not value
    assert parse_yaml(TEXT, path, ProblemList()) is value
    again = parse_yaml(TEXT, path, ProblemList())
    assert again is not value and again == value  # taken once, then parsed as always


def test_the_problems_of_the_kept_parse_come_with_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    text = TEXT + "notes: twice\n"
    checked = ProblemList()
    value = parse_yaml(text, path, checked)
    assert checked  # a repeated key
    keep(path, text, value, tuple(checked))
    taken = ProblemList()
    assert parse_yaml(text, path, taken) is value
    assert [p.message for p in taken] == [p.message for p in checked]
