"""Re-export keeps hand-written blocks in place, never replaces a file it did not write or
that changed since without --force (and says so); --to through pandoc; keep-block placement."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from nda_reader.export.keep import splice, split
from tests.helpers.corpora import MakeCorpus
from tests.helpers.export_checks import PANDOC, rich_corpus

KEPT = "<!-- nda:keep -->\nOur reading: this is the key passage.\n<!-- /nda:keep -->"


@pytest.fixture
def root(make_corpus: MakeCorpus) -> Path:
    return rich_corpus(make_corpus)


def _export(
    capsys: pytest.CaptureFixture[str], root: Path, out: Path, *extra: str
) -> tuple[int, str]:
    code = main(["export", "alpha", "--corpus", str(root), "-o", str(out), *extra])
    return code, capsys.readouterr().err


def test_kept_blocks_survive_a_re_export_in_place(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _export(capsys, root, out)[0] == 0
    path = out / "alpha.md"
    first = path.read_text(encoding="utf-8")
    anchor_line = next(ln for ln in first.splitlines() if ln.startswith("Closing paragraph"))
    edited = first.replace(anchor_line, anchor_line + "\n\n" + KEPT, 1)
    path.write_text(edited, encoding="utf-8")
    # The corpus changes; the export changes with it, and the kept block stays put.
    notes = root / "annotations/notes.yaml"
    notes.write_text(notes.read_text().replace("First note.", "First note, revised."))
    code, err = _export(capsys, root, out)
    assert code == 0 and "kept 1 hand-written block(s) in alpha.md" in err
    again = path.read_text(encoding="utf-8")
    assert "First note, revised." in again
    assert anchor_line + "\n\n" + KEPT + "\n" in again
    assert (
        again.replace("\n\n" + KEPT, "", 1).replace("First note, revised.", "First note.") == first
    )


def test_a_file_changed_outside_kept_blocks_is_not_replaced_without_force(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    _export(capsys, root, out)
    path = out / "alpha.md"
    hand = path.read_text(encoding="utf-8").replace("Closing paragraph.", "Closing words, edited.")
    path.write_text(hand + "\n" + KEPT + "\n", encoding="utf-8")
    code, err = _export(capsys, root, out)
    assert code == 1
    assert "alpha.md was changed since nda-reader export wrote it" in err
    assert "Nothing was written" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == hand + "\n" + KEPT + "\n"
    code, err = _export(capsys, root, out, "--force")
    assert code == 0 and "replaced it (--force)" in err
    text = path.read_text(encoding="utf-8")
    assert "Closing paragraph." in text and "Closing words, edited." not in text
    assert text.endswith(KEPT + "\n")  # kept blocks are kept even with --force


def test_a_file_the_export_did_not_write_is_not_replaced(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "alpha.md").write_text("my own notes\n", encoding="utf-8")
    code, err = _export(capsys, root, out)
    assert code == 1 and "alpha.md was not written by nda-reader export" in err
    assert (out / "alpha.md").read_text(encoding="utf-8") == "my own notes\n"
    assert sorted(p.name for p in out.iterdir()) == ["alpha.md"]


def test_blank_line_edits_alone_do_not_count_as_changes(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    _export(capsys, root, out)
    path = out / "alpha.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n\n", encoding="utf-8")
    assert _export(capsys, root, out)[0] == 0


def test_a_kept_block_whose_neighbours_are_gone_goes_to_the_end() -> None:
    old = "# Title\n\nPara one.\n\n" + KEPT + "\n\nPara two.\n"
    generated, kept = split(old)
    assert generated == ["# Title", "", "Para one.", "", "", "Para two."]
    assert kept[0].before == ("Para one.", 0) and kept[0].after == ("Para two.", 0)
    text, lost = splice("# Title\n\nPara two.\n", kept)
    assert lost == 0 and text == "# Title\n\n" + KEPT + "\n\nPara two.\n"  # before "Para two."
    text, lost = splice("# Other\n", kept)
    assert lost == 1 and text == "# Other\n\n" + KEPT + "\n"


def test_repeated_lines_keep_the_block_after_the_same_occurrence() -> None:
    old = "Xing Huina:\n\nA.\n\nXing Huina:\n\n" + KEPT + "\n\nB.\n"
    _, kept = split(old)
    text, _ = splice("Xing Huina:\n\nA2.\n\nXing Huina:\n\nB.\n", kept)
    assert text == "Xing Huina:\n\nA2.\n\nXing Huina:\n\n" + KEPT + "\n\nB.\n"


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_to_docx_and_html_through_pandoc(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _export(capsys, root, out, "--to", "docx")[0] == 0
    with zipfile.ZipFile(out / "alpha.docx") as docx:
        assert "National Data Administration" in docx.read("word/document.xml").decode("utf-8")
    assert _export(capsys, root, out, "--to", "html")[0] == 0
    html = (out / "alpha.html").read_text(encoding="utf-8")
    assert "<html" in html and "National Data Administration" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_to_without_pandoc_says_what_to_do_and_writes_nothing(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    code, err = _export(capsys, root, out, "--to", "docx")
    assert code == 1
    assert "--to docx needs pandoc, which is not installed; install it" in err
    assert not out.exists()


def test_to_goes_with_markdown_only(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _export(capsys, root, tmp_path / "out", "--format", "tei", "--to", "html")
    assert code == 2 and "--to html converts the Markdown export" in err
