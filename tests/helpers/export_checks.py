"""Helpers shared by the export tests: parsing exports and checking their structure.

Imported by the ``test_export_*`` modules; it holds no tests itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from tests.helpers.corpora import MakeCorpus, text_file

PANDOC = shutil.which("pandoc")

# A generated footnote reference: "[^label]" not escaped and not a definition ("[^label]:"
# at the start of a line).
_REF = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](:?)")


def source_refs(body: str) -> list[str]:
    """The footnote references written in ``body`` (definitions left out)."""
    return [
        m.group(1)
        for m in _REF.finditer(body)
        if not (m.group(2) and (m.start() == 0 or body[m.start() - 1] == "\n"))
    ]


def markdown_parser() -> MarkdownIt:
    """CommonMark (raw HTML allowed, so that escaping mistakes would show) + plugins."""
    return (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(anchors_plugin, min_level=1, max_level=6)
    )


def walk(tokens: list[Token]) -> list[Token]:
    """Every token, inline children included, in order."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.children:
            out.extend(walk(token.children))
    return out


@dataclass
class Parsed:
    """What the export tests look at in one exported file."""

    front_matter: dict[str, Any]
    heading_ids: list[str]
    anchor_headings: dict[str, str]  # id -> heading text, for level-6 anchor headings
    links: list[str]
    footnote_refs: list[str]
    footnote_defs: set[str]
    source_refs: list[str]
    html: str
    tokens: list[Token] = field(repr=False)


def parse_export(text: str) -> Parsed:
    """Parse an exported file with markdown-it (footnote, front matter and anchors plugins)."""
    md = markdown_parser()
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    flat = walk(tokens)
    front = next(t.content for t in flat if t.type == "front_matter")
    ids: list[str] = []
    anchor_headings: dict[str, str] = {}
    for i, t in enumerate(tokens):
        if t.type == "heading_open":
            hid = str(t.attrs.get("id", ""))
            ids.append(hid)
            if t.tag == "h6":
                anchor_headings[hid] = tokens[i + 1].content
    links = [str(t.attrs["href"]) for t in flat if t.type == "link_open"]
    refs = [str(t.meta["label"]) for t in flat if t.type == "footnote_ref"]
    defined = {k[1:] for k in env.get("footnotes", {}).get("refs", {})}
    body = text.split("\n---\n", 1)[1]
    return Parsed(
        front_matter=yaml.safe_load(front),
        heading_ids=ids,
        anchor_headings=anchor_headings,
        links=links,
        footnote_refs=refs,
        footnote_defs=defined,
        source_refs=source_refs(body),
        html=md.renderer.render(tokens, md.options, env),
        tokens=flat,
    )


def check_export_folder(folder: Path) -> dict[str, Parsed]:
    """Assert the structural guarantees of a folder of exports; return them parsed.

    Every footnote referenced is defined and every definition referenced; every link to
    another exported file (or within the file) points at a heading id that exists there,
    and anchor headings' text is their own id.
    """
    parsed = {p.name: parse_export(p.read_text(encoding="utf-8")) for p in folder.glob("*.md")}
    for name, doc in parsed.items():
        assert set(doc.footnote_refs) == doc.footnote_defs, name
        assert sorted(doc.source_refs) == sorted(doc.footnote_refs), name
        assert len(doc.footnote_refs) == len(set(doc.footnote_refs)), name
        for hid, text in doc.anchor_headings.items():
            assert re.fullmatch(r"p[0-9]*-[0-9]+", hid) and text == hid, (name, hid)
        for href in doc.links:
            target, _, fragment = href.partition("#")
            assert fragment, (name, href)
            target_doc = parsed[target] if target else doc
            assert fragment in target_doc.anchor_headings, (name, href)
    return parsed


