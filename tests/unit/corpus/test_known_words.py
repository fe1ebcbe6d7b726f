"""The glossary's curated pinyin helps drafting others' pinyin only where it is well formed."""

from __future__ import annotations

from pathlib import Path

from nda_reader.corpus.check import check_corpus
from tests.helpers.corpora import MakeCorpus
from tests.helpers.small_corpus import small_corpus


def test_one_malformed_entry_does_not_spoil_the_check_of_another(make_corpus: MakeCorpus) -> None:
    # Found by the random-keys walk: a new entry for 数据 with a pinyin typed wrong made
    # check fault the NDA's correct 'Guójiā Shùjùjú', drafted from the bad one.
    root: Path = small_corpus(make_corpus)
    glossary = root / "annotations" / "glossary.yaml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8")
        + "  - id: data\n    kind: term\n    hanzi: 数据\n    pinyin: '\"quoted\" Data数据'\n"
        + "    english: data\n    hanzi_source: annotator\n    pinyin_override: true\n",
        encoding="utf-8",
    )
    problems = [p.message for p in check_corpus(root).problems if p.is_error]
    assert not [m for m in problems if "'nda'" in m], problems
