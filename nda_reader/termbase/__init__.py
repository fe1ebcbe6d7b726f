"""Termbase exchange: the glossary as TBX-Basic, CSV/TSV (OmegaT's layout) and a Pleco-style
user dictionary, written and read back without loss, and merged into a corpus's glossary.

May import :mod:`nda_reader.corpus`, :mod:`nda_reader.formats` and :mod:`nda_reader.lang`;
not its siblings ``editing``, ``export`` and ``reading``.
"""
