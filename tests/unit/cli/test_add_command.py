"""``nda-reader add`` on the command line: every kind of source, bad input, dry runs,
progress, a source added again, and all-or-nothing writes."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from nda_reader.formats import atomic
from tests.helpers.importing import BRIEFING_HTML, BRIEFING_TXT
from tests.helpers.pdf import tiny_pdf

Capture = pytest.CaptureFixture[str]

NOTE = """\
A note on harbour data

The Binhai Data Office opened three kinds of harbour data on 18 March 2025.

It plans a data annotation pilot with local universities.
"""
"""Our own words, for the sources of these tests."""


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _briefing_page_added(tmp_path: Path) -> tuple[Path, Path, str]:
    """A corpus made by adding a copy of the briefing's web page: (corpus, page, its HTML),
    for a test to publish the page again changed."""
    root = tmp_path / "corpus"
    page = tmp_path / "briefing.html"
    html = BRIEFING_HTML.read_text(encoding="utf-8")
    page.write_text(html, encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    return root, page, html


def test_a_text_file_is_added_and_the_corpus_checks_clean(tmp_path: Path, capsys: Capture) -> None:
    source = tmp_path / "note.txt"
    source.write_text(NOTE, encoding="utf-8")
    root = tmp_path / "corpus"
    assert main(["add", str(source), "--corpus", str(root)]) == 0
    out = capsys.readouterr().out
    assert "added note-harbour-data-2025 — A note on harbour data" in out
    assert "+ texts/note-harbour-data-2025.md" in out
    assert "date       2025-03-18  (the first date of the text: '18 March 2025')" in out
    assert main(["check", str(root), "--no-pinyin"]) == 0
    doc = load_corpus(root).documents["note-harbour-data-2025"]
    assert doc.body.startswith("# A note on harbour data\n\nThe Binhai Data Office opened")
    assert (doc.kind, doc.language) == ("report", "en")


def test_a_dry_run_shows_the_front_matter_and_writes_nothing(
    tmp_path: Path, capsys: Capture
) -> None:
    root = tmp_path / "corpus"
    assert main(["add", str(BRIEFING_TXT), "--corpus", str(root), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would add press-briefing-binhai-data-office-2025" in out
    assert '    title: "Press briefing of the Binhai Data Office"' in out
    assert "    pairs: zh-en" in out
    assert "line 1: BINHAI DATA OFFICE  [masthead]" in out
    assert "Lin Xiaomei: 3 (new)" in out
    assert "(dry run: nothing written)" in out
    assert not root.exists()


def test_flags_override_what_was_inferred(tmp_path: Path, capsys: Capture) -> None:
    source = tmp_path / "note.txt"
    source.write_text(NOTE, encoding="utf-8")
    root = tmp_path / "corpus"
    args = ["--id", "harbour", "--title", "Harbour data", "--date", "2025-03-01"]
    assert main(["add", str(source), "--corpus", str(root), *args, "--kind", "speech"]) == 0
    doc = load_corpus(root).documents["harbour"]
    assert (doc.title, doc.date, doc.kind) == ("Harbour data", "2025-03-01", "speech")


def test_pasted_text_on_standard_input(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(NOTE.replace("\n", "\r\n")))
    root = tmp_path / "corpus"
    assert main(["add", "-", "--corpus", str(root)]) == 0
    assert "standard input: added note-harbour-data-2025" in capsys.readouterr().out
    assert "\r" not in (root / "texts" / "note-harbour-data-2025.md").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_a_word_file_through_pandoc(tmp_path: Path, capsys: Capture) -> None:
    markdown = tmp_path / "note.md"
    markdown.write_text(NOTE, encoding="utf-8")
    docx = tmp_path / "note.docx"
    subprocess.run(["pandoc", str(markdown), "-o", str(docx)], check=True)
    root = tmp_path / "corpus"
    assert main(["add", str(docx), "--corpus", str(root)]) == 0
    body = load_corpus(root).documents["note-harbour-data-2025"].body
    assert "It plans a data annotation pilot with local universities." in body


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_a_pdf_through_pdftotext(tmp_path: Path, capsys: Capture) -> None:
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(tiny_pdf([line for line in NOTE.splitlines() if line]))
    root = tmp_path / "corpus"
    assert main(["add", str(pdf), "--corpus", str(root)]) == 0
    doc = load_corpus(root).documents["note-harbour-data-2025"]
    assert doc.date == "2025-03-18"
    assert "opened three kinds of harbour data on 18 March 2025." in doc.body


def test_a_pdf_without_pdftotext_says_what_to_install(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(tiny_pdf(["A note"]))
    monkeypatch.setattr("nda_reader.importing.sources.shutil.which", lambda _name: None)
    root = tmp_path / "corpus"
    assert main(["add", str(pdf), "--corpus", str(root)]) == 1
    err = capsys.readouterr().err
    assert "note.pdf: reading this kind of file needs pdftotext, which is not installed" in err
    assert "'poppler-utils'" in err
    assert not (root / "texts").exists() or _files(root) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"\x89PNG\r\n", "photo.png: unknown kind of file '.png'"),
        ("blob.txt", b"abc\x00\x01\x02", "blob.txt: this is a binary file, not text"),
        ("empty.txt", b"  \n\n", "empty.txt: the file is empty; nothing to add"),
        ("latin1.txt", "Caf\u00e9 notes\n".encode("latin-1"), "latin1.txt:1: not UTF-8 text"),
        ("missing.txt", None, "missing.txt: cannot read it (No such file or directory)"),
    ],
)
def test_bad_input_gets_a_clear_error_and_does_not_stop_the_others(
    tmp_path: Path, capsys: Capture, name: str, content: bytes | None, message: str
) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "note.txt"
    good.write_text(NOTE, encoding="utf-8")
    root = tmp_path / "corpus"
    assert main(["add", str(bad), str(good), "--corpus", str(root)]) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert "[1/2] reading" in captured.err and "[2/2] reading" in captured.err
    assert "1 document(s) added, 1 source(s) or document(s) not added" in captured.out
    assert _files(root) == ["texts/note-harbour-data-2025.md"]


def test_the_same_source_again_is_refused_unless_updated(tmp_path: Path, capsys: Capture) -> None:
    root = tmp_path / "corpus"
    assert main(["add", str(BRIEFING_TXT), "--corpus", str(root)]) == 0
    layer = root / "annotations" / "speakers" / "press-briefing-binhai-data-office-2025.yaml"
    layer.write_text(layer.read_text(encoding="utf-8") + "# my own remark\n", encoding="utf-8")
    before = _files(root)
    capsys.readouterr()
    assert main(["add", str(BRIEFING_TXT), "--corpus", str(root)]) == 1
    out = capsys.readouterr().out
    assert "this source was added before, as texts/press-briefing-binhai-data-office-2025.md" in out
    assert _files(root) == before
    # The web page of the same text is another source: its URL is new, so it is a new text.
    text = root / "texts" / "press-briefing-binhai-data-office-2025.md"
    text.write_text(text.read_text(encoding="utf-8").replace("Thank you all.", "Thanks."))
    assert main(["add", str(BRIEFING_TXT), "--corpus", str(root), "--update"]) == 0
    out = capsys.readouterr().out
    assert "~ texts/press-briefing-binhai-data-office-2025.md" in out
    assert "= annotations/speakers/press-briefing-binhai-data-office-2025.yaml kept" in out
    assert "Thank you all." in text.read_text(encoding="utf-8")
    assert layer.read_text(encoding="utf-8").endswith("# my own remark\n")
    assert _files(root) == before


def test_an_update_adds_the_new_turns_to_the_kept_speakers_layer(
    tmp_path: Path, capsys: Capture
) -> None:
    root, page, html = _briefing_page_added(tmp_path)
    doc_id = "press-briefing-binhai-data-office-2025"
    layer = root / "annotations" / "speakers" / f"{doc_id}.yaml"
    layer.write_text(layer.read_text(encoding="utf-8") + "# my own remark\n", encoding="utf-8")
    turns_before = load_corpus(root).turns(doc_id)
    # The page as published again (same URL), with one more question from a new outlet
    # (our own words).
    more = (
        "<p>港口时报：数据目录何时上线？</p>\n"
        "<p>Port Times: When will the data catalogue go online?</p>\n"
        "<p>周文涛：年底前上线。</p>\n"
        "<p>Zhou Wentao: Before the end of the year.</p>\n"
    )
    closing = "<p>林晓梅：今天的发布会到此结束，谢谢大家。</p>"
    assert closing in html
    page.write_text(html.replace(closing, more + closing), encoding="utf-8")
    capsys.readouterr()
    assert main(["add", str(page), "--corpus", str(root), "--update"]) == 0
    out = capsys.readouterr().out
    # a Chinese label and its English partner are one turn
    assert f"annotations/speakers/{doc_id}.yaml: kept, 2 new turns added" in out
    kept = layer.read_text(encoding="utf-8")
    assert "# my own remark\n" in kept  # the user's lines stay
    corpus = load_corpus(root)
    assert not corpus.orphans()
    body = corpus.documents[doc_id].body
    turns = corpus.turns(doc_id)
    assert len(turns) == len(turns_before) + 2
    said = [(t.speaker.id, body[t.start : t.label_end]) for t in turns]
    assert said[-3:] == [
        ("port-times", "港口时报："),  # a new speaker, added to the layer with its turn
        ("zhou-wentao", "周文涛："),  # a speaker the layer has
        ("lin-xiaomei", "林晓梅："),  # the closing turn, kept: not added twice
    ]
    assert "id: port-times" in kept
    assert main(["check", str(root), "--no-pinyin"]) == 0


def test_an_import_writes_all_its_files_or_none(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "corpus"
    (root / "texts").mkdir(parents=True)
    real = atomic.os.replace
    calls = []

    def failing(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:  # the text is in place, the speakers layer fails
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", failing)
    assert main(["add", str(BRIEFING_HTML), "--corpus", str(root)]) == 1
    out = capsys.readouterr().out
    assert "error: nothing written: No space left on device" in out
    assert len(calls) == 2
    assert _files(root) == []  # neither the text nor a temporary file is left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "22 July 2024"], "--date '22 July 2024': write the date as YYYY-MM-DD"),
        (["--id", "Bad Id"], "--id 'Bad Id': use lowercase letters, digits and hyphens"),
        (["-", "-"], "standard input (-) can be given once"),
    ],
)
def test_bad_usage_writes_nothing(
    tmp_path: Path, capsys: Capture, args: list[str], message: str
) -> None:
    root = tmp_path / "corpus"
    sources = [] if "-" in args else [str(BRIEFING_TXT)]
    assert main(["add", *sources, *args, "--corpus", str(root)]) == 2
    assert message in capsys.readouterr().err
    assert not root.exists()


def test_one_id_for_several_documents_is_refused(tmp_path: Path, capsys: Capture) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    root = tmp_path / "corpus"
    assert main(["add", str(note), str(BRIEFING_TXT), "--id", "one", "--corpus", str(root)]) == 1
    assert "--id names one document, but the sources make 2" in capsys.readouterr().err
    assert not (root / "texts").exists() or _files(root) == []


def test_an_update_writes_nothing_if_the_kept_layer_changed_after_it_was_planned(
    tmp_path: Path, capsys: Capture
) -> None:
    # In the reader the review dialog sits between planning and writing: a layer edited
    # meanwhile is never overwritten with the version the plan was made from.
    from nda_reader.importing.plan import prepare, write
    from nda_reader.importing.sources import read_source

    root, page, html = _briefing_page_added(tmp_path)
    closing = "<p>林晓梅：今天的发布会到此结束，谢谢大家。</p>"
    more = "<p>港口时报：何时？</p>\n<p>Port Times: When?</p>\n"  # our own words
    page.write_text(html.replace(closing, more + closing), encoding="utf-8")
    planned = prepare([read_source(page)], root, update=True).documents[0]
    assert planned.turns_added
    layer = next(iter(planned.turns_added))
    text = root / "texts" / f"{layer.stem}.md"
    before = {p: p.read_bytes() for p in (layer, text)}
    layer.write_text(layer.read_text(encoding="utf-8") + "# edited meanwhile\n", "utf-8")
    before[layer] = layer.read_bytes()
    with pytest.raises(OSError, match="changed since the import was prepared"):
        write(planned)
    assert {p: p.read_bytes() for p in (layer, text)} == before
