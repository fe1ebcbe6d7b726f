"""Language helpers: the one hanzi predicate, pinyin, and text made safe for a terminal.

The bottom layer: imports only the standard library and (lazily) ``pypinyin`` and
``rich.cells``; nothing else of nda_reader.
"""
