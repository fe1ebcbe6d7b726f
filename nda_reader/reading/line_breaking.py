"""Breaking a passage into lines of at most a given number of terminal cells.

Words are kept whole where they fit; CJK text, written without spaces, breaks between any
two characters except where the line-breaking rules of Chinese forbid it (no closing
punctuation at the start of a line, no opening one at its end). Used by
:mod:`nda_reader.reading.wrapping`.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size

from nda_reader.lang.terminal_text import display_text, joined_gap

_TOKEN = re.compile(r"[^\S\xa0]+|(?:\S|\xa0)+")
"""Runs of breaking whitespace, or runs of anything else (a no-break space joins words)."""


def _cells(text: str) -> int:
    """Display width of ``text``; ASCII (controls shown as one glyph each) is one cell a char."""
    return len(text) if text.isascii() else cell_len(display_text(text))


def _pieces(word: str, offset: int) -> list[tuple[int, int, int]]:
    """Split a word at wide characters (CJK breaks anywhere): (start, end, cells) each."""
    if word.isascii():
        return [(offset, offset + len(word), len(word))]
    out: list[tuple[int, int, int]] = []
    run = 0
    for k, ch in enumerate(word):
        if get_character_cell_size(ch) == 2:
            if k > run:
                out.append((offset + run, offset + k, _cells(word[run:k])))
            out.append((offset + k, offset + k + 1, 2))
            run = k + 1
    if run < len(word):
        out.append((offset + run, offset + len(word), _cells(word[run:])))
    return out


NO_LINE_START = frozenset("。．，、；：？！）］｝〕〉》」』】〙〗〟”’》…‥ー々〆ゝゞヽヾ・")
"""CJK characters that never begin a line (closing punctuation, iteration marks)."""
NO_LINE_END = frozenset("（［｛〔〈《「『【〘〖〝“‘")
"""CJK characters that never end a line (opening punctuation)."""


def _gap(text: str, start: int, end: int) -> int:
    """Cells the whitespace ``text[start:end]`` takes between two words on one line: a
    line break inside a passage joins its lines with one space, or none between two CJK
    characters (see :func:`~nda_reader.lang.terminal_text.joined_gap`)."""
    token = text[start:end]
    if "\n" in token or "\r" in token:
        return len(joined_gap(text, start, end))
    return _cells(token)


def _breakable(text: str, end: int, start: int) -> bool:
    """True when a line may end at ``end`` and the next begin at ``start``: always at a
    space, else not before closing or after opening CJK punctuation."""
    return end != start or (text[start] not in NO_LINE_START and text[end - 1] not in NO_LINE_END)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` into ``[start, end)`` spans of at most ``width`` cells.

    Breaks at whitespace (which is dropped at line ends) and around wide characters (CJK
    can break anywhere); a word longer than a line is split. CJK line-breaking rules hold:
    no line starts with closing punctuation (:data:`NO_LINE_START`) and none ends with an
    opening one (:data:`NO_LINE_END`); the characters before are carried to the next line
    instead. Never returns an empty list for non-blank text; spans exclude leading and
    trailing whitespace. Text is tokenised with one regular expression and ASCII words are
    measured by length, so only non-ASCII words are looked at character by character.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    line: list[tuple[int, int, int, int]] = []  # the line's pieces: start, end, cells, gap
    used = 0
    space = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        first = text[start]
        if first == " " and end - start == 1:  # the common gap, measured without a call
            space = 1
            continue
        if first.isspace() and first != "\xa0":
            space = _gap(text, start, end)
            continue
        token = text[start:end]
        pieces = ((start, end, end - start),) if token.isascii() else _pieces(token, start)
        for i, j, word in pieces:
            gap = space if line else 0
            space = 0
            if line and used + gap + word > width:
                keep = _break_point(text, line, i, word, width)
                spans.append((line[0][0], line[keep - 1][1]))
                line = line[keep:]
                if line:
                    line[0] = (*line[0][:3], 0)
                used = sum(cells + g for _, _, cells, g in line)
                gap = 0
            if not line and word > width:
                k = i
                while k < j:
                    cells, m = 0, k
                    while m < j and (cells == 0 or cells + _cells(text[m]) <= width):
                        cells += _cells(text[m])
                        m += 1
                    if m < j:
                        spans.append((k, m))
                    else:
                        line, used = [(k, m, cells, 0)], cells
                    k = m
                continue
            line.append((i, j, word, gap))
            used += gap + word
    if line:
        spans.append((line[0][0], line[-1][1]))
    return spans


def _break_point(
    text: str, line: list[tuple[int, int, int, int]], start: int, cells: int, width: int
) -> int:
    """How many pieces of a full ``line`` stay on it when the piece at ``start`` (``cells``
    wide) does not fit: all of them, unless CJK rules forbid that break; then the fewest
    pieces move down that allow one, if they fit with it on the next line."""
    if _breakable(text, line[-1][1], start):
        return len(line)
    moving = cells
    for keep in range(len(line) - 1, 0, -1):
        moving += line[keep][2] + (line[keep + 1][3] if keep + 1 < len(line) else 0)
        if moving > width:
            break
        if _breakable(text, line[keep - 1][1], line[keep][0]):
            return keep
    return len(line)