def pandoc_html(path: Path) -> tuple[int, str, str]:
    """Convert ``path`` with pandoc; (exit status, HTML, stderr)."""
    assert PANDOC is not None
    run = subprocess.run(
        [PANDOC, "-f", "markdown", "-t", "html", "--fail-if-warnings", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return run.returncode, run.stdout, run.stderr


GLOSSARY = """
    layer: glossary
    version: 1
    entries:
      - id: nda
        kind: organisation
        hanzi: 国家数据局
        pinyin: Guójiā Shùjùjú
        english: National Data Administration
        aliases: [NDA]
        hanzi_source: annotator
        note: "Hanzi supplied by the annotator | with a pipe"
      - id: liu-liehong
        kind: person
        hanzi: 刘烈宏
        pinyin: Liú Lièhóng
        english: Liu Liehong
        hanzi_source: text
        roles:
          - title: Administrator
            organisation: nda
            from: "2023-10"
      - id: data-factor
        kind: term
        hanzi: 数据要素
        pinyin: shùjù yàosù
        english: data factor
        aliases: [data factors]
        hanzi_source: annotator
"""


def rich_corpus(make_corpus: MakeCorpus) -> Path:
    """A small corpus with a transcript, a two-part document, links, notes and lists."""
    alpha = """
        # Alpha meeting

        Liu Liehong:

        The National Data Administration will develop data factors. Liu Liehong 刘烈宏 spoke.

        - first item about the NDA
          - nested item on data factors
            - deeper item
        - second item
        3. numbered in the source

        Closing paragraph.
        """
    files: dict[str, str | bytes] = {
        "texts/alpha.md": text_file("alpha", alpha, date="2024-03-01"),
        "texts/beta-p1.md": text_file(
            "beta-p1",
            "# Beta\n\nPage one mentions data factor markets.\n",
            date="2024-05-01",
            part_of="beta",
            part=1,
            part_title="Beta report",
            source="https://example.org/beta?a=1&b_c=2",
        ),
        "texts/beta-p2.md": text_file(
            "beta-p2",
            "Page two continues the story.\n\nLast words of beta.\n",
            date="2024-05-01",
            part_of="beta",
            part=2,
        ),
        "annotations/glossary.yaml": GLOSSARY,
        "annotations/speakers/alpha.yaml": """
            layer: speakers
            version: 1
            doc: alpha
            speakers:
              - id: liu
                term: liu-liehong
            turns:
              - speaker: liu
                anchor: {exact: "Liu Liehong:"}
            """,
        "annotations/crossrefs.yaml": """
            layer: crossrefs
            version: 1
            links:
              - id: alpha-to-beta
                relation: continues
                source: {doc: alpha, exact: "will develop data factors"}
                target: {doc: beta-p2, exact: "Page two continues"}
                note: "A note on the *link*"
              - id: beta-internal
                relation: elaborates
                source: {doc: beta-p1, exact: "Page one"}
                target: {doc: beta-p2, exact: "Last words"}
              - id: item-link
                relation: same-initiative
                source: {doc: alpha, exact: "nested item on data factors"}
                target: {doc: beta-p1, exact: "data factor markets"}
            """,
        "annotations/notes.yaml": """
            layer: notes
            version: 1
            notes:
              - id: n1
                anchor: {doc: alpha, exact: "will develop"}
                text: "First note.\\n\\nSecond paragraph."
                tags: [a, b]
              - id: n2
                anchor: {doc: beta-p2, exact: "Last words of beta."}
                text: "On page two."
              - id: lost
                anchor: {doc: alpha, exact: "text that is not there"}
                text: "Unplaced note."
            """,
    }
    return make_corpus(files)


_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# A word: one hanzi (Chinese has no spaces to tell words apart), or a run of other letters
# and digits.
_WORD = re.compile(f"[{_HAN}]|[^\\W{_HAN}]+")


def missing_words(source: str, exported: str) -> list[str]:
    """The words of ``source`` that ``exported`` lacks, in order: empty when every word of
    the source appears in the export in the same order (case aside: a label may write a
    name as the glossary does), whatever markup, glosses or labels come between them."""
    have = iter(_WORD.findall(exported.replace("\\", "").casefold()))
    wanted = _WORD.findall(source.casefold())
    for i, word in enumerate(wanted):
        if not any(word == found for found in have):
            return wanted[i:]
    return []
