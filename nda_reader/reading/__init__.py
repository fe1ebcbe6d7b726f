"""Reading logic without a screen: wrapping text into display lines, the per-document index
of what is annotated where, cursor navigation, selection motions, jump history and search.

May import :mod:`nda_reader.corpus`, :mod:`nda_reader.formats` and :mod:`nda_reader.lang`
(and ``rich.cells`` to measure text); not its siblings ``editing`` and ``export``.
"""
