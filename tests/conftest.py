"""Fixtures shared by every test (helpers live in :mod:`tests.helpers`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nda_reader.dictionary.lookup import Dictionary
from tests.helpers.corpora import MakeCorpus, corpus_maker
from tests.helpers.dictionary import TEST_CACHE, shared_index


def pytest_configure(config: pytest.Config) -> None:
    """Caches of the run (the compiled dictionary) go to a test folder, not the user's."""
    os.environ["XDG_CACHE_HOME"] = str(TEST_CACHE)


@pytest.fixture
def make_corpus(tmp_path: Path) -> MakeCorpus:
    """``make(files) -> root``: write a small corpus folder (see :func:`corpus_maker`)."""
    return corpus_maker(tmp_path)


@pytest.fixture(scope="session")
def dictionary() -> Dictionary:
    """The real CC-CEDICT, compiled once for every test process and run."""
    return Dictionary(shared_index())
