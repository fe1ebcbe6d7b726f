"""Reading what the user adds: a text, Markdown or saved web page file, a Word or PDF file
(through pandoc or pdftotext, where installed), or text pasted on standard input.

Bad input raises :class:`SourceError` with a message saying what is wrong and what to do;
nothing is read half.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".text", "")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = (*TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, ".docx", ".pdf")
_MAX_BYTES = 20 * 1024 * 1024


class SourceError(Exception):
    """A source cannot be read; the message names it and says why."""


@dataclass(frozen=True, slots=True)
class Source:
    """A source as text: its name (file name, or "pasted text"), the text (Markdown for
    web pages, Word and PDF files), the URL it gives, and a digest of what was read."""

    name: str
    text: str
    markdown: bool = False
    url: str = ""
    digest: str = ""
    path: Path | None = None
    html_title: str = ""


def digest_of(data: bytes) -> str:
    """The digest kept in front matter (``source_digest``) to notice a source added again."""
    return "sha256:" + hashlib.sha256(data).hexdigest()[:32]


def decode(data: bytes, name: str) -> str:
    """Bytes as text (UTF-8, with or without a byte-order mark, or UTF-16 with one);
    line endings made ``\\n``."""
    if not data.strip():
        raise SourceError(f"{name}: the file is empty; nothing to add")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:8192]:
            raise SourceError(
                f"{name}: this is a binary file, not text; add a .txt, .md, "
                ".html, .docx or .pdf file"
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise SourceError(
                f"{name}:{line}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and add "
                "it again"
            ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(f"{name}: the file has no text; nothing to add")
    return text


def from_text(text: str, name: str = "pasted text") -> Source:
    """Text given directly (pasted into the reader, or read from standard input)."""
    data = text.encode("utf-8")
    return Source(name, decode(data, name), digest=digest_of(data))


def _run(command: list[str], name: str, tool: str, package: str) -> str:
    if shutil.which(command[0]) is None:
        raise SourceError(
            f"{name}: reading this kind of file needs {tool}, which is not installed "
            f"(install the '{package}' package), or save the file as .txt and add that"
        )
    try:
        done = subprocess.run(command, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SourceError(f"{name}: {tool} failed ({exc})") from exc
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no reason"]
        raise SourceError(f"{name}: {tool} could not read it: {why[0]}")
    return decode(done.stdout, name)


def read_source(path: Path) -> Source:
    """Read one file the user adds (see the module docstring)."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError(
            f"{name}: unknown kind of file '{suffix}'; add .txt, .md, .html, .docx or .pdf "
            "files (or paste the text)"
        )
    try:
        if path.is_dir():
            raise SourceError(f"{name}: a folder, not a file; give the files in it")
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise SourceError(f"{name}: {size // 1024 // 1024} MB is too big for one text")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{name}: cannot read it ({exc.strerror or exc})") from exc
    digest = digest_of(data)
    if suffix == ".docx":
        command = ["pandoc", "--from=docx", "--to=markdown-smart", "--wrap=none", str(path)]
        text = _run(command, name, "pandoc", "pandoc")
        return Source(name, _plain_markdown(text), True, digest=digest, path=path)
    if suffix == ".pdf":
        text = _run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], name, "pdftotext", "poppler-utils"
        )
        return Source(name, text.replace("\f", "\n\n"), digest=digest, path=path)
    text = decode(data, name)
    if suffix in HTML_SUFFIXES or (not suffix and text.lstrip().startswith("<")):
        from nda_reader.importing.webpage import main_text, page_url

        body, title = main_text(text, name)
        return Source(name, body, True, page_url(text), digest, path, title)
    return Source(name, text, suffix in MARKDOWN_SUFFIXES, digest=digest, path=path)


def _plain_markdown(text: str) -> str:
    """pandoc's Markdown without the escapes it adds to plain words (``\\'``, ``\\"``)."""
    return re.sub(r"\\([\\'\"`*_{}\[\]()#+\-.!<>|~^$])", r"\1", text)
