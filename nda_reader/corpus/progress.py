"""How long work says how far it is: one callable type for the index, ``check`` and export."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""``progress(what, done, total)``: how far a long step (``what``) is; the command line draws
it as a bar (``cli.progress``), the reader as a line (``ui.widgets.index_progress``)."""


def no_progress(what: str, done: int, total: int) -> None:
    """A :data:`Progress` that shows nothing: the default of work done quietly."""
