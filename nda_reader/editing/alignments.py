"""Editing alignment layers: writing a proposal, and fixing pairs one at a time.

``nda-reader align`` writes a whole layer (:func:`layer_text`), keeping the confirmed
pairs of the file it replaces byte for byte. The reader's fixes (join a pair with the
next, split it, move the boundary between two pairs, confirm it) are
:class:`~nda_reader.editing.layer_store.Edit` s on the pairs' item blocks, saved like
every other annotation: atomically, as a minimal diff, undoable. A fixed pair is
``confirmed``: a person decided it, so re-aligning keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from nda_reader.corpus.alignments import Alignment, AlignmentLayer, Pair, start_anchor
from nda_reader.corpus.anchors import Anchor
from nda_reader.corpus.document import Document
from nda_reader.corpus.model import Corpus, Orphan
from nda_reader.editing.actions import AnnotateError, anchor_dict
from nda_reader.editing.layer_store import Edit
from nda_reader.formats.yaml_edit import item_blocks, list_shape, render_block
from nda_reader.formats.yaml_fields import set_fields

KEY = "pairs"
CONFIRMED = "confirmed"


def header(docs: Sequence[str]) -> str:
    """The first lines of a new alignment layer of ``docs``."""
    return f"layer: alignments\nversion: 1\ndoc: {docs[0]}\ncounterpart: {docs[1]}\n"


def layer_path(corpus: Corpus, doc_id: str) -> Path:
    """The layer aligning ``doc_id``: its file, or where a new one goes."""
    layer = corpus.alignment_layer(doc_id)
    if layer is not None:
        return layer.path
    if corpus.root is None:
        raise AnnotateError("alignments need a corpus folder (with texts/ and annotations/)")
    return corpus.root / "annotations" / "alignments" / f"{doc_id}.yaml"


def pair_item(docs: tuple[Document, Document], pair: Pair) -> dict[str, Any]:
    """A pair as written in the layer file."""
    item: dict[str, Any] = {"status": pair.status}
    for name, doc, blocks in zip(("doc", "counterpart"), docs, pair.sides, strict=True):
        if not blocks:
            continue
        side = anchor_dict(start_anchor(doc, blocks.start), with_doc=False)
        if len(blocks) > 1:
            side["passages"] = len(blocks)
        item[name] = side
    return item


def layer_text(
    docs: tuple[Document, Document], pairs: Sequence[Pair], old_text: str = "", indent: int = 2
) -> str:
    """The whole layer file for ``pairs``; the confirmed pairs that ``old_text`` (the file
    being replaced) holds keep their block verbatim, and so do its lines above the list."""
    kept: dict[tuple[object, ...], str] = {}
    top = header([d.id for d in docs])
    if old_text.strip():
        shape = list_shape(old_text, KEY)
        lines = old_text.splitlines(keepends=True)
        if shape.key_line >= 0:
            top = "".join(lines[: shape.key_line])
            indent = shape.indent if shape.items else indent
        for block in item_blocks(old_text, KEY):
            kept.setdefault(_signature(_parse(block)), block)
    out = [top, f"{KEY}:\n"]
    for pair in pairs:
        item = pair_item(docs, pair)
        old = kept.get(_signature(item)) if pair.confirmed else None
        out.append(old if old is not None else render_block(item, indent))
    return "".join(out)


def _parse(block: str) -> dict[str, Any]:
    data = yaml.safe_load(block)
    return data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else {}


def _signature(item: dict[str, Any]) -> tuple[object, ...]:
    """What identifies a pair in a file: its sides' quotes and passage counts."""
    out: list[object] = []
    for name in ("doc", "counterpart"):
        side = item.get(name) or {}
        out += [side.get("exact"), side.get("prefix", ""), side.get("suffix", "")]
        out.append(side.get("passages", 1) if side else 0)
    return tuple(out)


# --- fixing pairs ---------------------------------------------------------------------------


