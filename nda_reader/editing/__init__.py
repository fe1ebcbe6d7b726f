"""Editing annotations: actions that turn a user's annotation into layer-file edits, the
layer store (atomic, minimal-diff, undoable saves) and the session (undo/redo of actions).

May import :mod:`nda_reader.corpus`, :mod:`nda_reader.formats` and :mod:`nda_reader.lang`;
not :mod:`nda_reader.reading` or :mod:`nda_reader.export` (siblings), nor anything above.
"""
