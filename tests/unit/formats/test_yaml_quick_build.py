"""Building values takes short cuts for the common file (no YAML anchors, no control
characters): the values, their positions and the problems are those of the full build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_builder import Builder
from nda_reader.formats.yaml_guard import MAX_DEPTH, MAX_VALUES, compose
from nda_reader.formats.yaml_source import YList, YMap, parse_yaml
from tests.helpers.properties import bounded

PATH = Path("layer.yaml")


def _shape(value: Any) -> Any:
    """``value`` with every position in it, comparable with ``==``."""
    if isinstance(value, YMap):
        items = tuple(
            (k, value.key_pos[k], value.value_pos[k], _shape(v)) for k, v in value.items()
        )
        return ("map", value.pos, items)
    if isinstance(value, YList):
        return ("list", value.pos, tuple(value.item_pos), tuple(_shape(v) for v in value))
    return (type(value).__name__, value)


def _both(text: str) -> tuple[Any, Any]:
    """(the quick build, the full build) of ``text``: shapes and problems."""
    quick = ProblemList()
    stats: dict[str, int] = {}
    value = parse_yaml(text, PATH, quick, stats=stats)
    node = compose(text)
    full = ProblemList()
    builder = Builder(PATH, full, shared=True, clean=False)
    built = builder.build(node) if node is not None else None
    if builder.stopped:
        built = None
    # How deep the values go decides whether a save may splice its edit (formats.yaml_splice).
    return (_shape(value), [p.format() for p in quick], stats.get("deepest", 0)), (
        _shape(built),
        [p.format() for p in full],
        builder.deepest if node is not None else 0,
    )


_SCALARS = st.one_of(
    st.text(st.sampled_from("ab: #-\n\t\"'\\\x1b\x85\u202e&*"), max_size=6),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.sampled_from(["2024-01-02", "1.5", "~", "yes", "0x1f", "!!str 3"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text("abk", max_size=3), inner, max_size=4)
    ),
    max_leaves=12,
)


def _write(value: Any, style: str) -> str:
    import yaml

    flow = style == "flow"
    text: str = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=style != "ascii")
    return text


@bounded(300)
@given(_VALUES, st.sampled_from(["block", "flow", "ascii"]))
def test_the_quick_build_is_the_full_build(value: Any, style: str) -> None:
    text = _write({"layer": "notes", "notes": value}, style)
    quick, full = _both(text)
    assert quick == full


@pytest.mark.parametrize(
    "text",
    [
        'a: "red \\e[31m"\nb: "ok\\n"\n',  # an escape writes a control character
        "a: plain \u202e text\n",  # one in the text itself (YAML refuses C0 controls)
        'a: "\\u202e"\n',
        "a: !!str {b: c}\nd: !!str 12\ne: !!timestamp 2024-01-02\n",
        "a: [1, 2, {b: c}]\nb: 2024-01-02\nc: ~\nd: 0o17\n",
        "a: b\na: c\n1: x\n",
        "a: &x [1, 2]\nb: *x\n",
        "a: &x {b: c}\nc: *x\nd: R&D\n",
        "- " * (MAX_DEPTH + 3) + "deep\n",  # block nesting (no brackets to count)
        "{" + ", ".join(f"k{i}: v" for i in range(MAX_VALUES // 2 + 10)) + "}\n",
    ],
)
def test_files_off_the_common_path_build_as_before(text: str) -> None:
    quick, full = _both(text)
    assert quick == full


def test_too_many_values_are_reported_where_the_limit_is_passed() -> None:
    text = "\n".join(f"k{i}: v" for i in range(MAX_VALUES // 2 + 10)) + "\n"
    quick, full = _both(text)
    assert quick == full
    assert quick[0] == ("NoneType", None)
    assert quick[1] == [
        f"layer.yaml:{MAX_VALUES // 2}:9: error: document is too large (over "
        f"{MAX_VALUES:,} values, aliases counted in full); split it"
    ]
