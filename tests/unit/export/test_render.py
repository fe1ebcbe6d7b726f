"""Rendering exports: labels, glosses, notes, cross-references, lists, parts, options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.export.markdown import (
    ExportError,
    ExportOptions,
    GlossMode,
    export_documents,
    render_document,
)
from tests.helpers.corpora import MakeCorpus
from tests.helpers.export_checks import (
    PANDOC,
    check_export_folder,
    pandoc_html,
    parse_export,
    rich_corpus,
)


@pytest.fixture
def corpus(make_corpus: MakeCorpus) -> Corpus:
    return load_corpus(rich_corpus(make_corpus))


def test_front_matter_has_title_date_source_url_and_parts(corpus: Corpus) -> None:
    fm = parse_export(render_document(corpus, "beta")).front_matter
    assert fm["title"] == "Beta report"
    assert fm["id"] == "beta"
    assert fm["date"] == "2024-05-01"
    assert fm["url"] == "https://example.org/beta?a=1&b_c=2"
    assert [p["id"] for p in fm["parts"]] == ["beta-p1", "beta-p2"]
    assert [p["part"] for p in fm["parts"]] == [1, 2]
    single = parse_export(render_document(corpus, "alpha")).front_matter
    assert single["parts"] == [{"id": "alpha", "title": "Alpha"}]
    assert "url" not in single


def test_speaker_label_has_name_hanzi_and_role_as_of_the_date(corpus: Corpus) -> None:
    text = render_document(corpus, "alpha")
    assert "\n**Liu Liehong** (刘烈宏), Administrator, National Data Administration:\n" in text
    assert "\nLiu Liehong:\n" not in text


def test_speaker_role_from_the_speakers_layer_wins(make_corpus: MakeCorpus) -> None:
    root = rich_corpus(make_corpus)
    layer = root / "annotations/speakers/alpha.yaml"
    layer.write_text(
        layer.read_text().replace("term: liu-liehong", "term: liu-liehong\n    role: host")
    )
    assert "**Liu Liehong** (刘烈宏), host:" in render_document(load_corpus(root), "alpha")


def test_first_occurrence_glossed_inline_once(corpus: Corpus) -> None:
    text = render_document(corpus, "alpha")
    assert text.count("(国家数据局 *Guójiā Shùjùjú*)") == 1
    assert "The National Data Administration (国家数据局 *Guójiā Shùjùjú*) will" in text
    assert "data factors (数据要素 *shùjù yàosù*)" in text
    # the text gives the hanzi itself right after the name: only the pinyin is added
    assert "Liu Liehong 刘烈宏 (*Liú Lièhóng*) spoke" in text
    assert "first item about the NDA\n" in text  # later occurrences stay plain


def test_gloss_footnote_mode(corpus: Corpus) -> None:
    text = render_document(corpus, "alpha", ExportOptions(gloss="footnote"))
    assert "National Data Administration[^gloss-nda] will" in text
    assert "[^gloss-nda]: National Data Administration: 国家数据局 *Guójiā Shùjùjú* — " in text
    parsed = parse_export(text)
    assert set(parsed.footnote_refs) == parsed.footnote_defs
    assert "gloss-nda" in parsed.footnote_defs


def test_glossary_table_lists_only_entries_in_the_document_sorted(corpus: Corpus) -> None:
    text = render_document(corpus, "beta")
    table = text.split("## Glossary\n\n", 1)[1].split("\n\n")[0].splitlines()
    assert table[0] == "| English | Hanzi | Pinyin | Note |"
    assert [row.split(" | ")[0] for row in table[2:]] == ["| data factor"]
    alpha = render_document(corpus, "alpha")
    rows = alpha.split("## Glossary\n\n", 1)[1].split("\n\n")[0].splitlines()[2:]
    assert [r.split(" | ")[0][2:] for r in rows] == [
        "data factor",
        "Liu Liehong",
        "National Data Administration",
    ]
    assert "Hanzi supplied by the annotator \\| with a pipe" in alpha
    html = parse_export(alpha).html
    assert "<td>Hanzi supplied by the annotator | with a pipe</td>" in html


def test_options_drop_glossary_and_notes(corpus: Corpus) -> None:
    text = render_document(corpus, "alpha", ExportOptions(glossary=False, notes=False))
    assert "## Glossary" not in text
    assert "[^note-" not in text
    assert "Notes not placed" not in text
    assert "(国家数据局 *Guójiā Shùjùjú*)" in text  # glosses stay


def test_notes_are_footnotes_at_their_quote(corpus: Corpus) -> None:
    text = render_document(corpus, "alpha")
    assert "will develop[^note-n1] data factors" in text
    assert "[^note-n1]: First note.\n\n    Second paragraph.\n\n    Tags: a, b" in text
    beta = render_document(corpus, "beta")
    assert "Last words of beta.[^note-n2]" in beta
    assert "- **lost** on “text that is not there”: Unplaced note." in text


def test_cross_references_link_to_anchor_headings_both_ways(corpus: Corpus) -> None:
    alpha = render_document(corpus, "alpha")
    beta = render_document(corpus, "beta")
    assert "###### p-3\n\nThe National Data Administration" in alpha
    assert "> - *continues*: [Beta report, part 2, passage 1](beta.md#p2-1)" in alpha
    assert "— A note on the \\*link\\*" in alpha
    assert "###### p2-1\n\nPage two continues" in beta
    assert "> - *continued by*: [Alpha, passage 3](alpha.md#p-3)" in beta
    # within one multi-part file the link is a fragment
    assert "[this document, part 2, passage 2](#p2-2)" in beta
    assert "[this document, part 1, passage 2](#p1-2)" in beta


def test_list_items_keep_nesting_and_an_anchored_item_stays_in_its_list(corpus: Corpus) -> None:
    text = render_document(corpus, "alpha")
    assert "- first item about the NDA\n\n  - ###### p-5\n    nested item on data factors" in text
    assert "\n    - deeper item\n- second item\n- 3\\. numbered in the source\n" in text
    html = parse_export(text).html.replace("\n", "")
    nested = (
        '<ul><li><p>first item about the NDA</p><ul><li><h6 id="p-5">p-5</h6>'
        "<p>nested item on data factors</p><blockquote>"
    )
    assert nested in html
    assert "</blockquote><ul><li>deeper item</li></ul></li></ul></li><li><p>second item" in html
    assert "<p>3. numbered in the source</p></li></ul>" in html
    assert "<ol" not in html.split("footnotes")[0]


def test_multi_part_document_is_one_file_in_page_order(corpus: Corpus) -> None:
    text = render_document(corpus, "beta-p2")
    assert text == render_document(corpus, "beta")
    assert text.index("*Part 1: Beta P1*") < text.index("# Beta") < text.index("*Part 2: Beta P2*")
    assert text.index("Page one") < text.index("Page two")


def test_output_is_deterministic_and_independent_of_what_else_is_exported(
    corpus: Corpus, tmp_path: Path
) -> None:
    one = export_documents(corpus, ["alpha"], tmp_path / "one")
    both = export_documents(corpus, ["beta", "alpha"], tmp_path / "both")
    assert [p.name for p in both] == ["alpha.md", "beta.md"]  # corpus order
    assert one[0].read_bytes() == (tmp_path / "both/alpha.md").read_bytes()
    again = export_documents(corpus, ["alpha", "beta"], tmp_path / "both")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in both]
    assert render_document(corpus, "alpha") == render_document(corpus, "alpha")


def test_exported_folder_is_consistent(corpus: Corpus, tmp_path: Path) -> None:
    export_documents(corpus, ["alpha", "beta"], tmp_path)
    parsed = check_export_folder(tmp_path)
    assert "beta.md#p2-1" in parsed["alpha.md"].links
    assert {"p1-2", "p2-1", "p2-2"} <= set(parsed["beta.md"].anchor_headings)


def test_render_unknown_document_raises(corpus: Corpus) -> None:
    with pytest.raises(ExportError) as err:
        render_document(corpus, "nope")
    assert err.value.exit_code == 2


def test_link_to_unplaced_target_is_plain_text(make_corpus: MakeCorpus) -> None:
    root = rich_corpus(make_corpus)
    links = root / "annotations/crossrefs.yaml"
    links.write_text(links.read_text().replace('"Last words"', '"Words that are gone"'))
    beta = render_document(load_corpus(root), "beta")
    assert "*elaborates*: Beta P2, “Words that are gone” (passage not found)" in beta
    assert "p2-2" not in beta


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@pytest.mark.parametrize("gloss", ["inline", "footnote"])
def test_pandoc_reads_lists_anchors_and_footnotes(
    corpus: Corpus, tmp_path: Path, gloss: GlossMode
) -> None:
    export_documents(corpus, ["alpha", "beta"], tmp_path, ExportOptions(gloss=gloss))
    parsed = check_export_folder(tmp_path)
    for name in ("alpha.md", "beta.md"):
        code, html, err = pandoc_html(tmp_path / name)
        assert code == 0 and err == "", err
        assert len(re.findall(r'<li id="fn\d+"', html)) == len(parsed[name].footnote_defs)
        for href in parsed[name].links:
            fragment = href.partition("#")[2]
            other = href.partition("#")[0] or name
            target_html = pandoc_html(tmp_path / other)[1]
            assert f'<h6 id="{fragment}">{fragment}</h6>' in target_html
    alpha = pandoc_html(tmp_path / "alpha.md")[1].replace("\n", " ")
    assert '<li><h6 id="p-5">p-5</h6>' in alpha
    assert "<li>3. numbered in the source</li>" in alpha or "<p>3. numbered in the source" in alpha


def test_note_references_never_split_a_label_or_a_term(make_corpus: MakeCorpus) -> None:
    root = rich_corpus(make_corpus)
    (root / "annotations/notes.yaml").write_text(
        "layer: notes\nversion: 1\nnotes:\n"
        '  - id: in-label\n    anchor: {doc: alpha, exact: Liu, suffix: " Liehong:"}\n    text: a\n'
        '  - id: in-term\n    anchor: {doc: alpha, exact: "The National Data"}\n    text: b\n'
        '  - id: across\n    anchor: {doc: alpha, exact: "spoke.\\n\\n- first"}\n    text: c\n',
        encoding="utf-8",
    )
    text = render_document(load_corpus(root), "alpha")
    assert "National Data Administration:[^note-in-label]\n" in text
    assert "Administration (国家数据局 *Guójiā Shùjùjú*)[^note-in-term] will" in text
    assert "- first[^note-across] item about the NDA" in text
    parsed = parse_export(text)
    assert (
        set(parsed.footnote_refs)
        == parsed.footnote_defs
        == {
            "note-in-label",
            "note-in-term",
            "note-across",
        }
    )
