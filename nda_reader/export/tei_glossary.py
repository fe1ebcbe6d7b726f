"""The glossary in TEI: people, organisations, places and events in ``<standOff>`` lists,
every other entry in a glossary list at the back; and the XML helpers the TEI export uses."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import Corpus

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")

LISTS = {
    "person": ("listPerson", "person", "persName"),
    "organisation": ("listOrg", "org", "orgName"),
    "outlet": ("listOrg", "org", "orgName"),
    "place": ("listPlace", "place", "placeName"),
    "event": ("listEvent", "event", "label"),
}
"""Glossary kinds with a TEI list of their own: (list, element, name element)."""


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids (most control characters) replaced."""
    return _NOT_XML.sub("\ufffd", text)


def xml_id(ident: str, prefix: str = "") -> str:
    """A valid ``xml:id`` for an id (slugs may start with a digit, which XML forbids)."""
    ident = prefix + ident
    return ident if _NCNAME.match(ident) else "id-" + re.sub(r"[^\w.\-]", "-", ident)


def sub(parent: ET.Element, tag: str, text: str = "", tail: str = "", **attrs: str) -> ET.Element:
    """A child element in the TEI namespace with text, tail and attributes."""
    el = ET.SubElement(parent, f"{{{TEI_NS}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text:
        el.text = xml_text(text)
    if tail:
        el.tail = tail
    return el


def _names(el: ET.Element, tag: str, entry: GlossaryEntry) -> None:
    sub(el, tag, entry.english, "\n", **{XML_LANG: "en"})
    for alias in entry.aliases:
        sub(el, tag, alias, "\n", type="alias", **{XML_LANG: "en"})
    if entry.hanzi:
        sub(el, tag, entry.hanzi, "\n", **{XML_LANG: "zh-Hans"})
    if entry.traditional:
        sub(el, tag, entry.traditional, "\n", **{XML_LANG: "zh-Hant"})
    if entry.pinyin.strip():
        sub(el, tag, entry.pinyin, "\n", **{XML_LANG: "zh-Latn-pinyin"})


def _describe(corpus: Corpus, el: ET.Element, entry: GlossaryEntry, name_tag: str) -> None:
    _names(el, name_tag, entry)
    for role in entry.roles:
        attrs = {k: v for k, v in (("from", role.start), ("to", role.end)) if v}
        occupation = sub(el, "occupation", role.title, "\n", **attrs)
        org = corpus.glossary.get(role.organisation) if role.organisation else None
        if org is not None:
            occupation.text = (occupation.text or "") + ", "
            sub(occupation, "orgName", org.english, ref="#" + xml_id(org.id))
        elif role.organisation:
            occupation.text = (occupation.text or "") + ", " + xml_text(role.organisation)
    if entry.note:
        sub(el, "note", " ".join(entry.note.split()), "\n")


def glossary_lists(corpus: Corpus, stand_off: ET.Element, back: ET.Element, ids: set[str]) -> None:
    """The entries ``ids`` (and the organisations their roles name) in their lists."""
    wanted = set(ids)
    for ident in list(ids):
        entry = corpus.glossary.get(ident)
        for role in entry.roles if entry else []:
            if corpus.glossary.get(role.organisation) is not None:
                wanted.add(role.organisation)
    entries = sorted(
        (e for i in wanted if (e := corpus.glossary.get(i)) is not None), key=lambda e: e.id
    )
    made: dict[str, ET.Element] = {}
    gloss: ET.Element | None = None
    for entry in entries:
        if entry.kind in LISTS:
            list_tag, tag, name_tag = LISTS[entry.kind]
            if list_tag not in made:
                made[list_tag] = sub(stand_off, list_tag, tail="\n")
                made[list_tag].text = "\n"
            el = sub(made[list_tag], tag, tail="\n", **{XML_ID: xml_id(entry.id)})
            el.text = "\n"
            _describe(corpus, el, entry, name_tag)
            continue
        if gloss is None:
            div = sub(back, "div", tail="\n", type="glossary")
            sub(div, "head", "Glossary", "\n")
            gloss = sub(div, "list", tail="\n", type="gloss")
            gloss.text = "\n"
        label = sub(gloss, "label", tail="\n", **{XML_ID: xml_id(entry.id)})
        sub(label, "term", entry.english, **{XML_LANG: "en"})
        item = sub(gloss, "item", tail="\n", type=entry.kind)
        for text, lang in ((entry.hanzi, "zh-Hans"), (entry.pinyin, "zh-Latn-pinyin")):
            if text.strip():
                sub(item, "term", text, " ", **{XML_LANG: lang})
        if entry.aliases:
            sub(item, "note", "Also: " + "; ".join(entry.aliases), " ", type="aliases")
        if entry.note:
            sub(item, "note", " ".join(entry.note.split()))
