"""Property: whatever the annotations, the export keeps every word of every body, in order,
and never writes a control character (issue 10). Documents and annotations are generated:
speaker turns over whole passages, labels and arbitrary spans, notes, links, glossary terms,
Markdown and YAML specials, control characters, CJK; every export option is tried."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.anchors import make_anchor
from nda_reader.corpus.crossrefs import CrossRef
from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import GlossaryEntry, Role
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.notes import Note
from nda_reader.corpus.speakers import Speaker, SpeakerLayer, Turn
from nda_reader.export.markdown import GLOSS_MODES, ExportOptions, render_document
from tests.helpers.export_checks import missing_words
from tests.helpers.properties import bounded

WORDS = [
    "Chen Ming:", "CHEN Ming", "Chen", "Ming", "Reporter:", "Xinhua:", "said", "data", "factor",
    "data factor", "National Data Administration", "NDA", "国家数据局", "数据要素", "陈明",
    "the", "plan", "2024.", "1)", "*", "**", "_", "`", "[", "](x)", "[^1]", "<b>", "&amp;",
    "#", "|", "~", "$x$", "@cite", "{#id}", "\\", ":", "—", "’", "é", "\x1b]0;t\x07",
    "\x9b31m", "\u202e", "\t", "  ", "Ü",
]  # fmt: skip
MARKERS = ["", "", "", "# ", "## ", "- ", "  - ", "* ", "1. ", "a) ", "> ", "    "]

SPEAKERS = {
    "chen": Speaker("chen", term="chen-ming"),
    "reporter": Speaker("reporter", name="Reporter", kind="outlet"),
    "xinhua": Speaker("xinhua", name="Xinhua News", kind="outlet", role="state agency"),
}

paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)
block = st.tuples(st.sampled_from(MARKERS), paragraph).map("".join)
body = st.lists(block, min_size=1, max_size=7).flatmap(
    lambda blocks: st.lists(
        st.sampled_from(["\n\n", "\n"]), min_size=len(blocks), max_size=len(blocks)
    ).map(lambda seps: "".join(b + s for b, s in zip(blocks, seps, strict=True)))
)


def _glossary(corpus: Corpus) -> None:
    entries = [
        GlossaryEntry("chen-ming", "person", "陈明", "Chén Míng", "Chen Ming",
                      aliases=["CHEN Ming"], roles=[Role("Spokesperson", "nda", "2020")]),
        GlossaryEntry("nda", "organisation", "国家数据局", "Guójiā Shùjùjú",
                      "National Data Administration", aliases=["NDA"], note="A *note* | here"),
        GlossaryEntry("data-factor", "term", "数据要素", "shùjù yàosù", "data factor"),
    ]  # fmt: skip
    for entry in entries:
        corpus.glossary.entries[entry.id] = entry


def _spans(draw: st.DrawFn, doc: Document, count: int) -> list[tuple[int, int]]:
    """Spans of ``doc``: whole passages, a passage's first words up to a colon, or any."""
    out = []
    text = doc.body
    for _ in range(count):
        how = draw(st.sampled_from(["passage", "label", "any"]))
        if how != "any" and doc.blocks:
            b = draw(st.sampled_from(doc.blocks))
            start, end = b.start, b.end
            if how == "label" and ":" in text[start:end]:
                end = text.index(":", start, end) + 1
        else:
            start = draw(st.integers(0, max(0, len(text) - 1)))
            end = draw(st.integers(start + 1, len(text))) if start < len(text) else start
        if end > start and text[start:end].strip():
            out.append((start, end))
    return out


@st.composite
def corpora(draw: st.DrawFn) -> tuple[Corpus, str, list[str]]:
    """A corpus of one document (or one of two parts) with generated annotations."""
    corpus = Corpus(root=None)
    _glossary(corpus)
    parts = draw(st.integers(1, 2))
    bodies = []
    for number in range(1, parts + 1):
        doc_id = f"doc-p{number}" if parts > 1 else "doc"
        extra = {"part_of": "doc", "part": number} if parts > 1 else {}
        text = draw(body)
        doc = Document(id=doc_id, title="T *t*", path=Path(f"{doc_id}.md"), body=text,
                       kind="transcript", date="2024-01-01", **extra)  # type: ignore[arg-type]  # fmt: skip
        corpus.documents[doc_id] = doc
        bodies.append(text)
        layer = SpeakerLayer(doc_id, Path("s.yaml"), speakers=dict(SPEAKERS))
        for start, end in _spans(draw, doc, draw(st.integers(0, 4))):
            speaker = draw(st.sampled_from(sorted(SPEAKERS)))
            layer.turns.append(Turn(speaker, make_anchor(doc_id, text, start, end)))
        corpus.speaker_layers[doc_id] = layer
        for i, (start, end) in enumerate(_spans(draw, doc, draw(st.integers(0, 3)))):
            note_text = draw(st.sampled_from(["A note.", "*x* [^1]\n\nSecond", "\x1b[2J", ""]))
            anchor = make_anchor(doc_id, text, start, end)
            corpus.notes.append(Note(f"n{number}-{i}", anchor, note_text, ["t|1"]))
        spans = _spans(draw, doc, draw(st.integers(0, 2)))
        for i, (a, b) in enumerate(zip(spans, reversed(spans), strict=True)):
            source, target = make_anchor(doc_id, text, *a), make_anchor(doc_id, text, *b)
            corpus.crossrefs.append(CrossRef(f"l{number}-{i}", "quotes", source, target, "n"))
    return corpus, "doc", bodies


UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


@bounded(120)
@given(corpora())
def test_every_word_of_every_body_is_exported_in_order(made: tuple[Corpus, str, list[str]]) -> None:
    corpus, group, bodies = made
    for gloss in GLOSS_MODES:
        for glossary in (True, False):
            for notes in (True, False):
                options = ExportOptions(gloss=gloss, glossary=glossary, notes=notes)
                exported = render_document(corpus, group, options)
                after_front_matter = exported.split("\n---\n", 1)[1]
                assert missing_words("\n".join(bodies), after_front_matter) == [], options
                assert not UNSAFE.search(exported)
