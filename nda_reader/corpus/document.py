"""Documents: front matter, body, and the passages (blocks) the body is made of."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.schema import DATE, FULL_DATE, SLUG, SLUG_HINT, Field, read_fields
from nda_reader.formats.yaml_source import YMap, parse_yaml, read_text
from nda_reader.lang.terminal_text import (
    count_controls,
    display_text,
    find_control,
    visible_controls,
)

KINDS = ("transcript", "readout", "speech", "report")
ORIGINS = ("published", "annotators")
"""Who wrote a body: a publisher (kept word for word), or the corpus's annotators (their
own translation: not evidence of published wording)."""

FRONT_MATTER: dict[str, Field] = {
    "id": Field(str, True, pattern=SLUG, pattern_hint=SLUG_HINT),
    "title": Field(str, True),
    "date": Field(str, True, pattern=FULL_DATE, pattern_hint="write the date as YYYY-MM-DD"),
    "published": Field(str, pattern=DATE, pattern_hint="write the date as YYYY-MM-DD"),
    "publisher": Field(str),
    "source": Field(str),
    "kind": Field(str, True, choices=KINDS),
    "language": Field(str, True),
    "pairs": Field(str, choices=("zh-en",)),
    "part_of": Field(str, pattern=SLUG, pattern_hint=SLUG_HINT),
    "part": Field(int),
    "part_title": Field(str),
    "source_digest": Field(str),
    "note": Field(str),
    "counterpart": Field(
        str, pattern=SLUG, pattern_hint="use the id of the text this one translates"
    ),
    "origin": Field(str, choices=ORIGINS),
}

_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_CN_NUMBER = "[一二三四五六七八九十百〇零]+"
_ITEM = re.compile(
    r"^([ \t]*)(?:(?:[-*+•]|\d+[.)]|\(\d+\))[ \t]+"
    rf"|(?:{_CN_NUMBER}、|（(?:{_CN_NUMBER}|\d+)）)[ \t]*)"
)
"""A list item's marker: a bullet, ``1.``, ``1)`` or ``(1)`` and a space, or a Chinese
``一、``, ``（一）`` or ``（1）`` (no space needed). The passage starts after it; the reader
shows numbers as written (see :func:`item_marker`)."""


class BlockKind(StrEnum):
    """What a block of the body is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass(frozen=True, slots=True)
class Block:
    """One passage of a body: a heading, a paragraph or a list item.

    ``start``/``end`` are offsets into the body of the block's text without its Markdown
    marker; ``level`` is the heading level or the list nesting depth (0 = top level).
    """

    index: int
    kind: BlockKind
    start: int
    end: int
    level: int = 0


