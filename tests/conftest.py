"""Fixtures shared by every test (helpers live in :mod:`tests.helpers`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.corpora import MakeCorpus, corpus_maker


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
