"""Drafts made into texts of the corpus: front matter, parts, speakers and turns."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from nda_reader.corpus.glossary import Glossary
from nda_reader.formats.yaml_edit import render_block
from nda_reader.importing.dates import parse_date
from nda_reader.importing.draft import Draft
from nda_reader.importing.frontmatter import (
    infer_date,
    kind_of,
    language_of,
    make_id,
    render_front_matter,
    restore_case,
    source_url,
)
from nda_reader.importing.labels import Label
from nda_reader.importing.pages import group_pages
from nda_reader.importing.rules import Rules
from nda_reader.importing.speakers import SpeakerDraft, SpeakerFinder, TurnDraft, unique_anchor

_HEADING = re.compile(r"^#{1,6} (.*)$", re.M)


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the user said instead of what was inferred (``--id``, ``--title``, ``--date``,
    and the kind, in the reader's form)."""

    id: str = ""
    title: str = ""
    date: str = ""
    kind: str = ""


NO_OVERRIDES = Overrides()


@dataclass
class NewText:
    """One text file to write (a document, or one part of it), with its speakers layer."""

    meta: dict[str, Any]
    body: str
    draft: Draft
    speakers: list[SpeakerDraft] = field(default_factory=list)
    turns: list[TurnDraft] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The document id (the file name without ``.md``)."""
        return str(self.meta["id"])

    def text_file(self) -> str:
        """The whole ``texts/<id>.md``."""
        return render_front_matter(self.meta) + self.body

    def speakers_file(self) -> str | None:
        """The whole ``annotations/speakers/<id>.yaml``, or None without turns."""
        if not self.turns:
            return None
        head = (
            f"# Speaker turns of {self.id}, found by 'nda-reader add'. Format: "
            'docs/annotation-format.md ("Speakers").\n'
            f"layer: speakers\nversion: 1\ndoc: {self.id}\nspeakers:\n"
        )
        speakers = "".join(render_block(s.as_yaml(), 2) for s in self.speakers)
        turns = "".join(self.turn_block(t) for t in self.turns)
        return head + speakers + "turns:\n" + turns

    def turn_block(self, turn: TurnDraft) -> str:
        """``turn`` as an item of the speakers layer's ``turns`` list."""
        anchor = unique_anchor(self.id, self.body, turn.start, turn.end)
        return render_block({"speaker": turn.speaker, "anchor": anchor}, 2)