@dataclass
class Document:
    """A text of the corpus: its metadata and body, split into blocks."""

    id: str
    title: str
    path: Path
    body: str
    date: str = ""
    published: str = ""
    publisher: str = ""
    source: str = ""
    kind: str = "report"
    language: str = "en"
    pairs: str = ""
    """``zh-en`` for a bilingual body of Chinese passages each followed by its English
    (see :mod:`nda_reader.corpus.pairs`)."""
    part_of: str = ""
    part: int = 0
    part_title: str = ""
    note: str = ""
    counterpart: str = ""
    """Id of the same text in another language (see :meth:`Corpus.counterpart_of`)."""
    origin: str = "published"
    """``annotators`` for a body the corpus's annotators wrote (their own translation)."""
    source_digest: str = ""
    """Set by ``nda-reader add``: a digest of the source the text was made from."""
    body_line: int = 1
    """1-based line of the file on which the body starts."""
    _blocks: list[Block] | None = field(default=None, repr=False, compare=False)
    _lines: list[int] | None = field(default=None, repr=False, compare=False)
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def blocks(self) -> list[Block]:
        """The passages of the body (split on first use: loading a corpus need not)."""
        if self._blocks is None:
            self._blocks = split_blocks(self.body)
        return self._blocks

    @property
    def _line_starts(self) -> list[int]:
        if self._lines is None:
            self._lines = [0] + [m.end() for m in re.finditer("\n", self.body)]
        return self._lines

    @property
    def _block_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [b.start for b in self.blocks]
        return self._starts

    def with_blocks(self, blocks: list[Block]) -> Document:
        """This document showing only ``blocks`` (a plain :class:`Document`, also when this
        one reads its body lazily from the index)."""
        values = {f.name: getattr(self, f.name) for f in fields(Document) if f.name[0] != "_"}
        return Document(**values, _blocks=blocks)

    def block_text(self, block: Block) -> str:
        """The text of ``block`` without its Markdown marker."""
        return self.body[block.start : block.end]

    def block_by_index(self, index: int) -> Block | None:
        """The block numbered ``index`` (also when :attr:`blocks` shows only some)."""
        if 0 <= index < len(self.blocks) and self.blocks[index].index == index:
            return self.blocks[index]
        return next((b for b in self.blocks if b.index == index), None)

    def block_at(self, offset: int) -> Block | None:
        """The block containing body ``offset``, or the last one starting before it."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        return self.blocks[i] if i >= 0 else None

    def file_position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of body ``offset``."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return (self.body_line + i, offset - self._line_starts[i] + 1)

    @property
    def sort_key(self) -> tuple[str, str, int]:
        """Order documents by date, then by multi-part group and part."""
        return (self.date, self.part_of or self.id, self.part)


def item_marker(body: str, block: Block) -> str:
    """The number of a numbered list item as written (``1.``, ``(1)``, ``一、``); "" for a
    bullet or any other block."""
    if block.kind is not BlockKind.ITEM:
        return ""
    marker = body[body.rfind("\n", 0, block.start) + 1 : block.start].strip()
    return "" if marker in ("-", "*", "+", "•") else marker


def split_blocks(body: str, *, lines_are_passages: bool = False) -> list[Block]:
    """Split a Markdown-subset body into headings, paragraphs and list items.

    With ``lines_are_passages`` (a plain text written one line per paragraph) every line
    is a passage of its own; otherwise a paragraph runs to the next blank line.
    """
    blocks: list[Block] = []
    offset = 0
    current: list[int] | None = None  # [start, end, kind, level]

    def close() -> None:
        nonlocal current
        if current is not None:
            start, end, kind, level = current
            blocks.append(Block(len(blocks), BlockKind(_KIND_NAMES[kind]), start, end, level))
            current = None

    for line in body.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        line_start, line_end = offset, offset + len(content)
        offset += len(line)
        if not content.strip():
            close()
            continue
        if m := _HEADING.match(content):
            close()
            blocks.append(
                Block(
                    len(blocks), BlockKind.HEADING, line_start + m.end(), line_end, len(m.group(1))
                )
            )
            continue
        if m := _ITEM.match(content):
            close()
            depth = len(m.group(1).expandtabs(2)) // 2
            current = [line_start + m.end(), line_end, 2, depth]
            continue
        if lines_are_passages:
            close()
        if current is None:
            current = [line_start + len(content) - len(content.lstrip()), line_end, 1, 0]
        else:
            current[1] = line_end
    close()
    return blocks


_KIND_NAMES = {1: "paragraph", 2: "item"}

_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""What :meth:`str.splitlines` also breaks lines at."""


