"""Rendering one exported file: front matter, passages, related passages, glossary, notes.

Anchors: a passage that is an end of a cross-reference is preceded by a level-6 heading
whose whole text is its anchor id (``p-12``, or ``p2-12`` in part 2 of a multi-part
document). Every Markdown tool derives a heading's id from its text, and an id made only of
lowercase ASCII letters, digits and hyphens, starting with a letter, is its own slug in all
of them (CommonMark tools with an anchors plugin, GitHub, GitLab, pandoc, Python-Markdown),
so ``other.md#p2-12`` works everywhere without HTML or attribute syntax. See docs/export.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nda_reader.corpus.document import Block, BlockKind, Document
from nda_reader.corpus.model import Corpus, LinkEnd, TurnSpan
from nda_reader.corpus.notes import Note
from nda_reader.corpus.term_index import Occurrence
from nda_reader.export.citations import front_matter_lines, is_url
from nda_reader.export.escape import (
    escape_cell,
    escape_inline,
    escape_line_start,
    escape_one_line,
    yaml_string,
)
from nda_reader.export.passages import ExportOptions, PassageContext, passage_markdown
from nda_reader.lang.terminal_text import strip_unsafe

_QUOTE_MAX = 100
_SORT_PREFIX = re.compile(r"^\W+")

RELATION_LABELS: dict[str, tuple[str, str]] = {
    # relation: (seen from the source, seen from the target)
    "continues": ("continues", "continued by"),
    "same-initiative": ("same initiative as", "same initiative as"),
    "follow-up": ("follows up", "followed up by"),
    "elaborates": ("elaborates", "elaborated by"),
    "contrasts": ("contrasts with", "contrasts with"),
    "same-event": ("same event as", "same event as"),
    "quotes": ("quotes", "quoted by"),
}


def group_id(doc: Document) -> str:
    """The id of the exported file ``doc`` belongs to: its ``part_of``, else its own id."""
    return doc.part_of or doc.id


def export_name(group: str) -> str:
    """The file name of an exported group."""
    return f"{group}.md"


def group_documents(corpus: Corpus, group: str) -> list[Document]:
    """The documents exported together as ``group``, in page order (empty if unknown)."""
    parts = [d for d in corpus.documents.values() if d.part_of == group]
    if parts:
        return sorted(parts, key=lambda d: (d.part, d.id))
    doc = corpus.documents.get(group)
    if doc is None:
        return []
    return corpus.parts_of(doc) if doc.part_of else [doc]


def block_for(doc: Document, offset: int) -> Block | None:
    """The passage holding body ``offset`` (the first one if the offset precedes all)."""
    return doc.block_at(offset) or (doc.blocks[0] if doc.blocks else None)


def passage_anchor(doc: Document, block: Block) -> str:
    """The anchor id of a passage: ``p-N``, or ``pK-N`` in part K of a multi-part document."""
    number = block.index + 1
    return f"p{doc.part}-{number}" if doc.part_of else f"p-{number}"


def passage_label(doc: Document, block: Block) -> str:
    """How a passage is named in link text: "passage 5" or "part 2, passage 5"."""
    number = block.index + 1
    return f"part {doc.part}, passage {number}" if doc.part_of else f"passage {number}"


@dataclass
class _DocEvents:
    """Everything of one document placed in its passages, by block index."""

    turns: list[TurnSpan]
    occurrences: dict[int, list[Occurrence]] = field(default_factory=dict)
    notes: dict[int, list[tuple[int, Note]]] = field(default_factory=dict)
    links: dict[int, list[LinkEnd]] = field(default_factory=dict)


def _events(corpus: Corpus, doc: Document, options: ExportOptions) -> _DocEvents:
    events = _DocEvents(corpus.turns(doc.id))
    for occ in corpus.occurrences.in_doc(doc.id):
        block = block_for(doc, occ.start)
        if block is not None:
            events.occurrences.setdefault(block.index, []).append(occ)
    if options.notes:
        for note in corpus.notes_in(doc.id):
            at = corpus.place(note.anchor)
            block = block_for(doc, max(at.start, at.end - 1)) if at.placed else None
            if block is not None:
                events.notes.setdefault(block.index, []).append((at.end, note))
    for end in corpus.links_in(doc.id):
        block = block_for(doc, end.here_at.start) if end.here_at.placed else None
        if block is not None:
            events.links.setdefault(block.index, []).append(end)
    for ends in events.links.values():
        ends.sort(key=lambda e: (e.here_at.start, e.link.id, not e.outgoing))
    return events


def front_matter(corpus: Corpus, group: str, docs: list[Document]) -> str:
    """YAML front matter: title, date, publisher, source (and url), language, parts, and
    the document's citation (a pandoc ``references`` list, see :mod:`.citations`)."""
    first = docs[0]
    title = first.part_title if first.part_of and first.part_title else first.title
    lines = ["---", f"title: {_meta(title)}", f"id: {yaml_string(group)}"]
    lines.append(f"date: {yaml_string(first.date)}")
    for key in ("published", "publisher"):
        value = getattr(first, key)
        if value:
            lines.append(f"{key}: {_meta(value)}")
    if first.source:
        if is_url(first.source):
            lines.append(f"source: {yaml_string(first.source)}")
            lines.append(f"url: {yaml_string(first.source)}")
        else:
            lines.append(f"source: {_meta(first.source)}")
    lines.append(f"kind: {yaml_string(first.kind)}")
    lines.append(f"lang: {yaml_string(first.language)}")
    lines.append("parts:")
    for doc in docs:
        lines.append(f"  - id: {yaml_string(doc.id)}")
        if doc.part_of:
            lines.append(f"    part: {doc.part}")
        lines.append(f"    title: {_meta(doc.title)}")
        if doc.source and doc.source != first.source:
            lines.append(f"    source: {_meta(doc.source)}")
    lines.extend(front_matter_lines(group, docs))
    lines.append('generator: "nda-reader export"')
    lines.append("---")
    return "\n".join(lines)


