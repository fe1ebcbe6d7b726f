"""Cursor motions of the navigator: lines, pages, terms, passages, turns, matches, clicks."""

from __future__ import annotations

from nda_reader.reading.navigation import CursorState, Navigator, Nowhere
from nda_reader.reading.wrapping import LineKind
from tests.helpers.navigation import TRANSCRIPT, navigator, part

DATA = [i for i in range(len(TRANSCRIPT)) if TRANSCRIPT.startswith("data", i)]
"""Where the four occurrences of the term "data" start."""


def _nav(**kw: object) -> Navigator:
    return navigator([part("d", TRANSCRIPT)], **kw)  # type: ignore[arg-type]


def _text(nav: Navigator, move: CursorState | Nowhere) -> str:
    assert isinstance(move, CursorState)
    line = nav.line(move.y)
    assert line is not None
    return TRANSCRIPT[line.start : line.end]


def test_position_is_the_term_else_the_line_start() -> None:
    nav = _nav()
    y = nav.layout.line_at("d", DATA[0])
    assert y is not None
    assert nav.position(CursorState(y)) == ("d", TRANSCRIPT.index("The data"))
    term = nav.marks.occurrences[0]
    assert nav.position(CursorState(y, term)) == ("d", DATA[0])
    assert nav.position(CursorState(1)) == ("d", 0)  # a blank line
    assert nav.current_block(CursorState(y)) == ("d", 2)
    assert nav.turn(CursorState(y)) == 0 and nav.turn(CursorState(0)) == -1


def test_line_steps_skip_blank_lines_and_take_the_first_term() -> None:
    nav = _nav()
    move = nav.line_step(CursorState(0), 1, top=0, height=20)
    assert move == CursorState(2)  # over the blank line to "Alice:"
    move = nav.line_step(CursorState(2), 1, top=0, height=20)
    assert _text(nav, move).startswith("The data")
    assert isinstance(move, CursorState) and move.term == nav.marks.occurrences[0]
    assert nav.line_step(CursorState(0), -1, top=0, height=20) == Nowhere()  # at the top


def test_a_cursor_out_of_sight_comes_back_at_the_edge_of_the_view() -> None:
    nav = _nav()
    assert nav.line_step(CursorState(0), 1, top=7, height=5) == CursorState(8)
    assert nav.line_step(CursorState(0), -1, top=7, height=5) == CursorState(
        10, nav.first_term_on(nav.layout.lines[10])
    )


def test_edges_and_pages() -> None:
    nav = _nav()
    last = len(nav.layout.lines) - 1
    assert nav.edge(-1) == CursorState(0)
    assert _text(nav, nav.edge(1)) == "More from Alice on data."
    assert nav.page_top(0, 6, 1) == 4  # a page is the view's height less two lines
    assert nav.page_top(8, 6, 1) == last + 1 - 6  # no further than the last screen
    assert nav.page_top(last + 1 - 6, 6, 1) is None  # already at the bottom
    assert nav.page_top(0, 6, -1) is None


def test_terms_one_after_another_then_no_more() -> None:
    nav = _nav()
    cursor = CursorState(0)
    starts = []
    while isinstance(move := nav.term(cursor, 1), CursorState):
        assert move.term is not None
        starts.append(move.term.start)
        cursor = move
    assert starts == DATA
    assert move == Nowhere("No more terms")
    back = nav.term(cursor, -1)
    assert isinstance(back, CursorState) and back.term == nav.marks.occurrences[-2]


def test_a_term_at_the_line_start_is_the_next_one_when_no_term_is_current() -> None:
    nav = _nav()
    y = nav.layout.line_at("d", DATA[1])
    assert y is not None
    line = nav.layout.lines[y]
    assert line.start < DATA[1]
    move = nav.term(CursorState(y), 1)
    assert isinstance(move, CursorState) and move.term == nav.marks.occurrences[1]


