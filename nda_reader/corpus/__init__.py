"""The corpus: documents, anchors, the glossary, speakers, cross-references, notes, the term
index, the corpus model, its loader and cache, ``check``, and where corpora live.

May import :mod:`nda_reader.formats` and :mod:`nda_reader.lang`.
"""