def _meta(value: str) -> str:
    """A prose metadata value: Markdown-escaped (pandoc reads metadata as Markdown)."""
    return yaml_string(escape_one_line(value))


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _QUOTE_MAX:
        text = text[: _QUOTE_MAX - 1].rstrip() + "…"
    return f"“{escape_inline(text)}”"


def related_entry(corpus: Corpus, group: str, end: LinkEnd) -> str:
    """One "Related passages" list item: relation, link to the other passage, quote, note."""
    seen_from = RELATION_LABELS.get(end.link.relation, (end.link.relation, end.link.relation))
    relation = seen_from[0 if end.outgoing else 1]
    other = corpus.documents.get(end.there.doc)
    block = block_for(other, end.there_at.start) if other and end.there_at.placed else None
    if other is None or block is None:
        where = escape_inline(other.title if other else end.there.doc)
        text = (
            f"*{escape_inline(relation)}*: {where}, {_quote(end.there.exact)} (passage not found)"
        )
    else:
        there_group = group_id(other)
        anchor = passage_anchor(other, block)
        if there_group == group:
            href, title = f"#{anchor}", "this document"
        else:
            first = group_documents(corpus, there_group)[0]
            href = f"{export_name(there_group)}#{anchor}"
            title = first.part_title if first.part_of and first.part_title else first.title
        link_text = f"{escape_inline(' '.join(title.split()))}, {passage_label(other, block)}"
        text = f"*{escape_inline(relation)}*: [{link_text}]({href}), {_quote(end.there.exact)}"
    if end.link.note:
        text += " — " + escape_inline(" ".join(end.link.note.split()))
    return "- " + text


def related_block(corpus: Corpus, group: str, ends: list[LinkEnd]) -> str:
    """The block quote listing the passages related to one passage."""
    items = [related_entry(corpus, group, end) for end in ends]
    return "\n".join(["> **Related passages**", ">", *("> " + item for item in items)])


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else "" for line in text.split("\n"))


