"""Export: documents as annotated Markdown, escaped for every common Markdown reader and
written all or nothing.

May import :mod:`nda_reader.corpus`, :mod:`nda_reader.formats` and :mod:`nda_reader.lang`;
not its siblings ``editing`` and ``reading``.
"""
