"""Reading a text beside its counterpart: which passages answer the cursor's (pure logic).

A :class:`Parallel` holds an :class:`~nda_reader.corpus.alignments.Alignment` and the two
documents as shown (for a file of alternating passages, the same document twice, each side
showing one language). Given the cursor's passage on one side it says which pair that is,
which passages each view highlights (:class:`Echo`: the pair's passages, and the
occurrences of the cursor's glossary entry on the other side), and where the other view
scrolls to keep the pair level with the cursor's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from nda_reader.corpus.document import Document
from nda_reader.corpus.term_index import Occurrence
from nda_reader.reading.navigation import DocSpan

if TYPE_CHECKING:  # the view's highlights (Echo) are needed at start-up, alignments not
    from nda_reader.corpus.alignments import Alignment, Pair


@dataclass(frozen=True, slots=True)
class Echo:
    """What a view highlights for the cursor of a view beside it (or its own cursor)."""

    blocks: frozenset[tuple[str, int]] = frozenset()
    """(doc id, block) of the passages of the cursor's pair, shown like the cursor's."""
    terms: tuple[DocSpan, ...] = ()
    """Occurrences of the cursor's glossary entry in those passages, shown like it."""

    def __bool__(self) -> bool:
        return bool(self.blocks or self.terms)


NO_ECHO = Echo()


class Parallel:
    """An alignment seen from its two views: side 0 and side 1."""

    def __init__(self, alignment: Alignment, sides: tuple[Document, Document]) -> None:
        self.alignment = alignment
        self.sides = sides

    def pair_at(self, side: int, block: int) -> Pair | None:
        """The pair holding ``block`` of ``side`` (or the nearest one before it)."""
        return self.alignment.nearest(side, block)

    def echoes(
        self,
        side: int,
        block: int,
        entry_id: str | None,
        occurrences: Sequence[Occurrence],
    ) -> tuple[Echo, Echo]:
        """(echo in the cursor's view, echo in the other view) for the cursor on ``block``
        of ``side`` with glossary entry ``entry_id`` under it; ``occurrences`` are those of
        the other side's document."""
        pair = self.pair_at(side, block)
        if pair is None:
            return NO_ECHO, NO_ECHO
        own, other = self.sides[side], self.sides[1 - side]
        mine = Echo(frozenset((own.id, b) for b in pair.blocks(side) if b != block))
        there = pair.blocks(1 - side)
        theirs = Echo(frozenset((other.id, b) for b in there))
        if entry_id is not None and there:
            first, last = other.block_by_index(there.start), other.block_by_index(there.stop - 1)
            if first is not None and last is not None:
                spans = tuple(
                    (o.doc, o.start, o.end)
                    for o in occurrences
                    if o.entry_id == entry_id and first.start <= o.start < last.end
                )
                theirs = replace(theirs, terms=spans)
        return mine, theirs

    def counterpart_start(self, side: int, block: int) -> tuple[str, int] | None:
        """(doc id, offset) where the pair of ``block`` of ``side`` starts on the other side
        (the nearest passage before it, for a passage with no counterpart)."""
        pair = self.pair_at(side, block)
        if pair is None:
            return None
        other = self.sides[1 - side]
        there = pair.blocks(1 - side)
        if not there:
            earlier = [
                p for p in self.alignment.pairs if p.index < pair.index and p.blocks(1 - side)
            ]
            if not earlier:
                return None
            there = range(earlier[-1].blocks(1 - side).stop - 1, earlier[-1].blocks(1 - side).stop)
        found = other.block_by_index(there.start)
        return (other.id, found.start) if found is not None else None


def level_top(pair_line: int, top: int, other_line: int, other_lines: int, height: int) -> int:
    """The top line of the other view that puts its pair's first line ``other_line`` on
    the same screen row as ``pair_line`` is in the cursor's view (scrolled to ``top``),
    within the other view's ``other_lines`` lines shown ``height`` at a time."""
    row = max(0, pair_line - top)
    return max(0, min(other_line - row, max(0, other_lines - height)))


def one_side(doc: Document, alignment: Alignment, side: int) -> Document:
    """``doc`` showing only the passages of ``side`` of ``alignment`` (for a file of
    alternating passages, each view shows one language)."""
    shown = {b for pair in alignment.pairs for b in pair.blocks(side)}
    return doc.with_blocks([b for b in doc.blocks if b.index in shown])
