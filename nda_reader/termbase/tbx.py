"""TBX-Basic (ISO 30042, ``martif`` / ``termEntry`` / ``langSet`` / ``tig``).

One ``termEntry`` per glossary entry: the hanzi in a ``zh-Hans`` language section (the
traditional form in ``zh-Hant``), the English forms in ``en``, ``english`` first. Each English
term carries its administrative status, ``source`` and note; the entry's note is the English
definition. Fields TBX-Basic has no category for (kind, pinyin, roles ...) are ``<note>``s that
start with ``nda-reader``, which other tools show as notes and this module reads back.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from nda_reader.termbase.records import Record, tidy

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_VALUES = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
}
_PREFIX = "nda-reader "
_ENTRY_NOTES = ("kind", "hanzi_source", "pinyin_override", "roles")


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text:
        el.text = text
    return el


def _machine_note(parent: ET.Element, key: str, value: Any) -> None:
    _sub(parent, "note", _PREFIX + key + ": " + json.dumps(value, ensure_ascii=False))


def write_tbx(records: list[Record]) -> str:
    """The records as a TBX-Basic document."""
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = _sub(martif, "martifHeader")
    _sub(_sub(_sub(header, "fileDesc"), "sourceDesc"), "p", "Glossary exported by nda-reader")
    _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(martif, "text"), "body")
    for rec in records:
        entry = _sub(body, "termEntry", id=_xml_id(rec["id"]))
        for key in _ENTRY_NOTES:
            if key in rec:
                _machine_note(entry, key, rec[key])
        zh = _sub(entry, "langSet", **{XML_LANG: "zh-Hans"})
        tig = _sub(zh, "tig")
        _sub(tig, "term", rec["hanzi"])
        _machine_note(tig, "pinyin", rec.get("pinyin", ""))
        if rec.get("traditional"):
            _sub(_sub(_sub(entry, "langSet", **{XML_LANG: "zh-Hant"}), "tig"), "term",
                 rec["traditional"])  # fmt: skip
        en = _sub(entry, "langSet", **{XML_LANG: "en"})
        if rec.get("note"):
            _sub(_sub(en, "descripGrp"), "descrip", rec["note"], type="definition")
        renderings = rec.get("renderings", {})
        for i, form in enumerate([rec["english"], *rec.get("aliases", [])]):
            tig = _sub(en, "tig")
            _sub(tig, "term", form)
            about = renderings.get(form, {})
            if about.get("status"):
                _sub(tig, "termNote", STATUS_VALUES[about["status"]], type="administrativeStatus")
            if about.get("source"):
                _sub(tig, "admin", about["source"], type="source")
            if about.get("note"):
                _sub(tig, "note", about["note"])
            if i == 0:
                _machine_note(tig, "english", True)
    ET.indent(martif)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(martif, "unicode") + "\n"


def _xml_id(entry_id: str) -> str:
    """An XML id: ours where it starts with a letter, else with a leading ``_``."""
    return entry_id if entry_id[:1].isalpha() else "_" + entry_id


def read_tbx(text: str) -> list[Record]:
    """Records from a TBX document (TBX-Basic as written by :func:`write_tbx`, or close)."""
    root = ET.fromstring(text)
    out = []
    for entry in root.iter("termEntry"):
        rec: Record = {"id": (entry.get("id") or "").removeprefix("_")}
        _read_notes(entry, rec)
        for lang_set in entry.findall("langSet"):
            lang = (lang_set.get(XML_LANG) or "").lower()
            terms = [(tig, tig.findtext("term") or "") for tig in lang_set.findall("tig")]
            if lang.startswith("zh") and "hant" in lang and terms:
                rec["traditional"] = terms[0][1]
            elif lang.startswith("zh") and terms:
                rec["hanzi"] = terms[0][1]
                _read_notes(terms[0][0], rec)
            elif lang.startswith("en"):
                _read_english(lang_set, terms, rec)
        out.append(tidy(rec))
    return out


def _read_english(lang_set: ET.Element, terms: list[tuple[ET.Element, str]], rec: Record) -> None:
    definition = lang_set.find("descripGrp/descrip[@type='definition']")
    if definition is None:
        definition = lang_set.find("descrip[@type='definition']")
    if definition is not None and definition.text:
        rec["note"] = definition.text
    statuses = {v: k for k, v in STATUS_VALUES.items()}
    forms: list[str] = []
    renderings: dict[str, dict[str, str]] = {}
    for tig, form in terms:
        mark: Record = {}
        _read_notes(tig, mark)
        if mark.get("english"):
            forms.insert(0, form)
        else:
            forms.append(form)
        about = {
            "status": statuses.get(tig.findtext("termNote[@type='administrativeStatus']") or ""),
            "source": tig.findtext("admin[@type='source']"),
            "note": next((n.text for n in tig.findall("note") if not _is_machine(n)), None),
        }
        said = {k: v for k, v in about.items() if v}
        if said:
            renderings[form] = said
    if forms:
        rec["english"], rec["aliases"] = forms[0], forms[1:]
    rec["renderings"] = renderings


def _is_machine(note: ET.Element) -> bool:
    return (note.text or "").startswith(_PREFIX)


def _read_notes(parent: ET.Element, rec: Record) -> None:
    """The ``nda-reader key: json`` notes directly under ``parent``."""
    for note in parent.findall("note"):
        if not _is_machine(note):
            continue
        key, _, value = (note.text or "")[len(_PREFIX) :].partition(": ")
        try:
            rec[key] = json.loads(value)
        except ValueError:
            rec[key] = value
