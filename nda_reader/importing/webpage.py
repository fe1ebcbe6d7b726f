"""The main text of a saved web page, by trafilatura (Apache-2.0; imported only here, it
takes ~0.1 s), written as the lines the importer reads: ``#`` headings, ``-`` items, one
paragraph per line, blank lines between blocks. The page's own URL is kept."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from nda_reader.importing.sources import SourceError

_CANONICAL = (
    re.compile(r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*\bhref=[\"']([^\"']+)", re.I),
    re.compile(r"<link\b[^>]*\bhref=[\"']([^\"']+)[\"'][^>]*\brel=[\"']?canonical", re.I),
    re.compile(r"<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*\bcontent=[\"']([^\"']+)", re.I),
    re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I),
)


def page_url(html: str) -> str:
    """The URL a saved page gives for itself (canonical link, og:url, "saved from")."""
    for pattern in _CANONICAL:
        m = pattern.search(html)
        if m and m.group(1).startswith(("http://", "https://")):
            return m.group(1)
    return ""


def _inline(element: ET.Element) -> list[str]:
    """The text of ``element`` with ``\n`` for each line break, nested lists left out."""
    out = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            out.append("\n")
        elif child.tag != "list":
            out.extend(_inline(child))
        out.append(child.tail or "")
    return out


def _lines(element: ET.Element) -> list[str]:
    """The lines of ``element``'s text, whitespace runs made single spaces."""
    return [" ".join(ln.split()) for ln in "".join(_inline(element)).split("\n") if ln.strip()]


def _items(element: ET.Element, depth: int) -> list[str]:
    out = []
    for item in element:
        if item.tag != "item":
            continue
        text = " ".join(_lines(item))
        if text:
            out.append("  " * depth + "- " + text)
        for sub in item:
            if sub.tag == "list":
                out.extend(_items(sub, depth + 1))
    return out


def _blocks(element: ET.Element, out: list[list[str]]) -> None:
    for child in element:
        tag = child.tag
        if tag == "head":
            m = re.match(r"h(\d)", child.get("rend", ""))
            level = int(m.group(1)) if m else 2
            out.extend([f"{'#' * level} {line}"] for line in _lines(child))
        elif tag == "list":
            items = _items(child, 0)
            if items:
                out.append(items)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [" ".join(_lines(cell)) for cell in row]
                if any(cells):
                    out.append([" | ".join(c for c in cells if c)])
        elif tag in ("quote", "div", "main", "section"):
            _blocks(child, out)
        else:
            out.extend([line] for line in _lines(child))


def main_text(html: str, name: str) -> tuple[str, str]:
    """(The main text of the page as lines, the page's ``<title>``)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency
        raise SourceError(f"{name}: reading web pages needs trafilatura ({exc})") from exc
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not xml:
        raise SourceError(f"{name}: no main text found in this web page")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise SourceError(f"{name}: the page's text could not be read ({exc})") from exc
    blocks: list[list[str]] = []
    for main in root.iter("main"):
        _blocks(main, blocks)
    if not blocks:
        raise SourceError(f"{name}: no main text found in this web page")
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    title = " ".join(m.group(1).split()) if m else ""
    return "\n\n".join("\n".join(block) for block in blocks) + "\n", title
