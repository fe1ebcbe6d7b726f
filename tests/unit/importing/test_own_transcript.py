"""Our own bilingual transcript (inline labels, alternating Chinese and English paragraphs,
CRLF line endings) and the same transcript as a saved web page: every turn right, no
debris, the pairs kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.model import Corpus
from nda_reader.corpus.pairs import passage_pairs
from tests.helpers.corpora import MakeCorpus
from tests.helpers.importing import (
    BRIEFING_DEBRIS,
    BRIEFING_HTML,
    BRIEFING_TURNS,
    BRIEFING_TXT,
    add_files,
)

SOURCES = [pytest.param(BRIEFING_TXT, id="txt-crlf"), pytest.param(BRIEFING_HTML, id="html")]

GLOSSARY = """\
layer: glossary
version: 1
entries:
  - id: zhou-wentao
    kind: person
    hanzi: 周文涛
    pinyin: Zhōu Wéntāo
    english: Zhou Wentao
    aliases: []
    hanzi_source: text
    note: A person of our own fictional test transcript.
"""


def _only(corpus: Corpus) -> str:
    assert len(corpus.documents) == 1
    return next(iter(corpus.documents))


def _turns(corpus: Corpus, doc_id: str) -> list[tuple[str, str]]:
    body = corpus.documents[doc_id].body
    return [
        (body[t.start : t.label_end], corpus.speaker_name(t.speaker)) for t in corpus.turns(doc_id)
    ]


@pytest.mark.parametrize("source", SOURCES)
def test_every_turn_is_right_and_no_debris_is_left(tmp_path: Path, source: Path) -> None:
    assert b"\r\n" in BRIEFING_TXT.read_bytes()
    prepared, corpus = add_files(tmp_path / "corpus", source)
    assert [p for p in corpus.problems if p.is_error] == []
    doc_id = _only(corpus)
    doc = corpus.documents[doc_id]
    assert _turns(corpus, doc_id) == BRIEFING_TURNS
    assert not any(piece in doc.body for piece in BRIEFING_DEBRIS)
    assert "\r" not in doc.body
    assert (doc.title, doc.date, doc.kind) == (
        "Press briefing of the Binhai Data Office",
        "2025-03-18",
        "transcript",
    )
    assert (doc.pairs, doc.language) == ("zh-en", "mul")
    layer = corpus.speaker_layers[doc_id]
    kinds = {s.name: s.kind for s in layer.speakers.values()}
    assert kinds == {
        "Lin Xiaomei": "person",
        "Zhou Wentao": "person",
        "Harbour Daily": "outlet",
        "Binhai TV": "outlet",
    }
    assert layer.speakers["lin-xiaomei"].hanzi == "林晓梅"
    pairs = passage_pairs(doc)
    assert len(pairs) == 13  # the headlines, 9 paragraphs, 3 list items
    zh, en = pairs[1]
    assert doc.block_text(zh).startswith("林晓梅：") and doc.block_text(en).startswith("Lin")
    removed = {r.text for r in prepared.documents[0].document.parts[0].draft.removed}
    assert "2025年3月18日" in removed  # the date line went into the front matter


def test_the_text_and_the_web_page_give_the_same_text(tmp_path: Path) -> None:
    _, a = add_files(tmp_path / "a", BRIEFING_TXT)
    _, b = add_files(tmp_path / "b", BRIEFING_HTML)
    doc_a, doc_b = a.documents[_only(a)], b.documents[_only(b)]
    assert doc_a.body == doc_b.body
    assert _turns(a, doc_a.id) == _turns(b, doc_b.id)
    assert doc_b.source == "https://binhai-data.example/briefings/2025/0318.html"


def test_a_label_in_hanzi_finds_the_glossary_person(make_corpus: MakeCorpus) -> None:
    root = make_corpus({"annotations/glossary.yaml": GLOSSARY})
    _, corpus = add_files(root, BRIEFING_TXT)
    doc_id = next(i for i in corpus.documents)
    layer = corpus.speaker_layers[doc_id]
    zhou = [t for t in layer.turns if t.anchor.exact == "周文涛："]
    assert {layer.speakers[t.speaker].term for t in zhou} == {"zhou-wentao"}
    assert _turns(corpus, doc_id) == BRIEFING_TURNS
