"""Places to come back to: where a document was left, and marks (pure logic).

A :class:`Place` is a body offset in one part of a document, with the first words from
there, so that a place survives an edit of the text made meanwhile: :func:`relocate` finds
those words again nearest the old offset (a place is never lost, at worst it moves to the
nearest passage). Marks are named by a letter, as in less and vim.
"""

from __future__ import annotations

from dataclasses import dataclass

PLACE_TEXT = 24
"""How many characters from the place are kept to find it again."""
MARK_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class Place:
    """``offset`` in the body of part ``doc``; ``text`` is what the body had there."""

    doc: str
    offset: int
    text: str = ""


def place_at(doc_id: str, body: str, offset: int) -> Place:
    """The place ``offset`` of ``body`` (of part ``doc_id``), with its first words."""
    offset = max(0, min(offset, len(body)))
    return Place(doc_id, offset, body[offset : offset + PLACE_TEXT])


def relocate(place: Place, body: str) -> int:
    """Where ``place`` is in ``body`` now: its offset if the text there is unchanged, else
    the nearest place where its words are, else its offset within the body."""
    offset = max(0, min(place.offset, len(body)))
    if not place.text or body.startswith(place.text, offset):
        return offset
    before = body.rfind(place.text, 0, offset + len(place.text))
    after = body.find(place.text, offset)
    found = [p for p in (before, after) if p >= 0]
    return min(found, key=lambda p: abs(p - offset)) if found else offset
