"""nda-reader: a terminal reader for annotated bilingual policy texts.

The package is split in two: everything directly under ``nda_reader`` is the pure core
(models, loading, anchoring, glossary, search, export) and never imports ``textual``;
``nda_reader.ui`` holds the Textual application.
"""

__version__ = "0.1.0"
