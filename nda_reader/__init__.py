"""nda-reader: a terminal reader for annotated bilingual policy texts.

The code is layered; a package imports only from the packages below it (a test enforces
it, see ``tests/unit/test_layers.py``)::

    cli                              the ``nda-reader`` command and its subcommands
    ui                               the Textual application (the only user of textual)
    export | editing | reading       Markdown export | annotation edits, undo | reading logic
    | importing                      | adding texts (nda-reader add)
    corpus                           documents, layers, anchors, term index, loading, check
    formats                          YAML with positions, schemas, problems, atomic writes
    lang                             hanzi, pinyin, terminal-safe text

Package ``__init__`` modules import nothing, so importing one module never pulls in its
neighbours (start-up stays lean).
"""

__version__ = "0.1.0"
