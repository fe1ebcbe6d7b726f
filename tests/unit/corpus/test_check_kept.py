"""What ``check`` keeps in the corpus index between runs: each text's uncovered Chinese,
the readings suggested for it, the glossary forms found in the texts. A second run asks
nothing again; a changed text or glossary is looked at again; the answers are always
those of a check without the index. The texts and glossary are our own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nda_reader.cli.check import run_check
from nda_reader.corpus import check
from nda_reader.corpus.check import check_corpus
from nda_reader.corpus.check_terms import uncovered_in
from nda_reader.corpus.loader import load_corpus
from nda_reader.index.open import open_corpus
from nda_reader.lang.hanzi import han_runs
from tests.helpers.corpora import MakeCorpus, text_file

GLOSSARY = """\
layer: glossary
version: 1
entries:
  - {id: shuju, kind: term, hanzi: 数据, pinyin: shùjù, english: data,
     aliases: [data points], hanzi_source: text}
  - {id: shichang, kind: term, hanzi: 市场, pinyin: shìchǎng, english: market,
     aliases: [marketplace], hanzi_source: annotator}
"""


class Readings:
    """A suggestion the index may keep (as the dictionary's is), counting what it is asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, text: str) -> str | None:
        self.asked.append(text)
        return f"reading of {text}"

    def source(self) -> str:
        return "our readings v1"


def _messages(root: Path, cache: Path | None, readings: Readings) -> list[str]:
    corpus = open_corpus(root, cache)[0] if cache is not None else load_corpus(root)
    report = check_corpus(root, suggest=readings, corpus=corpus, pinyin=False)
    return [f"{p.path.name}:{p.line}:{p.column}: {p.message}" for p in report.problems]


def test_a_second_check_asks_nothing_again_and_says_the_same(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = make_corpus(
        {
            "texts/a.md": text_file("a", "The 数据 market (市场) and 数据要素 and 改革.\n"),
            "texts/b.md": text_file("b", "Data points of 发展 only.\n"),
            "annotations/glossary.yaml": GLOSSARY,
        }
    )
    cache = tmp_path / "kept-cache"
    plain = _messages(root, None, Readings())
    first_readings = Readings()
    assert _messages(root, cache, first_readings) == plain
    assert sorted(first_readings.asked) == ["发展", "改革", "要素"]
    assert any("'要素' is in no glossary entry (suggested: reading of 要素)" in m for m in plain)
    assert any("alias 'marketplace' of 'shichang' occurs in no text" in m for m in plain)
    assert any("says hanzi_source: annotator but '市场'" in m for m in plain)
    again = Readings()
    assert _messages(root, cache, again) == plain
    assert again.asked == []  # all kept
    # A changed text: its new Chinese is found and read; the rest stays kept.
    (root / "texts" / "b.md").write_text(
        text_file("b", "Data points of 发展 and 开放, in a marketplace.\n"), encoding="utf-8"
    )
    changed = Readings()
    now = _messages(root, cache, changed)
    assert now == _messages(root, None, Readings()) != plain
    assert changed.asked == ["开放"]
    assert not any("marketplace" in m for m in now)  # found in the text now
    # A new glossary form covers Chinese that was uncovered.
    glossary = root / "annotations" / "glossary.yaml"
    glossary.write_text(
        GLOSSARY + "  - {id: fazhan, kind: term, hanzi: 发展, pinyin: fāzhǎn, english: "
        "development, hanzi_source: text}\n",
        encoding="utf-8",
    )
    assert _messages(root, cache, Readings()) == _messages(root, None, Readings())
    assert not any(
        "'发展' is in no glossary entry" in m for m in _messages(root, cache, Readings())
    )


def _by_character(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Uncovered runs found character by character (how it was first done)."""
    covered = bytearray(len(body))
    for start, end in spans:
        covered[start:end] = b"\1" * (end - start)
    out = []
    for run_start, run_end in han_runs(body):
        start = None
        for i in range(run_start, run_end + 1):
            if i < run_end and not covered[i]:
                start = i if start is None else start
            elif start is not None:
                out.append((start, i))
                start = None
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="数据市a ,", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)), max_size=6),
)
def test_uncovered_runs_are_those_found_character_by_character(
    body: str, raw: list[tuple[int, int]]
) -> None:
    spans = [(s, min(s + n, len(body))) for s, n in raw if s < len(body)]
    assert uncovered_in(body, spans) == _by_character(body, spans)


def test_the_forms_found_are_kept_whatever_order_the_texts_were_read_in(
    make_corpus: MakeCorpus,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The check that builds the index reads the texts in file order, later ones take them
    # from the index in corpus order (by date): the search for the glossary's forms in
    # all texts is kept for either, not made again by the second check.
    root = make_corpus(
        {
            "texts/a.md": text_file("a", "Data points of 数据.\n", date="2025-01-01"),
            "texts/b.md": text_file("b", "The 市场 market.\n", date="2023-01-01"),
            "annotations/glossary.yaml": GLOSSARY,
        }
    )
    searched: list[str] = []
    for name in ("_found_folded", "_found_exact"):
        real = getattr(check, name)

        def counted(keys: set[str], text: str, real: Any = real, name: str = name) -> set[str]:
            searched.append(name)
            found: set[str] = real(keys, text)
            return found

        monkeypatch.setattr(check, name, counted)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "order-cache"))
    args = [str(root), "--no-pinyin", "--no-dictionary"]
    run_check(args)
    first = capsys.readouterr().out
    assert sorted(searched) == ["_found_exact", "_found_folded"]
    searched.clear()
    run_check(args)
    assert capsys.readouterr().out == first
    assert searched == []  # nothing looked for again
    run_check([*args, "--no-cache"])
    assert capsys.readouterr().out == first
