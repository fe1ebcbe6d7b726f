"""Citations: CSL-JSON and BibTeX from front matter, read back the same by pandoc, and the
citation in every exported Markdown file's front matter."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from nda_reader.export.citations import bibtex, csl_item
from nda_reader.export.markdown import all_groups, render_document
from nda_reader.export.render import group_documents
from tests.helpers.corpora import MakeCorpus, copy_bundled_corpus, text_file
from tests.helpers.export_checks import PANDOC

needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("cite")
    root = copy_bundled_corpus(tmp)
    out = tmp / "out"
    for fmt in ("csl-json", "bibtex", "markdown"):
        assert (
            main(["export", "--all", "--corpus", str(root), "-o", str(out), "--format", fmt]) == 0
        )
    return out


def test_one_reference_per_document_from_its_front_matter(exported: Path) -> None:
    items = json.loads((exported / "references.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == [
        "liu-liehong-pilot-zone-speech-2023",
        "nda-work-conference-2024",
        "nda-work-conference-2024.zh",  # the annotators' Chinese rendering
        "scio-nda-briefing-2024",
        "national-data-work-meeting-2025",
    ]
    briefing = items[3]
    assert briefing == {
        "id": "scio-nda-briefing-2024",
        "type": "speech",
        "title": "SCIO briefing on promoting high-quality development: "
        "National Data Administration",
        "genre": "Transcript",
        "issued": {"date-parts": [[2024, 8, 13]]},
        "event-date": {"date-parts": [[2024, 7, 22]]},
        "publisher": "China.org.cn / China SCIO",
        "note": "China SCIO website (scio.gov.cn), English transcript, page 1 of 11",
        "language": "en",
    }
    assert items[4]["URL"].startswith("https://www.tc609.org.cn/")


def test_every_markdown_export_carries_its_citation_in_its_front_matter(exported: Path) -> None:
    items = {i["id"]: i for i in json.loads((exported / "references.json").read_text("utf-8"))}
    for path in sorted(exported.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n")[1])
        assert meta["references"] == [items[path.stem]]


@needs_pandoc
def test_pandoc_reads_the_bibtex_as_the_same_references(exported: Path) -> None:
    done = subprocess.run(
        [str(PANDOC), "-f", "bibtex", "-t", "csljson", str(exported / "references.bib")],
        capture_output=True,
        text=True,
        check=True,
    )
    from_bib = {i["id"]: i for i in json.loads(done.stdout)}
    for item in json.loads((exported / "references.json").read_text("utf-8")):
        other: dict[str, Any] = from_bib[item["id"]]
        assert other["title"].replace("’", "'") == item["title"]  # pandoc makes quotes curly
        assert other["issued"]["date-parts"] == item["issued"]["date-parts"]
        assert other.get("URL") == item.get("URL")
        assert other.get("publisher") == item.get("publisher")


@needs_pandoc
def test_pandoc_cites_a_document_from_its_exported_front_matter(
    exported: Path, tmp_path: Path
) -> None:
    extra = tmp_path / "nocite.yaml"
    extra.write_text('nocite: "@*"\n', encoding="utf-8")  # list every reference
    done = subprocess.run(
        [
            str(PANDOC),
            str(exported / "scio-nda-briefing-2024.md"),
            "--citeproc",
            "--metadata-file",
            str(extra),
            "-t",
            "plain",
            "--wrap=none",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    # The bibliography entry (title-cased by the citation style), not the body's title.
    entry = "“scio briefing on promoting high-quality development: national data administration.”"
    lines = [ln.casefold() for ln in done.stdout.splitlines()]
    assert any(ln.startswith(entry) and "2024" in ln for ln in lines), done.stdout[-2000:]


@needs_pandoc
def test_hostile_metadata_is_escaped_in_bibtex(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    title = "Braces {x} 100% & $5 #1 a_b ~ ^ back\\slash"
    root = make_corpus(
        {"texts/odd.md": text_file("odd", "Text.\n", title=json.dumps(title), publisher="A & B")}
    )
    corpus = load_corpus(root)
    item = csl_item("odd", group_documents(corpus, "odd"))
    assert item["title"] == title
    bib = tmp_path / "odd.bib"
    bib.write_text(bibtex([item]), encoding="utf-8")
    done = subprocess.run(
        [str(PANDOC), "-f", "bibtex", "-t", "csljson", str(bib)],
        capture_output=True,
        text=True,
        check=True,
    )
    (back,) = json.loads(done.stdout)
    assert back["title"] == item["title"] and back["publisher"] == "A & B"
    assert all(g in all_groups(corpus) for g in ["odd"]) and render_document(corpus, "odd")
