"""Documents: front matter, passages, and precise errors for broken texts."""

from __future__ import annotations

from pathlib import Path

from nda_reader.corpus.document import BlockKind, item_marker, load_document, split_blocks
from nda_reader.formats.problems import ProblemList
from tests.helpers.corpora import text_file


def test_body_splits_into_headings_paragraphs_and_nested_items() -> None:
    body = "# Title\n\nFirst line\nsame paragraph\n\n- one\n  - one.a\n- two\n\nLiu Liehong:\n"
    blocks = split_blocks(body)
    kinds = [(b.kind, b.level, body[b.start : b.end]) for b in blocks]
    assert kinds == [
        (BlockKind.HEADING, 1, "Title"),
        (BlockKind.PARAGRAPH, 0, "First line\nsame paragraph"),
        (BlockKind.ITEM, 0, "one"),
        (BlockKind.ITEM, 1, "one.a"),
        (BlockKind.ITEM, 0, "two"),
        (BlockKind.PARAGRAPH, 0, "Liu Liehong:"),
    ]


def test_document_loads_metadata_and_maps_offsets_to_file_lines(tmp_path: Path) -> None:
    path = tmp_path / "doc-a.md"
    path.write_text(
        text_file("doc-a", "Hello.\n\nSecond 国家数据局.\n", part_of="brief", part=2),
        encoding="utf-8",
    )
    problems = ProblemList()
    doc = load_document(path, problems)
    assert problems == [] and doc is not None
    assert (doc.id, doc.part_of, doc.part, doc.date) == ("doc-a", "brief", 2, "2024-01-01")
    offset = doc.body.index("国家数据局")
    assert doc.file_position(offset) == (12, 8)
    assert path.read_text(encoding="utf-8").splitlines()[11][7:12] == "国家数据局"


def test_missing_front_matter_is_an_error_that_says_what_to_add(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("Just text.\n", encoding="utf-8")
    problems = ProblemList()
    assert load_document(path, problems) is None
    assert problems[0].line == 1 and "missing front matter" in problems[0].message


def test_plain_file_outside_a_corpus_opens_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "Notes on NDA.txt"
    path.write_text("Notes on the NDA\n\n• first\n• second\n", encoding="utf-8")
    problems = ProblemList()
    doc = load_document(path, problems, require_front_matter=False)
    assert problems == [] and doc is not None
    assert doc.title == "Notes on the NDA"
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.ITEM]


def test_front_matter_errors_name_the_line_of_the_bad_field(tmp_path: Path) -> None:
    path = tmp_path / "doc-b.md"
    path.write_text(
        "---\nid: doc-b\ntitle: B\ndate: 22 July 2024\nkind: interview\nlanguage: en\n---\nx\n",
        encoding="utf-8",
    )
    problems = ProblemList()
    assert load_document(path, problems) is None
    lines = [p.format() for p in problems]
    assert lines == [
        f"{path}:4:7: error: 'date' in front matter is '22 July 2024'; write the date as "
        "YYYY-MM-DD",
        f"{path}:5:7: error: 'kind' in front matter is 'interview'; use one of: transcript, "
        "readout, speech, report",
    ]


def test_id_must_match_file_name(tmp_path: Path) -> None:
    path = tmp_path / "doc-c.md"
    path.write_text(text_file("other-id", "x\n"), encoding="utf-8")
    problems = ProblemList()
    assert load_document(path, problems) is None
    assert "must match the file name 'doc-c'" in problems[0].message
    assert (problems[0].line, problems[0].column) == (2, 5)


def test_numbered_items_keep_their_numbers_as_written() -> None:
    # Our own text: English and Chinese numbering styles, as policy documents print them.
    body = "1. At the meeting\n2. After it\n\n(1) first\n（一）第一条\n一、总体要求\n- a bullet\n"
    blocks = split_blocks(body)
    shown = [(b.kind, item_marker(body, b), body[b.start : b.end]) for b in blocks]
    assert shown == [
        (BlockKind.ITEM, "1.", "At the meeting"),
        (BlockKind.ITEM, "2.", "After it"),
        (BlockKind.ITEM, "(1)", "first"),
        (BlockKind.ITEM, "（一）", "第一条"),
        (BlockKind.ITEM, "一、", "总体要求"),
        (BlockKind.ITEM, "", "a bullet"),
    ]


def test_a_txt_written_one_line_per_paragraph_has_one_passage_per_line(tmp_path: Path) -> None:
    path = tmp_path / "readout.txt"
    path.write_text("The meeting opened.\nIt reviewed the plan.\n会议指出，\n", encoding="utf-8")
    doc = load_document(path, ProblemList(), require_front_matter=False)
    assert doc is not None
    assert [doc.block_text(b) for b in doc.blocks] == [
        "The meeting opened.",
        "It reviewed the plan.",
        "会议指出，",
    ]


def test_a_txt_with_blank_lines_keeps_its_paragraphs_whole(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text("A paragraph wrapped\nover two lines.\n\nAnother one.\n", encoding="utf-8")
    doc = load_document(path, ProblemList(), require_front_matter=False)
    assert doc is not None
    assert [doc.block_text(b) for b in doc.blocks] == [
        "A paragraph wrapped\nover two lines.",
        "Another one.",
    ]


def test_a_single_file_is_titled_by_its_first_heading_without_its_marker(tmp_path: Path) -> None:
    path = tmp_path / "sections.md"
    path.write_text("## Section 1\n\nText.\n", encoding="utf-8")
    doc = load_document(path, ProblemList(), require_front_matter=False)
    assert doc is not None and doc.title == "Section 1"
