"""The reader's usual command lines are read without argparse, to the same arguments."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from nda_reader.cli.reader import _arguments, _parser
from tests.helpers.properties import bounded


def _by_argparse(argv: list[str]) -> tuple[Path | None, bool, bool]:
    args = _parser().parse_args(argv)
    return args.path, args.no_cache, args.session


@given(st.lists(st.text(min_size=1).filter(lambda a: not a.startswith("-")), max_size=1))
@bounded(60)
def test_a_path_or_nothing_reads_as_argparse_reads_it(argv: list[str]) -> None:
    assert _arguments(argv) == _by_argparse(argv)


def test_options_still_go_through_argparse() -> None:
    assert _arguments(["--no-cache", "texts"]) == (Path("texts"), True, False)
    assert _arguments(["texts", "--session"]) == (Path("texts"), False, True)