def test_terms_hidden_by_the_speaker_filter_are_skipped() -> None:
    nav = _nav(only_speaker="bob")
    move = nav.term(CursorState(0), 1)
    assert isinstance(move, CursorState) and move.term is not None
    assert move.term.start == DATA[2]  # Bob's only term
    assert nav.term(move, 1) == Nowhere("No more terms")
    assert not nav.shows_term(nav.marks.occurrences[0])
    assert nav.shows_term(nav.marks.occurrences[2])


def test_annotated_passages_and_cross_references() -> None:
    nav = _nav(links=(("d", 4),), notes=(("d", 2),))
    first = nav.passage(CursorState(0), 1)
    assert _text(nav, first).startswith("The data")
    assert isinstance(first, CursorState)
    second = nav.passage(first, 1)
    assert _text(nav, second) == "A reply about data."
    assert nav.passage(second, 1) == Nowhere("No more annotated passages")
    assert nav.passage(second, -1) == first
    link = nav.passage(CursorState(0), 1, links_only=True)
    assert link == second
    assert nav.passage(link, -1, links_only=True) == Nowhere("No more cross-references")


def test_same_speaker_goes_to_the_next_turn_and_wraps() -> None:
    nav = _nav()
    assert [nav.layout.line_at("d", t.start) for t in nav.layout.turns] == [2, 8, 12]
    assert nav.same_speaker(CursorState(5)) == CursorState(12)  # Alice again
    assert nav.same_speaker(CursorState(14)) == CursorState(2)  # wrapped to her first
    assert nav.same_speaker(CursorState(10)) == Nowhere("No other turn by this speaker")
    assert nav.same_speaker(CursorState(0)) == CursorState(2)  # outside any turn: the next


def test_no_turn_after_the_last_one_outside_any_turn() -> None:
    nav = navigator([part("d", "Just text.\n\nMore text.\n")])
    assert nav.same_speaker(CursorState(0)) == Nowhere("No speaker turns after this point")


def test_matches_from_the_cursor_then_wrapping() -> None:
    nav = _nav()
    matches = nav.find("DATA")
    assert [m[1] for m in matches] == DATA
    bob = CursorState(10)
    assert nav.next_match(bob, matches, -1, 1) == 2
    assert nav.next_match(bob, matches, -1, -1) == 1
    assert nav.next_match(CursorState(14), matches, -1, 1) == 3
    assert nav.next_match(CursorState(0), matches, -1, -1) == 3
    assert nav.next_match(bob, matches, 3, 1) == 0
    assert nav.next_match(bob, matches, 0, -1) == 3


def test_a_match_in_a_hidden_turn_is_not_shown() -> None:
    nav = _nav(only_speaker="bob")
    assert nav.shows_match("d", DATA[2])
    assert not nav.shows_match("d", DATA[0])


def test_clicks_put_the_cursor_on_the_line_and_the_term_clicked() -> None:
    nav = _nav()
    y = nav.layout.line_at("d", DATA[0])
    assert y is not None
    line = nav.layout.lines[y]
    x = DATA[0] - line.start + 1  # inside "data"
    assert nav.text_at(y, x) == ("d", DATA[0] + 1)
    assert nav.clicked(y, x) == CursorState(y, nav.marks.occurrences[0])
    assert nav.clicked(y, 0) == CursorState(y)  # on "The"
    assert nav.clicked(y, 99) == CursorState(y)  # right of the text
    assert nav.text_at(y, 99) == ("d", line.end)
    assert nav.clicked(1, 3) == Nowhere()  # a blank line
    assert nav.text_at(999, 0) == ("d", nav.layout.lines[-1].start)  # clamped to the last line


def test_clicks_left_of_an_indented_item_go_to_its_start() -> None:
    body = "- data item\n"
    nav = navigator([part("d", body)])
    line = nav.layout.lines[0]
    assert line.kind is LineKind.TEXT and line.prefix == "• "
    assert nav.text_at(0, 0) == ("d", line.start)
    assert nav.clicked(0, 0) == CursorState(0)  # on the bullet: no term
    assert nav.clicked(0, 2) == CursorState(0, nav.marks.occurrences[0])
