"""jieba's part-of-speech Viterbi, the same answer several times faster.

jieba's ``posseg.viterbi`` tries, for every state a character may be in, every state the
character before may be in, though most states can follow only some others (each state
is followed by ~20 of 256): most tries add ``-inf``. Drafting the pinyin of a glossary of
thousands of entries spends most of its time there. :func:`viterbi` tries only the states
that can come before the one at hand (:func:`predecessors`, worked out once), whichever
of the two lists is shorter, and falls back to trying them all where that leaves nothing
better than ``-inf``; so it gives what jieba's gives, ties included (the largest state
wins a tie there and here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

MIN_FLOAT = -3.14e100
"""jieba's emission probability of a character a state never emits."""
MIN_INF = float("-inf")

State = Any
"""A state of jieba's model: a (position in word, part of speech) tuple, e.g. ``("B", "n")``."""

Table = Mapping[State, Mapping[Any, float]]


def predecessors(trans_p: Table) -> dict[State, dict[State, float]]:
    """For each state, the states that may come before it, with the transition's log
    probability."""
    into: dict[State, dict[State, float]] = {}
    for before, after in trans_p.items():
        for state, trans in after.items():
            into.setdefault(state, {})[before] = trans
    return into


def viterbi(
    obs: str,
    states: Mapping[str, Sequence[State]],
    start_p: Mapping[State, float],
    trans_p: Table,
    emit_p: Table,
    into: Mapping[State, Mapping[State, float]],
) -> tuple[float, list[State]]:
    """``jieba.posseg.viterbi.viterbi(obs, states, start_p, trans_p, emit_p)``, given
    ``into = predecessors(trans_p)``: the likeliest states of ``obs`` and their log
    probability."""
    all_states = trans_p.keys()
    first: dict[State, float] = {}
    paths: list[dict[State, State]] = [{}]
    for y in states.get(obs[0], all_states):
        first[y] = start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT)
        paths[0][y] = ""
    previous = first
    no_states: Mapping[State, float] = {}
    for char in obs[1:]:
        prev_states = [x for x in previous if trans_p[x]]
        # The states of the character that some state before may be followed by (set
        # operations in C, not a loop over every state's followers).
        known = states.get(char)
        obs_states: set[State] = set()
        if known is not None:
            obs_states = {
                y for y in known if not into.get(y, no_states).keys().isdisjoint(previous)
            }
        if not obs_states:  # an unknown character, or none of its states reachable
            obs_states = set().union(*(trans_p[x] for x in prev_states)) or set(all_states)
        current: dict[State, float] = {}
        path: dict[State, State] = {}
        for y in obs_states:
            emit = emit_p[y].get(char, MIN_FLOAT)
            found = _best_before(y, emit, previous, prev_states, into.get(y, {}))
            if found is None or found[0] == MIN_INF:  # jieba's max over every state
                found = max(
                    (previous[y0] + trans_p[y0].get(y, MIN_INF) + emit, y0) for y0 in prev_states
                )
            current[y] = found[0]
            path[y] = found[1]
        previous = current
        paths.append(path)
    prob, state = max((value, y) for y, value in previous.items())
    route: list[State] = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = paths[i][state]
    return prob, route


def _best_before(
    y: State,
    emit: float,
    previous: Mapping[State, float],
    prev_states: Sequence[State],
    before: Mapping[State, float],
) -> tuple[float, State] | None:
    """The likeliest of the states before that may be followed by ``y`` (None if none
    may), as jieba compares them: (probability, state)."""
    found: tuple[float, State] | None = None
    if len(prev_states) <= len(before):
        for y0 in prev_states:
            trans = before.get(y0)
            if trans is not None:
                candidate = (previous[y0] + trans + emit, y0)
                if found is None or candidate > found:
                    found = candidate
    else:
        for y0, trans in before.items():
            value = previous.get(y0)
            if value is not None:
                candidate = (value + trans + emit, y0)
                if found is None or candidate > found:
                    found = candidate
    return found
