"""Jump history behaves like a browser's back/forward buttons."""

from __future__ import annotations

from nda_reader.reading.jump_history import JumpHistory, Location

A = Location("doc-a", 0)
B = Location("doc-b", 120, pane=1)
C = Location("doc-c", 7)
D = Location("doc-a", 500)


def test_empty_history_goes_nowhere() -> None:
    history = JumpHistory()
    assert history.back(A) is None
    assert history.forward(A) is None
    assert not history.can_go_back and not history.can_go_forward


def test_back_then_forward_returns_to_the_same_places() -> None:
    history = JumpHistory()
    history.push(A)  # jump A -> B
    history.push(B)  # jump B -> C
    assert history.back(C) == B
    assert history.back(B) == A
    assert history.back(A) is None
    assert history.forward(A) == B
    assert history.forward(B) == C
    assert history.forward(C) is None


def test_push_after_back_drops_the_forward_list() -> None:
    history = JumpHistory()
    history.push(A)
    history.push(B)
    assert history.back(C) == B
    history.push(B)  # from B, jump somewhere new (D)
    assert not history.can_go_forward
    assert history.forward(D) is None
    assert history.back(D) == B
    assert history.back(B) == A


def test_locations_keep_their_pane() -> None:
    history = JumpHistory()
    history.push(B)
    back = history.back(A)
    assert back is not None and back.pane == 1 and back.offset == 120


def test_same_place_twice_is_recorded_once_and_limit_holds() -> None:
    history = JumpHistory(limit=3)
    history.push(A)
    history.push(A)
    assert len(history) == 1
    for i in range(10):
        history.push(Location("d", i))
    assert len(history) == 3
    assert history.back(A) == Location("d", 9)
