"""The text on screen as it was published: numbers, lines, Chinese, line endings, titles.

The texts here are our own, written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from nda_reader.reading.line_breaking import NO_LINE_END, NO_LINE_START
from nda_reader.reading.shown_text import shown_line
from nda_reader.reading.wrapping import LineKind
from nda_reader.ui.screens.reading import ReadingScreen
from tests.helpers.corpora import REPO, MakeCorpus, text_file
from tests.helpers.pilot import make_app, pane_text, screen_text

NUMBERED = """
# Measures

1. At the invitation of the host, the delegation visited the data exchange.
2. The two sides signed a memorandum.

(1) First, open public data.
(2) Second, build the market.

一、总体要求
（一）加快数据市场建设。
"""

CHINESE = (
    "国家数据局在会上表示，要加快推进数据要素市场化配置改革，"
    "完善数据基础制度，促进数据“供得出、流得动、用得好”。"
    "会议要求各地区（特别是试点城市）因地制宜、分类施策，推动数据资源开发利用。"
)
"""A paragraph of our own, dense with CJK punctuation."""


def _text_lines(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    view = screen.main
    lines = [ln for ln in view.flow.lines if ln.kind is LineKind.TEXT]
    return [
        ln.prefix + shown_line(view.marks.body(ln.doc_id), ln.start, ln.end).text for ln in lines
    ]


async def test_numbered_items_keep_their_numbers_on_screen(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = make_corpus({"texts/measures.md": text_file("measures", NUMBERED, kind="readout")})
    app = make_app(tmp_path / "config", root / "texts" / "measures.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "1. At the invitation of the host" in shown
        assert "2. The two sides signed" in shown
        assert "(1) First, open public data." in shown
        assert "一、总体要求" in shown and "（一）加快数据市场建设。" in shown
        assert "•" not in shown


async def test_a_txt_with_a_paragraph_per_line_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "readout.txt"
    lines = [
        "Readout of the meeting",
        "The meeting reviewed the plan for the year.",
        "会议指出，要加快推进",
        "数据要素市场化配置改革。",
    ]
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
    app = make_app(tmp_path / "config", path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert len(screen.main.doc.blocks) == 4  # one passage per line
        assert screen.main.border_title == " Readout of the meeting "


async def test_joined_lines_show_one_space_or_none_between_chinese(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    body = (
        "# Title\n\nData factors\r\nare the raw material.\n\n"
        "会议指出，要加快推进\n数据要素市场化配置改革。\n"
    )
    root = make_corpus({"texts/joined.md": text_file("joined", "").encode() + body.encode()})
    app = make_app(tmp_path / "config", root / "texts" / "joined.md")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Data factors are the raw material." in shown  # CRLF: one space, not two
        assert "要加快推进数据要素市场化配置改革。" in shown  # no space inserted in Chinese


async def test_no_line_starts_with_closing_chinese_punctuation(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = make_corpus({"texts/cn.md": text_file("cn", CHINESE + "\n", language="zh")})
    for width in (61, 72, 97):
        app = make_app(tmp_path / f"config-{width}", root / "texts" / "cn.md")
        async with app.run_test(size=(width, 30)) as pilot:
            await pilot.pause()
            lines = [ln.strip() for ln in _text_lines(app)]
            assert "".join(lines) == CHINESE
            assert not any(ln[0] in NO_LINE_START for ln in lines[1:]), lines
            assert not any(ln[-1] in NO_LINE_END for ln in lines[:-1]), lines


async def test_the_context_pane_shows_hanzi_unspaced(tmp_path: Path) -> None:
    app = make_app(tmp_path, REPO / "texts" / "national-data-work-meeting-2025.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        body = screen.main.doc.body
        screen.main.go_to(screen.main.doc.id, body.index("Liu Honglie"))
        await pilot.pause()
        assert "刘烈宏" in pane_text(screen) and "刘 烈 宏" not in pane_text(screen)
        assert "刘烈宏" in screen_text(app)


async def test_a_single_file_is_titled_by_its_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("## Section 1\n\nSome text.\n", encoding="utf-8")
    app = make_app(tmp_path / "config", path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert screen.main.border_title == " Section 1 "
        assert "##" not in screen_text(app).splitlines()[0]
