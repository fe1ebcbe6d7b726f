"""Bilingual Markdown: a text and its counterpart, pair after pair (``export --parallel``).

Each pair of the alignment becomes its first text's passages as they are (headings,
paragraphs, nested list items), then the counterpart's passages as a block quote right
below, so the pairing shows in every renderer. Not a two-column table: a GitHub or pandoc
pipe-table cell holds one line of inline text, so headings, lists and paragraphs of a
passage group would be flattened, and two long cells side by side wrap into narrow
columns; a block quote keeps every passage's structure (see docs/export.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from nda_reader.corpus.aligner import propose
from nda_reader.corpus.alignments import Alignment, orientation
from nda_reader.corpus.document import BlockKind, Document
from nda_reader.corpus.model import Corpus
from nda_reader.export.errors import ExportError
from nda_reader.export.escape import escape_inline, escape_line_start, yaml_string
from nda_reader.export.files import write_files
from nda_reader.export.markdown import refuse_corpus_folders

SUFFIX = ".parallel"
"""Added to the first text's id to name the exported file."""


def parallel_alignment(corpus: Corpus, doc_id: str) -> Alignment:
    """The stored alignment of ``doc_id``, the pairs of an alternating text, or a proposal.

    Raises :class:`ExportError` (usage) for a text without counterpart.
    """
    found = corpus.alignment(doc_id)
    if found is not None:
        return found
    other = corpus.counterpart_of(doc_id)
    if doc_id not in corpus.documents or other is None or other not in corpus.documents:
        raise ExportError(
            f"{doc_id!r} has no counterpart to export beside it (see docs/text-format.md, "
            "'Counterparts')",
            usage=True,
        )
    ids = orientation(corpus.documents, doc_id, other)
    docs = (corpus.documents[ids[0]], corpus.documents[ids[1]])
    return Alignment(ids, propose(corpus, docs))


def _passages(doc: Document, blocks: range, *, quoted: bool = False) -> tuple[str, int]:
    """The passages as Markdown, and the indentation of the last one's content (where a
    block that belongs to it goes: inside a list item, the list goes on after it). With
    ``quoted``, list items are plain paragraphs (the quote sits in the list item it
    answers, whose list shows the structure)."""
    shown = [b for b in (doc.block_by_index(i) for i in blocks) if b is not None]
    chunks: list[str] = []
    indent = 0
    for block in shown:
        text = escape_inline(" ".join(doc.block_text(block).split()))
        if block.kind is BlockKind.HEADING:
            chunks.append("#" * block.level + " " + text)
            indent = 0
        elif block.kind is BlockKind.ITEM and not quoted:
            depth = block.level
            chunks.append("  " * depth + "- " + text)
            indent = 2 * depth + 2
        else:
            chunks.append(escape_line_start(text))
            indent = 0
    return "\n\n".join(chunks), indent


def _quote(markdown: str, indent: int) -> str:
    pad = " " * indent
    return "\n".join(f"{pad}> {line}" if line else f"{pad}>" for line in markdown.split("\n"))


def _texts(first: Document, second: Document) -> list[Document]:
    return [first] if first is second else [first, second]


def _front_matter(first: Document, second: Document, alignment: Alignment) -> str:
    lines = ["---", f"title: {yaml_string(first.title)}"]
    if second.id != first.id:
        lines.append(f"counterpart_title: {yaml_string(second.title)}")
    lines += [
        f"id: {yaml_string(first.id + SUFFIX)}",
        f"date: {yaml_string(first.date)}",
        "texts:",
    ]
    for doc in _texts(first, second):
        lines.append(f"  - id: {yaml_string(doc.id)}")
        lines.append(f"    lang: {yaml_string(doc.language)}")
        if doc.origin == "annotators":
            lines.append(
                '    origin: "the corpus annotators\' own translation, not an official text"'
            )
    confirmed = alignment.confirmed
    lines.append(f"pairs: {len(alignment.pairs)}")
    lines.append(f"confirmed: {confirmed}")
    lines += ['generator: "nda-reader export --parallel"', "---"]
    return "\n".join(lines)


def render_parallel(corpus: Corpus, doc_id: str) -> tuple[str, str]:
    """``(file name, Markdown)`` of ``doc_id`` beside its counterpart."""
    alignment = parallel_alignment(corpus, doc_id)
    first, second = (corpus.documents[d] for d in alignment.docs)
    chunks = [_front_matter(first, second, alignment)]
    notes = [d for d in _texts(first, second) if d.origin == "annotators"]
    for doc in notes:
        chunks.append(
            f"*{escape_inline(doc.title)} ({doc.language}) is the corpus annotators' own "
            "translation, not an official or published text.*"
        )
    indent = 0
    for pair in alignment.pairs:
        ours, last = _passages(first, pair.blocks(0))
        if ours:
            chunks.append(ours)
            indent = last
        theirs, _ = _passages(second, pair.blocks(1), quoted=True)
        if theirs:  # inside the last passage above (a list item), so its list goes on
            chunks.append(_quote(theirs, indent))
    return first.id + SUFFIX + ".md", "\n\n".join(chunks) + "\n"


def parallel_ids(corpus: Corpus) -> list[str]:
    """Every text that can be exported beside a counterpart, once per pair, in corpus
    order: the first text of each stored or implied alignment."""
    out: list[str] = []
    seen: set[str] = set()
    for doc in corpus.ordered_documents():
        if doc.id in seen or not corpus.has_parallel(doc):
            continue
        alignment = parallel_alignment(corpus, doc.id)
        seen |= set(alignment.docs)
        out.append(alignment.docs[0])
    return out


def export_parallel(corpus: Corpus, doc_ids: Iterable[str], out_dir: Path) -> list[Path]:
    """Write each of ``doc_ids`` beside its counterpart into ``out_dir``, all or nothing."""
    refuse_corpus_folders(corpus, out_dir)
    files = dict(render_parallel(corpus, doc_id) for doc_id in doc_ids)
    return write_files(out_dir, files)
