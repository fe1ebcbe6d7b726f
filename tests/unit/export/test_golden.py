"""Golden files for the export of the bundled corpus, and what other tools make of them.

Every document of the bundled corpus is exported with each option set; the files must equal
``tests/golden/export/[<variant>/]<name>.md`` byte for byte. After an intended change (or a
change of the corpus), regenerate them with::

    NDA_UPDATE_GOLDEN=1 python -m pytest tests/unit/export/test_golden.py

and review the diff. Each folder is also parsed with markdown-it (footnotes, cross-document
anchors) and converted with pandoc (no warnings, every footnote present).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.locations import bundled_root
from nda_reader.export.markdown import all_groups
from tests.helpers.corpora import REPO
from tests.helpers.export_checks import PANDOC, check_export_folder, pandoc_html

GOLDEN = REPO / "tests" / "golden" / "export"
UPDATE = os.environ.get("NDA_UPDATE_GOLDEN") == "1"

VARIANTS: dict[str, list[str]] = {
    "": [],  # the defaults, at the top of tests/golden/export
    "gloss-footnote": ["--gloss", "footnote"],
    "no-glossary": ["--no-glossary"],
    "no-notes": ["--no-notes"],
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled corpus exported once per variant, through the CLI."""
    base = tmp_path_factory.mktemp("export")
    folders = {}
    for variant, args in VARIANTS.items():
        out = base / (variant or "default")
        assert main(["export", "--all", "-o", str(out), *args]) == 0
        folders[variant] = out
    return folders


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_export_matches_golden_files(exported: dict[str, Path], variant: str) -> None:
    golden = GOLDEN / variant if variant else GOLDEN
    actual = _files(exported[variant])
    if UPDATE:
        golden.mkdir(parents=True, exist_ok=True)
        for stale in set(_files(golden)) - set(actual):
            (golden / stale).unlink()
        for name, data in actual.items():
            (golden / name).write_bytes(data)
    expected = _files(golden)
    assert sorted(actual) == sorted(expected), "run with NDA_UPDATE_GOLDEN=1 to regenerate"
    for name, data in actual.items():
        assert data == expected[name], f"{name} differs from {golden / name}; see module doc"


def test_every_bundled_document_is_exported(exported: dict[str, Path]) -> None:
    corpus = load_corpus(bundled_root())
    groups = all_groups(corpus)
    assert len(groups) >= 4
    assert sorted(_files(exported[""])) == sorted(f"{g}.md" for g in groups)
    parts = [d for d in corpus.documents.values() if d.part_of]
    assert parts and all(f"{d.id}.md" not in _files(exported[""]) for d in parts)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_exports_parse_with_consistent_footnotes_and_links(
    exported: dict[str, Path], variant: str
) -> None:
    parsed = check_export_folder(exported[variant])
    links = [href for doc in parsed.values() for href in doc.links]
    assert any(".md#" in href for href in links)  # the bundled corpus has cross-references
    refs = sum(len(doc.footnote_refs) for doc in parsed.values())
    if variant != "no-notes":
        assert refs > 0
    if variant == "gloss-footnote":
        assert any(r.startswith("gloss-") for doc in parsed.values() for r in doc.footnote_refs)
    if variant == "no-notes":
        assert not any(r.startswith("note-") for doc in parsed.values() for r in doc.footnote_refs)
    for name, doc in parsed.items():
        assert doc.front_matter["title"] and doc.front_matter["date"], name
        assert ('<h2 id="glossary">Glossary</h2>' in doc.html) == (variant != "no-glossary")


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_pandoc_converts_without_warnings(exported: dict[str, Path], variant: str) -> None:
    folder = exported[variant]
    parsed = check_export_folder(folder)
    html = {}
    for name, doc in parsed.items():
        code, out, err = pandoc_html(folder / name)
        assert code == 0 and err == "", f"{name}: {err}"
        notes = re.findall(r'<li id="fn(\d+)"', out)
        assert len(notes) == len(doc.footnote_defs), name
        assert len(re.findall(r'href="#fn\d+"', out)) == len(doc.footnote_refs), name
        html[name] = out
    for name, doc in parsed.items():
        for href in doc.links:
            target, _, fragment = href.partition("#")
            assert f'id="{fragment}"' in html[target or name], (name, href)
