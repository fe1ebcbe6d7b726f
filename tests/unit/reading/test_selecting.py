"""Selections over a laid-out document: where they start, how they grow, where they stop."""

from __future__ import annotations

from nda_reader.reading.motions import Selection
from nda_reader.reading.navigation import CursorState, Nowhere
from nda_reader.reading.selecting import Selector
from tests.helpers.navigation import navigator, part

ONE = "First part has a sentence. And another one here.\n\nSecond passage.\n"
TWO = "Page two text.\n"


def _selector() -> Selector:
    """Two parts wrapped 20 cells wide: ONE on lines 0-2 and 4, TWO on line 8."""
    return Selector(navigator([part("p1", ONE, 1), part("p2", TWO, 2)], width=20, term="part"))


def test_a_selection_starts_on_the_match_on_the_cursor_line() -> None:
    sel = _selector()
    match = ("p1", ONE.index("sentence"), ONE.index("sentence") + 8)
    assert sel.start(CursorState(1), match) == Selection("p1", match[1], match[2])
    # A match on another line does not count: the word at the line start does.
    assert sel.start(CursorState(0), match) == Selection("p1", 0, 5)


def test_else_on_the_term_under_the_cursor_else_on_the_word() -> None:
    sel = _selector()
    term = sel.navigator.marks.occurrences[0]
    assert sel.start(CursorState(0, term)) == Selection("p1", 6, 10)
    assert sel.start(CursorState(8)) == Selection("p2", 0, 4)  # "Page"


def test_the_head_moves_by_characters_words_sentences_and_passages() -> None:
    sel = _selector()
    start = Selection("p1", 0, 5)  # "First"
    assert sel.moved(start, "char", 1).head == 6
    assert sel.moved(start, "word", 1).head == 10  # end of "part"
    assert sel.moved(start, "word", -1).head == 0
    assert sel.moved(start, "sentence", 1).head == ONE.index(".") + 1
    assert sel.moved(start, "paragraph", 1).head == ONE.index("\n")
    end = Selection("p1", 0, len(ONE))
    assert sel.moved(end, "char", 1).head == len(ONE)  # never past the body
    assert sel.moved(end, "paragraph", -1).head == ONE.index("Second")


def test_a_line_down_keeps_the_column_and_stops_at_the_part_edge() -> None:
    sel = _selector()
    lines = sel.navigator.layout.lines
    head = 3  # "Fir|st"
    down = sel.moved(Selection("p1", 0, head), "line", 1)
    assert down.head == lines[1].start + 3
    assert sel.moved(down, "line", -1).head == head
    last = Selection("p1", 0, ONE.index("passage"))
    assert sel.moved(last, "line", 1).head == len(ONE)  # not into the next part
    assert sel.moved(Selection("p2", 0, 3), "line", -1).head == 0


def test_a_drag_past_the_part_is_clamped_to_it() -> None:
    sel = _selector()
    assert sel.dragged(("p1", 4), ("p1", 9)) == Selection("p1", 4, 9)
    assert sel.dragged(("p1", 4), ("p2", 3)) == Selection("p1", 4, len(ONE))
    assert sel.dragged(("p2", 4), ("p1", 3)) == Selection("p2", 4, 0)


def test_annotations_act_on_the_trimmed_selection_or_the_passage() -> None:
    sel = _selector()
    spaced = Selection("p1", ONE.index(" sentence"), ONE.index("And"))  # " sentence. "
    assert sel.target(spaced, CursorState(0)) == ("p1", spaced.start + 1, spaced.end - 1)
    blank = Selection("p1", ONE.index("\n\n"), ONE.index("\n\n") + 2)
    assert sel.target(blank, CursorState(0)) == Nowhere(
        "Select some text first: extend with l, w, ) or }"
    )
    assert sel.target(None, CursorState(4)) == ("p1", ONE.index("Second"), len(ONE) - 1)
    assert sel.target(None, CursorState(6)) == Nowhere("Put the cursor on a passage first")
