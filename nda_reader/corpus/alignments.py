"""The alignments layer: which passages of a text and its counterpart say the same thing.

A layer file ``annotations/alignments/<doc-id>.yaml`` aligns ``doc`` with ``counterpart``
(for instance an English translation and its Chinese original) as an ordered list of
*pairs*. Each side of a pair is a group of consecutive passages, given by an anchor on the
start of its first passage and the number of passages (``passages``, default 1); a side
that is left out is empty (a passage with no counterpart). Pairs are ``auto`` (proposed by
``nda-reader align``) or ``confirmed`` (checked by a person; kept when re-aligning).

A bilingual text of alternating Chinese and English passages (``pairs: zh-en``) is aligned
with itself: its pairs are implied by the file, with no layer (see
:func:`alternating_alignment`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nda_reader.corpus.anchors import ANCHOR_FIELDS, Anchor, Resolution, read_anchor
from nda_reader.corpus.document import Document
from nda_reader.corpus.pairs import passage_language, passage_pairs
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.schema import Field, read_fields, read_list
from nda_reader.formats.yaml_source import YList, YMap

STATUSES = ("auto", "confirmed")
SIDES = ("doc", "counterpart")
"""The keys of a pair's two sides: the layer's ``doc`` and its ``counterpart``."""

SIDE_FIELDS: dict[str, Field] = {
    **{k: v for k, v in ANCHOR_FIELDS.items() if k != "doc"},
    "passages": Field(int),
}
PAIR_FIELDS: dict[str, Field] = {
    "doc": Field(dict),
    "counterpart": Field(dict),
    "status": Field(str, choices=STATUSES),
}
_QUOTE = 40
"""Characters of a passage quoted by an anchor made for its start (cut at a word end)."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a pair as written: where its first passage starts, and how many."""

    anchor: Anchor
    passages: int = 1


@dataclass(frozen=True, slots=True)
class PairSpec:
    """A pair as written in the layer file (``None`` for an empty side)."""

    doc: Side | None
    counterpart: Side | None
    status: str = "auto"
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)

    def side(self, which: int) -> Side | None:
        """Side 0 (``doc``) or 1 (``counterpart``)."""
        return self.doc if which == 0 else self.counterpart

    @property
    def confirmed(self) -> bool:
        """True when a person confirmed the pair."""
        return self.status == "confirmed"


@dataclass
class AlignmentLayer:
    """The pairs aligning ``doc`` with ``counterpart``, as read from one file."""

    doc: str
    counterpart: str
    path: Path
    pairs: list[PairSpec] = field(default_factory=list)
    line: int = 1
    column: int = 1

    @property
    def docs(self) -> tuple[str, str]:
        """The two documents, side 0 then side 1."""
        return (self.doc, self.counterpart)


@dataclass(frozen=True, slots=True)
class Pair:
    """A placed pair: the block indices of each side (``range`` s, possibly empty)."""

    index: int
    """Position in the layer's list (or in a proposal)."""
    sides: tuple[range, range]
    status: str = "auto"

    @property
    def confirmed(self) -> bool:
        """True when a person confirmed the pair."""
        return self.status == "confirmed"

    def blocks(self, side: int) -> range:
        """The block indices of ``side`` (0 or 1)."""
        return self.sides[side]


