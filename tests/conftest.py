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


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line keeps corpus indexes in $XDG_CACHE_HOME: a test's own, never the
    user's."""
    # Beside tmp_path, not in it: tests check that nothing else is written there.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path.parent / f"{tmp_path.name}-cache"))


@pytest.fixture
def make_corpus(tmp_path: Path) -> MakeCorpus:
    """``make(files) -> root``: write a small corpus folder (see :func:`corpus_maker`)."""
    return corpus_maker(tmp_path)


@pytest.fixture(scope="session")
def _compiled_dictionary() -> Path:
    """The real CC-CEDICT's index, compiled once for every test process and run."""
    return shared_index()


@pytest.fixture
def dictionary(_compiled_dictionary: Path) -> Dictionary:
    """The real CC-CEDICT; a reader started by the test finds it in its cache folder (a
    link to the shared index) instead of compiling it for a few seconds in a thread."""
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "nda-reader"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / _compiled_dictionary.name
    if not link.exists():
        link.symlink_to(_compiled_dictionary)
    return Dictionary(_compiled_dictionary)
