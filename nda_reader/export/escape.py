"""Escaping text for the Markdown export so that it means only what it says.

The export is read by CommonMark tools (markdown-it, GitHub), by pandoc's Markdown (which
adds footnotes, definition lists, fancy lists, sub/superscript, math, citations, raw TeX and
attributes) and by YAML front matter readers. Text from a document or a note is escaped so
that none of these readers turns it into markup:

* every ASCII character that can start inline markup in any of them is backslash-escaped
  (CommonMark and pandoc both accept a backslash before any ASCII punctuation, and render
  the character literally);
* at the start of a line, characters that start block markup are escaped too (``#``, ``>``,
  ``-``, ``+``, ``=``, ``:``, ``%``, ``(``, and the ``.``/``)`` after a list number or
  letter); leading whitespace is dropped so that no line becomes a code block; trailing
  whitespace is dropped so that no line ends in a hard break.
"""

from __future__ import annotations

import json
import re

# Inline markup in CommonMark, GFM, pandoc Markdown and the markdown-it plugins:
# emphasis/strong (* _), code (`), links/images/footnotes ([ ] ^), HTML/autolinks (< >),
# entities (&), strikeout/subscript (~), superscript (^), math ($), citations (@),
# attributes ({ }), table cells and line blocks (|), closing heading sequences (#),
# and the escape character itself.
_INLINE_SPECIAL = frozenset("\\`*_[]<>&~^$@{}|#")
# Block markup at the start of a line (after the inline set above has been handled):
# ATX headings (#), block quotes (>), bullets and thematic breaks and setext underlines
# (- + * = _), pandoc definition lists (: ~), pandoc title blocks (%), pandoc list markers
# such as "(a)" or "(1)" (().
_LINE_START_SPECIAL = frozenset("#>-+*=:~%(|")
# "12." "a)" "iv." at the start of a line would start an ordered (or pandoc fancy) list.
_LIST_NUMBER = re.compile(r"([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=\s|$)")


def escape_inline(text: str) -> str:
    """Backslash-escape every character of ``text`` that could start inline markup.

    Line breaks become spaces: inline text never starts a new line (whose start could be
    read as block markup).
    """
    return "".join(
        "\\" + ch if ch in _INLINE_SPECIAL else " " if ch in "\r\n" else ch for ch in text
    )


def escape_line_start(line: str) -> str:
    """Escape ``line`` (no newlines) for use at the start of a Markdown line.

    Leading spaces and tabs are dropped (indentation could make a code block or continue a
    list); non-breaking spaces are text and stay.
    """
    line = line.lstrip(" \t")
    if not line:
        return ""
    m = _LIST_NUMBER.match(line)
    if m:
        return m.group(1) + "\\" + m.group(2) + escape_inline(line[m.end() :])
    if line[0] in _LINE_START_SPECIAL and line[0] not in _INLINE_SPECIAL:
        return "\\" + line[0] + escape_inline(line[1:])
    return escape_inline(line)


def escape_text(text: str, at_line_start: bool = True) -> str:
    """Escape ``text`` that may span several lines.

    The first line is treated as the start of a Markdown line when ``at_line_start``;
    every line after a newline always is. Spaces before a newline are dropped (two of them
    would make a hard line break); carriage returns are dropped.
    """
    lines = text.replace("\r", "").split("\n")
    out = []
    for i, line in enumerate(lines):
        if i < len(lines) - 1:
            line = line.rstrip(" \t")
        if i == 0 and not at_line_start:
            out.append(escape_inline(line))
        else:
            out.append(escape_line_start(line))
    return "\n".join(out)


def escape_one_line(text: str) -> str:
    """Escape ``text`` as a single line (newlines become spaces), e.g. a table cell."""
    return escape_line_start(" ".join(text.split()))


def escape_cell(text: str) -> str:
    """Escape ``text`` for a pipe-table cell (``|`` is escaped; newlines become spaces)."""
    return escape_one_line(text)


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar for ``value`` (JSON string syntax, which YAML accepts).

    Characters YAML treats as line breaks (NEL, LS, PS) and the BOM are escaped too.
    """
    quoted = json.dumps(value, ensure_ascii=False)
    for ch in ("\u0085", "\u2028", "\u2029", "\ufeff"):
        quoted = quoted.replace(ch, f"\\u{ord(ch):04x}")
    return quoted
