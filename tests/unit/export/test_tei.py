"""TEI export: well-formed, every reference resolves, turns are <sp>, the words all there."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.export.markdown import all_groups
from nda_reader.export.render import group_documents
from nda_reader.export.tei import render_tei
from tests.helpers.corpora import MakeCorpus, copy_bundled_corpus, text_file
from tests.helpers.export_checks import rich_corpus

NS = {"tei": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
T = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return load_corpus(copy_bundled_corpus(tmp_path_factory.mktemp("tei")))


def _words(el: ET.Element) -> str:
    """The text of ``el`` as a reader sees it: notes and pointers (and nested lists, which
    are passages of their own) left out."""
    out = [el.text or ""]
    for child in el:
        if child.tag not in (T + "note", T + "ptr", T + "anchor", T + "list"):
            out.append(_words(child))
        out.append(child.tail or "")
    return "".join(out)


def _check(corpus: Corpus, group: str) -> ET.Element:
    root = ET.fromstring(render_tei(corpus, group).encode("utf-8"))
    assert root.tag == T + "TEI"
    ids = {el.get(XML_ID) for el in root.iter() if el.get(XML_ID)}
    assert len(ids) == len([el for el in root.iter() if el.get(XML_ID)])  # unique
    for el in root.iter():
        for attr in ("ref", "who"):
            if el.get(attr):
                assert el.get(attr, "")[1:] in ids, (el.tag, el.get(attr))
    docs = group_documents(corpus, group)
    title = docs[0].part_title or docs[0].title
    assert root.findtext("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", namespaces=NS) == (
        " ".join(title.split())
    )
    # Every passage's words, in order, and nothing else.
    body = root.find("tei:text/tei:body", NS)
    assert body is not None
    parts = body.findall("tei:div", NS)
    assert [p.get("type") for p in parts] == ["part"] * len(docs)
    for doc, part in zip(docs, parts, strict=True):
        found = [
            " ".join(_words(el).split())
            for el in part.iter()
            if el.tag in (T + "head", T + "p", T + "item", T + "speaker")
        ]
        expected = [" ".join(doc.block_text(b).split()) for b in doc.blocks]
        assert " ".join(found) == " ".join(expected)
        turns = corpus.turns(doc.id)
        assert len(part.findall(".//tei:sp/tei:speaker", NS)) == len(turns)
    return root


def test_every_bundled_document_is_well_formed_tei_whose_references_resolve(
    bundled: Corpus,
) -> None:
    for group in all_groups(bundled):
        _check(bundled, group)


def test_turns_terms_people_notes_and_links(bundled: Corpus) -> None:
    root = _check(bundled, "scio-nda-briefing-2024")
    speakers = [sp.get("who") for sp in root.iter(T + "sp")]
    assert speakers[:3] == ["#xing-huina", "#liu-liehong", "#xing-huina"]
    first = next(root.iter(T + "sp"))
    assert [c.tag for c in first][:2] == [T + "speaker", T + "p"]
    person = root.find(".//tei:standOff/tei:listPerson/tei:person[@xml:id='liu-liehong']", NS)
    assert person is not None
    names = {
        (n.get("{http://www.w3.org/XML/1998/namespace}lang"), n.text)
        for n in person.findall("tei:persName", NS)
    }
    assert ("zh-Hans", "刘烈宏") in names and ("zh-Latn-pinyin", "Liú Lièhóng") in names
    jobs = person.findall("tei:occupation", NS)
    assert jobs[0].get("from") == "2020-06" and jobs[0].get("to") == "2021-08"
    assert root.find(".//tei:listOrg/tei:org[@xml:id='nda']", NS) is not None
    terms = [t.get("ref") for t in root.iter(T + "term") if t.get("ref")]
    assert "#nda" in terms
    notes = [n.get(XML_ID) for n in root.iter(T + "note") if n.get("type") == "annotation"]
    assert "note-authorised-operation-pricing" in notes
    # A cross-reference: an anchor and a pointer at each end, a <link> in standOff.
    links = {ln.get("type"): ln.get("target") for ln in root.iter(T + "link")}
    assert links["continues"] == "#link-briefing-page1-continues-page2-source " + (
        "scio-nda-briefing-2024.xml#link-briefing-page1-continues-page2-target"
    )
    ptrs = [p.get("target", "") for p in root.iter(T + "ptr")]
    for target in ptrs:
        name, _, anchor = target.partition("#")
        other = ET.fromstring(render_tei(bundled, name.removesuffix(".xml")).encode("utf-8"))
        assert any(el.get(XML_ID) == anchor for el in other.iter()), target


def test_glossary_terms_that_are_not_people_or_organisations_are_a_back_glossary(
    bundled: Corpus,
) -> None:
    root = _check(bundled, "nda-work-conference-2024")
    labels = root.findall(".//tei:back/tei:div[@type='glossary']/tei:list/tei:label", NS)
    assert "new-quality-productive-forces" in {label.get(XML_ID) for label in labels}
    # The source's nested bullets are nested lists.
    assert root.findall(".//tei:body//tei:list/tei:item/tei:list/tei:item", NS)


def test_hostile_text_stays_well_formed_and_keeps_its_words(make_corpus: MakeCorpus) -> None:
    hostile = 'Tags <b>&amp; ]]> "quotes" and a bell \x07 here.\n\n- item <i>\n'
    root_dir = rich_corpus(make_corpus)
    (root_dir / "texts" / "hostile.md").write_text(text_file("hostile", hostile), encoding="utf-8")
    notes = root_dir / "annotations" / "notes.yaml"
    notes.write_text(
        notes.read_text() + '  - id: evil\n    anchor: {doc: hostile, exact: "<b>&amp;"}\n'
        '    text: "</note><x> & \\x1b[31m"\n'
    )
    corpus = load_corpus(root_dir)
    xml = render_tei(corpus, "hostile")
    root = ET.fromstring(xml.encode("utf-8"))
    p = root.find("tei:text/tei:body//tei:p", NS)
    assert p is not None and _words(p) == 'Tags <b>&amp; ]]> "quotes" and a bell \ufffd here.'
    note = next(n for n in root.iter(T + "note") if n.get(XML_ID) == "note-evil")
    assert note.text is not None and note.text.startswith("</note><x> & ")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", xml)


def test_the_rich_corpus_with_lists_and_a_two_part_document(make_corpus: MakeCorpus) -> None:
    corpus = load_corpus(rich_corpus(make_corpus))
    root = _check(corpus, "alpha")
    # Inside a speaker turn, list items are paragraphs of the turn (<sp> holds no <list>).
    sp = root.find(".//tei:sp", NS)
    assert sp is not None and len(sp.findall("tei:p[@rend='list-item']", NS)) == 5
    _check(corpus, "beta")


def test_every_file_written_by_the_command_parses(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    from nda_reader.cli.main import main

    root = rich_corpus(make_corpus)
    out = tmp_path / "tei"
    assert main(["export", "--all", "--format", "tei", "--corpus", str(root), "-o", str(out)]) == 0
    for path in sorted(out.glob("*.xml")):
        ET.parse(path)
    assert sorted(p.name for p in out.glob("*.xml")) == ["alpha.xml", "beta.xml"]
