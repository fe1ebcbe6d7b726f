"""Escaping: nothing in a document, a note or the glossary turns into markup it did not mean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.export.escape import (
    escape_cell,
    escape_inline,
    escape_line_start,
    escape_text,
    yaml_string,
)
from nda_reader.export.markdown import ExportOptions, GlossMode, export_documents, render_document
from tests.helpers.corpora import MakeCorpus, text_file
from tests.helpers.export_checks import (
    PANDOC,
    check_export_folder,
    pandoc_html,
    parse_export,
)

HOSTILE_BODY = r"""
# Heading with *stars*, `code`, <b>bold</b> and {#attr} #

A paragraph with *emphasis*, **strong**, _under_ and __dunder__, `code`, ~~strike~~,
~sub~, ^sup^, $x^2$, @cite, [link](http://evil.example) and ![img](x.png) and [^x]
and <script>alert(1)</script> and &amp; &lt; and a trailing backslash \
#hashtag-like line starting with a hash
> a line that starts like a quote
+ plus line
12. a number line
a) a letter line
: a definition line
| a | table |
|---|---|
---
===
<div>html block</div>
    indented like code

Speaker X:

Answer with *stars* here.

- item with *stars*
  - nested <i>item</i>
"""

HOSTILE_NOTE = (
    "A note with [^x] and *stars*\n# not a heading\n<script>alert(2)</script>\n"
    "+ plus in a note\n1. one in a note\n\n> quote-like second paragraph"
)


@pytest.fixture
def hostile(make_corpus: MakeCorpus) -> Corpus:
    body = HOSTILE_BODY
    files: dict[str, str | bytes] = {
        "texts/hostile.md": text_file("hostile", body, title='"*Evil* <script>x</script> title"'),
        "annotations/glossary.yaml": """
            layer: glossary
            version: 1
            entries:
              - id: stars
                kind: term
                hanzi: 星*号
                pinyin: "xīng_hào"
                english: stars
                hanzi_source: annotator
                note: "Pipe | and <script>alert(3)</script> and *em*"
            """,
        "annotations/speakers/hostile.yaml": """
            layer: speakers
            version: 1
            doc: hostile
            speakers:
              - id: x
                name: "Evil <b>*Speaker*</b>"
                kind: outlet
                role: "role with _under_ [link](y)"
            turns:
              - speaker: x
                anchor: {exact: "Speaker X:"}
            """,
        "annotations/notes.yaml": yaml.safe_dump(
            {
                "layer": "notes",
                "version": 1,
                "notes": [
                    {
                        "id": "evil",
                        "anchor": {"doc": "hostile", "exact": "starts like a quote"},
                        "text": HOSTILE_NOTE,
                        "tags": ["<b>t</b>", "*x*"],
                    }
                ],
            }
        ),
    }
    corpus = load_corpus(make_corpus(files))
    assert not [p for p in corpus.problems if p.is_error], corpus.problems
    return corpus


GENERATED_EMS = {"xīng_hào"}  # the only emphasis the export adds here: the pinyin


@pytest.mark.parametrize("gloss", ["inline", "footnote"])
def test_hostile_text_renders_literally(hostile: Corpus, gloss: GlossMode) -> None:
    text = render_document(hostile, "hostile", ExportOptions(gloss=gloss))
    parsed = parse_export(text)
    html = parsed.html
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    body_html = html.split('<h2 id="glossary"')[0]
    assert html.count("<table>") == 1  # the glossary's own table
    tags = ("<b>", "<i>", "<div", "<img", "<code", "<del", "<s>", "<pre", "<table", "<ol", "<dl")
    for tag in tags:
        assert tag not in body_html, tag
    ems = set(re.findall(r"<em>(.*?)</em>", html))
    assert ems <= GENERATED_EMS, ems
    strongs = set(re.findall(r"<strong>(.*?)</strong>", html))
    assert strongs == {"Evil &lt;b&gt;*Speaker*&lt;/b&gt;"}
    headings = re.findall(r"<h(\d)[^>]*>(.*?)</h\d>", html)
    assert [h[0] for h in headings] == ["1", "2"]  # the source heading and "Glossary"
    assert headings[0][1].startswith("Heading with *stars")  # then the gloss of "stars"
    assert headings[0][1].endswith("*, `code`, &lt;b&gt;bold&lt;/b&gt; and {#attr} #")
    links = re.findall(r'<a href="([^"]*)"', html)
    assert all(href.startswith("#fn") for href in links), links
    assert parsed.front_matter["title"] == "\\*Evil\\* \\<script\\>x\\</script\\> title"
    assert set(parsed.footnote_refs) == parsed.footnote_defs
    assert "[^x]" in html  # the note's and the text's "[^x]" stay text
    assert "<blockquote>" not in html
    assert "<ul>" in html and "nested &lt;i&gt;item&lt;/i&gt;" in html


def test_hostile_lines_keep_their_words(hostile: Corpus) -> None:
    html = parse_export(render_document(hostile, "hostile")).html
    for words in (
        "#hashtag-like line starting with a hash",
        "&gt; a line that starts like a quote",
        "<li>plus line</li>",  # "+ " starts a list item in the source format too
        "+ plus in a note",
        "1. one in a note",
        "&gt; quote-like second paragraph",
        "12. a number line",
        "a) a letter line",
        ": a definition line",
        "| a | table |",
        "indented like code",
        "trailing backslash \\",
    ):
        assert words in html, words


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_hostile_export_through_pandoc(hostile: Corpus, tmp_path: Path) -> None:
    modes: tuple[GlossMode, ...] = ("inline", "footnote")
    for gloss in modes:
        out = tmp_path / gloss
        (path,) = export_documents(hostile, ["hostile"], out, ExportOptions(gloss=gloss))
        check_export_folder(out)
        code, html, err = pandoc_html(path)
        assert code == 0 and err == "", err
        assert "<script" not in html and "<b>" not in html and "<div" not in html
        assert "<em>" not in html.replace("<em>xīng_hào</em>", "")
        assert "<sup>" not in re.sub(r'<a href="#fn\d+"[^>]*><sup>\d+</sup>', "", html)
        assert "<del>" not in html and "<sub>" not in html and "<dl>" not in html
        assert 'class="math' not in html and "citation" not in html


def test_escape_helpers() -> None:
    assert escape_inline("a*b_c`d[e]f<g>h&i|j~k^l$m@n{o}p#q\\r") == (
        "a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\&i\\|j\\~k\\^l\\$m\\@n\\{o\\}p\\#q\\\\r"
    )
    assert escape_inline("a\n- b\r\n# c") == "a - b  \\# c"
    assert escape_line_start("# x") == "\\# x"
    assert escape_line_start("- x") == "\\- x"
    assert escape_line_start("+ x") == "\\+ x"
    assert escape_line_start("12. x") == "12\\. x"
    assert escape_line_start("iv) x") == "iv\\) x"
    assert escape_line_start("Mr. Liu") == "Mr. Liu"
    assert escape_line_start("2025.12 stays") == "2025.12 stays"
    assert escape_line_start("    code") == "code"
    assert escape_line_start("\u00a0kept") == "\u00a0kept"
    assert escape_text("a  \n> b") == "a\n\\> b"
    assert escape_text("- x", at_line_start=False) == "- x"
    assert escape_cell("a | b\nc") == "a \\| b c"
    assert yaml_string('a "q"\n\u2028') == '"a \\"q\\"\\n\\u2028"'
    assert yaml.safe_load(yaml_string("x: [y] # z\u2029")) == "x: [y] # z\u2029"
