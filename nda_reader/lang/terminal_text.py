"""Showing text from files in a terminal without letting control characters through.

Texts and layer files may hold escape sequences or other control characters (pasted from a
terminal, or written as ``"\\e"`` in YAML). They must never reach the terminal: they are
shown as visible stand-ins, one character for one, so offsets into a text still line up.
"""

from __future__ import annotations

import re

from nda_reader.lang.hanzi import is_cjk, non_ascii_runs

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def _visible(ch: str) -> str:
    code = ord(ch)
    if ch in "\n\r\t\f\v":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ESC -> ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code <= 0x9F or ch in _BIDI:
        return "\ufffd"  # �
    return ch


_TABLE = {c: _visible(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0), *map(ord, _BIDI)]}


def display_text(text: str) -> str:
    """``text`` safe for a terminal: one visible character per control character.

    Tabs and line breaks become spaces, other C0 controls their Control Pictures glyph
    (ESC -> "␛"), DEL "␡", C1 controls and bidi overrides "�". The result has the same
    length as ``text``, so string indices still map to body offsets.
    """
    return text.translate(_TABLE)


_KEEP_LINES = {c: r for c, r in _TABLE.items() if chr(c) not in "\n\t"}
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in _KEEP_LINES) + "]")


def find_control(text: str) -> str | None:
    """The first control character in ``text`` other than line breaks and tabs, if any."""
    if not _may_hold_control(text):  # most texts: without trying each character in turn
        return None
    found = _CONTROL.search(text)
    return found.group() if found else None


_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\n\t"


def _may_hold_control(text: str) -> bool:
    """False when ``text`` surely holds no control character: its ASCII has none (what is
    left of it, encoded with "?" for every other character, once every printable
    character, line break and tab is deleted: at C speed) and nor have its runs of other
    characters (a small part of most texts; a text of many runs is searched whole)."""
    if text.encode("ascii", "replace").translate(None, _PLAIN_ASCII):
        return True
    if text.isascii():
        return False
    search = _CONTROL.search
    for count, (start, end) in enumerate(non_ascii_runs(text)):
        if count == _RUNS_APART:  # many runs (Chinese with spaces): the rest in one pass
            return search(text, start) is not None
        if search(text, start, end):
            return True
    return False


_RUNS_APART = 256
"""Runs outside ASCII looked at one by one before the rest of a text is searched whole."""


def count_controls(text: str) -> int:
    """How many control characters other than line breaks and tabs ``text`` holds."""
    return len(_CONTROL.findall(text))


def visible_controls(text: str) -> str:
    """``text`` with control characters made visible, keeping line breaks and tabs."""
    return text.translate(_KEEP_LINES)


_EVERY_CONTROL = {c: chr(0x2400 + c) for c in range(0x20)} | {
    c: r for c, r in _TABLE.items() if c >= 0x20
}


def safe_line(text: str) -> str:
    """``text`` safe for one line of a terminal: every control character, line breaks and
    tabs included, shown as a visible stand-in (newline -> "␊", ESC -> "␛"), so that a file
    name or a message can neither send escape sequences nor break the line."""
    if text.isprintable():  # no control character at all (the common case, quick in C)
        return text
    return text.translate(_EVERY_CONTROL)


def strip_unsafe(text: str) -> str:
    """``text`` with every control character but newline and tab made a visible stand-in:
    for text written to files others will ``cat`` (the Markdown export)."""
    return text.translate(_KEEP_LINES_VISIBLE)


_KEEP_LINES_VISIBLE = {c: _EVERY_CONTROL[c] for c in _KEEP_LINES}
_WHITESPACE = re.compile(r"\s+")
LINE_BREAK = re.compile(r"[^\S\n\r]*[\n\r]\s*")
"""A run of whitespace holding a line break (LF, CR or CRLF)."""


def joined_gap(text: str, start: int, end: int) -> str:
    """What the whitespace ``text[start:end]`` becomes when a text's lines are joined: one
    space, or nothing when it holds a line break between two CJK characters (Chinese is
    written without spaces, so a line break inside a sentence is no word break)."""
    if (
        start > 0
        and end < len(text)
        and ("\n" in text[start:end] or "\r" in text[start:end])
        and is_cjk(text[start - 1])
        and is_cjk(text[end])
    ):
        return ""
    return " "


def join_lines(text: str) -> str:
    """``text`` with its line breaks joined as a reader joins them: a run of whitespace
    holding a line break (LF, CR or CRLF) becomes one space, or nothing between two CJK
    characters (see :func:`joined_gap`). Other whitespace stays as it is."""
    if "\n" not in text and "\r" not in text:
        return text
    return LINE_BREAK.sub(lambda m: joined_gap(text, m.start(), m.end()), text)


def one_line(text: str) -> str:
    """``text`` on one line, safe for a terminal: whitespace runs collapsed to one space
    (nothing where a line break joins two CJK characters), control characters shown as
    visible stand-ins."""
    return display_text(_WHITESPACE.sub(lambda m: joined_gap(text, m.start(), m.end()), text))
