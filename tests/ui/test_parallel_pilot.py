"""The parallel view (P): in step, highlights on both sides, fixes and undo, alternating files."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from nda_reader.ui.screens.parallel import ParallelScreen
from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.widgets.document_view import DocumentView
from tests.helpers.bilingual import ALTERNATING, BRIEFING, bilingual_corpus
from tests.helpers.corpora import MakeCorpus, copy_bundled_corpus
from tests.helpers.pilot import make_app

EN, ZH = "nda-work-conference-2024", "nda-work-conference-2024.zh"


def _wheel(view: DocumentView, down: bool) -> None:
    """One turn of the mouse wheel over ``view``."""
    kind = events.MouseScrollDown if down else events.MouseScrollUp
    view.post_message(kind(view, 5, 5, 0, 1 if down else -1, 0, False, False, False))


async def _parallel(pilot: Pilot[None]) -> ParallelScreen:
    await pilot.pause()
    await pilot.press("P")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ParallelScreen)
    return screen


def _row(view, block: int) -> int:  # type: ignore[no-untyped-def]
    """The screen row of the first line of ``block`` in ``view``."""
    doc = view.parts[0]
    return view.flow.line_at(doc.id, doc.block_by_index(block).start) - view.scroll_offset.y


async def test_the_counterpart_scrolls_in_step_and_shows_the_pair(tmp_path: Path) -> None:
    root = copy_bundled_corpus(tmp_path)
    app = make_app(tmp_path / "config", root / "texts" / f"{EN}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _parallel(pilot)
        english, chinese = screen.main, screen.counterpart
        assert english.has_focus and chinese.scroll_offset.y == 0
        body = app.corpus.documents[EN].body
        english.go_to(EN, body.index("data property rights"))
        await pilot.pause()
        # The Chinese view scrolled with it: the pair's passages are on the same row.
        assert chinese.scroll_offset.y > 0
        assert _row(chinese, 12) == _row(english, 12)
        assert chinese.current_block() == (ZH, 12)
        assert chinese.echo.blocks == {(ZH, 12)}
        # Down again: the next pair, in the same frame as the cursor's move.
        await pilot.press("j")
        assert english.current_block() == (EN, 13)
        assert chinese.current_block() == (ZH, 13) and chinese.echo.blocks == {(ZH, 13)}
        assert _row(chinese, 13) == _row(english, 13)
        assert "Pair 14/25 1–1 confirmed" in str(screen.query_one("#parallel-status").render())


async def _turn_wheel(pilot: Pilot[None], view: DocumentView, turns: int) -> None:
    """``turns`` turns of the wheel over ``view`` (down if positive), then let it settle."""
    for _ in range(abs(turns)):
        _wheel(view, down=turns > 0)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _level(screen: ParallelScreen, side: int) -> bool:
    """The pair of the first passage starting on ``side``'s screen starts on the same row
    on both sides."""
    view = screen.views()[side]
    shown = next(
        ln.block for ln in view.flow.lines[view.scroll_offset.y :] if ln.block >= 0 and ln.first
    )
    pair = screen.parallel.pair_at(side, shown)
    assert pair is not None
    return _row(screen.main, pair.blocks(0).start) == _row(screen.counterpart, pair.blocks(1).start)


async def test_the_mouse_wheel_scrolls_both_sides_in_step(tmp_path: Path) -> None:
    root = copy_bundled_corpus(tmp_path)
    app = make_app(tmp_path / "config", root / "texts" / f"{EN}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _parallel(pilot)
        english, chinese = screen.main, screen.counterpart
        cursor = english.cursor
        await _turn_wheel(pilot, chinese, 6)  # over the Chinese side; the cursor stays put
        assert chinese.scroll_offset.y > 0 and english.scroll_offset.y > 0
        assert english.cursor == cursor
        assert _level(screen, 1)
        await _turn_wheel(pilot, english, -3)  # and back up, over the English side
        assert _level(screen, 0)


async def test_a_pair_of_two_passages_is_highlighted_whole_on_both_sides(tmp_path: Path) -> None:
    root = copy_bundled_corpus(tmp_path)
    app = make_app(tmp_path / "config", root / "texts" / f"{ZH}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _parallel(pilot)
        english, chinese = screen.main, screen.counterpart
        assert chinese.has_focus  # the text that was open keeps the cursor
        await pilot.press("G")
        assert chinese.current_block() == (ZH, 25)
        assert chinese.echo.blocks == {(ZH, 24)}  # the other passage of the 1-2 pair
        assert english.current_block() == (EN, 24) and english.echo.blocks == {(EN, 24)}


async def test_a_term_under_the_cursor_lights_up_its_entry_on_the_other_side(
    tmp_path: Path,
) -> None:
    root = copy_bundled_corpus(tmp_path)
    app = make_app(tmp_path / "config", root / "texts" / f"{EN}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _parallel(pilot)
        body = app.corpus.documents[EN].body
        at = body.index("National Data Administration) director")
        screen.main.go_to(EN, at)
        await pilot.pause()
        assert screen.main.cursor.term is not None
        assert screen.main.cursor.term.entry_id == "nda"
        zh = app.corpus.documents[ZH].body
        assert [zh[s:e] for _, s, e in screen.counterpart.echo.terms] == ["国家数据局"]
        # and the other way round: from the Chinese term to the English one
        await pilot.press("tab")
        screen.counterpart.go_to(ZH, zh.index("刘烈宏"))
        await pilot.pause()
        # The English gives the name in both scripts: both are the entry.
        assert [body[s:e] for _, s, e in screen.main.echo.terms] == ["Liu Liehong", "刘烈宏"]


async def test_fixing_a_pair_saves_it_and_undo_restores_the_file(tmp_path: Path) -> None:
    root = copy_bundled_corpus(tmp_path)
    layer = root / "annotations" / "alignments" / f"{EN}.yaml"
    before = layer.read_bytes()
    app = make_app(tmp_path / "config", root / "texts" / f"{ZH}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _parallel(pilot)
        await pilot.press("G")  # the second passage of the last pair (1-2)
        await pilot.press("B")  # split it there
        await pilot.pause()
        alignment = app.corpus.alignment(EN)
        assert alignment is not None and len(alignment.pairs) == 26
        assert [tuple(s) for s in alignment.pairs[-1].sides] == [(), (25,)]
        assert screen.parallel.alignment.pairs[-1].sides == alignment.pairs[-1].sides
        assert "Pair 26/26 0–1 confirmed" in str(screen.query_one("#parallel-status").render())
        assert layer.read_bytes() != before
        await pilot.press("u")
        await pilot.pause()
        assert layer.read_bytes() == before
        assert len(screen.parallel.alignment.pairs) == 25


async def test_joining_a_proposed_pair_stores_the_proposal(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = bilingual_corpus(make_corpus)
    (root / "annotations" / "alignments").mkdir()
    app = make_app(tmp_path / "config", root / "texts" / f"{BRIEFING}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _parallel(pilot)
        status = str(screen.query_one("#parallel-status").render())
        assert "proposed by the aligner, not saved yet" in status
        await pilot.press("J")  # the two headings join the speaker labels
        await pilot.pause()
        stored = app.corpus.alignment(BRIEFING)
        assert stored is not None and stored.layer is not None
        assert [tuple(s) for s in stored.pairs[0].sides] == [(0, 1), (0, 1)]
        assert "not saved" not in str(screen.query_one("#parallel-status").render())


async def test_an_alternating_transcript_shows_as_pairs(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = bilingual_corpus(make_corpus)
    app = make_app(tmp_path / "config", root / "texts" / f"{ALTERNATING}.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _parallel(pilot)
        chinese, english = screen.main, screen.counterpart
        doc = app.corpus.documents[ALTERNATING]
        shown = [[doc.block_text(b)[:6] for b in v.parts[0].blocks] for v in (chinese, english)]
        assert shown == [
            ["数据工作新闻", "王兰：各位记", "记者：国家数", "王兰：我们将"],
            ["Press ", "Wang L", "Report", "Wang L"],
        ]
        chinese.go_to(ALTERNATING, doc.blocks[4].start)  # the reporter's question in Chinese
        await pilot.pause()
        assert chinese.current_block() == (ALTERNATING, 4)
        assert english.current_block() == (ALTERNATING, 5)
        assert english.echo.blocks == {(ALTERNATING, 5)}
        await pilot.press("J")
        assert "follow the file" in " ".join(str(n.message) for n in app._notifications)


async def test_an_orphaned_pair_is_deleted_or_reattached_from_the_orphans_view(
    tmp_path: Path,
) -> None:
    # Our Chinese is edited so that the quote of one pair's Chinese side is gone (an
    # orphaned pair, listed with the others by O; it used to crash the delete).
    root = copy_bundled_corpus(tmp_path)
    zh_path = root / "texts" / f"{ZH}.md"
    zh_path.write_text(
        zh_path.read_text(encoding="utf-8").replace("- 数据交易", "- 交易数据"), encoding="utf-8"
    )
    app = make_app(tmp_path / "config", zh_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        [orphan] = app.corpus.orphans()
        assert (orphan.id, orphan.end) == (f"{EN}#14", "counterpart")
        # Re-attach it: select the edited item, then O and enter.
        zh = app.corpus.documents[ZH].body
        screen = pilot.app.screen
        assert isinstance(screen, ReadingScreen)
        screen.main.go_to(ZH, zh.index("交易数据"))
        await pilot.press("v", "O")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.corpus.orphans() == []
        alignment = app.corpus.alignment(EN)
        assert alignment is not None and [tuple(s) for s in alignment.pairs[13].sides] == [
            (13,),
            (13,),
        ]
        await pilot.press("u")  # back to the orphan; then delete the pair
        await pilot.pause()
        assert len(app.corpus.orphans()) == 1
        await pilot.press("O")
        await pilot.pause()
        await pilot.press("d", "y")
        await pilot.pause()
        alignment = app.corpus.alignment(EN)
        assert app.corpus.orphans() == [] and alignment is not None
        assert len(alignment.pairs) == 24
