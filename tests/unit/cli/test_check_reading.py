"""``check`` suggests CC-CEDICT's reading for Chinese no glossary entry covers, and leaves
texts written in Chinese alone."""

from __future__ import annotations

import pytest

from nda_reader.cli.main import main
from nda_reader.dictionary.lookup import Dictionary
from tests.helpers.bilingual import bilingual_corpus
from tests.helpers.corpora import MakeCorpus, text_file


def test_uncovered_chinese_gets_a_reading(
    make_corpus: MakeCorpus, dictionary: Dictionary, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bilingual_corpus(make_corpus)
    (root / "texts" / "memo.md").write_text(
        text_file("memo", "The plan for data factors (数据要素) and data rights (数据产权).\n"),
        encoding="utf-8",
    )
    main(["check", str(root), "--no-pinyin"])
    out = capsys.readouterr().out
    [line] = [ln for ln in out.splitlines() if "no glossary entry" in ln]
    assert "memo.md" in line and "'数据产权'" in line
    assert "(suggested: shùjù chǎnquán (CC-CEDICT))" in line
    # The texts written in Chinese (a Chinese counterpart, a bilingual transcript) are
    # Chinese throughout: not reported.
    assert "data-briefing.zh.md" not in out and "bilingual-presser.md" not in out
    main(["check", str(root), "--no-pinyin", "--no-dictionary"])
    assert "suggested" not in capsys.readouterr().out
