"""Hand-written blocks in an exported file that survive the next export, in place.

A block is kept when it sits between marker lines::

    <!-- nda:keep -->
    Our team's reading of this passage: ...
    <!-- /nda:keep -->

(The markers are HTML/XML comments, invisible in rendered Markdown and valid in TEI.) On
the next export to the same file, each kept block goes back after the same generated line
it followed before (the n-th line with that text, if the line repeats), or else before the
line it preceded; a block whose neighbours are both gone goes to the end of the file, and
the export says so. Everything outside kept blocks is the export's own and is written anew.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_OPEN = re.compile(r"^\s*<!--\s*nda:keep\b[^>]*-->\s*$")
_CLOSE = re.compile(r"^\s*<!--\s*/nda:keep\s*-->\s*$")


@dataclass(frozen=True, slots=True)
class Kept:
    """A kept block (its lines, markers included) and the generated lines around it."""

    lines: tuple[str, ...]
    before: tuple[str, int] | None
    """The generated line right before the block and which occurrence of it (0-based)."""
    after: tuple[str, int] | None


def split(text: str) -> tuple[list[str], list[Kept]]:
    """The generated lines of ``text`` and its kept blocks.

    An opening marker without a closing one keeps everything after it.
    """
    generated: list[str] = []
    blocks: list[tuple[list[str], int]] = []  # (lines, number of generated lines before)
    current: list[str] | None = None
    for line in text.splitlines():
        if current is None and _OPEN.match(line):
            current = [line]
        elif current is not None:
            current.append(line)
            if _CLOSE.match(line):
                blocks.append((current, len(generated)))
                current = None
        else:
            generated.append(line)
    if current is not None:
        blocks.append((current, len(generated)))
    return generated, [_with_context(lines, at, generated) for lines, at in blocks]


def _with_context(lines: list[str], at: int, generated: list[str]) -> Kept:
    def near(indexes: range) -> tuple[str, int] | None:
        for i in indexes:
            if generated[i].strip():
                return generated[i], generated[:i].count(generated[i])
        return None

    return Kept(tuple(lines), near(range(at - 1, -1, -1)), near(range(at, len(generated))))


def fingerprint(text: str) -> str:
    """A digest of what the export wrote: kept blocks and blank lines left out."""
    generated, _ = split(text)
    content = "\n".join(line.rstrip() for line in generated if line.strip())
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def splice(new: str, kept: list[Kept]) -> tuple[str, int]:
    """``new`` with the ``kept`` blocks put back; also how many found no place (at the end)."""
    lines = new.splitlines()
    inserts: dict[int, list[list[str]]] = {}  # insert before line index
    lost: list[list[str]] = []
    for block in kept:
        at = _find(lines, block.before)
        if at is not None:
            at += 1
        else:
            at = _find(lines, block.after)
        if at is None:
            lost.append(list(block.lines))
        else:
            inserts.setdefault(at, []).append(list(block.lines))
    out: list[str] = []
    for i in range(len(lines) + 1):
        for chunk in inserts.get(i, []):
            out.extend(_padded(out, chunk))
        if i < len(lines):
            if inserts.get(i) and lines[i].strip():
                out.append("")
            out.append(lines[i])
    for chunk in lost:
        out.extend(_padded(out, chunk))
    return "\n".join(out) + "\n", len(lost)


def _padded(out: list[str], block: list[str]) -> list[str]:
    """``block`` set off from the line before it by a blank line."""
    return ([""] if out and out[-1].strip() else []) + block


def _find(lines: list[str], context: tuple[str, int] | None) -> int | None:
    if context is None:
        return None
    text, nth = context
    seen = 0
    for i, line in enumerate(lines):
        if line == text:
            if seen == nth:
                return i
            seen += 1
    return None
