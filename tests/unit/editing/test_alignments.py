"""Fixing pairs writes minimal, undoable edits; a proposal is stored with the first fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.aligner import propose
from nda_reader.corpus.alignments import Alignment
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.editing.actions import AnnotateError
from nda_reader.editing.alignments import Fixer, layer_text
from nda_reader.editing.session import AnnotationSession
from tests.helpers.bilingual import BRIEFING, BRIEFING_ZH, bilingual_corpus
from tests.helpers.corpora import MakeCorpus, copy_bundled_corpus

EN = "nda-work-conference-2024"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_bundled_corpus(tmp_path)


def _fixer(corpus: Corpus) -> Fixer:
    alignment = corpus.alignment(EN)
    assert alignment is not None
    return Fixer(corpus, alignment, _docs(corpus, alignment))


def _docs(corpus: Corpus, alignment: Alignment) -> tuple:
    return tuple(corpus.documents[d] for d in alignment.docs)


def _shape(corpus: Corpus) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    alignment = corpus.alignment(EN)
    assert alignment is not None
    return [(tuple(p.sides[0]), tuple(p.sides[1]), p.status) for p in alignment.pairs]


def _layer(root: Path) -> Path:
    return root / "annotations" / "alignments" / f"{EN}.yaml"


@pytest.mark.parametrize(
    ("fix", "expected"),
    [
        (lambda f: f.join(23), [((23, 24), (23, 24, 25), "confirmed")]),
        (lambda f: f.split(24, 1, 25), [((24,), (24,), "confirmed"), ((), (25,), "confirmed")]),
        (
            lambda f: f.move(22, 1, 1),
            [((22,), (22, 23), "confirmed"), ((23,), (), "confirmed")],
        ),
        (
            lambda f: f.move(23, 1, -1),
            [((23,), (), "confirmed"), ((24,), (23, 24, 25), "confirmed")],
        ),
    ],
)
def test_a_fix_changes_only_its_pairs_and_undo_restores_the_file(root: Path, fix, expected) -> None:
    before = _layer(root).read_bytes()
    corpus = load_corpus(root)
    old_shape = _shape(corpus)
    session = AnnotationSession()
    session.remember(corpus)
    outcome = session.apply(fix(_fixer(corpus)))
    assert outcome.severity == "information", outcome.message
    after = load_corpus(root)
    assert not after.problems.errors
    new_shape = _shape(after)
    assert [p for p in new_shape if p not in old_shape] == expected
    assert session.undo().changed
    assert _layer(root).read_bytes() == before


def test_confirm_toggles_the_status_line_only(root: Path) -> None:
    corpus = load_corpus(root)
    text = _layer(root).read_text(encoding="utf-8")
    session = AnnotationSession()
    session.apply(_fixer(corpus).confirm(3))
    changed = _layer(root).read_text(encoding="utf-8")
    diff = [(a, b) for a, b in zip(text.splitlines(), changed.splitlines(), strict=True) if a != b]
    assert diff == [("  - status: confirmed", "  - status: auto")]
    assert _shape(load_corpus(root))[3][2] == "auto"


def test_fixes_that_cannot_be_made_say_why(root: Path) -> None:
    fixer = _fixer(load_corpus(root))
    with pytest.raises(AnnotateError, match="last pair"):
        fixer.join(24)
    with pytest.raises(AnnotateError, match="one passage"):
        fixer.split(3, 0, 3)


def test_the_first_fix_of_a_proposal_stores_the_whole_alignment(make_corpus: MakeCorpus) -> None:
    root = bilingual_corpus(make_corpus)
    (root / "annotations" / "alignments").mkdir()
    corpus = load_corpus(root)
    docs = (corpus.documents[BRIEFING], corpus.documents[BRIEFING_ZH])
    proposal = Alignment((BRIEFING, BRIEFING_ZH), propose(corpus, docs))
    session = AnnotationSession()
    session.apply(Fixer(corpus, proposal, docs).confirm(0))
    stored = load_corpus(root).alignment(BRIEFING)
    assert stored is not None and not load_corpus(root).problems.errors
    assert [p.sides for p in stored.pairs] == [p.sides for p in proposal.pairs]
    assert [p.status for p in stored.pairs] == ["confirmed"] + ["auto"] * 7


def test_a_rewritten_layer_keeps_confirmed_blocks_verbatim(root: Path) -> None:
    path = _layer(root)
    text = path.read_text(encoding="utf-8")
    first = "  - status: confirmed\n    doc:\n      exact: first"
    text = text.replace(first, "  # a comment kept\n" + first, 1)
    path.write_text(text, encoding="utf-8")
    corpus = load_corpus(root)
    alignment = corpus.alignment(EN)
    assert alignment is not None
    docs = _docs(corpus, alignment)
    assert layer_text(docs, propose(corpus, docs, alignment.pairs), text) == text