class Fixer:
    """Builds the edits of one fix to ``alignment`` (of ``docs``) in ``corpus``."""

    def __init__(self, corpus: Corpus, alignment: Alignment, docs: tuple[Document, Document]):
        if docs[0].id == docs[1].id:
            raise AnnotateError(
                "the pairs of a file of alternating passages follow the file; edit the text"
            )
        self.corpus = corpus
        self.alignment = alignment
        self.docs = docs
        self.path = layer_path(corpus, docs[0].id)

    # ------------------------------------------------------------------ the fixes
    def join(self, k: int) -> list[Edit]:
        """Join pair ``k`` with the next one."""
        pairs = self.alignment.pairs
        if k + 1 >= len(pairs):
            raise AnnotateError("this is the last pair: nothing after it to join")
        a, b = pairs[k], pairs[k + 1]
        merged = Pair(
            k, (_union(a.sides[0], b.sides[0]), _union(a.sides[1], b.sides[1])), CONFIRMED
        )
        return self._change({k: merged, k + 1: None}, f"join pairs {k + 1} and {k + 2}")

    def split(self, k: int, side: int, block: int) -> list[Edit]:
        """Split pair ``k`` before ``block`` of ``side``; the other side is split where its
        lengths divide in the same proportion (or stays with the first half)."""
        pair = self.alignment.pairs[k]
        here = pair.sides[side]
        if block not in here or block == here.start:
            raise AnnotateError(
                "put the cursor on a later passage of the pair to split it there"
                if len(here) > 1
                else "this side of the pair has one passage: split on the other side"
            )
        first_here, second_here = range(here.start, block), range(block, here.stop)
        there = pair.sides[1 - side]
        cut = self._proportional_cut(side, first_here, here, there)
        first_there, second_there = range(there.start, cut), range(cut, there.stop)
        sides_1 = (first_here, first_there) if side == 0 else (first_there, first_here)
        sides_2 = (second_here, second_there) if side == 0 else (second_there, second_here)
        new: dict[float, Pair | None] = {
            k: Pair(k, sides_1, CONFIRMED),
            k + 0.5: Pair(k + 1, sides_2, CONFIRMED),
        }
        return self._change(new, f"split pair {k + 1}")

    def move(self, k: int, side: int, step: int) -> list[Edit]:
        """Move the boundary between pair ``k`` and the next on ``side``: ``step`` 1 takes
        the next pair's first passage into this one, -1 gives this one's last away."""
        pairs = self.alignment.pairs
        if k + 1 >= len(pairs):
            raise AnnotateError("this is the last pair: there is no boundary after it")
        a, b = pairs[k].sides[side], pairs[k + 1].sides[side]
        if step > 0:
            if not b:
                raise AnnotateError("the next pair has no passage on this side to take")
            a, b = range(a.start if a else b.start, b.start + 1), range(b.start + 1, b.stop)
        else:
            if not a:
                raise AnnotateError("this pair has no passage on this side to give")
            a, b = range(a.start, a.stop - 1), range(a.stop - 1, b.stop if b else a.stop)
        new: dict[float, Pair | None] = {}
        for index, blocks in ((k, a), (k + 1, b)):
            sides = list(pairs[index].sides)
            sides[side] = blocks
            new[index] = Pair(index, (sides[0], sides[1]), CONFIRMED) if any(sides) else None
        word = "later" if step > 0 else "earlier"
        return self._change(new, f"move the end of pair {k + 1} a passage {word}")

    def confirm(self, k: int) -> list[Edit]:
        """Confirm pair ``k`` (or, if it is confirmed, make it ``auto`` again)."""
        pair = self.alignment.pairs[k]
        status = "auto" if pair.confirmed else CONFIRMED
        what = f"{'unconfirm' if pair.confirmed else 'confirm'} pair {k + 1}"
        if self.alignment.layer is None:
            return self._change({k: Pair(k, pair.sides, status)}, what)
        old = self._block(k)
        return [
            Edit(self.path, KEY, old=old, new=set_fields(old, {"status": status}), description=what)
        ]

    # ----------------------------------------------------------------- helpers
    def _proportional_cut(self, side: int, first: range, whole: range, there: range) -> int:
        if len(there) < 2:
            return there.stop
        share = self._length(side, first) / max(1, self._length(side, whole))
        total = self._length(1 - side, there)
        best, best_gap = there.start + 1, 2.0
        for cut in range(there.start + 1, there.stop):
            gap = abs(self._length(1 - side, range(there.start, cut)) / max(1, total) - share)
            if gap < best_gap:
                best, best_gap = cut, gap
        return best

    def _length(self, side: int, blocks: range) -> int:
        doc = self.docs[side]
        return sum(len(doc.block_text(doc.blocks[b])) for b in blocks)

    def _change(self, new: dict[float, Pair | None], what: str) -> list[Edit]:
        """Edits that replace pairs by index (``None`` removes one; a key ``k + 0.5`` inserts
        a pair after ``k``). Without a stored layer, the whole alignment is stored, fix
        included, as one action."""
        if self.alignment.layer is None:
            merged: dict[float, Pair | None] = {float(p.index): p for p in self.alignment.pairs}
            merged.update(new)
            head = header([d.id for d in self.docs])
            return [
                Edit(self.path, KEY, new=render_block(pair_item(self.docs, pair), 2), header=head,
                     description=what)
                for _, pair in sorted(merged.items()) if pair is not None
            ]  # fmt: skip
        edits = []
        for index, pair in sorted(new.items()):
            block = None if pair is None else self._render(pair_item(self.docs, pair))
            if index != int(index):
                assert block is not None
                edits.append(
                    Edit(self.path, KEY, new=block, index=int(index) + 1, description=what)
                )
                continue
            old = self._block(int(index))
            edits.append(Edit(self.path, KEY, old=old, new=block or "", description=what))
        return edits

    def _render(self, item: dict[str, Any]) -> str:
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
        return render_block(item, list_shape(text, KEY).indent if text.strip() else 2)

    def _block(self, k: int) -> str:
        """The item block of pair ``k`` in the layer file, found by its content."""
        layer = self.alignment.layer
        assert layer is not None
        return _pair_block(layer, k)


