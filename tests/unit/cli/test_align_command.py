"""``nda-reader align``: from scratch on the bundled pair, keeping confirmed pairs, usage."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from tests.helpers.corpora import copy_bundled_corpus

EN, ZH = "nda-work-conference-2024", "nda-work-conference-2024.zh"


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["align", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_align_from_scratch_writes_the_pairs_the_annotators_confirmed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_bundled_corpus(tmp_path)
    layer = root / "annotations" / "alignments" / f"{EN}.yaml"
    shipped = layer.read_text(encoding="utf-8")
    layer.unlink()
    code, out, _ = _run(capsys, ZH, "--corpus", root)
    assert code == 0
    assert out.startswith(f"{EN} ⇄ {ZH}: 25 pairs (24 × 1-1, 1 × 1-2), 0 confirmed kept")
    # The same pairs, proposed rather than confirmed.
    assert layer.read_text(encoding="utf-8") == shipped.replace("confirmed", "auto")
    assert not load_corpus(root).problems.errors


def test_realigning_keeps_the_confirmed_file_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_bundled_corpus(tmp_path)
    layer = root / "annotations" / "alignments" / f"{EN}.yaml"
    before = layer.read_bytes()
    code, out, _ = _run(capsys, EN, "--corpus", root)
    assert code == 0 and "25 confirmed kept" in out
    assert layer.read_bytes() == before


def test_dry_run_prints_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_bundled_corpus(tmp_path)
    layer = root / "annotations" / "alignments" / f"{EN}.yaml"
    layer.unlink()
    code, out, err = _run(capsys, EN, "--corpus", root, "--dry-run")
    assert code == 0 and out.startswith("layer: alignments\n") and "25 pairs" in err
    assert not layer.exists()


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("national-data-work-meeting-2025", "has no counterpart"),
        ("no-such-text", "unknown document 'no-such-text'"),
    ],
)
def test_a_text_without_counterpart_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: str, message: str
) -> None:
    root = copy_bundled_corpus(tmp_path)
    code, out, err = _run(capsys, doc, "--corpus", root)
    assert code == 2 and out == "" and message in err
