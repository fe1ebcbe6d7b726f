"""Helpers for the tests of ``nda-reader add``: the test sources we wrote, and an import
into a corpus folder in one call."""

from __future__ import annotations

from pathlib import Path

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.importing.plan import Prepared, prepare, write
from nda_reader.importing.sources import Source, read_source
from nda_reader.importing.texts import NO_OVERRIDES, Overrides
from tests.helpers.corpora import REPO

ADDING = REPO / "tests" / "data" / "adding"
BRIEFING_TXT = ADDING / "binhai-briefing.txt"
BRIEFING_HTML = ADDING / "binhai-briefing.html"

BRIEFING_TURNS = [
    ("林晓梅：", "Lin Xiaomei"),
    ("周文涛：", "Zhou Wentao"),
    ("林晓梅：", "Lin Xiaomei"),
    ("海港日报记者：", "Harbour Daily"),
    ("周文涛：", "Zhou Wentao"),
    ("滨海电视台：", "Binhai TV"),
    ("周文涛：", "Zhou Wentao"),
    ("林晓梅：", "Lin Xiaomei"),
]
"""Every turn of our bilingual briefing: its label and who speaks."""

BRIEFING_DEBRIS = [
    "BINHAI DATA OFFICE",
    "Home > Press Room",
    "Share | Print | Close",
    "Related Posts",
    "Binhai opens port statistics",
    "Please email us",
    "Copyright",
    "2025年3月18日",
]


def add_sources(
    root: Path,
    sources: list[Source],
    overrides: Overrides = NO_OVERRIDES,
    *,
    update: bool = False,
) -> tuple[Prepared, Corpus]:
    """Add ``sources`` to the corpus at ``root`` (writing every document that can be) and
    return the plan and the corpus loaded afterwards."""
    (root / "texts").mkdir(parents=True, exist_ok=True)
    prepared = prepare(sources, root, overrides, update=update)
    for planned in prepared.documents:
        if planned.ok:
            write(planned)
    return prepared, load_corpus(root)


def add_files(root: Path, *paths: Path, **kwargs: object) -> tuple[Prepared, Corpus]:
    """:func:`add_sources` for files."""
    return add_sources(root, [read_source(p) for p in paths], **kwargs)  # type: ignore[arg-type]