def render_body(corpus: Corpus, group: str, docs: list[Document], ctx: PassageContext) -> list[str]:
    """The body of the exported file as Markdown chunks (joined by the caller)."""
    chunks: list[str] = []
    tight_item = False  # the previous chunk is a plain list item: join the next item tightly
    for doc in docs:
        events = _events(corpus, doc, ctx.options)
        if len(docs) > 1:
            chunks.append(f"*Part {doc.part}: {escape_inline(' '.join(doc.title.split()))}*")
            tight_item = False
        depth = -1
        for block in doc.blocks:
            text = passage_markdown(
                ctx,
                doc,
                block,
                events.turns,
                events.occurrences.get(block.index, []),
                events.notes.get(block.index, []),
            )
            ends = events.links.get(block.index, [])
            anchor = passage_anchor(doc, block) if ends else ""
            related = related_block(corpus, group, ends) if ends else ""
            if block.kind is BlockKind.ITEM:
                text = _item_number(doc, block) + text
                depth = min(block.level, depth + 1)
                chunk = _item(text, depth, anchor, related)
                if tight_item and chunks and not ends:
                    chunks[-1] += "\n" + chunk
                else:
                    chunks.append(chunk)
                tight_item = not ends
                continue
            depth, tight_item = -1, False
            if block.kind is BlockKind.HEADING:
                text = "#" * block.level + (" " + text if text else "")
            if anchor:
                chunks.append(f"###### {anchor}")
            chunks.append(text)
            if related:
                chunks.append(related)
    return chunks


def _item_number(doc: Document, block: Block) -> str:
    """An ordered-list number of the source ("3." or "b)"), kept as text before the item.

    Items are exported as bullets (so nesting is the same whatever the markers' widths);
    a number or letter of the source is part of its words and stays, escaped.
    """
    line_start = doc.body.rfind("\n", 0, block.start) + 1
    marker = doc.body[line_start : block.start].strip()
    if not marker or marker in "-*+•":
        return ""
    return escape_line_start(marker) + " "


def _item(text: str, depth: int, anchor: str, related: str) -> str:
    """A list item at ``depth`` (two spaces a level), with an anchor and related passages."""
    indent = "  " * depth
    inner = indent + "  "
    lines = text.split("\n") if text else [""]
    if anchor:
        head = f"{indent}- ###### {anchor}\n" + _indent("\n".join(lines), inner)
    else:
        head = f"{indent}- {lines[0]}".rstrip()
        if len(lines) > 1:
            head += "\n" + _indent("\n".join(lines[1:]), inner)
    if related:
        head += "\n\n" + _indent(related, inner)
    return head


def glossary_section(corpus: Corpus, docs: list[Document]) -> str:
    """The "Glossary" table of the entries occurring in ``docs`` (empty if none)."""
    ids = {occ.entry_id for doc in docs for occ in corpus.occurrences.in_doc(doc.id)}
    entries = [e for i in ids if (e := corpus.glossary.get(i)) is not None]
    if not entries:
        return ""
    entries.sort(key=lambda e: (_SORT_PREFIX.sub("", e.preferred).casefold(), e.id))
    rows = ["## Glossary", "", "| English | Hanzi | Pinyin | Note |", "| --- | --- | --- | --- |"]
    for e in entries:
        hanzi = e.hanzi + (f" ({e.traditional})" if e.traditional else "")
        pinyin = f"*{escape_cell(e.pinyin)}*" if e.pinyin.strip() else ""
        cells = [escape_cell(e.preferred), escape_cell(hanzi), pinyin, escape_cell(e.note)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def unplaced_notes_section(corpus: Corpus, docs: list[Document]) -> str:
    """Notes on ``docs`` whose quote cannot be placed: kept, listed with their quote."""
    items = []
    for doc in docs:
        for note in corpus.notes_in(doc.id):
            if not corpus.place(note.anchor).placed:
                text = escape_inline(" ".join(note.text.split()))
                if note.tags:
                    text += " (tags: " + escape_inline(", ".join(note.tags)) + ")"
                items.append(
                    f"- **{escape_inline(note.id)}** on {_quote(note.anchor.exact)}: {text}"
                )
    if not items:
        return ""
    return "\n".join(["## Notes not placed in the text", "", *items])


def render_group(corpus: Corpus, group: str, docs: list[Document], options: ExportOptions) -> str:
    """The whole exported file of ``group`` (its ``docs`` in page order)."""
    ctx = PassageContext(corpus, options)
    chunks = [front_matter(corpus, group, docs), *render_body(corpus, group, docs, ctx)]
    if options.glossary:
        chunks.append(glossary_section(corpus, docs))
    if options.notes:
        chunks.append(unplaced_notes_section(corpus, docs))
    chunks.append(ctx.footnotes.render())
    # Control characters (from a text, a note, a name) never reach a file someone will cat.
    return strip_unsafe("\n\n".join(c for c in chunks if c) + "\n")
