"""Keyword-in-context rows: the context on either side of a match, cut to a number of
terminal cells (wide characters count two), so that matches line up in one column."""

from __future__ import annotations

from rich.cells import cell_len


def fit_left(text: str, cells: int) -> str:
    """The end of ``text`` that fits in ``cells`` cells, padded on the left to exactly that."""
    out: list[str] = []
    used = 0
    for ch in reversed(text):
        w = cell_len(ch)
        if used + w > cells:
            break
        out.append(ch)
        used += w
    return " " * (cells - used) + "".join(reversed(out))


def fit_right(text: str, cells: int) -> str:
    """The start of ``text`` that fits in ``cells`` cells (not padded)."""
    used = 0
    for i, ch in enumerate(text):
        used += cell_len(ch)
        if used > cells:
            return text[:i]
    return text
