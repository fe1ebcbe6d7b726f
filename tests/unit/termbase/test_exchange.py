"""Glossary exchange: every format round-trips the bundled glossary; TBX is valid TBX-Basic;
import merges by id or hanzi and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.locations import bundled_root
from nda_reader.termbase.merge import glossary_records
from tests.helpers.corpora import REPO, MakeCorpus, text_file

EMPTY = "layer: glossary\nversion: 1\nentries: []\n"
FILES = ["glossary.tbx", "glossary.csv", "glossary.tsv", "glossary.txt", "glossary.pleco"]


@pytest.fixture(scope="module")
def bundled_records() -> list[dict[str, object]]:
    return glossary_records(load_corpus(bundled_root()))


@pytest.mark.parametrize("name", FILES)
def test_export_then_import_round_trips_every_entry_and_field(
    name: str, make_corpus: MakeCorpus, tmp_path: Path, bundled_records: list[dict[str, object]]
) -> None:
    out = tmp_path / name
    assert main(["glossary", "export", str(out)]) == 0
    root = make_corpus(
        {"texts/a.md": text_file("a", "Nothing here.\n"), "annotations/glossary.yaml": EMPTY}
    )
    assert main(["glossary", "--corpus", str(root), "import", str(out)]) == 0
    corpus = load_corpus(root)
    assert [p.format() for p in corpus.problems] == []
    assert glossary_records(corpus) == bundled_records
    assert len(bundled_records) > 100


def test_exported_tbx_is_valid_tbx_basic(tmp_path: Path) -> None:
    from lxml import etree

    out = tmp_path / "g.tbx"
    assert main(["glossary", "export", str(out)]) == 0
    schema = etree.RelaxNG(etree.parse(str(REPO / "tests/helpers/schemas/tbx_basic.rng")))
    doc = etree.parse(str(out))
    assert schema.validate(doc), schema.error_log
    statuses = doc.xpath("//termNote[@type='administrativeStatus']/text()")
    assert "preferredTerm-admn-sts" in statuses
    # a wrong status is caught: the test validates for real
    bad = etree.fromstring(out.read_bytes().replace(b"preferredTerm-admn-sts", b"liked", 1))
    assert not schema.validate(etree.ElementTree(bad))


def test_omegat_tsv_has_three_columns_source_target_comment(tmp_path: Path) -> None:
    out = tmp_path / "g.txt"
    assert main(["glossary", "export", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 3 for line in lines)
    assert any(line.startswith("国家数据局\tNational Data Administration\t") for line in lines)


def test_a_foreign_omegat_glossary_is_imported_with_drafted_pinyin(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus({"annotations/glossary.yaml": EMPTY})
    foreign = tmp_path / "theirs.tsv"
    foreign.write_text("数据要素\tdata element\tour own test row\n", encoding="utf-8")
    assert main(["glossary", "--corpus", str(root), "import", str(foreign)]) == 0
    entry = load_corpus(root).glossary.entries["data-element"]
    assert (entry.pinyin, entry.note, entry.hanzi_source) == (
        "shùjù yàosù",
        "our own test row",
        "annotator",
    )


def test_import_reports_conflicts_and_never_overwrites(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = (bundled_root() / "annotations" / "glossary.yaml").read_text(encoding="utf-8")
    root = make_corpus({"annotations/glossary.yaml": glossary})
    before = (root / "annotations/glossary.yaml").read_bytes()
    theirs = tmp_path / "theirs.csv"
    theirs.write_text(
        "国家数据局,National Bureau of Data,\n数字孪生,digital twin,\n", encoding="utf-8"
    )
    code = main(["glossary", "--corpus", str(root), "import", "--dry-run", str(theirs)])
    out = capsys.readouterr().out
    assert code == 1
    assert "would add: digital-twin (数字孪生, digital twin)" in out
    assert (
        "conflict: nda: english: glossary has 'National Data Administration', "
        "file has 'National Bureau of Data'"
    ) in out
    assert (root / "annotations/glossary.yaml").read_bytes() == before  # dry run
    assert main(["glossary", "--corpus", str(root), "import", str(theirs)]) == 1
    corpus = load_corpus(root)
    assert corpus.glossary.entries["nda"].english == "National Data Administration"
    assert corpus.glossary.entries["digital-twin"].hanzi == "数字孪生"


def test_an_unknown_extension_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "export", str(tmp_path / "g.docx")]) == 1
    assert "unknown extension" in capsys.readouterr().err
