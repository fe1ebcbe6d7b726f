"""File formats: YAML read with positions, schema checks, problems, byte-preserving YAML
edits, and the one atomic writer.

May import :mod:`nda_reader.lang`; knows nothing of corpora, layers or the UI.
"""
