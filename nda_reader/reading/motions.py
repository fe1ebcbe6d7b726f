"""A text selection in one document part, and the motions that extend it (pure logic).

A :class:`Selection` is a range of body offsets ``[start, end)`` in *one* part of a
document, made of a fixed ``anchor`` and a moving ``head`` (as in vim's visual mode). The
motions return a new head offset: by character, word, sentence or paragraph (block). They
never leave the body of the part, so a selection can never cross a part boundary.

Words are runs of letters and digits (with inner apostrophes, "China's"); each CJK
character is a word of its own, since Chinese is written without spaces. A sentence ends
after ``.``, ``!``, ``?``, ``。``, ``！``, ``？`` or ``…`` (and any closing quotes or
brackets) followed by a space or the end of its passage; passages always end sentences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

_CJK = (
    "\u2e80-\u2fff\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003ffff"
)
_WORD_CHAR = rf"(?:(?![{_CJK}])[^\W_])"
_WORD_PATTERN = rf"[{_CJK}]|{_WORD_CHAR}+(?:['’]{_WORD_CHAR}+)*"


@cache
def _word() -> re.Pattern[str]:
    # Compiled on first use: it takes ~2 ms, and selections are rarer than launches.
    return re.compile(_WORD_PATTERN)


"""A word: one CJK character, or a run of letters/digits with inner apostrophes."""


@functools.cache
def _sentence_end() -> re.Pattern[str]:
    """The end of a sentence (the match's end is where the sentence stops); compiled on
    first use (~1 ms of start-up otherwise)."""
    return re.compile(r"[.!?。！？…]+[\"'”’)）」』\]]*(?=\s|$)|[。！？]+[”’）」』]*")


_WINDOW = 4000

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Selection:
    """Selected text ``[start, end)`` of part ``doc_id``: ``anchor`` stays, ``head`` moves."""

    doc_id: str
    anchor: int
    head: int

    @property
    def start(self) -> int:
        """First selected offset."""
        return min(self.anchor, self.head)

    @property
    def end(self) -> int:
        """Offset just after the selection."""
        return max(self.anchor, self.head)

    @property
    def empty(self) -> bool:
        """True when nothing is selected yet."""
        return self.anchor == self.head

    def moved(self, head: int, size: int) -> Selection:
        """The selection with its head at ``head``, clamped to a body of ``size`` chars."""
        return Selection(self.doc_id, self.anchor, max(0, min(head, size)))

    def text(self, body: str) -> str:
        """The selected text of ``body``."""
        return body[self.start : self.end]


def clamp(offset: int, body: str) -> int:
    """``offset`` kept inside ``[0, len(body)]``."""
    return max(0, min(offset, len(body)))


def char_step(body: str, head: int, step: int) -> int:
    """Move ``head`` by ``step`` characters."""
    return clamp(head + step, body)


def word_at(body: str, offset: int) -> Span:
    """The word at ``offset`` (or the next one on the same passage); ``(offset, offset)``
    when there is none."""
    lo = max(0, offset - 200)
    for match in _word().finditer(body, lo, min(len(body), offset + 400)):
        if match.end() > offset:
            if "\n" in body[offset : match.start()]:
                break
            return match.start(), match.end()
    return offset, offset


def word_forward(body: str, head: int) -> int:
    """The end of the word at or after ``head`` (the end of the body if there is none)."""
    match = _word().search(body, head, min(len(body), head + _WINDOW))
    return match.end() if match else len(body)


def word_backward(body: str, head: int) -> int:
    """The start of the word before ``head`` (0 if there is none)."""
    last = None
    for match in _word().finditer(body, max(0, head - _WINDOW), head):
        last = match
    return last.start() if last else 0


def sentence_spans(body: str, blocks: Sequence[Span]) -> list[Span]:
    """Every sentence of ``body`` as ``[start, end)``, passage by passage (in order)."""
    spans: list[Span] = []
    for b_start, b_end in blocks:
        start = b_start
        for match in _sentence_end().finditer(body, b_start, b_end):
            end = match.end()
            if end > start:
                spans.append((start, end))
            start = end
            while start < b_end and body[start].isspace():
                start += 1
        if start < b_end:
            spans.append((start, b_end))
    return spans


def span_forward(spans: Sequence[Span], head: int, size: int) -> int:
    """The first span end after ``head`` (``size`` when there is none)."""
    return next((end for _, end in spans if end > head), size)


def span_backward(spans: Sequence[Span], head: int) -> int:
    """The last span start before ``head`` (0 when there is none)."""
    return next((start for start, _ in reversed(spans) if start < head), 0)


def sentence_forward(body: str, blocks: Sequence[Span], head: int) -> int:
    """The end of the sentence at ``head`` (or of the next one, if ``head`` ends one)."""
    return span_forward(sentence_spans(body, blocks), head, len(body))


def sentence_backward(body: str, blocks: Sequence[Span], head: int) -> int:
    """The start of the sentence before ``head``."""
    return span_backward(sentence_spans(body, blocks), head)


def paragraph_forward(blocks: Sequence[Span], head: int, size: int) -> int:
    """The end of the passage at ``head`` (or of the next one)."""
    return span_forward(blocks, head, size)


def paragraph_backward(blocks: Sequence[Span], head: int) -> int:
    """The start of the passage before ``head``."""
    return span_backward(blocks, head)


def trimmed(body: str, start: int, end: int) -> Span:
    """``[start, end)`` without leading and trailing whitespace."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
