"""Property: random annotation edits through the editing layer, then undo of every one,
leave the files byte for byte as they were (a file an edit created is gone again), and
``check`` accepts the corpus after every step (issue 10). The corpus is the small one."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.anchors import make_anchor
from nda_reader.corpus.check import check_corpus
from nda_reader.corpus.crossrefs import RELATIONS
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.editing import actions
from nda_reader.editing.layer_store import Edit
from nda_reader.editing.session import AnnotationSession
from tests.helpers.corpora import corpus_maker
from tests.helpers.properties import bounded
from tests.helpers.small_corpus import small_corpus

# What users type: words, quotes and YAML or Markdown specials, line breaks, accents, hanzi.
TYPED = st.text(
    st.sampled_from([*"abc xyz:#-'\"[]{}|>&*!%@`,\n\téü数据", "\x1b", "\u2028", "…"]),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")
NAME = st.text(st.sampled_from(list("Abc Xyz-é")), min_size=1, max_size=12).filter(
    lambda t: any(c.isalpha() for c in t)
)

KINDS = ["note", "edit-note", "delete-note", "link", "edit-link", "delete-link", "turn",
         "reassign", "delete-turn", "term", "alias", "edit-term", "delete-term"]  # fmt: skip


def _span(draw: Any, corpus: Corpus) -> tuple[str, int, int]:
    doc = corpus.documents[draw(st.sampled_from(sorted(corpus.documents)))]
    block = draw(st.sampled_from(doc.blocks))
    start = draw(st.integers(block.start, block.end - 1))
    end = draw(st.integers(start + 1, block.end))
    if not doc.body[start:end].strip():
        start, end = block.start, block.end
    return doc.id, start, end


def _anchor(draw: Any, corpus: Corpus) -> Any:
    doc_id, start, end = _span(draw, corpus)
    return make_anchor(doc_id, corpus.documents[doc_id].body, start, end)


def _edits(draw: Any, corpus: Corpus, kind: str, n: int) -> Edit | list[Edit] | None:
    """The edits of one user action of ``kind`` on ``corpus`` (None if there is nothing to
    act on)."""
    notes, links = corpus.notes, corpus.crossrefs
    turns = [(d, t) for d, layer in corpus.speaker_layers.items() for t in layer.turns]
    entries = sorted(corpus.glossary.entries)
    if kind == "note":
        tags = draw(st.lists(st.sampled_from(["a", "b-c", "2025"]), max_size=2, unique=True))
        return actions.add_note(corpus, _anchor(draw, corpus), draw(TYPED), tags)
    if kind == "edit-note" and notes:
        note = draw(st.sampled_from(notes))
        tags = draw(st.one_of(st.none(), st.lists(st.sampled_from(["x", "y"]), unique=True)))
        return actions.update_note(corpus, note.id, draw(st.one_of(st.none(), TYPED)), tags)
    if kind == "delete-note" and notes:
        return actions.delete_note(corpus, draw(st.sampled_from(notes)).id)
    if kind == "link":
        relation = draw(st.sampled_from(RELATIONS))
        note = draw(st.one_of(st.just(""), TYPED))
        return actions.add_link(
            corpus, _anchor(draw, corpus), _anchor(draw, corpus), relation, note
        )
    if kind == "edit-link" and links:
        link = draw(st.sampled_from(links))
        return actions.update_link(corpus, link.id, draw(st.sampled_from(RELATIONS)), draw(TYPED))
    if kind == "delete-link" and links:
        return actions.delete_link(corpus, draw(st.sampled_from(links)).id)
    if kind == "turn":
        anchor = _anchor(draw, corpus)
        layer = corpus.speaker_layers.get(anchor.doc)
        known = sorted(layer.speakers) if layer else []
        if known and draw(st.booleans()):
            return actions.add_turn(corpus, anchor, draw(st.sampled_from(known)))
        name = draw(NAME)
        ident = actions.slugify(name, set(known))
        return actions.add_turn(
            corpus, anchor, ident, {"id": ident, "name": name, "kind": "person"}
        )
    if kind == "reassign" and turns:
        doc_id, turn = draw(st.sampled_from(turns))
        speakers = sorted(corpus.speaker_layers[doc_id].speakers)
        return actions.reassign_turn(corpus, turn.anchor, draw(st.sampled_from(speakers)))
    if kind == "delete-turn" and turns:
        return actions.delete_turn(corpus, draw(st.sampled_from(turns))[1].anchor)
    if kind == "term":
        fields = {"english": f"coined term {n}", "hanzi": chr(0x9000 + n), "pinyin": "x",
                  "kind": draw(st.sampled_from(["term", "person", "slogan"])), "aliases": [],
                  "hanzi_source": "annotator", "note": draw(TYPED)}  # fmt: skip
        return actions.add_term(corpus, fields)
    if kind == "alias" and entries:
        return actions.add_alias(corpus, draw(st.sampled_from(entries)), f"other form {n}")
    if kind == "edit-term" and entries:
        changes = draw(st.sampled_from([{"note": f"changed {n}"}, {"note": None},
                                        {"english": f"renamed {n}"}, {"aliases": []}]))  # fmt: skip
        return actions.update_term(corpus, draw(st.sampled_from(entries)), changes)
    if kind == "delete-term" and entries:
        return actions.delete_term(corpus, draw(st.sampled_from(entries)))
    return None


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def _errors(root: Path) -> list[str]:
    return [p.format(root) for p in check_corpus(root, pinyin=False).problems if p.is_error]


@bounded(25)
@given(st.data())
def test_random_edits_then_undo_restore_every_byte(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = small_corpus(corpus_maker(Path(folder)))
        before = _files(root)
        session = AnnotationSession()
        corpus = load_corpus(root)
        session.remember(corpus)
        for n in range(data.draw(st.integers(1, 8), label="steps")):
            kind = data.draw(st.sampled_from(KINDS), label="kind")
            try:
                edits = _edits(data.draw, corpus, kind, n)
            except actions.AnnotateError:
                continue  # not possible here (e.g. the alias exists): the form would say so
            if edits is None:
                continue
            outcome = session.apply(edits)
            assert outcome.severity == "information", outcome.message
            corpus = load_corpus(root)
            assert _errors(root) == [], (kind, outcome.message)
        while session.groups:
            outcome = session.undo()
            assert outcome.severity == "information", outcome.message
            assert _errors(root) == [], outcome.message
        assert _files(root) == before
