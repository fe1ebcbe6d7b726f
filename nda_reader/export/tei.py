"""Documents as TEI P5 XML, one file per exported document (``<id>.xml``).

* ``<teiHeader>``: the title, and the source as a ``<bibl>`` (publisher, dates, address);
* the body: one ``<div type="part">`` per part, a ``<div>`` per heading (``<head>``),
  paragraphs as ``<p>``, list items as ``<list>``/``<item>``; a speaker turn is an
  ``<sp who="#…">`` holding the label as ``<speaker>`` and the turn's passages;
* every glossary occurrence is ``<term ref="#id">``; a note is a ``<note>`` right after the
  quote it is anchored to; a cross-reference puts an ``<anchor>`` at the start of each of its
  passages and a ``<ptr>`` to the other passage (``other.xml#anchor``), and is listed as a
  ``<link>`` in ``<standOff>``;
* ``<standOff>`` lists the people (``<listPerson>``), organisations (``<listOrg>``), places
  and events occurring in the file; other glossary entries are a glossary list at the back.

The XML is written by :mod:`xml.etree.ElementTree`, so it is well-formed whatever the text
holds; characters XML forbids are replaced by U+FFFD. See docs/tei.md.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from nda_reader.corpus.document import Block, BlockKind, Document
from nda_reader.corpus.model import Corpus, TurnSpan
from nda_reader.export.citations import is_url
from nda_reader.export.render import group_documents, group_id
from nda_reader.export.tei_glossary import (
    TEI_NS,
    XML_ID,
    XML_LANG,
    glossary_lists,
    sub,
    xml_id,
    xml_text,
)

ET.register_namespace("", TEI_NS)


def tei_name(group: str) -> str:
    """The file name of an exported group in TEI."""
    return f"{group}.xml"


@dataclass
class _Inline:
    """What goes inside one passage: term spans and points (notes, link ends) by offset."""

    terms: list[tuple[int, int, str]] = field(default_factory=list)
    points: dict[int, list[tuple[str, dict[str, str], str]]] = field(default_factory=dict)


def _append_text(parent: ET.Element, text: str) -> None:
    if not text:
        return
    text = xml_text(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _inline(corpus: Corpus, doc: Document) -> _Inline:
    out = _Inline()
    for occ in corpus.occurrences.in_doc(doc.id):
        out.terms.append((occ.start, occ.end, occ.entry_id))
    terms = out.terms

    def outside(at: int, to_end: bool) -> int:
        for start, end, _ in terms:
            if start < at < end:
                return end if to_end else start
        return at

    for note in corpus.notes_in(doc.id):
        at = corpus.place(note.anchor)
        if at.placed:
            text = " ".join(note.text.split()) + (
                f" [tags: {', '.join(note.tags)}]" if note.tags else ""
            )
            attrs = {"type": "annotation", XML_ID: xml_id(note.id, "note-")}
            out.points.setdefault(outside(at.end, True), []).append(("note", attrs, text))
    for end in corpus.links_in(doc.id):
        if not end.here_at.placed:
            continue
        here, there = ("source", "target") if end.outgoing else ("target", "source")
        spot = outside(end.here_at.start, False)
        out.points.setdefault(spot, []).append(
            ("anchor", {XML_ID: xml_id(f"{end.link.id}-{here}", "link-")}, "")
        )
        other = corpus.documents.get(end.there.doc)
        if other is not None and end.there_at.placed:
            target = f"{tei_name(group_id(other))}#{xml_id(f'{end.link.id}-{there}', 'link-')}"
            attrs = {"type": "crossref", "subtype": end.link.relation, "target": target}
            out.points[spot].append(("ptr", attrs, ""))
    return out


def _fill(parent: ET.Element, doc: Document, start: int, end: int, inline: _Inline) -> None:
    """The text of ``body[start:end]`` with its terms and points, into ``parent``."""
    while start < end and doc.body[start].isspace():
        start += 1
    cursor = start
    spans = sorted(t for t in inline.terms if start <= t[0] and t[1] <= end)
    marks = sorted(
        [(at, 0, 0) for at in inline.points if start <= at <= end]
        + [(s, 1, n) for n, (s, _, _) in enumerate(spans)]
    )
    for at, kind, n in marks:
        if at < cursor:
            continue
        _append_text(parent, doc.body[cursor:at])
        cursor = at
        if kind == 0:
            for tag, attrs, text in inline.points.pop(at, []):  # each point once
                sub(parent, tag, text, **attrs)
        else:
            s, e, entry_id = spans[n]
            sub(parent, "term", doc.body[s:e], ref="#" + xml_id(entry_id))
            cursor = e
    _append_text(parent, doc.body[cursor:end])


@dataclass
class _Body:
    """The body being built: open divs by heading level, the open turn and list."""

    corpus: Corpus
    doc: Document
    inline: _Inline
    divs: list[tuple[int, ET.Element]]
    turns: list[TurnSpan]
    sp: ET.Element | None = None
    turn: TurnSpan | None = None
    lists: list[ET.Element] = field(default_factory=list)

    def add(self, block: Block) -> None:
        turn = next((t for t in self.turns if t.start < block.end and block.start < t.end), None)
        if block.kind is BlockKind.HEADING:
            self.sp, self.lists = None, []
            while len(self.divs) > 1 and self.divs[-1][0] >= block.level:
                self.divs.pop()
            div = sub(self.divs[-1][1], "div", tail="\n", type="section")
            div.text = "\n"
            self.divs.append((block.level, div))
            _fill(sub(div, "head", tail="\n"), self.doc, block.start, block.end, self.inline)
            self.turn = None
            return
        container = self.divs[-1][1]
        start = block.start
        if turn is not None:
            if turn is not self.turn or self.sp is None:
                self.sp = sub(container, "sp", tail="\n", who="#" + self._who(turn))
                self.sp.text, self.turn, self.lists = "\n", turn, []
            container = self.sp
            if turn.start == block.start and turn.label_end > turn.start:
                speaker = sub(container, "speaker", tail="\n")
                _fill(speaker, self.doc, turn.start, turn.label_end, self.inline)
                start = turn.label_end
                if not self.doc.body[start : block.end].strip():
                    return
        else:
            self.sp = self.turn = None
        if block.kind is BlockKind.ITEM and turn is None:
            self._item(container, block)
            return
        self.lists = []
        rend = {"rend": "list-item"} if block.kind is BlockKind.ITEM else {}
        _fill(sub(container, "p", tail="\n", **rend), self.doc, start, block.end, self.inline)

    def _item(self, container: ET.Element, block: Block) -> None:
        depth = min(block.level, len(self.lists))
        del self.lists[depth + 1 :]
        if depth == len(self.lists):
            parent = self.lists[-1][-1] if self.lists and len(self.lists[-1]) else container
            new = sub(parent, "list", tail="\n")
            new.text = "\n"
            self.lists.append(new)
        item = sub(self.lists[depth], "item", tail="\n")
        _fill(item, self.doc, block.start, block.end, self.inline)

    def _who(self, turn: TurnSpan) -> str:
        speaker = turn.speaker
        return xml_id(speaker.term) if speaker.term else xml_id(speaker.id, "speaker-")


def _header(root: ET.Element, group: str, docs: list[Document]) -> None:
    first = docs[0]
    title = first.part_title if first.part_of and first.part_title else first.title
    header = sub(root, "teiHeader", tail="\n")
    file_desc = sub(header, "fileDesc", tail="\n")
    sub(sub(file_desc, "titleStmt", tail="\n"), "title", " ".join(title.split()))
    sub(
        sub(file_desc, "publicationStmt", tail="\n"),
        "p",
        f"Exported by nda-reader from the corpus document {group}, with its annotations.",
    )
    bibl = sub(sub(file_desc, "sourceDesc", tail="\n"), "bibl")
    sub(bibl, "title", " ".join(title.split()))
    if first.publisher:
        sub(bibl, "publisher", first.publisher)
    if first.published:
        sub(bibl, "date", first.published, type="published", when=first.published)
    if first.date:
        sub(bibl, "date", first.date, type="event", when=first.date)
    if is_url(first.source):
        sub(bibl, "ptr", target=first.source)
    elif first.source:
        sub(bibl, "note", first.source)


def render_tei(corpus: Corpus, group: str) -> str:
    """The TEI document of one exported group (a document or a multi-part document)."""
    docs = group_documents(corpus, group)
    root = ET.Element(f"{{{TEI_NS}}}TEI", {XML_LANG: docs[0].language or "en"})
    root.text = "\n"
    _header(root, group, docs)
    text = sub(root, "text", tail="\n")
    body = sub(text, "body", tail="\n")
    body.text = "\n"
    back = ET.Element(f"{{{TEI_NS}}}back")
    ids: set[str] = set()
    speakers: dict[str, tuple[str, str]] = {}
    for doc in docs:
        part = sub(body, "div", tail="\n", type="part", n=str(doc.part or 1))
        part.text = "\n"
        turns = corpus.turns(doc.id)
        builder = _Body(corpus, doc, _inline(corpus, doc), [(0, part)], turns)
        for block in doc.blocks:
            builder.add(block)
        ids |= {occ.entry_id for occ in corpus.occurrences.in_doc(doc.id)}
        for turn in turns:
            if turn.speaker.term:
                ids.add(turn.speaker.term)
            else:
                speakers[turn.speaker.id] = (corpus.speaker_name(turn.speaker), turn.speaker.kind)
    stand_off = sub(root, "standOff", tail="\n")
    stand_off.text = "\n"
    glossary_lists(corpus, stand_off, back, ids)
    if speakers:
        people = sub(stand_off, "listPerson", tail="\n", type="speakers")
        for ident, (name, kind) in sorted(speakers.items()):
            tag, name_tag = ("person", "persName") if kind == "person" else ("personGrp", "name")
            sub(sub(people, tag, tail="\n", **{XML_ID: xml_id(ident, "speaker-")}), name_tag, name)
    _links(corpus, docs, stand_off)
    if len(back):
        text.insert(len(text), back)
        back.tail = "\n"
    if not len(stand_off):
        root.remove(stand_off)
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"


def _links(corpus: Corpus, docs: list[Document], stand_off: ET.Element) -> None:
    """A ``<linkGrp>`` of the cross-references whose source is in this file."""
    group: ET.Element | None = None
    for doc in docs:
        for end in corpus.links_in(doc.id):
            other = corpus.documents.get(end.there.doc)
            if not end.outgoing or not end.here_at.placed or other is None:
                continue
            if group is None:
                group = sub(stand_off, "linkGrp", tail="\n", type="crossrefs")
                group.text = "\n"
            source = "#" + xml_id(f"{end.link.id}-source", "link-")
            there = f"{tei_name(group_id(other))}#{xml_id(f'{end.link.id}-target', 'link-')}"
            sub(group, "link", tail="\n", type=end.link.relation, target=f"{source} {there}")
