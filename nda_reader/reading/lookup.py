"""Looking up Chinese: the glossary first, then the dictionary (pure logic).

A query (hanzi, pinyin with or without tones, English) or a place in a text gives
:class:`Hit` s: glossary entries that have it, then CC-CEDICT entries. The glossary always
wins: where both have a word, its entry comes first and the text's term is the glossary's
(CC-CEDICT reads the name 张望 as "to look around").
"""

from __future__ import annotations

from dataclasses import dataclass

from nda_reader.corpus.glossary import Glossary, GlossaryEntry
from nda_reader.dictionary.cedict import Entry
from nda_reader.dictionary.lookup import Dictionary, Word, reading
from nda_reader.lang.hanzi import has_han
from nda_reader.lang.script import to_simplified
from nda_reader.lang.tones import toneless_key


@dataclass(frozen=True, slots=True)
class Hit:
    """One answer: a glossary entry (``entry_id``) or a dictionary entry."""

    hanzi: str
    traditional: str
    pinyin: str
    """With tone marks."""
    senses: tuple[str, ...]
    entry_id: str = ""
    """The glossary entry's id; empty for a dictionary entry."""

    @property
    def from_glossary(self) -> bool:
        """True for a glossary entry."""
        return bool(self.entry_id)


def glossary_hit(entry: GlossaryEntry) -> Hit:
    """A glossary entry as a hit: English and aliases are its senses."""
    return Hit(
        entry.hanzi, entry.traditional, entry.pinyin, (entry.english, *entry.aliases), entry.id
    )


def dictionary_hit(entry: Entry) -> Hit:
    """A CC-CEDICT entry as a hit."""
    return Hit(entry.simplified, entry.traditional, reading(entry), entry.senses)


def glossary_matches(
    glossary: Glossary, query: str
) -> tuple[list[GlossaryEntry], list[GlossaryEntry]]:
    """Entries whose hanzi, English, an alias or pinyin is ``query``, and entries whose
    hanzi or English forms only contain it."""
    query = query.strip()
    if not query:
        return [], []
    simplified = to_simplified(query) if has_han(query) else query
    lower = query.lower()
    key = toneless_key(query)
    whole: list[GlossaryEntry] = []
    part: list[GlossaryEntry] = []
    for entry in glossary.entries.values():
        forms = [f.lower() for f in (entry.english, *entry.aliases)]
        hanzi = (entry.hanzi, entry.traditional)
        if (
            simplified in hanzi
            or query in hanzi
            or lower in forms
            or (key and key == toneless_key(entry.pinyin))
        ):
            whole.append(entry)
        elif (has_han(query) and any(simplified in h for h in hanzi if h)) or (
            not has_han(query) and any(lower in f for f in forms)
        ):
            part.append(entry)
    return whole, part


def look_up(glossary: Glossary, dictionary: Dictionary | None, query: str) -> list[Hit]:
    """Glossary entries that are ``query``, then dictionary entries, then glossary
    entries that contain it."""
    whole, part = glossary_matches(glossary, query)
    hits = [glossary_hit(e) for e in whole]
    if dictionary is not None:
        hits += [dictionary_hit(e) for e in dictionary.search(query)]
    return hits + [glossary_hit(e) for e in part]


def word_at(dictionary: Dictionary, text: str, offset: int) -> Word | None:
    """The longest dictionary word starting at ``offset`` of ``text`` (a traditional
    text's words are found too: the dictionary has both scripts)."""
    return dictionary.longest_at(text, offset)
