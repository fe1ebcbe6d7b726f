"""The Textual application: app, factory, key table, theming; ``screens/``, ``dialogs/``
and ``widgets/``, one per file.

The only package that imports ``textual``. May import every package except ``cli``.
"""
