"""After a save, the corpus is assembled from the pieces of its layer files: the same
corpus as a load from the files, reading only what changed; the index follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.loader import assemble, load_corpus
from nda_reader.corpus.parts import LAYER_PARTS
from nda_reader.corpus.reload import compare, reload_corpus
from nda_reader.corpus.sources import read_layer_file, read_sources
from nda_reader.index.assembly import LayerPiece, assemble_pieces
from nda_reader.index.open import open_corpus
from tests.helpers.corpora import MakeCorpus, copy_bundled_corpus, text_file
from tests.helpers.index import corpus_summary, count_reads

NOTE = """\
  - id: added-note
    anchor:
      doc: national-data-work-meeting-2025
      exact: "From 29 to 30 December 2025"
    text: A note added by hand.
"""


@pytest.mark.parametrize("warm", [False, True], ids=["just built", "read from the index"])
def test_a_changed_layer_file_is_read_alone_and_gives_the_corpus_of_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm: bool
) -> None:
    root = copy_bundled_corpus(tmp_path).absolute()
    cache = tmp_path / "cache"
    corpus, index = open_corpus(root, cache)
    if warm:
        corpus, index = open_corpus(root, cache)
    assert index is not None and index.complete()
    notes = root / "annotations" / "notes.yaml"
    notes.write_text(notes.read_text(encoding="utf-8") + NOTE, encoding="utf-8")
    for name in LAYER_PARTS:  # the corpus before, as it was (the index soon changes)
        getattr(corpus, name)
    reads = count_reads(monkeypatch)
    change = reload_corpus(corpus, [notes])
    assert reads == [notes]
    assert change.documents == {"national-data-work-meeting-2025"}
    assert change.documents == compare(corpus, change.corpus).documents  # told, not compared
    assert "added-note" in [n.id for n in change.corpus.notes]
    assert corpus_summary(change.corpus) == corpus_summary(load_corpus(root))
    index.writer.wait()
    again, _ = open_corpus(root, cache)  # the index has it: nothing is read
    assert reads == [notes]
    assert corpus_summary(again) == corpus_summary(load_corpus(root))


GLOSSARY = """\
layer: glossary
version: 1
entries:
  - {id: nda, kind: organisation, hanzi: 国家数据局, pinyin: Guójiā Shùjùjú,
     english: National Data Administration, hanzi_source: text}
"""
LINKS = """\
layer: crossrefs
version: 1
links:
  - id: one
    relation: continues
    source: {doc: a, exact: first}
    target: {doc: b, exact: second}
"""
SPEAKERS = """\
layer: speakers
version: 1
doc: a
speakers:
  - {id: x, name: Someone}
turns:
  - {speaker: x, anchor: {exact: first}}
"""


def test_pieces_make_the_loaders_corpus_also_where_files_repeat_ids(
    make_corpus: MakeCorpus,
) -> None:
    root = make_corpus(
        {
            "texts/a.md": text_file("a", "The first text, 国家数据局.\n"),
            "texts/b.md": text_file("b", "The second text.\n"),
            "annotations/a-glossary.yaml": GLOSSARY,
            "annotations/b-glossary.yaml": GLOSSARY.replace("National Data", "Nat. Data"),
            "annotations/links.yaml": LINKS,
            "annotations/more/links.yaml": LINKS,
            "annotations/speakers/a.yaml": SPEAKERS,
            "annotations/speakers/a-again.yaml": SPEAKERS,
            "annotations/broken.yaml": "layer: notes\nnotes: [\n",
            "annotations/odd.yaml": "layer: nothing\n",
        }
    )
    sources = read_sources(root)
    pieces = [LayerPiece.of(p, r) for p, r in sources.layers.items()]
    want = assemble(root, sources)
    got = assemble_pieces(root, sources.texts, pieces, read_layer_file)
    assert corpus_summary(got) == corpus_summary(want)
    assert any("duplicate glossary id" in str(p) for p in got.problems)
