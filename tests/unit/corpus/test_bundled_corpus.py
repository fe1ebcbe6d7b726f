"""The bundled corpus: texts keep the published words, and the annotations meet the brief."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nda_reader.corpus.check import check_corpus
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.locations import bundled_root
from nda_reader.corpus.model import Corpus
from tests.helpers.corpora import REPO

SEEDS = REPO.parent / "shared" / "seeds"
SEED_OF = {
    "000_039c6683d2ce4337.txt": ["nda-work-conference-2024"],
    "001_0868b617da3dbd0c.txt": ["scio-nda-briefing-2024-p1"],
    "002_af413d0c6e68b827.txt": ["liu-liehong-pilot-zone-speech-2023"],
    "003_fbc179ee55470f3d.txt": ["national-data-work-meeting-2025"],
    "004_ee215ff2a00f9319.txt": ["scio-nda-briefing-2024-p2"],
}
# Website debris: navigation, pagination, footers. Nothing else may be dropped.
DEBRIS = re.compile(
    r"^(CHINA SCIO|ㄑ .*|Sci-Tech|China\.org\.cnUpdated:.*|Read in Chinese|"
    r"[<\s\d]*\d[\s\d]*>?|MORE FROM China SCIO|Related Posts|"
    r"Please email us with any comments or feedback\.|"
    r"SCIO briefing on promoting high-quality development: National Data Administration"
    r" \| August 13, 2024)$"
)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(bundled_root())


def _words(text: str) -> str:
    """Text without Markdown markers and bullets, whitespace folded."""
    text = re.sub(r"(?m)^\s*(#{1,6}|[-•])\s+", "", text)
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds beside the repository")
@pytest.mark.parametrize("seed", sorted(SEED_OF))
def test_every_published_line_is_kept_word_for_word(corpus: Corpus, seed: str) -> None:
    body = _words("\n".join(corpus.documents[d].body for d in SEED_OF[seed]))
    kept = 0
    for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines():
        line = line.strip().replace("\u00a0", " ").strip()
        if not line or DEBRIS.match(line):
            continue
        assert _words(line) in body, f"{seed}: line dropped or changed: {line[:80]!r}"
        kept += 1
    assert kept > 5


@pytest.mark.parametrize(
    "debris", ["MORE FROM", "Read in Chinese", "Related Posts", "ㄑ", "1  2  3"]
)
def test_website_debris_is_gone(corpus: Corpus, debris: str) -> None:
    assert all(debris not in d.body for d in corpus.documents.values())


def test_typos_are_kept_as_published(corpus: Corpus) -> None:
    meeting = corpus.documents["national-data-work-meeting-2025"].body
    assert "Liu Honglie" in meeting and "ailgnment" in meeting


def test_check_finds_no_errors_and_no_orphans() -> None:
    report = check_corpus(bundled_root())
    errors = [p.format() for p in report.problems if p.is_error]
    assert errors == []
    assert report.orphans == 0


def test_glossary_meets_the_brief(corpus: Corpus) -> None:
    entries = corpus.glossary.entries
    assert len(entries) >= 40
    for required in ("数据要素", "东数西算", "新质生产力", "数字中国", "新官上任三把火"):
        assert any(required in e.hanzi for e in entries.values()), required
    annotator = [e for e in entries.values() if e.hanzi_source == "annotator"]
    assert annotator and all("annotator" in e.note.lower() for e in annotator)
    assert all(e.roles for e in entries.values() if e.is_person)


def test_the_two_scio_pages_form_one_briefing_in_order(corpus: Corpus) -> None:
    p2 = corpus.documents["scio-nda-briefing-2024-p2"]
    assert [d.id for d in corpus.parts_of(p2)] == [
        "scio-nda-briefing-2024-p1",
        "scio-nda-briefing-2024-p2",
    ]


@pytest.mark.parametrize("doc_id", ["scio-nda-briefing-2024-p1", "scio-nda-briefing-2024-p2"])
def test_every_speaker_label_in_the_transcripts_starts_a_turn(corpus: Corpus, doc_id: str) -> None:
    doc = corpus.documents[doc_id]
    labels = [
        b.start
        for b in doc.blocks
        if re.fullmatch(r"[A-Z][A-Za-z .'-]{2,40}:", doc.block_text(b))
        and doc.block_text(b) not in ("Speakers:", "Chairperson:", "Date:")
    ]
    turn_starts = [t.start for t in corpus.turns(doc_id)]
    assert labels and turn_starts == labels
    # every paragraph after the first label belongs to a turn
    first = labels[0]
    for block in doc.blocks:
        if block.start >= first:
            assert any(t.start <= block.start < t.end for t in corpus.turns(doc_id))


def test_cross_references_tie_at_least_four_documents(corpus: Corpus) -> None:
    assert len(corpus.crossrefs) >= 15
    docs = {a.doc for link in corpus.crossrefs for a in (link.source, link.target)}
    assert len(docs) >= 4
    for link in corpus.crossrefs:
        assert corpus.place(link.source).placed and corpus.place(link.target).placed
    # navigable from both ends: each link shows up as outgoing at its source, incoming at target
    for link in corpus.crossrefs:
        assert any(e.link is link and e.outgoing for e in corpus.links_in(link.source.doc))
        assert any(e.link is link and not e.outgoing for e in corpus.links_in(link.target.doc))


def test_liu_liehong_role_depends_on_the_documents_date(corpus: Corpus) -> None:
    liu = corpus.glossary.get("liu-liehong")
    assert liu is not None
    assert "Unicom" in " ".join(r.organisation + r.title for r in liu.roles_on("2022-06-01"))
    now = " ".join(r.title + " " + r.organisation for r in liu.roles_on("2024-07-22"))
    assert "Administrator" in now or "administrator" in now


def test_bundled_root_is_this_checkout() -> None:
    assert bundled_root() == REPO or (bundled_root() / "texts").is_dir()
    assert Path(bundled_root(), "texts").is_dir()
