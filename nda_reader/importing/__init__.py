"""Bringing a user's own texts into a corpus (``nda-reader add``).

Sources (text, Markdown, saved web pages, Word and PDF files, pasted text) become texts in
the corpus format: website debris removed by rules kept as data (``rules.yaml``, extendable
per corpus), front matter inferred, speaker turns found and matched to the glossary, pages
of one source stitched into one document, alternating Chinese and English paragraphs kept
as pairs, and a report of what was done. Every import is written all or nothing.

On the rank of ``editing``, ``reading`` and ``export``: may import :mod:`nda_reader.corpus`,
:mod:`nda_reader.formats` and :mod:`nda_reader.lang`; not its siblings, nor anything above.
"""
