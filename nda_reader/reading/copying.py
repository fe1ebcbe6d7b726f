"""What ``y`` copies: a passage or selection as published, and a line to cite it by.

Pure text: the lines of a passage are joined as the reader shows them (one space, none
between CJK characters; see :func:`~nda_reader.lang.terminal_text.join_lines`) and a
numbered item keeps its number, so what is pasted reads as what was published.
"""

from __future__ import annotations

from nda_reader.corpus.document import Block, Document, item_marker
from nda_reader.lang.hanzi import is_cjk
from nda_reader.lang.terminal_text import join_lines


def passage_text(doc: Document, block: Block) -> str:
    """Passage ``block`` of ``doc`` as published: lines joined, a list number kept."""
    text = join_lines(doc.block_text(block)).strip()
    number = item_marker(doc.body, block)
    if not number:
        return text
    return f"{number}{'' if is_cjk(number[-1]) else ' '}{text}"


def span_text(doc: Document, start: int, end: int) -> str:
    """The text ``[start, end)`` of ``doc``'s body, its lines joined."""
    return join_lines(doc.body[start:end]).strip()


def citation(doc: Document, block: Block | None = None) -> str:
    """A line to cite ``doc`` (at passage ``block``) by: title, publisher, date, page of a
    multi-part document, passage number (counted from 1, headings included)."""
    bits = [doc.part_title or doc.title]
    if doc.publisher:
        bits.append(doc.publisher)
    if doc.date:
        bits.append(doc.date)
    if doc.part_of and doc.part:
        bits.append(f"page {doc.part}")
    if block is not None:
        bits.append(f"passage {block.index + 1}")
    return "— " + ", ".join(" ".join(b.split()) for b in bits)


def cited(text: str, doc: Document, block: Block | None = None) -> str:
    """``text`` followed by its citation line."""
    return f"{text}\n{citation(doc, block)}"
