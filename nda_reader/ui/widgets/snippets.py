"""Short texts the panes show: a document's title cut to fit, a line of text around a place."""

from __future__ import annotations

from nda_reader.corpus.document import Document
from nda_reader.lang.terminal_text import display_text, one_line


def short_title(doc: Document, width: int = 40) -> str:
    """A document's title in at most ``width`` characters, ending with its page for a
    multi-part one (the page survives the cut: pages of one document differ by it)."""
    title = doc.part_title or doc.title
    page = f", p. {doc.part}" if doc.part_of else ""
    room = max(1, width - len(page))
    if len(title) > room:
        title = title[: room - 1].rstrip() + "…"
    return title + page


def snippet(body: str, start: int, end: int, width: int = 60) -> str:
    """One line of ``body`` around ``[start, end)``, at most ~``width`` characters."""
    text = one_line(body[start:end]).strip()
    if len(text) > width:
        return display_text(text[: width - 1]) + "…"
    room = max(0, (width - len(text)) // 2)
    before = one_line(body[max(0, start - room) : start]).lstrip()
    after = one_line(body[end : end + room]).rstrip()
    return display_text(f"{'…' if start - room > 0 else ''}{before}{text}{after}…")
