"""Three-way merge of sequences (lines, or the entries of a layer file), and conflict markers.

:func:`regions` splits three versions of a sequence into stretches that are the same in
all three and stretches changed on one side, on both alike, or on both differently (a
conflict), as ``diff3`` does: a stretch of the base that both sides keep unchanged
separates the changes around it. :func:`merge_lines` uses it on lines and writes git's
conflict markers around the lines the two sides changed differently, and only those.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum


class Change(Enum):
    """Who changed a region of the base."""

    SAME = "same"
    OURS = "ours"
    THEIRS = "theirs"
    BOTH_ALIKE = "both alike"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of the three versions: ``[start, end)`` in each, and who changed it."""

    base: tuple[int, int]
    ours: tuple[int, int]
    theirs: tuple[int, int]
    change: Change


def _matches(base: Sequence[Hashable], other: Sequence[Hashable]) -> list[tuple[int, int, int]]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [(m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size]


def regions(
    base: Sequence[Hashable], ours: Sequence[Hashable], theirs: Sequence[Hashable]
) -> list[Region]:
    """The three versions cut into regions, in order (see the module docstring)."""
    mine, yours = _matches(base, ours), _matches(base, theirs)
    syncs: list[tuple[int, int, int, int]] = []  # (base, ours, theirs, length) kept by both
    i = j = 0
    while i < len(mine) and j < len(yours):
        b1, o1, n1 = mine[i]
        b2, t2, n2 = yours[j]
        lo, hi = max(b1, b2), min(b1 + n1, b2 + n2)
        if lo < hi:
            syncs.append((lo, o1 + lo - b1, t2 + lo - b2, hi - lo))
        if b1 + n1 < b2 + n2:
            i += 1
        else:
            j += 1
    syncs.append((len(base), len(ours), len(theirs), 0))
    out: list[Region] = []
    b = o = t = 0
    for sb, so, st, size in syncs:
        if sb > b or so > o or st > t:
            out.append(_changed(base, ours, theirs, (b, sb), (o, so), (t, st)))
        if size:
            out.append(Region((sb, sb + size), (so, so + size), (st, st + size), Change.SAME))
        b, o, t = sb + size, so + size, st + size
    return out


def _changed(
    base: Sequence[Hashable],
    ours: Sequence[Hashable],
    theirs: Sequence[Hashable],
    rb: tuple[int, int],
    ro: tuple[int, int],
    rt: tuple[int, int],
) -> Region:
    old, mine, yours = base[rb[0] : rb[1]], ours[ro[0] : ro[1]], theirs[rt[0] : rt[1]]
    if list(mine) == list(yours):
        change = Change.SAME if list(mine) == list(old) else Change.BOTH_ALIKE
    elif list(mine) == list(old):
        change = Change.THEIRS
    elif list(yours) == list(old):
        change = Change.OURS
    else:
        change = Change.CONFLICT
    return Region(rb, ro, rt, change)


@dataclass(frozen=True, slots=True)
class Markers:
    """The conflict marker lines (git's, with ``size`` characters and the sides' labels)."""

    ours: str = "ours"
    theirs: str = "theirs"
    size: int = 7

    def wrap(self, mine: Sequence[str], yours: Sequence[str]) -> list[str]:
        """``mine`` and ``yours`` (lines ending in newlines) between conflict markers."""
        return [
            f"{'<' * self.size} {self.ours}\n",
            *mine,
            f"{'=' * self.size}\n",
            *yours,
            f"{'>' * self.size} {self.theirs}\n",
        ]


def merge_lines(
    base: Sequence[str], ours: Sequence[str], theirs: Sequence[str], markers: Markers
) -> tuple[list[str], int]:
    """Merge lines (each ending in a newline); return the lines and the number of conflicts.

    Inside a conflict, lines the two sides share at the same place stay outside the
    markers, so that a conflict shows only the lines that really differ.
    """
    out: list[str] = []
    conflicts = 0
    for region in regions(base, ours, theirs):
        if region.change is Change.THEIRS:
            out.extend(theirs[region.theirs[0] : region.theirs[1]])
        elif region.change is not Change.CONFLICT:
            out.extend(ours[region.ours[0] : region.ours[1]])
        else:
            mine = ours[region.ours[0] : region.ours[1]]
            yours = theirs[region.theirs[0] : region.theirs[1]]
            lines, count = _refined(mine, yours, markers)
            out.extend(lines)
            conflicts += count
    return out, conflicts


def _refined(mine: Sequence[str], yours: Sequence[str], markers: Markers) -> tuple[list[str], int]:
    """A conflict between ``mine`` and ``yours`` with their common lines taken out of it."""
    out: list[str] = []
    conflicts = 0
    matcher = SequenceMatcher(None, mine, yours, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(mine[a0:a1])
        else:
            out.extend(markers.wrap(mine[a0:a1], yours[b0:b1]))
            conflicts += 1
    return out, conflicts