@dataclass
class NewDocument:
    """A document made of one source, or of the pages of one source."""

    parts: list[NewText]
    how: dict[str, str] = field(default_factory=dict)
    """How each front-matter value was found."""
    problems: list[str] = field(default_factory=list)
    """What stops it being written (no date ...)."""
    new_forms: list[tuple[str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The document's id (``part_of`` of a multi-part document)."""
        first = self.parts[0].meta
        return str(first.get("part_of") or first["id"])

    @property
    def title(self) -> str:
        """The whole document's title."""
        first = self.parts[0].meta
        return str(first.get("part_title") or first["title"])


def _fallback_title(body: str) -> str:
    for line in body.splitlines():
        text = re.sub(r"^[^:：]{1,40}[:：]\s*", "", line.strip()).strip()
        if text:
            return text if len(text) <= 80 else text[:79].rsplit(" ", 1)[0] + "…"
    return "Untitled"


def _note(draft: Draft) -> str:
    parts = [f"Added with 'nda-reader add' from {draft.source.name}."]
    if draft.removed:
        quoted = "; ".join(f'{r.what} "{" ".join(r.text.split())[:120]}"' for r in draft.removed)
        parts.append(f"Website debris removed: {quoted}.")
    else:
        parts.append("Nothing was removed.")
    return " ".join(parts)


def _speakers_of(
    drafts: list[Draft], glossary: Glossary, rules: Rules
) -> tuple[SpeakerFinder, list[list[TurnDraft]], list[list[str]]]:
    finder = SpeakerFinder(glossary, rules, [r for d in drafts for r in d.roster])
    turns: list[list[TurnDraft]] = []
    listed: list[list[str]] = []
    for draft in drafts:
        found = []
        for at in draft.labels:
            speaker = finder.speaker_for(at.label, at.partner)
            found.append(TurnDraft(speaker.id, at.start, at.end, at.label.text))
        turns.append(found)
        ids = []
        if found:
            for entry in draft.roster:
                name = f"{entry.honorific} {entry.name}".strip()
                ids.append(finder.speaker_for(Label(name + ":", entry.name, entry.honorific)).id)
        listed.append(ids)
    return finder, turns, listed


def build_document(
    drafts: list[Draft],
    glossary: Glossary,
    rules: Rules,
    taken: Collection[str],
    overrides: Overrides = NO_OVERRIDES,
) -> NewDocument:
    """The document made of ``drafts`` (one source, or the pages of one source in order)."""
    first = drafts[0]
    doc = NewDocument([])
    all_text = "\n".join(d.body for d in drafts)
    title = overrides.title or restore_case(first.headline or first.page_title, first.body)
    doc.how["title"] = "given" if overrides.title else "the headline"
    if not title:
        title = _fallback_title(first.body)
        doc.how["title"] = "the first line (no headline found; give --title)"
    published = next((d.captures["published"] for d in drafts if "published" in d.captures), "")
    published = parse_date(published) or ""
    dateline = next((d.captures["date"] for d in drafts if "date" in d.captures), "")
    if overrides.date:
        date, doc.how["date"] = overrides.date, "given"
    else:
        date, doc.how["date"] = infer_date(first.body, published, dateline)
        if not date:
            date, doc.how["date"] = infer_date(all_text, published, dateline)
    if not date:
        doc.problems.append(doc.how["date"])
    finder, turns, listed = _speakers_of(drafts, glossary, rules)
    doc.new_forms = finder.new_forms
    has_turns = any(turns)
    headings = " ".join(m.group(1) for d in drafts for m in _HEADING.finditer(d.body))
    kind = overrides.kind or kind_of(f"{title} {headings}", has_turns, rules)
    bilingual = all(d.bilingual for d in drafts)
    language = "mul" if bilingual else language_of(all_text)
    ident = overrides.id or make_id(title, date, taken)
    publisher = next((d.captures["publisher"] for d in drafts if "publisher" in d.captures), "")
    url = next(
        (
            u
            for d in drafts
            if (u := d.source.url or d.captures.get("source") or source_url(d.body))
        ),
        "",
    )
    multi = len(drafts) > 1
    for n, (draft, own_turns, roster_ids) in enumerate(zip(drafts, turns, listed, strict=True), 1):
        meta: dict[str, Any] = {
            "id": f"{ident}-p{n}" if multi else ident,
            "title": f"{title} (page {n})" if multi else title,
            "date": date,
            "published": published,
            "publisher": publisher,
            "source": url,
            "kind": kind,
            "language": language,
            "pairs": "zh-en" if bilingual else "",
        }
        if multi:
            meta.update(part_of=ident, part=n, part_title=title)
        meta["source_digest"] = draft.source.digest
        meta["note"] = _note(draft)
        used = list(dict.fromkeys([t.speaker for t in own_turns] + roster_ids))
        speakers = [finder.speakers[i] for i in used]
        doc.parts.append(NewText(meta, draft.body, draft, speakers, own_turns))
    return doc


def build_documents(
    drafts: list[Draft],
    glossary: Glossary,
    rules: Rules,
    taken: Collection[str],
    overrides: Overrides = NO_OVERRIDES,
) -> list[NewDocument]:
    """Every document the drafts make (pages of one source stitched together)."""
    out: list[NewDocument] = []
    used = set(taken)
    for group in group_pages(drafts):
        doc = build_document(group, glossary, rules, used, overrides)
        used |= {doc.id, *(p.id for p in doc.parts)}
        out.append(doc)
    return out
