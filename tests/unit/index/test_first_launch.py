"""The reader's first launch leaves the anchors to place after its first paint: the corpus
says it is checking, and once checked it has the problems of a full load, in their order,
and so does the index it writes."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.formats.problems import Problem, ProblemList
from nda_reader.index.open import open_corpus
from tests.helpers.corpora import copy_bundled_corpus
from tests.helpers.index import corpus_summary, count_reads

ORPHANS = """\
layer: notes
version: 1
notes:
  - id: gone
    anchor:
      doc: nda-work-conference-2024
      exact: "a passage no text has"
    text: "orphaned"
  - id: nowhere
    anchor:
      doc: no-such-text
      exact: "anything"
    text: "orphaned too"
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = copy_bundled_corpus(tmp_path).absolute()
    (root / "annotations" / "orphans.yaml").write_text(ORPHANS, encoding="utf-8")
    return root


def _problems(problems: ProblemList) -> list[str]:
    return [str(p) for p in problems]


def test_the_problems_of_the_anchors_come_with_the_check(root: Path, tmp_path: Path) -> None:
    want = _problems(load_corpus(root).problems)
    assert sum("orphaned note" in p for p in want) == 2
    corpus, index = open_corpus(root, tmp_path / "cache", defer=True)
    assert index is not None and corpus.checking and not index.is_complete()
    assert not any("orphaned" in p for p in _problems(corpus.problems))
    # The reader adds problems of its own (its keymap, its themes) after the open.
    corpus.problems.error(tmp_path / "keymap.yaml", 1, 1, "a keymap problem")
    assert index.check()
    assert not corpus.checking and not index.check()
    *checked, last = corpus.problems
    assert _problems(ProblemList(checked)) == want and last.message == "a keymap problem"
    index.writer.wait()  # the index keeps the corpus's problems, not the reader's own
    again, _ = open_corpus(root, tmp_path / "cache")
    assert _problems(again.problems) == want


def test_the_index_a_checked_launch_writes_is_the_corpus_of_its_files(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first, index = open_corpus(root, cache, defer=True)
    assert index is not None
    assert index.complete()  # checks the anchors first
    want = corpus_summary(load_corpus(root))
    assert corpus_summary(first) == want
    index.writer.wait()
    reads = count_reads(monkeypatch)
    again, _ = open_corpus(root, cache)
    assert reads == [] and corpus_summary(again) == want
    assert not again.checking


def test_a_reload_before_the_check_checks_first(root: Path, tmp_path: Path) -> None:
    corpus, index = open_corpus(root, tmp_path / "cache", defer=True)
    assert index is not None and corpus.checking
    notes = root / "annotations" / "orphans.yaml"
    notes.write_text(ORPHANS.replace('text: "orphaned"', 'text: "still orphaned"'), "utf-8")
    fresh, _, _ = index.reload([notes])
    assert not corpus.checking and not fresh.checking
    assert _problems(fresh.problems) == _problems(load_corpus(root).problems)
    index.writer.wait()
    again, _ = open_corpus(root, tmp_path / "cache")
    unfinished = {"concordance": None}  # the terms are found by complete(), not here
    assert corpus_summary(again) | unfinished == corpus_summary(load_corpus(root)) | unfinished


def test_a_reload_during_the_check_waits_for_it(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nda_reader.index.open as opening

    started, gate = threading.Event(), threading.Event()
    real = opening.anchor_problems

    def slow(corpus: Corpus, **kwargs: Any) -> list[Problem]:
        started.set()
        gate.wait(30)
        return real(corpus, **kwargs)

    monkeypatch.setattr(opening, "anchor_problems", slow)
    corpus, index = open_corpus(root, tmp_path / "cache", defer=True)
    assert index is not None
    checking = threading.Thread(target=index.check)
    checking.start()
    assert started.wait(30)
    notes = root / "annotations" / "orphans.yaml"
    notes.write_text(ORPHANS.replace('text: "orphaned"', 'text: "still orphaned"'), "utf-8")
    threading.Timer(0.2, gate.set).start()
    fresh, _, _ = index.reload([notes])  # waits for the check under way
    checking.join(30)
    assert not corpus.checking and not fresh.checking
    assert _problems(corpus.problems) == _problems(fresh.problems)
    assert _problems(fresh.problems) == _problems(load_corpus(root).problems)
    index.writer.wait()
    again, _ = open_corpus(root, tmp_path / "cache")
    unfinished = {"concordance": None}
    assert corpus_summary(again) | unfinished == corpus_summary(load_corpus(root)) | unfinished


def test_a_launch_stopped_before_its_check_is_checked_at_the_next(
    root: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    _, index = open_corpus(root, cache)
    assert index is not None and index.complete()
    index.writer.wait()
    text = root / "texts" / "nda-work-conference-2024.md"
    edited = text.read_text("utf-8").replace("‘vigorously developing NPFs’", "(a new passage)")
    text.write_text(edited, "utf-8")
    first, index = open_corpus(root, cache, defer=True)
    assert index is not None and first.checking
    index.con.close()  # the reader stops before the check
    again, _ = open_corpus(root, cache)
    want = _problems(load_corpus(root).problems)
    assert any("orphaned note 'npf-vigorously-developing'" in p for p in want)
    assert _problems(again.problems) == want
