"""Layer files read line by line give what PyYAML gives: the same values, of the same
types, at the same positions; and any text it would read differently, or with a problem,
is left to PyYAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.locations import bundled_root
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_lines import NOT_READ, read_lines
from nda_reader.formats.yaml_source import parse_yaml
from tests.helpers.properties import bounded
from tests.unit.formats.test_yaml_quick_build import _shape

PATH = Path("layer.yaml")


def _by_pyyaml(text: str) -> tuple[Any, list[str]]:
    """The values (with their positions) and problems PyYAML's path gives."""
    problems = ProblemList()
    value = parse_yaml(text, PATH, problems, stats={})  # stats: always PyYAML's path
    return _shape(value), [p.format() for p in problems]


def _agrees(text: str) -> bool:
    """True when ``text`` is read line by line; fails unless PyYAML reads it the same,
    without a problem."""
    value = read_lines(text)
    if value is NOT_READ:
        return False
    assert (_shape(value), []) == _by_pyyaml(text)
    return True


def _layer_texts() -> list[tuple[str, str]]:
    root = bundled_root()
    out = [(str(p.relative_to(root)), p.read_text()) for p in root.rglob("*.yaml")]
    for path in sorted((root / "texts").glob("*.md")):
        head = path.read_text()[4:].partition("\n---\n")[0] + "\n"
        out.append((path.name, head))
    return out


def test_the_bundled_layers_and_front_matter_read_as_pyyaml_reads_them() -> None:
    read = {name for name, text in _layer_texts() if _agrees(text)}
    # Not vacuous: the files of the usual shapes are read here.
    assert {"annotations/crossrefs.yaml", "annotations/notes.yaml"} <= read
    assert any(name.startswith("annotations/speakers/") for name in read)
    assert any(name.endswith(".md") for name in read)


LINK = """\
layer: crossrefs
version: 1
links:
  - id: link-1
    relation: follow-up
    source:
      doc: a
      exact: "data \\"market\\" rules\\n"
      prefix: 'it''s'
      pos: 12
    tags: [npf, "to verify", x-1]
    target:
      doc: b
      exact: 国家数据局 said
      pos: 0
  - plain item
  - "quoted: item"
"""


def test_every_shape_read_here_is_read_as_pyyaml_reads_it() -> None:
    assert _agrees(LINK)
    assert _agrees("a: 1\nb: 2024-01-02\nc: 1.5\nd: true\ne: ~\nf: 0x1f\ng: []\nh: 007\n")
    assert _agrees("# a comment\n\na:\n    - x\n    # between\n    - y\nb: http://x.org/#a\n")


@pytest.mark.parametrize(
    "text",
    [
        "a: b\n  c\n",  # a value continued on the next line
        "a: &x b\nc: *x\n",  # an anchor and an alias
        "a: !!str 3\n",  # a tag
        "a: b # why\n",  # a comment after a value
        "a: b\na: c\n",  # a duplicate key
        "a:\nb: c\n",  # an empty value
        "a:\n- b\n",  # a list at its key's indent
        "a: b\n\tc: d\n",  # a tab
        "yes: b\n",  # a key that is not text
        "a: b\x85c\n",  # a character libyaml reads as a line break
        "a: >-\n  folded\n",  # a block scalar
        "a: {b: c}\n",  # a flow mapping
        'a: "b\\e"\n',  # an escape that writes a control character
        "a: b: c\n",
        "  a: b\n",
        "a: 'b\n",
        "- a\n",
        "a: b\n---\nc: d\n",
        "a: [b, [c]]\n",
        "a: [b,]\n",
        "a: b\n\u3000\nc: d\n",  # a line of an ideographic space is not blank to YAML
    ],
)
def test_texts_of_other_shapes_are_left_to_pyyaml(text: str) -> None:
    assert read_lines(text) is NOT_READ


_SPECIAL = "ab 1:#-\"'\\[]{},&*!|>%@`~?\n\t\x85\u2028\ufeff\u3000\xa0数"


@bounded(400)
@given(st.integers(0, len(LINK)), st.text(st.sampled_from(_SPECIAL), min_size=1, max_size=4))
def test_a_text_changed_anywhere_is_read_as_pyyaml_reads_it_or_left_to_it(
    at: int, inserted: str
) -> None:
    _agrees(LINK[:at] + inserted + LINK[at:])


_WORDS = st.text(st.sampled_from("ab 数:#-\"'\\[],&*!~1.\n"), max_size=8)
_VALUES = st.recursive(
    st.one_of(_WORDS, st.integers(-3, 3000), st.booleans(), st.none()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["id", "doc", "exact", "pos", "yes", "1"]), inner),
    ),
    max_leaves=10,
)


@bounded(400)
@given(_VALUES, st.booleans())
def test_values_as_a_person_or_pyyaml_writes_them_read_as_pyyaml_reads_them(
    value: Any, flow: bool
) -> None:
    text = yaml.safe_dump({"layer": "notes", "notes": value}, default_flow_style=flow, width=999)
    _agrees(text)
