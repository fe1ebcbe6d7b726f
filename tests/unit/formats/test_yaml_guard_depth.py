"""Deep flow nesting is refused where it passes the limit, whichever PyYAML is installed
(6.0.4's scanner stops at 1,000 levels, before the parser's events reach 100)."""

from __future__ import annotations

import pytest

from nda_reader.formats.yaml_guard import MAX_DEPTH, NestedTooDeep, compose


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 2_000, 50_000])
def test_nesting_past_the_limit_is_refused_at_the_bracket_that_passes_it(levels: int) -> None:
    with pytest.raises(NestedTooDeep) as refused:
        compose("layer: notes\nnotes: " + "[" * levels + "]" * levels + "\n")
    # the mapping is level 1: the 100th bracket (column 7 + 100) passes the limit
    assert refused.value.where == (2, 7 + MAX_DEPTH)


def test_brackets_in_quotes_and_comments_are_not_counted() -> None:
    deep = "[" * 2_000 + "]" * 2_000
    text = "a: '" + "[" * 300 + "'  # " + "{" * 300 + "\nb: " + deep + "\n"
    with pytest.raises(NestedTooDeep) as refused:
        compose(text)
    assert refused.value.where == (2, 3 + MAX_DEPTH)
