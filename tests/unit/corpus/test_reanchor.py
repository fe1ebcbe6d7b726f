"""Annotations follow their quotes when a text changes, and become orphans when in doubt."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.anchors import Status
from nda_reader.corpus.check import check_corpus
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from tests.helpers.corpora import copy_bundled_corpus

MEETING = "national-data-work-meeting-2025"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_bundled_corpus(tmp_path)


def _edit(root: Path, doc_id: str, old: str, new: str, count: int = 1) -> None:
    path = root / "texts" / f"{doc_id}.md"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _meeting_anchors(corpus: Corpus) -> list[tuple[str, str]]:
    out = []
    for link in corpus.crossrefs:
        for anchor in (link.source, link.target):
            if anchor.doc == MEETING:
                at = corpus.place(anchor)
                out.append((anchor.exact, corpus.documents[MEETING].body[at.start : at.end]))
    return out


def test_inserted_paragraph_shifts_every_anchor_to_the_same_words(root: Path) -> None:
    _edit(
        root,
        MEETING,
        "## Review of 2025\n",
        "An editor's paragraph, inserted above everything else.\n\n## Review of 2025\n",
    )
    corpus = load_corpus(root)
    anchors = _meeting_anchors(corpus)
    assert len(anchors) >= 5
    assert all(exact == found for exact, found in anchors)
    assert corpus.orphans() == []


def test_fixed_typo_inside_a_quote_still_anchors_and_check_warns(root: Path) -> None:
    _edit(root, MEETING, "its ailgnment with", "its alignment with")
    corpus = load_corpus(root)
    link = next(ln for ln in corpus.crossrefs if "ailgnment" in ln.target.exact)
    at = corpus.place(link.target)
    assert at.status is Status.FUZZY
    body = corpus.documents[MEETING].body
    assert body[at.start : at.end] == link.target.exact.replace("ailgnment", "alignment")
    report = check_corpus(root, pinyin=False)
    assert report.errors == 0
    assert any("the quote was edited" in p.message and not p.is_error for p in report.problems)


def test_deleted_passage_makes_an_orphan_reported_with_its_file_and_line(root: Path) -> None:
    link_exact = "Solidify data property rights and its ailgnment with current legal frameworks"
    path = root / "texts" / f"{MEETING}.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("- Continue to improve the foundational data system.")
    path.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    report = check_corpus(root, pinyin=False)
    orphans = [p for p in report.problems if p.orphan]
    assert len(orphans) >= 1
    path = root / "annotations" / "crossrefs.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    hit = next(p for p in orphans if link_exact in lines[p.line])
    assert hit.path == path and "(missing)" in hit.message
    # nothing dropped: the link is still in the model, just unplaced
    corpus = load_corpus(root)
    assert any(o.anchor.exact == link_exact for o in corpus.orphans())


def test_duplicated_passage_makes_its_anchors_ambiguous_not_misplaced(root: Path) -> None:
    before = load_corpus(root)
    body = before.documents[MEETING].body
    # An anchor whose quote and context lie inside one paragraph: a copy of that paragraph
    # is a true look-alike.
    anchor = next(
        a
        for link in before.crossrefs
        for a in (link.source, link.target)
        if a.doc == MEETING
        and "\n" not in a.prefix + a.exact + a.suffix
        and body.count(a.prefix + a.exact + a.suffix) == 1
    )
    path = root / "texts" / f"{MEETING}.md"
    text = path.read_text(encoding="utf-8")
    at = text.index(anchor.prefix + anchor.exact + anchor.suffix)
    start, end = text.rindex("\n", 0, at) + 1, text.index("\n", at) + 1
    copied = text[:end] + "\n" + text[start:end] + text[end:]
    # Copied below: the passage where the anchor was made (its pos) is still the one.
    path.write_text(copied, encoding="utf-8")
    assert load_corpus(root).place(anchor).start == anchor.pos
    # And a word added above it too: neither look-alike is where the anchor was made.
    body_start = copied.index("\n---\n", 4) + 5
    path.write_text(copied[:body_start] + "Edited. " + copied[body_start:], encoding="utf-8")
    corpus = load_corpus(root)
    assert corpus.place(anchor).status is Status.AMBIGUOUS
    assert any(o.anchor == anchor for o in corpus.orphans())
    # Whatever else was placed still sits where its own context is.
    new_body = corpus.documents[MEETING].body
    for link in corpus.crossrefs:
        for a in (link.source, link.target):
            found = corpus.place(a)
            if a.doc == MEETING and found.placed:
                assert new_body[found.start : found.end] == a.exact
                assert new_body[: found.start].endswith(a.prefix) or new_body[
                    found.end :
                ].startswith(a.suffix)
