"""The corpus index: what the reader needs to open a corpus, kept in an SQLite database in
the user's cache folder and updated file by file.

``store`` opens the database (refusing any file others could have written, rebuilding a
corrupt or foreign one), ``files`` says which corpus files changed since they were indexed,
``build`` reads those files and updates what depends on them, ``lazy`` gives a
:class:`~nda_reader.corpus.model.Corpus` whose parts are read from the index when used,
``search`` answers corpus searches from a trigram index, and ``open`` ties them together
(:func:`nda_reader.index.open.open_corpus`).

May import :mod:`nda_reader.corpus`, :mod:`nda_reader.formats` and :mod:`nda_reader.lang`.
"""
