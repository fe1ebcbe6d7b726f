"""Annotation actions write the exact YAML expected, and undo/redo restores files exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.anchors import Anchor, make_anchor
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.editing.actions import (
    AnnotateError,
    add_alias,
    add_link,
    add_note,
    add_term,
    add_turn,
    delete_link,
    delete_note,
    delete_term,
    reassign_turn,
    reattach,
    update_note,
)
from nda_reader.editing.layer_store import Edit, LayerStore
from nda_reader.formats.yaml_edit import item_blocks
from tests.helpers.corpora import copy_bundled_corpus
from tests.helpers.layer_diff import added_block

MEETING = "national-data-work-meeting-2025"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_bundled_corpus(tmp_path)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted((root / "annotations").rglob("*.yaml"))
    }


def _apply(store: LayerStore, edit: Edit | list[Edit]) -> None:
    for one in edit if isinstance(edit, list) else [edit]:
        store.apply(one)


def _yaml_str(value: str) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True, width=96).removesuffix("\n...\n").strip()


def _anchor(corpus: Corpus, doc: str, quote: str) -> Anchor:
    body = corpus.documents[doc].body
    start = body.index(quote)
    return make_anchor(doc, body, start, start + len(quote))


def test_new_term_is_one_block_at_its_stable_place_and_is_found_at_once(root: Path) -> None:
    corpus = load_corpus(root)
    before = (root / "annotations/glossary.yaml").read_text(encoding="utf-8")
    store = LayerStore()
    _apply(
        store,
        add_term(
            corpus,
            {
                "kind": "term",
                "hanzi": "数据流通",
                "pinyin": "shùjù liútōng",
                "english": "data circulation",
                "aliases": ["data flow"],
                "hanzi_source": "annotator",
                "note": "Hanzi supplied by the annotator.",
            },
        ),
    )
    after = (root / "annotations/glossary.yaml").read_text(encoding="utf-8")
    # Its stable place (formats/layer_order.py): in the section holding most entries of its
    # kind, right after the entry whose id comes just before its own, set off by a blank line.
    neighbour = next(b for b in item_blocks(before, "entries") if "id: data-annotation-bases" in b)
    assert after == before.replace(
        neighbour,
        neighbour + "\n  - id: data-circulation\n"
        "    kind: term\n"
        "    hanzi: 数据流通\n"
        "    pinyin: shùjù liútōng\n"
        "    english: data circulation\n"
        "    aliases:\n"
        "      - data flow\n"
        "    hanzi_source: annotator\n"
        "    note: Hanzi supplied by the annotator.\n",
    )
    reloaded = load_corpus(root)
    docs = {o.doc for o in reloaded.occurrences.of_entry("data-circulation")}
    assert len(docs) >= 3
    store.undo()
    assert (root / "annotations/glossary.yaml").read_text(encoding="utf-8") == before


def test_adding_an_alias_changes_only_that_entry(root: Path) -> None:
    corpus = load_corpus(root)
    glossary = root / "annotations/glossary.yaml"
    before = glossary.read_text(encoding="utf-8")
    store = LayerStore()
    _apply(store, add_alias(corpus, "nda", "national data bureau"))
    after = glossary.read_text(encoding="utf-8")
    changed = [ln for ln in after.splitlines() if ln not in before.splitlines()]
    assert changed == ["      - national data bureau"]
    assert load_corpus(root).glossary.entries["nda"].aliases[-1] == "national data bureau"
    with pytest.raises(AnnotateError, match="already a form"):
        add_alias(load_corpus(root), "nda", "NDA")


def test_note_add_edit_delete_undo_redo(root: Path) -> None:
    corpus = load_corpus(root)
    snap = _snapshot(root)
    store = LayerStore()
    anchor = _anchor(corpus, MEETING, "Year of Data Value Release")
    _apply(store, add_note(corpus, anchor, "Watch for the 2026 action plan.", ["2026", "watch"]))
    notes = root / "annotations/notes.yaml"
    text = notes.read_text(encoding="utf-8")
    block, neighbour = added_block(snap["annotations/notes.yaml"].decode(), text, "notes")
    assert "- id: authorised-operation-pricing" in neighbour  # the id sorting just before
    assert block == (
        "  - id: note-watch-for-the-2026-action\n"
        "    anchor:\n"
        f"      doc: {MEETING}\n"
        "      exact: Year of Data Value Release\n"
        f"      prefix: {_yaml_str(anchor.prefix)}\n"
        f"      suffix: {_yaml_str(anchor.suffix)}\n"
        f"      pos: {anchor.pos}\n"
        "    text: Watch for the 2026 action plan.\n"
        "    tags:\n"
        "      - '2026'\n"
        "      - watch\n"
    )
    corpus = load_corpus(root)
    note = next(n for n in corpus.notes if n.text == "Watch for the 2026 action plan.")
    assert note.tags == ["2026", "watch"] and corpus.place(note.anchor).placed
    _apply(store, update_note(corpus, note.id, "Watch the 2026 plan.", []))
    corpus = load_corpus(root)
    edited = next(n for n in corpus.notes if n.id == note.id)
    assert (edited.text, edited.tags) == ("Watch the 2026 plan.", [])
    _apply(store, delete_note(corpus, note.id))
    assert all(n.id != note.id for n in load_corpus(root).notes)
    store.undo()
    store.undo()
    assert next(n for n in load_corpus(root).notes if n.id == note.id).tags == ["2026", "watch"]
    store.undo()
    assert _snapshot(root) == snap
    store.redo()
    assert any(n.id == note.id for n in load_corpus(root).notes)


def test_cross_reference_add_and_delete_are_navigable_and_undoable(root: Path) -> None:
    corpus = load_corpus(root)
    snap = _snapshot(root)
    store = LayerStore()
    source = _anchor(corpus, "nda-work-conference-2024", "setting up pilots")
    target = _anchor(
        corpus,
        "liu-liehong-pilot-zone-speech-2023",
        "support pilot zones in exploring data element-related fields",
    )
    _apply(store, add_link(corpus, source, target, "contrasts", "Pilots, then and now."))
    corpus = load_corpus(root)
    link = next(ln for ln in corpus.crossrefs if ln.note == "Pilots, then and now.")
    assert any(
        e.link.id == link.id and not e.outgoing
        for e in corpus.links_in("liu-liehong-pilot-zone-speech-2023")
    )
    _apply(store, delete_link(corpus, link.id))
    assert all(ln.id != link.id for ln in load_corpus(root).crossrefs)
    store.undo()
    store.undo()
    assert _snapshot(root) == snap


def test_speaker_turn_new_speaker_and_reassign(root: Path) -> None:
    corpus = load_corpus(root)
    snap = _snapshot(root)
    store = LayerStore()
    anchor = _anchor(corpus, "scio-nda-briefing-2024-p1", "Speakers:")
    _apply(
        store,
        add_turn(
            corpus, anchor, "moderator", {"id": "moderator", "name": "Moderator", "kind": "person"}
        ),
    )
    corpus = load_corpus(root)
    turns = corpus.turns("scio-nda-briefing-2024-p1")
    assert turns[0].speaker.id == "moderator"
    liu = next(
        s
        for s in corpus.speaker_layers["scio-nda-briefing-2024-p1"].speakers.values()
        if s.term == "liu-liehong"
    )
    _apply(store, reassign_turn(corpus, anchor, liu.id))
    assert load_corpus(root).turns("scio-nda-briefing-2024-p1")[0].speaker.id == liu.id
    for _ in range(3):
        store.undo()
    assert _snapshot(root) == snap


def test_delete_term_and_undo(root: Path) -> None:
    corpus = load_corpus(root)
    snap = _snapshot(root)
    store = LayerStore()
    _apply(store, delete_term(corpus, "nda"))
    assert load_corpus(root).glossary.get("nda") is None
    store.undo()
    assert _snapshot(root) == snap


def test_a_term_a_speaker_is_cannot_be_deleted(root: Path) -> None:
    # Found by the edit property: deleting it left a speaker naming an unknown entry.
    corpus = load_corpus(root)
    with pytest.raises(AnnotateError, match="'liu-liehong' is the speaker 'liu-liehong' of scio"):
        delete_term(corpus, "liu-liehong")


def test_reattach_an_orphan(root: Path) -> None:
    text_path = root / "texts" / f"{MEETING}.md"
    text = text_path.read_text(encoding="utf-8")
    text_path.write_text(
        text.replace("its ailgnment with current legal frameworks", "its fit with the law"),
        encoding="utf-8",
    )
    corpus = load_corpus(root)
    orphan = next(o for o in corpus.orphans() if "ailgnment" in o.anchor.exact)
    new = _anchor(corpus, MEETING, "Solidify data property rights and its fit with the law")
    LayerStore().apply(reattach(corpus, orphan, new))
    assert all("ailgnment" not in o.anchor.exact for o in load_corpus(root).orphans())


def test_new_turn_follows_the_indentation_of_a_hand_written_speakers_file(root: Path) -> None:
    path = root / "annotations/speakers/scio-nda-briefing-2024-p1.yaml"
    text = path.read_text(encoding="utf-8")
    # Re-indent the file's lists by four spaces, as some people write YAML.
    reindented = "\n".join(("  " + ln) if ln.startswith("  ") else ln for ln in text.split("\n"))
    path.write_text(reindented, encoding="utf-8")
    corpus = load_corpus(root)
    assert corpus.turns("scio-nda-briefing-2024-p1")
    anchor = _anchor(corpus, "scio-nda-briefing-2024-p1", "Speakers:")
    LayerStore().apply(
        add_turn(corpus, anchor, "moderator", {"id": "moderator", "name": "Moderator"})[0]
    )
    LayerStore().apply(add_turn(load_corpus(root), anchor, "moderator")[0])
    reloaded = load_corpus(root)
    assert reloaded.turns("scio-nda-briefing-2024-p1")[0].speaker.id == "moderator"
    assert "    - speaker: moderator\n" in path.read_text(encoding="utf-8")
