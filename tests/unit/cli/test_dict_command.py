"""``nda-reader dict``: the glossary first, then CC-CEDICT with every reading."""

from __future__ import annotations

import pytest

from nda_reader.cli.main import main
from nda_reader.dictionary.lookup import Dictionary


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["dict", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_xing_shows_both_readings(
    dictionary: Dictionary, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "行")
    assert code == 0
    heads = [line for line in out.splitlines() if not line.startswith(" ")]
    assert "行  háng  [dictionary]" in heads and "行  xíng  [dictionary]" in heads
    assert "  to walk" in out.splitlines()


@pytest.mark.parametrize("query", ["shuju", "shu4ju4", "shùjù"])
def test_shuju_finds_shuju(
    dictionary: Dictionary, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, _ = _run(capsys, query)
    assert code == 0 and out.startswith("数据 數據  shù jù  [dictionary]\n  data\n")


def test_the_glossary_comes_before_the_dictionary(
    dictionary: Dictionary, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(capsys, "张望")
    lines = out.splitlines()
    assert lines[:2] == ["张望  Zhāng Wàng  [glossary zhang-wang]", "  Zhang Wang"]
    assert "张望 張望  zhāng wàng  [dictionary]" in lines and "  to look around" in lines


def test_traditional_hanzi_find_the_glossary_entry(
    dictionary: Dictionary, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "國家數據局")
    assert code == 0 and out.startswith("国家数据局  Guójiā Shùjùjú  [glossary nda]\n")


def test_nothing_found(dictionary: Dictionary, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "qqqxqqq")
    assert code == 1 and out == "" and "nothing found" in err
