"""Sharing a corpus through git: two real clones edit layers with the reader's own actions,
then ``git merge`` with the ``nda-layers`` driver merges them entry by entry; the same entry
changed on both sides is a conflict inside that entry, reported by ``check`` at its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from nda_reader.corpus.anchors import make_anchor
from nda_reader.corpus.loader import load_corpus
from nda_reader.editing.actions import add_note, add_term, update_note, update_term
from nda_reader.editing.layer_store import Edit, LayerStore
from tests.helpers.corpora import copy_bundled_corpus
from tests.helpers.git_clones import check_errors, clone, commit_all, git, nda, origin_with

pytestmark = pytest.mark.skipif(
    __import__("shutil").which("git") is None, reason="git is not installed"
)

MEETING = "national-data-work-meeting-2025"


def _save(root: Path, edit: Edit | list[Edit]) -> None:
    store = LayerStore()
    for one in edit if isinstance(edit, list) else [edit]:
        store.apply(one)


def _term(ident: str, english: str, hanzi: str) -> dict[str, object]:
    return {
        "id": ident,
        "kind": "term",
        "hanzi": hanzi,
        "pinyin": "shùjù",
        "english": english,
        "aliases": [],
        "hanzi_source": "annotator",
    }


def _ids(root: Path, rel: str, key: str) -> list[str]:
    data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    return [item["id"] for item in data[key]]


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    origin = origin_with(copy_bundled_corpus(tmp_path), tmp_path)
    done = nda("git-setup", origin)
    assert done.returncode == 0, done.stderr
    assert (origin / ".gitattributes").read_text(encoding="utf-8") == (
        "annotations/**/*.yaml merge=nda-layers\nannotations/**/*.yml merge=nda-layers\n"
    )
    commit_all(origin, "merge layer files entry by entry")
    return origin


def test_git_setup_is_idempotent_and_sets_this_clones_driver(origin: Path) -> None:
    done = nda("git-setup", origin, "--command", "nda-reader")
    assert done.returncode == 0 and "already" in done.stdout
    assert git(origin, "config", "merge.nda-layers.driver").stdout.strip() == (
        "nda-reader merge-layers %O %A %B %P"
    )
    assert git(origin, "check-attr", "merge", "annotations/speakers/x.yaml").stdout.strip() == (
        "annotations/speakers/x.yaml: merge: nda-layers"
    )


def test_additions_on_both_sides_merge_even_next_to_each_other(origin: Path) -> None:
    a, b = clone(origin, "a"), clone(origin, "b")
    # Both new terms sort right after the same entry: git's line merge conflicts on them.
    _save(a, add_term(load_corpus(a), _term("data-circ-x", "data circ x", "数甲")))
    commit_all(a, "a: a term")
    corpus = load_corpus(b)
    body = corpus.documents[MEETING].body
    at = body.index("Year of Data Value Release")
    anchor = make_anchor(MEETING, body, at, at + len("Year of Data Value Release"))
    _save(b, add_term(corpus, _term("data-circ-y", "data circ y", "数乙")))
    _save(b, add_note(load_corpus(b), anchor, "B's note.", ["b"]))
    commit_all(b, "b: a term and a note")
    before = check_errors(a)
    git(a, "pull", "-q", "--no-rebase", str(b), "main")
    ids = _ids(a, "annotations/glossary.yaml", "entries")
    assert ids.index("data-circ-y") == ids.index("data-circ-x") + 1
    assert "note-b-s-note" in _ids(a, "annotations/notes.yaml", "notes")
    assert "<<<<<<<" not in (a / "annotations/glossary.yaml").read_text(encoding="utf-8")
    assert check_errors(a) == before
    # Without the driver, the same two additions conflict in git's own merge.
    plain = clone(origin, "plain", driver=False)
    _save(plain, add_term(load_corpus(plain), _term("data-circ-x", "data circ x", "数甲")))
    commit_all(plain, "plain: a term")
    assert git(plain, "pull", "-q", "--no-rebase", str(b), "main", check=False).returncode != 0


def test_edits_of_different_entries_merge(origin: Path) -> None:
    a, b = clone(origin, "a"), clone(origin, "b")
    _save(a, update_term(load_corpus(a), "liu-liehong", {"aliases": ["LIU Liehong"]}))
    _save(a, update_note(load_corpus(a), "year-of-value-release", "Edited in a.", ["a"]))
    commit_all(a, "a: edits")
    _save(b, update_term(load_corpus(b), "liu-dian", {"note": "Edited in b."}))
    _save(b, update_term(load_corpus(b), "xi-jinping", {"english": "Xi Jinping (b)"}))
    commit_all(b, "b: edits")
    git(a, "pull", "-q", "--no-rebase", str(b), "main")
    merged = load_corpus(a)
    assert merged.glossary.entries["liu-liehong"].aliases == ["LIU Liehong"]
    assert merged.glossary.entries["liu-dian"].note == "Edited in b."
    assert merged.glossary.entries["xi-jinping"].english == "Xi Jinping (b)"
    assert next(n for n in merged.notes if n.id == "year-of-value-release").text == "Edited in a."
    assert not [p for p in merged.problems if p.is_error]


def test_the_same_entry_edited_on_both_sides_is_a_conflict_inside_it_that_check_reports(
    origin: Path,
) -> None:
    a, b = clone(origin, "a"), clone(origin, "b")
    _save(a, update_term(load_corpus(a), "liu-liehong", {"english": "Liu Liehong (a)"}))
    _save(a, update_term(load_corpus(a), "nda", {"note": "Changed in a."}))
    commit_all(a, "a: liu-liehong")
    _save(b, update_term(load_corpus(b), "liu-liehong", {"english": "Liu Liehong (b)"}))
    commit_all(b, "b: liu-liehong")
    done = git(a, "pull", "-q", "--no-rebase", str(b), "main", check=False)
    assert done.returncode != 0
    assert "annotations/glossary.yaml" in git(a, "diff", "--name-only", "--diff-filter=U").stdout
    text = (a / "annotations/glossary.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("<<<<<<< ours")
    # Only the changed line is inside the markers, within the entry (its id is above).
    assert lines[start : start + 5] == [
        "<<<<<<< ours",
        "    english: Liu Liehong (a)",
        "=======",
        "    english: Liu Liehong (b)",
        ">>>>>>> theirs",
    ]
    assert [ln for ln in lines[start - 5 : start] if ln.startswith("  - id:")] == [
        "  - id: liu-liehong"
    ]
    assert text.count("<<<<<<<") == 1 and "note: Changed in a." in text
    errors = check_errors(a)
    assert errors == [
        f"annotations/glossary.yaml:{start + 1}:1: error: unresolved merge conflict in entry "
        f"'liu-liehong' (lines {start + 1}-{start + 5}): keep the side you want, delete the "
        "<<<<<<< ======= >>>>>>> lines, then run check again; until then the reader shows "
        "the first side"
    ]
    # The rest of the glossary still loads (the first side of the conflict shown).
    corpus = load_corpus(a)
    assert corpus.glossary.entries["liu-liehong"].english == "Liu Liehong (a)"
    assert len(corpus.glossary.entries) == len(load_corpus(origin).glossary.entries)
    # Resolving it by hand makes check clean again and the merge can be committed.
    resolved = re.sub(r"<<<<<<< ours\n(.*\n)=======\n.*\n>>>>>>> theirs\n", r"\1", text)
    (a / "annotations/glossary.yaml").write_text(resolved, encoding="utf-8")
    assert check_errors(a) == []
    commit_all(a, "merge b")