def starts_passage(body: str, at: int) -> bool | None:
    """Whether one of the passages :func:`split_blocks` finds in ``body`` starts at offset
    ``at``, from ``at``'s line and the line before it alone (a paragraph starts after a
    blank line or a heading); None when that cannot tell, a line being broken nearby by
    another character than "\n" (then split the body)."""
    line_start = body.rfind("\n", 0, at) + 1
    line_end = body.find("\n", at)
    line_end = len(body) if line_end < 0 else line_end
    before = body.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
    if _OTHER_BREAKS.search(body, before, line_end):
        return None
    content = body[line_start:line_end]
    if not content.strip():
        return False
    if (m := _HEADING.match(content)) or (m := _ITEM.match(content)):
        return at == line_start + m.end()
    if at != line_start + len(content) - len(content.lstrip()):
        return False
    previous = body[before : line_start - 1] if line_start else ""
    return not previous.strip() or _HEADING.match(previous) is not None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, body, 1-based line where the body starts)."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return None, text, 1
    lines = text.splitlines(keepends=True)
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            yaml_text = "".join(lines[1:i])
            body = "".join(lines[i + 1 :])
            return yaml_text, body, i + 2
    return None, text, 1


def load_document(
    path: Path, problems: ProblemList, *, require_front_matter: bool = True
) -> Document | None:
    """Load a text file; report missing or invalid front matter with file positions.

    With ``require_front_matter=False`` (a file opened on its own, outside any corpus), a
    file without front matter is read as plain text titled by its first line.
    """
    text = read_text(path, problems)
    if text is None:
        return None
    if "\x00" in text:
        problems.error(path, 1, 1, "file contains NUL bytes; it does not look like a text")
        return None
    fm_text, body, body_line = split_front_matter(text)
    if fm_text is None:
        if require_front_matter:
            problems.error(
                path,
                1,
                1,
                "missing front matter: start the file with a '---' line, the fields id, title, "
                "date, kind and language, and another '---' line (see docs/text-format.md)",
            )
            return None
        return _plain_document(path, text)
    meta = parse_yaml(fm_text, path, problems, line_offset=1)
    if meta is None:
        if fm_text.strip() == "":
            problems.error(path, 1, 1, "front matter is empty; add id, title, date, kind, language")
        return None
    values = read_fields(
        meta,
        FRONT_MATTER,
        path,
        problems,
        "front matter",
        meta.pos if isinstance(meta, YMap) else (2, 1),
    )
    if values is None:
        return None
    if values["id"] != path.stem:
        problems.error_at(
            path,
            meta.where("id"),
            f"id {values['id']!r} must match the file name {path.stem!r}; "
            "rename the file or change the id",
        )
        return None
    if values.get("counterpart") == values["id"]:
        problems.error_at(
            path, meta.where("counterpart"), "'counterpart' names this text itself; "
            "give the id of the same text in another language",
        )  # fmt: skip
        del values["counterpart"]
    if "part_of" in values and "part" not in values:
        problems.error_at(path, meta.where("part_of"), "'part_of' needs a 'part' number too")
    _warn_controls(path, body, body_line, problems)
    return Document(path=path, body=body, body_line=body_line, **values)


def _warn_controls(path: Path, body: str, body_line: int, problems: ProblemList) -> None:
    """Warn about the first control character of a body (the reader shows it as a stand-in,
    the export writes the stand-in; neither ever sends it to a terminal)."""
    control = find_control(body)
    if control is None:
        return
    at = body.index(control)
    line = body_line + body.count("\n", 0, at)
    column = at - (body.rfind("\n", 0, at) + 1) + 1
    count = count_controls(body)
    more = f" (and {count - 1} more)" if count > 1 else ""
    problems.warning(
        path,
        line,
        column,
        f"control character U+{ord(control):04X} in the text{more}; it is shown as "
        f"{visible_controls(control)!r} and exported so — remove it",
    )


def _plain_document(path: Path, text: str) -> Document:
    """A file opened on its own: titled by its first heading or line; a ``.txt`` with no
    blank line between its lines is one passage per line."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), path.stem)
    first = display_text(_HEADING.sub("", first).strip() or path.stem)
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"
    lines = text.strip().splitlines()
    by_line = path.suffix.lower() == ".txt" and len(lines) > 1 and all(ln.strip() for ln in lines)
    blocks = split_blocks(text, lines_are_passages=by_line)
    return Document(id=slug, title=first[:120], path=path, body=text, _blocks=blocks)
