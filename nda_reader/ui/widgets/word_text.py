"""A dictionary word as the context pane shows it: both scripts, every reading, senses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from nda_reader.lang.terminal_text import display_text

if TYPE_CHECKING:
    from nda_reader.dictionary.lookup import Word

MARK = "CC-CEDICT dictionary, not the glossary"
"""Said under every dictionary word, so it is never taken for a glossary entry."""


def word_text(
    word: Word,
    style: Callable[[str], Style],
    pinyin: Callable[[str], Text],
    *,
    brief: bool = False,
) -> Text:
    """``word``: its hanzi (and traditional forms), then each reading in tone colours
    (``pinyin``) with its senses, then :data:`MARK`. ``style`` looks up the pane's styles
    (``hanzi``, ``muted``)."""
    from nda_reader.lang.tones import marked  # with the dictionary: not at start-up

    first = word.entries[0]
    text = Text()
    text.append(first.simplified, style("hanzi") + Style(bold=True))
    traditional = {e.traditional for e in word.entries} - {first.simplified}
    if traditional:
        text.append("  " + " ".join(sorted(traditional)), style("muted"))
    senses = 3 if brief else 8
    for entry in word.entries:
        text.append("\n")
        text.append_text(pinyin(marked(entry.pinyin)))
        text.append("  " + display_text("; ".join(entry.senses[:senses])))
    text.append(f"\n{MARK} · d: look up, make a glossary entry", style("muted"))
    return text
