"""Fixtures shared by every test (helpers live in :mod:`tests.helpers`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.corpora import MakeCorpus, corpus_maker


@pytest.fixture
def make_corpus(tmp_path: Path) -> MakeCorpus:
    """``make(files) -> root``: write a small corpus folder (see :func:`corpus_maker`)."""
    return corpus_maker(tmp_path)
