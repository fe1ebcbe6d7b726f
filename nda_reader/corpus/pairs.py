"""Chinese/English passage pairs of a bilingual text (front matter ``pairs: zh-en``).

A bilingual body alternates: a Chinese passage, then its English translation. The rule,
which needs no markup (see docs/text-format.md, "Bilingual texts"): a Chinese passage
directly followed by an English passage of the same kind (heading, paragraph or list item
at the same depth) forms a pair with it; a passage that has no partner stands alone.
Passages are Chinese when hanzi outnumber a third of their Latin letters.
"""

from __future__ import annotations

from nda_reader.corpus.document import Block, Document
from nda_reader.lang.hanzi import is_han


def passage_language(text: str) -> str:
    """``zh`` for a Chinese passage, ``en`` for one in Latin letters, ``""`` for neither."""
    han = sum(map(is_han, text))
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    if han and han > latin / 3:
        return "zh"
    return "en" if latin else ""


def block_pairs(body: str, blocks: list[Block]) -> list[tuple[Block, Block]]:
    """The (Chinese, English) pairs of ``blocks``, in text order (see the module)."""
    out: list[tuple[Block, Block]] = []
    i = 0
    while i + 1 < len(blocks):
        a, b = blocks[i], blocks[i + 1]
        if (
            a.kind == b.kind
            and a.level == b.level
            and passage_language(body[a.start : a.end]) == "zh"
            and passage_language(body[b.start : b.end]) == "en"
        ):
            out.append((a, b))
            i += 2
        else:
            i += 1
    return out


def passage_pairs(doc: Document) -> list[tuple[Block, Block]]:
    """The pairs of a document marked ``pairs: zh-en`` (none for any other document)."""
    if doc.pairs != "zh-en":
        return []
    return block_pairs(doc.body, doc.blocks)