def _pair_block(layer: AlignmentLayer, k: int) -> str:
    """The item block of pair ``k`` of ``layer`` in its file, found by its content."""
    spec = layer.pairs[k]
    want: list[object] = []
    for side in (spec.doc, spec.counterpart):
        if side is None:
            want += [None, "", "", 0]
        else:
            a = side.anchor
            want += [a.exact, a.prefix, a.suffix, side.passages]
    text = layer.path.read_text(encoding="utf-8") if layer.path.exists() else ""
    for block in item_blocks(text, KEY):
        if list(_signature(_parse(block))) == want:
            return block
    raise AnnotateError(f"{layer.path.name}: pair {k + 1} is not in the file as loaded; reload")


def _orphaned_pair(corpus: Corpus, orphan_id: str) -> tuple[AlignmentLayer, int]:
    """The layer and index of an orphaned pair (its id is ``<doc>#<number>``)."""
    doc_id, _, number = orphan_id.rpartition("#")
    layer = corpus.alignment_layers.get(doc_id)
    if layer is None or not number.isdigit() or not 0 < int(number) <= len(layer.pairs):
        raise AnnotateError(f"no pair {orphan_id!r}; reload")
    return layer, int(number) - 1


def delete_pair(corpus: Corpus, orphan_id: str) -> Edit:
    """Remove a pair (an orphaned one, from the orphans list) from its layer."""
    layer, k = _orphaned_pair(corpus, orphan_id)
    return Edit(layer.path, KEY, old=_pair_block(layer, k), description=f"delete pair {k + 1}")


def reattach_pair(corpus: Corpus, orphan: Orphan, anchor: Anchor) -> Edit:
    """Point the orphaned side of a pair at the passage where ``anchor`` starts."""
    layer, k = _orphaned_pair(corpus, orphan.id)
    side = orphan.end if orphan.end in ("doc", "counterpart") else "doc"
    doc_id = layer.doc if side == "doc" else layer.counterpart
    doc = corpus.documents.get(doc_id)
    block = doc.block_at(anchor.pos or 0) if doc is not None and anchor.doc == doc_id else None
    if doc is None or block is None:
        raise AnnotateError(f"select a passage of {doc_id!r}: this side of the pair is in it")
    spec = layer.pairs[k]
    old = _pair_block(layer, k)
    kept = spec.doc if side == "doc" else spec.counterpart
    value = anchor_dict(start_anchor(doc, block.index), with_doc=False)
    if kept is not None and kept.passages > 1:
        value["passages"] = kept.passages
    new = set_fields(old, {side: value})
    return Edit(layer.path, KEY, old=old, new=new, description=f"re-attach pair {k + 1}")


def _union(a: range, b: range) -> range:
    if not a:
        return b
    if not b:
        return a
    return range(min(a.start, b.start), max(a.stop, b.stop))


def stored_layer(corpus: Corpus, doc_id: str) -> AlignmentLayer | None:
    """The alignment layer of ``doc_id``, if one is stored."""
    return corpus.alignment_layer(doc_id)
