"""The command line as a shell uses it: output piped into a reader that stops early."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers.corpora import REPO


def test_output_cut_short_by_head_is_not_a_traceback() -> None:
    done = subprocess.run(
        f"{sys.executable} -m nda_reader glossary variants --all | head -n 1",
        shell=True,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "Broken pipe" not in done.stderr, done.stderr


def test_corpus_may_come_before_or_after_the_glossary_subcommand() -> None:
    for args in (["--corpus", ".", "variants"], ["variants", "--corpus", "."]):
        done = subprocess.run(
            [sys.executable, "-m", "nda_reader", "glossary", *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "nda: National Data Administration" in done.stdout