@dataclass
class Alignment:
    """Two documents (or one, alternating) and their placed pairs, in order.

    ``layer`` is None for an alignment that is not stored in a file: a proposal, or the
    pairs implied by a document of alternating passages.
    """

    docs: tuple[str, str]
    pairs: list[Pair]
    layer: AlignmentLayer | None = None
    _starts: tuple[list[int], list[int]] = field(default=([], []), repr=False)

    def __post_init__(self) -> None:
        self._starts = (
            [p.sides[0].start if p.sides[0] else -1 for p in self.pairs],
            [p.sides[1].start if p.sides[1] else -1 for p in self.pairs],
        )

    def pair_at(self, side: int, block: int) -> Pair | None:
        """The pair whose ``side`` holds ``block``, if any."""
        for pair in self.pairs:
            if block in pair.sides[side]:
                return pair
        return None

    def nearest(self, side: int, block: int) -> Pair | None:
        """The pair holding ``block`` on ``side``, else the last one before it."""
        found = self.pair_at(side, block)
        if found is not None:
            return found
        before = [p for p in self.pairs if p.sides[side] and p.sides[side].start <= block]
        return before[-1] if before else (self.pairs[0] if self.pairs else None)

    def side_of(self, doc_id: str) -> int | None:
        """0 or 1 for a document of a two-document alignment (None otherwise)."""
        if self.docs[0] == self.docs[1]:
            return None
        return self.docs.index(doc_id) if doc_id in self.docs else None

    @property
    def confirmed(self) -> int:
        """How many pairs are confirmed."""
        return sum(p.confirmed for p in self.pairs)


def orientation(docs: Mapping[str, Document], a: str, b: str) -> tuple[str, str]:
    """Which of two counterparts is a new layer's ``doc`` (side 0): the one the other's
    front matter names, else the one whose id the other extends (``X`` for ``X.zh``),
    else ``a``."""
    if docs[b].counterpart == a or b.startswith(a + "."):
        return a, b
    if docs[a].counterpart == b or a.startswith(b + "."):
        return b, a
    return a, b


def read_alignments(data: YMap, path: Path, problems: ProblemList) -> AlignmentLayer | None:
    """Read a ``layer: alignments`` file."""
    ids = {}
    for key in SIDES:
        value = data.get(key)
        if not isinstance(value, str) or not value:
            problems.error_at(
                path,
                data.where(key),
                f"an alignments layer needs '{key}:', the id of a text in texts/",
            )
            return None
        ids[key] = value
    line, column = data.where("doc")
    layer = AlignmentLayer(ids["doc"], ids["counterpart"], path, line=line, column=column)
    pairs = data.get("pairs")
    if pairs is None:
        return layer
    if not isinstance(pairs, YList):
        problems.error_at(path, data.where("pairs"), "'pairs:' must be a list of pairs")
        return layer
    for raw, values, what, (line, col) in read_list(
        pairs, PAIR_FIELDS, path, problems, "pair", by_id=False
    ):
        sides: list[Side | None] = []
        for which, doc_id in ids.items():
            value = raw.get(which)
            sides.append(
                None
                if value is None
                else _read_side(
                    value, path, problems, f"{which} of {what}", raw.where(which), doc_id
                )
            )
        if sides[0] is None and sides[1] is None:
            problems.error(path, line, col, f"{what} has neither 'doc' nor 'counterpart'")
            continue
        layer.pairs.append(PairSpec(sides[0], sides[1], values.get("status", "auto"), line, col))
    return layer


def _read_side(
    value: object, path: Path, problems: ProblemList, what: str, where: tuple[int, int], doc: str
) -> Side | None:
    fields = read_fields(value, SIDE_FIELDS, path, problems, what, where)
    if fields is None or not isinstance(value, YMap):
        return None
    passages = fields.pop("passages", 1)
    if passages < 1:
        problems.error_at(
            path, value.where("passages"), f"'passages' in {what} must be 1 or more; leave the "
            "side out for a passage with no counterpart",
        )  # fmt: skip
        return None
    anchor = read_anchor(_without(value, "passages"), path, problems, what, where, doc)
    return Side(anchor, passages) if anchor is not None else None


def _without(value: YMap, key: str) -> YMap:
    """A copy of ``value`` without ``key`` (positions kept)."""
    out = YMap({k: v for k, v in value.items() if k != key})
    out.pos = value.pos
    out.key_pos = {k: p for k, p in value.key_pos.items() if k != key}
    out.value_pos = {k: p for k, p in value.value_pos.items() if k != key}
    return out


