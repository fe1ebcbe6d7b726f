"""The pinyin drafts ``check`` compares the glossary with: kept in the corpus index between
runs, drafted again when anything they depend on changes, the same as without an index."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from nda_reader.corpus import draft_worker
from nda_reader.corpus.check_drafts import DraftsUnderWay, drafts, start_drafts
from nda_reader.corpus.loader import load_corpus
from nda_reader.index.open import open_corpus
from tests.helpers.corpora import MakeCorpus, text_file

# Our own made-up entries: the second contains the first, whose curated pinyin it uses.
GLOSSARY = """\
layer: glossary
version: 1
entries:
  - {id: shuju, kind: term, hanzi: 数据, pinyin: shùjù, english: data,
     hanzi_source: annotator}
  - {id: shuju-yaosu, kind: term, hanzi: 数据要素, pinyin: shùjù yàosù,
     english: data element, hanzi_source: annotator}
  - {id: zhang-san, kind: person, hanzi: 张三, pinyin: Zhāng Sān, english: Zhang San,
     hanzi_source: annotator}
"""


def _corpus(make_corpus: MakeCorpus) -> Path:
    """A corpus of one text and the glossary above."""
    return make_corpus(
        {"texts/a.md": text_file("a", "Data.\n"), "annotations/glossary.yaml": GLOSSARY}
    )


def _started(
    make_corpus: MakeCorpus,
    monkeypatch: pytest.MonkeyPatch,
    *,
    processors: int,
    piece: int = draft_worker.PIECE,
) -> tuple[Path, DraftsUnderWay]:
    """Drafting started on :func:`_corpus` (in a worker from one entry up), on a machine
    with ``processors``, ``piece`` entries at a time."""
    root = _corpus(make_corpus)
    monkeypatch.setattr(draft_worker, "processors", lambda: processors)
    monkeypatch.setattr(draft_worker, "PIECE", piece)
    return root, start_drafts(load_corpus(root), parallel_from=1)


def _started_workers() -> list[multiprocessing.process.BaseProcess]:
    """The worker processes, once started (waiting for them 30 s at most)."""
    deadline = time.monotonic() + 30
    while not multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = multiprocessing.active_children()
    assert workers
    return workers


def _drafted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the entries drafted in this process from now on."""
    drafted: list[str] = []
    real = draft_worker.draft_all

    def draft_all(jobs, known):  # type: ignore[no-untyped-def]
        drafted.extend(job[0] for job in jobs)
        return real(jobs, known)

    monkeypatch.setattr(draft_worker, "draft_all", draft_all)
    return drafted


def test_drafts_are_kept_in_the_index_and_made_again_when_what_they_rest_on_changes(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _corpus(make_corpus)
    cache = tmp_path / "drafts-cache"
    drafted = _drafted(monkeypatch)
    first = drafts(open_corpus(root, cache)[0])
    assert sorted(drafted) == ["shuju", "shuju-yaosu", "zhang-san"]
    assert first == drafts(load_corpus(root))  # without an index: the same drafts
    drafted.clear()
    assert drafts(open_corpus(root, cache)[0]) == first
    assert drafted == []  # all kept
    # Another spelling of 数据 changes the draft of 数据要素, which is made from it.
    glossary = root / "annotations" / "glossary.yaml"
    glossary.write_text(GLOSSARY.replace("pinyin: shùjù,", "pinyin: shǔjū,"), encoding="utf-8")
    drafted.clear()
    again = drafts(open_corpus(root, cache)[0])
    assert drafted == ["shuju-yaosu"]
    assert again == drafts(load_corpus(root)) != first
    assert again["shuju-yaosu"].startswith("shǔjū")


def test_drafts_made_in_a_second_process_are_the_drafts_made_here(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # check starts drafting in a worker process when there are many entries to draft
    # (here: from one) and a second processor (here: said to be there).
    root, under_way = _started(make_corpus, monkeypatch, processors=2, piece=2)
    steps: list[tuple[str, int, int]] = []
    try:
        assert under_way.in_worker
        assert under_way.result(lambda *step: steps.append(step)) == drafts(load_corpus(root))
        assert not under_way.in_worker  # the worker is gone once its drafts are taken
    finally:
        under_way.close()
    assert steps == [("Drafting pinyin", 2, 3), ("Drafting pinyin", 3, 3)]


def test_drafts_are_made_here_when_no_worker_can_start(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(method: str) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(multiprocessing, "get_context", refuse)
    drafted = _drafted(monkeypatch)
    _, under_way = _started(make_corpus, monkeypatch, processors=2)
    assert not under_way.in_worker
    assert under_way.result()["shuju-yaosu"] == "shùjù yàosù"
    assert sorted(drafted) == ["shuju", "shuju-yaosu", "zhang-san"]


def test_one_processor_drafts_here(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, under_way = _started(make_corpus, monkeypatch, processors=1, piece=2)
    assert not under_way.in_worker
    steps: list[tuple[str, int, int]] = []
    assert under_way.result(lambda *step: steps.append(step)) == drafts(load_corpus(root))
    assert steps == [("Drafting pinyin", 2, 3), ("Drafting pinyin", 3, 3)]


def test_a_worker_killed_midway_leaves_its_drafts_to_be_made_here(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker that dies (killed, out of memory) must not leave check waiting for ever.
    root, under_way = _started(make_corpus, monkeypatch, processors=2, piece=1)
    try:
        assert under_way.in_worker
        workers = _started_workers()
        for worker in workers:
            os.kill(worker.pid or 0, signal.SIGKILL)
        steps: list[tuple[str, int, int]] = []
        assert under_way.result(lambda *step: steps.append(step)) == drafts(load_corpus(root))
        assert steps[-1] == ("Drafting pinyin", 3, 3)
    finally:
        under_way.close()


def test_closing_stops_the_worker_at_once(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An interrupted check closes its drafts: the worker is stopped, not left to load
    # jieba and finish its piece first.
    _, under_way = _started(make_corpus, monkeypatch, processors=2)
    workers = _started_workers()
    under_way.close()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == -signal.SIGTERM
    assert not under_way.in_worker
