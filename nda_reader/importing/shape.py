"""Giving the lines of a source the corpus's shape: passages, headings and list items.

The body keeps the source's words exactly; only the shape changes (see
docs/text-format.md, "Body"): one passage per paragraph separated by one blank line,
bullets as ``- `` items nested by 2 spaces as the source nests them, the headline as a
``# `` heading, in-text headings as ``## ``, no trailing whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from nda_reader.importing.dates import parse_date
from nda_reader.lang.hanzi import has_han, is_han

_BULLET = re.compile(
    r"^(?P<indent>[ \t\u3000]*)(?P<mark>[•·▪◦●○■□‣⁃*+-]|\d{1,2}[.)])[ \t\u00a0]+(?P<text>\S.*)$"
)
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
_END_PUNCT = tuple(".,;:!?。，；：！？…)）]】\"”’'")


class Kind(StrEnum):
    """What a shaped block is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass
class Shaped:
    """A block of the new body: its kind, text (without marker), nesting and marker."""

    kind: Kind
    text: str
    level: int = 0
    mark: str = "-"

    def render(self) -> str:
        """The block as written in the body."""
        if self.kind is Kind.HEADING:
            return "#" * max(1, self.level) + " " + self.text
        if self.kind is Kind.ITEM:
            mark = self.mark if self.mark[0].isdigit() else "-"
            return "  " * self.level + mark + " " + self.text
        return self.text


def _join(a: str, b: str) -> str:
    if a and b and (is_han(a[-1]) or is_han(b[0])):
        return a + b
    return f"{a} {b}"


def _hard_wrapped(runs: list[list[str]]) -> bool:
    """True when paragraphs were broken into lines of a fixed width (PDF, e-mail)."""
    texts = [ln for run in runs for ln in run]
    if len(texts) < 3:
        return False
    width = max(len(ln) for ln in texts)
    if width > 120:
        return False
    inner = [ln for run in runs if len(run) > 1 for ln in run[:-1]]
    if not inner:
        return False
    return sum(len(ln) >= 0.6 * width for ln in inner) >= 0.8 * len(inner)


def _runs(lines: list[str]) -> list[list[str]]:
    runs: list[list[str]] = [[]]
    for line in lines:
        text = line.rstrip()
        if not text.strip():
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(text)
    return [r for r in runs if r]


def _depths(items: list[tuple[int, Shaped]]) -> None:
    """Nest a list's items by the ranks of their indentations (2 and 4 -> 0 and 1)."""
    ranks = sorted({indent for indent, _ in items})
    for indent, item in items:
        item.level = ranks.index(indent)


def blocks_of(lines: list[str], *, markdown: bool, is_label: Callable[[str], bool]) -> list[Shaped]:
    """The blocks of ``lines``: Markdown headings (from Markdown and web pages), bullets,
    and paragraphs (one per line, or per run of lines where the source is Markdown or was
    hard-wrapped; a speaker label always starts a paragraph)."""
    runs = _runs(lines)
    join = markdown or _hard_wrapped([[ln for ln in r if not _BULLET.match(ln)] for r in runs])
    out: list[Shaped] = []
    pending: list[tuple[int, Shaped]] = []

    def flush() -> None:
        if pending:
            _depths(pending)
            pending.clear()

    for run in runs:
        para: Shaped | None = None
        for line in run:
            if markdown and (m := _MD_HEADING.match(line.strip())):
                flush()
                para = None
                out.append(Shaped(Kind.HEADING, m["text"], len(m["hashes"])))
                continue
            if m := _BULLET.match(line):
                para = None
                indent = len(m["indent"].expandtabs(4).replace("\u3000", "  "))
                item = Shaped(Kind.ITEM, m["text"].rstrip(), mark=m["mark"])
                pending.append((indent, item))
                out.append(item)
                continue
            flush()
            text = line.strip()
            if para is not None and join and not is_label(text):
                para.text = _join(para.text, text)
                continue
            para = Shaped(Kind.PARAGRAPH, text)
            out.append(para)
        flush()
    return out


def title_like(text: str) -> bool:
    """Short enough to be a title and not a list item."""
    return len(text.split()) <= 40 and len(text) <= 300


def name_like(text: str) -> bool:
    """A person's name on its own (a byline such as "Liu Liehong"): 2-4 capitalised words,
    no digits, no function words."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and w.isalpha() for w in words)


def _heading_like(text: str) -> bool:
    if has_han(text):
        return 2 <= len(text) <= 25 and not text.endswith(_END_PUNCT)
    words = text.split()
    if not (1 < len(words) <= 16 and len(text) <= 120):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith(_END_PUNCT) or "," in text or ":" in text:
        return False
    return parse_date(text) is None and not name_like(text)


def mark_headings(blocks: list[Shaped], *, is_label: Callable[[str], bool], markdown: bool) -> None:
    """The headline becomes ``# ``; in-text headings ``## ``.

    In Markdown (and web pages) the source's own headings are kept. In plain text an
    in-text heading is a short line without end punctuation, not a name or a date, followed
    by a paragraph (a line followed by a list introduces the list); none after the first
    speaker label, where short lines are what people say.
    """
    if not blocks:
        return
    first = blocks[0]
    if (
        first.kind is Kind.PARAGRAPH
        and len(blocks) > 1
        and title_like(first.text)
        and not is_label(first.text)
    ):
        first.kind = Kind.HEADING
    if first.kind is Kind.HEADING:
        first.level = 1
        second = blocks[1] if len(blocks) > 1 else None
        if (
            second is not None
            and has_han(first.text)
            and not has_han(second.text)
            and second.kind is not Kind.ITEM
            and title_like(second.text)
            and not is_label(second.text)
            and not second.text.endswith(_END_PUNCT[:2])
        ):
            second.kind, second.level = Kind.HEADING, 1  # an English headline under it
    start = 2 if len(blocks) > 1 and blocks[1].kind is Kind.HEADING and blocks[1].level == 1 else 1
    for i in range(start, len(blocks)):
        block = blocks[i]
        if block.kind is Kind.HEADING:
            block.level = max(2, block.level)
            continue
        if markdown or block.kind is not Kind.PARAGRAPH:
            continue
        if is_label(block.text):
            return
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            following is not None
            and following.kind is Kind.PARAGRAPH
            and not is_label(following.text)
            and _heading_like(block.text)
        ):
            block.kind, block.level = Kind.HEADING, 2


def render(blocks: list[Shaped]) -> str:
    """The body: blocks one blank line apart, the items of a list on consecutive lines."""
    parts: list[str] = []
    for i, block in enumerate(blocks):
        if i:
            tight = block.kind is Kind.ITEM and blocks[i - 1].kind is Kind.ITEM
            parts.append("\n" if tight else "\n\n")
        parts.append(block.render())
    return "".join(parts) + "\n" if parts else ""
