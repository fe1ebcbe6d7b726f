"""Where the reader opens the bundled corpus, and where annotations to it are written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nda_reader.corpus import locations as paths
from tests.helpers.corpora import REPO


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend nda_reader is installed: its package folder holds ``_bundled``."""
    package = tmp_path / "site-packages" / "nda_reader"
    for part in ("texts", "annotations"):
        shutil.copytree(REPO / part, package / "_bundled" / part)
    monkeypatch.setattr(paths, "_PACKAGE", package)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return package / "_bundled"


def test_source_checkout_reads_and_annotates_its_own_corpus() -> None:
    assert not paths.is_packaged()
    assert paths.reading_root() == paths.bundled_root() == REPO


def test_installed_package_copies_the_corpus_once_into_the_data_folder(
    installed: Path, tmp_path: Path
) -> None:
    assert paths.is_packaged()
    own = paths.reading_root()
    assert own == tmp_path / "data" / "nda-reader" / "corpus"
    glossary = own / "annotations" / "glossary.yaml"
    assert glossary.read_bytes() == (installed / "annotations" / "glossary.yaml").read_bytes()
    assert sorted(p.name for p in (own / "texts").iterdir()) == sorted(
        p.name for p in (installed / "texts").iterdir()
    )
    glossary.write_text(glossary.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    assert paths.reading_root() == own
    assert glossary.read_text(encoding="utf-8").endswith("# mine\n")  # never overwritten


def test_when_the_copy_cannot_be_made_the_bundled_corpus_opens(
    installed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert paths.reading_root() == installed
