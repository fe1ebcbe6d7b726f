"""The work ``check`` gives its helper process comes back as if done here, and is done
here when the helper cannot do it (or did it for a glossary read otherwise)."""

from __future__ import annotations

from concurrent.futures import Future
from types import SimpleNamespace
from typing import Any

import pytest

from nda_reader.corpus import check_suggestions
from nda_reader.corpus.check_drafts import draft_keys, drafts, glossary_drafts, start_drafts
from nda_reader.corpus.check_suggestions import suggestions
from nda_reader.corpus.draft_worker import Helper
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.locations import bundled_root


def _reading(text: str) -> str:
    return f"reading of {text}"


def _batch(texts: list[str]) -> dict[str, str]:
    """Run by the helper (a module-level function: the helper imports it by name)."""
    return {text: _reading(text) for text in texts}


class _Suggest:
    """A suggester whose batches can be made by a helper."""

    batch = staticmethod(_batch)

    def __call__(self, text: str) -> str:
        return _reading(text)


TEXTS = ["数据", "要素", "数据", "流通", "市场", "要素", "交易", "场所"]
CORPUS: Any = SimpleNamespace(backing=None)


@pytest.fixture
def helper(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(check_suggestions, "BATCH", 2)  # several batches, and a tail
    started = Helper.start()
    if started is None:
        pytest.skip("one processor: no helper")
    yield started
    started.close()


def test_readings_made_by_the_helper_are_those_made_here(helper: Helper) -> None:
    got = suggestions(CORPUS, iter(TEXTS), _Suggest(), helper)()
    assert got == {text: _reading(text) for text in TEXTS}


def test_a_helper_that_is_gone_leaves_the_readings_to_this_process(helper: Helper) -> None:
    helper.close()
    got = suggestions(CORPUS, iter(TEXTS), _Suggest(), helper)()
    assert got == {text: _reading(text) for text in TEXTS}


def test_the_helpers_drafts_of_the_glossary_it_read_are_the_drafts_made_here() -> None:
    corpus = load_corpus(bundled_root())
    _, keys = draft_keys(corpus.glossary)
    by_key = glossary_drafts(str(bundled_root()))
    assert {entry_id: by_key[key] for entry_id, key in keys.items()} == drafts(corpus)


@pytest.mark.parametrize("given", ["wrong", "failed"])
def test_drafts_the_helper_could_not_make_are_made_here(given: str) -> None:
    corpus = load_corpus(bundled_root())
    early: Future[dict[str, str]] = Future()
    if given == "wrong":  # a glossary read otherwise (changed meanwhile): other keys
        early.set_result({"another key": "Wrong Draft"})
    else:
        early.set_exception(RuntimeError("the helper was stopped"))
    helper: Any = SimpleNamespace(early=early)
    under_way = start_drafts(corpus, helper=helper, parallel_from=1)
    assert under_way.result() == drafts(corpus)