Place = Callable[[Anchor], Resolution]
"""Resolves an anchor (the corpus's cached :meth:`~nda_reader.corpus.model.Corpus.place`)."""


def place_pairs(layer: AlignmentLayer, docs: tuple[Document, Document], place: Place) -> Alignment:
    """The pairs of ``layer`` placed in ``docs`` (an unplaced side is empty)."""
    pairs = []
    for i, spec in enumerate(layer.pairs):
        sides = tuple(_blocks(docs[s], spec.side(s), place) for s in (0, 1))
        pairs.append(Pair(i, (sides[0], sides[1]), spec.status))
    return Alignment(layer.docs, pairs, layer)


def _blocks(doc: Document, side: Side | None, place: Place) -> range:
    if side is None:
        return range(0)
    at = place(side.anchor)
    if not at.placed:
        return range(0)
    block = doc.block_at(at.start)
    if block is None:
        return range(0)
    return range(block.index, min(len(doc.blocks), block.index + side.passages))


def start_anchor(doc: Document, block: int, context: int = 32) -> Anchor:
    """An anchor on the start of passage ``block`` of ``doc``: its first words (the whole
    passage when short), with context enough to be unique. Lengths count a wide (Chinese)
    character as two, so a Chinese quote is about as wide on screen as an English one."""
    b, body = doc.blocks[block], doc.body
    end = _cut(body, b.start, b.end, _QUOTE, forward=True)
    if end < b.end:
        space = body.rfind(" ", b.start + (end - b.start) // 2, end)
        end = space if space > b.start else end
    return Anchor(
        doc=doc.id,
        exact=body[b.start : end],
        prefix=body[_cut(body, b.start, 0, context, forward=False) : b.start],
        suffix=body[end : _cut(body, end, len(body), context, forward=True)],
        pos=b.start,
    )


def _cut(text: str, start: int, limit: int, width: int, *, forward: bool) -> int:
    """The offset ``width`` cells from ``start`` towards ``limit`` (wide characters are 2)."""
    used, i = 0, start
    step = 1 if forward else -1
    while i != limit and used < width:
        ch = text[i if forward else i - 1]
        used += 2 if ord(ch) >= 0x2E80 else 1
        i += step
    return i


def alternating_alignment(doc: Document) -> Alignment:
    """The pairs of a bilingual text (``pairs: zh-en``, see docs/text-format.md): each
    Chinese passage and its English (:func:`~nda_reader.corpus.pairs.passage_pairs`); a
    passage without partner is a pair of its own, on the Chinese side, the English side,
    or (in neither language: a date line) both."""
    partner = {zh.index: en.index for zh, en in passage_pairs(doc)}
    paired = set(partner.values())
    pairs: list[Pair] = []
    for block in doc.blocks:
        i = block.index
        if i in paired:
            continue
        here = range(i, i + 1)
        if i in partner:
            sides = (here, range(partner[i], partner[i] + 1))
        else:
            language = passage_language(doc.block_text(block))
            sides = {"zh": (here, range(0)), "en": (range(0), here)}.get(language, (here, here))
        pairs.append(Pair(len(pairs), sides, "confirmed"))
    return Alignment((doc.id, doc.id), pairs)


def pair_order_problems(alignment: Alignment) -> list[tuple[int, str]]:
    """``(pair index, message)`` for pairs that overlap or go back on a side."""
    out = []
    for side in (0, 1):
        last_end = -1
        for pair in alignment.pairs:
            blocks = pair.sides[side]
            if not blocks:
                continue
            if blocks.start < last_end:
                name = SIDES[side]
                out.append(
                    (
                        pair.index,
                        f"pair {pair.index + 1} starts on its {name} side before the pair "
                        "above ends there; pairs must follow the text in order",
                    )
                )
            last_end = max(last_end, blocks.stop)
    return out
