"""Random keys over every screen leave a corpus that ``nda-reader check`` accepts (issue 10).

Each seed is one deterministic walk of the small corpus (ours): the same keys, the same
screens, the same files. A failure names the seed and the last keys pressed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.check import check_corpus
from tests.helpers.annotating import app_on
from tests.helpers.corpora import MakeCorpus
from tests.helpers.random_keys import wander
from tests.helpers.small_corpus import TRANSCRIPT, small_corpus

KEYS_PER_WALK = 500


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
async def test_random_keys_leave_a_corpus_check_accepts(
    make_corpus: MakeCorpus, tmp_path: Path, seed: int
) -> None:
    root = small_corpus(make_corpus)
    assert [p for p in check_corpus(root).problems if p.is_error] == []
    app = app_on(root, TRANSCRIPT, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        walk = await wander(pilot, seed, KEYS_PER_WALK)
    errors = [p.format(root) for p in check_corpus(root).problems if p.is_error]
    assert errors == [], f"seed {seed}; last keys: {walk.keys[-40:]}"
