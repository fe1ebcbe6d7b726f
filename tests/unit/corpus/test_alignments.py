"""Counterparts and the alignments layer: reading, placing, checking; and the aligner."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.aligner import propose
from nda_reader.corpus.alignments import Pair
from nda_reader.corpus.check import check_corpus
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.locations import bundled_root
from nda_reader.corpus.model import AnnotationKind, Corpus
from tests.helpers.bilingual import BRIEFING, BRIEFING_ZH, GLOSSARY, bilingual_corpus
from tests.helpers.corpora import MakeCorpus, text_file

EN, ZH = "nda-work-conference-2024", "nda-work-conference-2024.zh"


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus(bundled_root())


def _shape(pairs: list[Pair]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(tuple(p.sides[0]), tuple(p.sides[1])) for p in pairs]


def test_the_bundled_note_has_a_chinese_counterpart_with_every_pair_confirmed(
    bundled: Corpus,
) -> None:
    assert bundled.counterpart_of(EN) == ZH and bundled.counterpart_of(ZH) == EN
    zh = bundled.documents[ZH]
    assert zh.origin == "annotators" and zh.language == "zh"
    alignment = bundled.alignment(ZH)
    assert alignment is not None and alignment.docs == (EN, ZH)
    assert len(alignment.pairs) == 25 and alignment.confirmed == 25
    # The last English paragraph is two Chinese paragraphs.
    assert _shape(alignment.pairs)[-1] == ((24,), (24, 25))
    assert all(len(p.sides[0]) == 1 for p in alignment.pairs)


def test_aligning_the_bundled_pair_from_scratch_reproduces_its_confirmed_pairs(
    bundled: Corpus,
) -> None:
    confirmed = bundled.alignment(EN)
    assert confirmed is not None
    docs = (bundled.documents[EN], bundled.documents[ZH])
    proposed = set(_shape(propose(bundled, docs)))
    wanted = _shape(confirmed.pairs)
    reproduced = sum(pair in proposed for pair in wanted)
    assert reproduced / len(wanted) >= 0.9, (reproduced, len(wanted))


def test_the_aligner_finds_a_split_answer_and_a_paragraph_left_untranslated(
    make_corpus: MakeCorpus,
) -> None:
    corpus = load_corpus(bilingual_corpus(make_corpus))
    docs = (corpus.documents[BRIEFING], corpus.documents[BRIEFING_ZH])
    shape = _shape(propose(corpus, docs))
    assert shape == [
        ((0,), (0,)),  # headings
        ((1,), (1,)),  # Wang Lan: / 王兰：
        ((2,), (2,)),
        ((3,), (3,)),
        ((4,), (4,)),
        ((5,), (5,)),
        ((6,), (6, 7)),  # one English answer, two Chinese paragraphs
        ((7,), ()),  # not rendered in Chinese
    ]


def test_confirmed_pairs_are_kept_when_realigning(bundled: Corpus) -> None:
    docs = (bundled.documents[EN], bundled.documents[ZH])
    # A person decided (wrongly, but it is theirs) that the two headings-and-context
    # passages form one pair.
    kept = Pair(0, (range(0, 2), range(0, 2)), "confirmed")
    pairs = propose(bundled, docs, [kept])
    assert pairs[0].sides == kept.sides and pairs[0].confirmed
    assert not pairs[1].confirmed and _shape(pairs)[1] == ((2,), (2,))
    assert sum(len(p.sides[0]) for p in pairs) == len(docs[0].blocks)
    assert sum(len(p.sides[1]) for p in pairs) == len(docs[1].blocks)


def test_an_annotators_translation_is_no_evidence_for_hanzi_source() -> None:
    report = check_corpus(bundled_root(), pinyin=False)
    assert not [p for p in report.problems if "hanzi_source" in p.message]


def test_counterpart_by_file_name_and_a_wrong_counterpart_is_reported(
    make_corpus: MakeCorpus,
) -> None:
    root = make_corpus(
        {
            "texts/a.md": text_file("a", "Hello.\n"),
            "texts/a.zh.md": text_file("a.zh", "你好。\n", language="zh"),
            "texts/b.md": text_file("b", "Bye.\n", counterpart="nowhere"),
        }
    )
    corpus = load_corpus(root)
    assert corpus.counterpart_of("a") == "a.zh" and corpus.counterpart_of("b") is None
    [problem] = [p for p in corpus.problems if "counterpart" in p.message]
    assert problem.path.name == "b.md" and problem.line == 7
    assert "'nowhere' is not a text" in problem.message


def _layer(pairs: str) -> str:
    return (
        f"layer: alignments\nversion: 1\ndoc: {BRIEFING}\ncounterpart: {BRIEFING_ZH}\n"
        f"pairs:\n{pairs}"
    )


def test_pairs_out_of_order_and_quotes_not_found_are_reported_where_written(
    make_corpus: MakeCorpus,
) -> None:
    root = bilingual_corpus(make_corpus)
    (root / "annotations" / "alignments").mkdir()
    (root / "annotations" / "alignments" / f"{BRIEFING}.yaml").write_text(
        _layer(
            "  - doc: {exact: 'Reporter:'}\n"
            "    counterpart: {exact: '记者：'}\n"
            "  - doc: {exact: 'Wang Lan:', suffix: \"\\n\\nGood\"}\n"
            "    counterpart: {exact: '王兰：', suffix: \"\\n\\n下午\"}\n"
            "  - doc: {exact: 'No such words'}\n"
            "    status: confirmed\n"
        ),
        encoding="utf-8",
    )
    corpus = load_corpus(root)
    messages = [(p.line, p.message) for p in corpus.problems]
    assert any(line == 8 and "before the pair above ends" in m for line, m in messages)
    assert any(line == 10 and "orphaned pair" in m and "missing" in m for line, m in messages)
    orphans = corpus.orphans()
    assert [(o.kind, o.end) for o in orphans] == [(AnnotationKind.PAIR, "doc")]


def test_a_text_has_one_alignment_layer(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    root = bilingual_corpus(make_corpus)
    folder = root / "annotations" / "alignments"
    folder.mkdir()
    for name in ("one", "two"):
        (folder / f"{name}.yaml").write_text(_layer("  []\n"), encoding="utf-8")
    corpus = load_corpus(root)
    assert any("already aligns" in p.message for p in corpus.problems)
    assert GLOSSARY  # the glossary of the bilingual corpus is loaded with it
    assert len(corpus.alignment_layers) == 1
