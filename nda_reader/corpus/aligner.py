"""Proposing an alignment of a text with its counterpart, passage by passage.

The length-based method of Gale and Church (1993): a translation's passages are about as
long as their originals times a constant ratio, so the cheapest sequence of *beads* (1-1,
1-0, 0-1, 2-1, 1-2, 2-2 groups of passages) under a cost made of the beads' prior
probabilities and how far each bead's lengths stray from the ratio is found by dynamic
programming. It is made stronger by points both sides share: a glossary entry occurring
on both sides (国家数据局 on one, "National Data Administration" on the other), the same
numbers (dates included: "2 April 2024" and 2024年4月2日 share 2, 4 and 2024), the same
speaker label, and the same kind of passage (heading, paragraph, list item and its depth).

Confirmed pairs are kept: the proposal aligns only the stretches between them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from nda_reader.corpus.alignments import Pair
from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus

BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.01,
    (0, 1): 0.01,
    (2, 1): 0.045,
    (1, 2): 0.045,
    (2, 2): 0.011,
}
"""Prior probability of each bead (passages taken from each side), after Gale and Church."""
VARIANCE = 6.8
"""Gale and Church's variance of the length difference, per character."""
SHARED_BONUS = 2.0
"""Cost taken off for each point both sides of a bead share."""
UNSHARED_COST = 1.5
"""Cost added for each point only one side of a bead has."""
KIND_COST = 3.0
"""Cost added when the passages of a bead are of different kinds (heading, item, ...)."""
STRAY_COST = 3.0
"""Cost added for each passage of a bead that has points, none of which the other side has."""

_NUMBER = re.compile(r"\d+(?:,\d{3})*")
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_MONTHS = {name: str(i) for i, name in enumerate(_MONTH_NAMES.split(), 1)}
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")


@dataclass(frozen=True, slots=True)
class Unit:
    """A passage as the aligner sees it."""

    block: int
    length: int
    kind: str
    points: frozenset[str]


def units(corpus: Corpus, doc: Document) -> list[Unit]:
    """The passages of ``doc`` with their lengths and the points they may share."""
    occurrences = corpus.occurrences.in_doc(doc.id)
    labels = {t.start: t.speaker.term or t.speaker.id for t in corpus.turns(doc.id)}
    out = []
    for block in doc.blocks:
        text = doc.block_text(block)
        points = {f"term:{o.entry_id}" for o in occurrences if block.start <= o.start < block.end}
        points |= {f"num:{int(n.replace(',', ''))}" for n in _NUMBER.findall(text)}
        points |= {f"num:{_MONTHS[m]}" for m in _MONTH.findall(text)}
        speaker = next((s for at, s in labels.items() if block.start <= at < block.end), None)
        if speaker is not None:
            points.add(f"speaker:{speaker}")
        length = sum(1 for ch in text if not ch.isspace())
        kind = f"{block.kind.value}{block.level}" if block.kind.value == "item" else block.kind
        out.append(Unit(block.index, max(1, length), str(kind), frozenset(points)))
    return out


def propose(
    corpus: Corpus, docs: tuple[Document, Document], keep: Sequence[Pair] = ()
) -> list[Pair]:
    """An alignment of ``docs`` as pairs in order, every passage in exactly one pair.

    ``keep`` (confirmed pairs) are kept as they are; pairs that cross one kept before them
    are left out of ``keep``. Returned pairs are numbered in order; kept ones keep their
    status, new ones are ``auto``.
    """
    left, right = units(corpus, docs[0]), units(corpus, docs[1])
    ratio = sum(u.length for u in right) / max(1, sum(u.length for u in left))
    # A first pass gives the 1-1 pairs, whose lengths give a ratio that untranslated
    # passages do not skew.
    ones = [(a, b) for a, b in _align(left, right, ratio) if len(a) == len(b) == 1]
    if ones:
        ratio = sum(right[b.start].length for _, b in ones) / max(
            1, sum(left[a.start].length for a, _ in ones)
        )
    out: list[tuple[range, range, str]] = []
    i = j = 0
    for pair in _monotonic(keep):
        a, b = pair.sides
        out += [
            (x, y, "auto")
            for x, y in _align(left[i : a.start if a else i], right[j : b.start if b else j], ratio)
        ]
        out.append((a, b, pair.status))
        i, j = (a.stop if a else i), (b.stop if b else j)
    out += [(x, y, "auto") for x, y in _align(left[i:], right[j:], ratio)]
    return [Pair(k, (a, b), status) for k, (a, b, status) in enumerate(out)]


def _monotonic(pairs: Sequence[Pair]) -> list[Pair]:
    """The pairs that keep the text order on both sides, in that order."""
    ordered = sorted(
        (p for p in pairs if p.sides[0] or p.sides[1]),
        key=lambda p: (
            p.sides[0].start if p.sides[0] else -1,
            p.sides[1].start if p.sides[1] else -1,
        ),
    )
    out: list[Pair] = []
    ends = [0, 0]
    for pair in ordered:
        if all(not pair.sides[s] or pair.sides[s].start >= ends[s] for s in (0, 1)):
            out.append(pair)
            for s in (0, 1):
                if pair.sides[s]:
                    ends[s] = pair.sides[s].stop
    return out


def _align(left: list[Unit], right: list[Unit], ratio: float) -> list[tuple[range, range]]:
    """The cheapest beads for two stretches of passages (dynamic programming)."""
    n, m = len(left), len(right)
    if not n and not m:
        return []
    inf = math.inf
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for (di, dj), prior in BEADS.items():
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                total = here + _bead_cost(left[i:a], right[j:b], ratio, prior)
                if total < cost[a][b]:
                    cost[a][b] = total
                    back[a][b] = (di, dj)
    beads = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((_span(left[i - di : i]), _span(right[j - dj : j])))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _span(group: list[Unit]) -> range:
    return range(group[0].block, group[-1].block + 1) if group else range(0)


def _bead_cost(a: list[Unit], b: list[Unit], ratio: float, prior: float) -> float:
    cost = -math.log(prior)
    if a and b:  # a passage left untranslated has no length to compare
        la = sum(u.length for u in a)
        lb = sum(u.length for u in b) / ratio
        delta = abs(lb - la) / math.sqrt(max(1.0, la) * VARIANCE)
        cost -= math.log(max(1e-12, 2 * (1 - _phi(delta))))
    pa = frozenset().union(*(u.points for u in a))
    pb = frozenset().union(*(u.points for u in b))
    cost += UNSHARED_COST * len(pa ^ pb) - SHARED_BONUS * len(pa & pb)
    if a and b and {u.kind for u in a} != {u.kind for u in b}:
        cost += KIND_COST
    if a and b:
        for group, other in ((a, pb), (b, pa)):
            cost += STRAY_COST * sum(1 for u in group if u.points and not u.points & other)
    return cost


def _phi(x: float) -> float:
    """The standard normal distribution function."""
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))
