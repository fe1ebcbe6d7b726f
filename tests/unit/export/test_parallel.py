"""``export --parallel``: each pair as the text, then its counterpart quoted below it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from nda_reader.export.parallel import render_parallel
from tests.helpers.bilingual import ALTERNATING, bilingual_corpus
from tests.helpers.corpora import MakeCorpus, copy_bundled_corpus
from tests.helpers.export_checks import pandoc_html, parse_export

EN, ZH = "nda-work-conference-2024", "nda-work-conference-2024.zh"


def test_the_bundled_pair_exports_pair_after_pair(tmp_path: Path) -> None:
    root = copy_bundled_corpus(tmp_path)
    assert (
        main(["export", "--parallel", "--all", "--corpus", str(root), "-o", str(tmp_path / "out")])
        == 0
    )
    out = tmp_path / "out" / f"{EN}.parallel.md"
    assert sorted(p.name for p in (tmp_path / "out").glob("*.md")) == [out.name]
    parsed = parse_export(out.read_text(encoding="utf-8"))
    assert parsed.front_matter["texts"][1] == {
        "id": ZH, "lang": "zh",
        "origin": "the corpus annotators' own translation, not an official text",
    }  # fmt: skip
    assert parsed.front_matter["pairs"] == parsed.front_matter["confirmed"] == 25
    html = parsed.html
    # Each counterpart is quoted right after its passage; nested items keep their nesting.
    assert "<li>\n<p>the ‘one main line’</p>\n<blockquote>\n<p>“一条主线”</p>" in html
    assert (
        "</blockquote>\n<ul>\n<li>\n<p>market-oriented data allocation</p>\n<blockquote>\n"
        "<p>数据要素市场化配置</p>"
    ) in html
    # The last English paragraph: both Chinese paragraphs in one quote.
    tail = html[html.index("Liu contents") :]
    assert tail.count("<blockquote>") == 1 and "刘典认为" in tail
    assert html.count("<blockquote>") == 25


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_it_without_a_warning(tmp_path: Path) -> None:
    name, text = render_parallel(load_corpus(copy_bundled_corpus(tmp_path)), EN)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, html, err = pandoc_html(path)
    assert code == 0 and err == ""
    assert html.count("<blockquote>") == 25


def test_an_alternating_text_exports_its_pairs(make_corpus: MakeCorpus) -> None:
    corpus = load_corpus(bilingual_corpus(make_corpus))
    name, text = render_parallel(corpus, ALTERNATING)
    assert name == f"{ALTERNATING}.parallel.md"
    body = text.split("\n---\n", 1)[1]
    assert body.index("王兰：各位记者") < body.index("> Wang Lan: Good afternoon")
    assert body.index("> Wang Lan: Good afternoon") < body.index("记者：国家数据局")


def test_a_text_without_counterpart_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_bundled_corpus(tmp_path)
    code = main(["export", "--parallel", "national-data-work-meeting-2025", "--corpus", str(root)])
    assert code == 2 and "has no counterpart" in capsys.readouterr().err
