"""The glossary layer: terms, people and organisations with hanzi, pinyin and aliases."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.schema import (
    Field,
    date_field,
    read_fields,
    read_list,
    slug_field,
    str_list,
)
from nda_reader.formats.yaml_source import YList, YMap
from nda_reader.lang.hanzi import has_han
from nda_reader.lang.segment import KnownWord

ENTRY_KINDS = (
    "term",
    "person",
    "organisation",
    "initiative",
    "policy",
    "programme",
    "slogan",
    "proverb",
    "event",
    "document",
    "place",
    "outlet",
)


ENTRY_FIELDS: dict[str, Field] = {
    "id": slug_field(required=True),
    "kind": Field(str, True, choices=ENTRY_KINDS),
    "hanzi": Field(str, True),
    "traditional": Field(str),
    "pinyin": Field(str, True),
    "pinyin_override": Field(bool),
    "english": Field(str, True),
    "aliases": Field(list),
    "hanzi_source": Field(str, True, choices=("text", "annotator")),
    "note": Field(str),
    "roles": Field(list),
    "renderings": Field(dict),
}

PROPER_KINDS = frozenset(
    ("person", "organisation", "place", "event", "document", "outlet", "programme", "initiative")
)
"""Kinds whose entries are names: GB/T 16159 capitalises every word of their pinyin."""

RENDERING_STATUSES = ("preferred", "admitted", "deprecated")
"""How acceptable an English form is, as in a termbase (TBX administrative status)."""

RENDERING_FIELDS: dict[str, Field] = {
    "status": Field(str, choices=RENDERING_STATUSES),
    "source": Field(str),
    "note": Field(str),
}

ROLE_FIELDS: dict[str, Field] = {
    "title": Field(str, True),
    "organisation": Field(str),
    "from": date_field(),
    "to": date_field(),
}


@dataclass(frozen=True, slots=True)
class Role:
    """A position a person held, with optional ISO-ish dates (YYYY, YYYY-MM, YYYY-MM-DD)."""

    title: str
    organisation: str = ""
    start: str = ""
    end: str = ""

    def holds_on(self, date: str) -> bool:
        """True when the role was held on ``date`` (partial dates compare by their prefix)."""
        if not date:
            return not self.end
        if self.start and date[: len(self.start)] < self.start:
            return False
        return not (self.end and date[: len(self.end)] > self.end)


PARTY_WORDS = re.compile(r"\b(?:CPC|Communist Party|General Secretary|Party)\b")
"""A role whose title says this is a Party post."""


def role_head(role: Role) -> str:
    """The title without what it is of: "General Secretary" for "General Secretary of the
    CPC Central Committee", "Administrator" for "Administrator (head) of the NDA"."""
    return re.split(r" of |, | \(", role.title, maxsplit=1)[0].strip()


def ordered_roles(roles: list[Role], named_in: str = "") -> list[Role]:
    """``roles`` in order of precedence: a role the text names at that place (its
    :func:`role_head` in ``named_in``) first; then Party posts before state and other
    posts, as Chinese protocol lists them (Party, state, military); then the most recent
    appointment; then the order of the entry's list."""

    def named(role: Role) -> bool:
        head = role_head(role)
        return bool(head) and bool(re.search(rf"\b{re.escape(head)}\b", named_in, re.I))

    out = sorted(roles, key=lambda r: r.start, reverse=True)  # stable: ties keep list order
    out.sort(key=lambda r: (not named(r), not PARTY_WORDS.search(r.title)))
    return out


@dataclass(frozen=True, slots=True)
class Rendering:
    """What is known of one English form of an entry: its status, where it comes from, a note.

    ``status`` is ``""`` when the glossary says nothing about the form.
    """

    form: str
    status: str = ""
    source: str = ""
    note: str = ""


@dataclass(slots=True)
class GlossaryEntry:
    """One glossary entry."""

    id: str
    kind: str
    hanzi: str
    pinyin: str
    english: str
    hanzi_source: str = "text"
    aliases: list[str] = field(default_factory=list)
    traditional: str = ""
    pinyin_override: bool = False
    note: str = ""
    roles: list[Role] = field(default_factory=list)
    renderings: dict[str, Rendering] = field(default_factory=dict)
    """Status, source and note of English forms (``english`` or an alias), by form."""
    path: Path = Path("")
    line: int = 1
    column: int = 1
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Where each field's value was written, for precise problem reports."""

    def where(self, key: str) -> tuple[int, int]:
        """(line, column) of field ``key`` in the layer file, else of the entry."""
        return self.positions.get(key, (self.line, self.column))

    @property
    def forms(self) -> list[str]:
        """Every form matched in texts: English, aliases, hanzi and traditional hanzi."""
        out = [self.english, *self.aliases, self.hanzi]
        if self.traditional:
            out.append(self.traditional)
        return [f for f in dict.fromkeys(out) if f.strip()]

    def rendering(self, form: str) -> Rendering:
        """The status, source and note of ``form`` (an empty one when none are given)."""
        return self.renderings.get(form) or Rendering(form)

    @property
    def preferred(self) -> str:
        """The preferred English rendering: the form marked ``preferred``, else ``english``."""
        for form, rendering in self.renderings.items():
            if rendering.status == "preferred":
                return form
        return self.english

    @property
    def english_forms(self) -> list[str]:
        """``english`` and the aliases: the renderings a text may use, in glossary order."""
        return [f for f in dict.fromkeys([self.english, *self.aliases]) if f.strip()]

    def roles_on(self, date: str, *, named_in: str = "") -> list[Role]:
        """The roles held on ``date``, in order of precedence (see :func:`ordered_roles`);
        a role whose title the text around the mention (``named_in``) names comes first."""
        return ordered_roles([r for r in self.roles if r.holds_on(date)], named_in)

    @property
    def is_proper(self) -> bool:
        """True for names (organisations, places, events ...): pinyin capitalised."""
        return self.kind in PROPER_KINDS

    @property
    def is_person(self) -> bool:
        """True for people (pinyin is then in name form)."""
        return self.kind == "person"


@dataclass
class Glossary:
    """All glossary entries of a corpus, by id, in file order."""

    entries: dict[str, GlossaryEntry] = field(default_factory=dict)

    def get(self, entry_id: str) -> GlossaryEntry | None:
        """The entry with ``entry_id``, if any."""
        return self.entries.get(entry_id)

    def __len__(self) -> int:
        return len(self.entries)

    def role_label(self, role: Role) -> str:
        """ "Title, Organisation" (the organisation's English name for a glossary id),
        without an organisation the title names already."""
        found = self.entries.get(role.organisation) if role.organisation else None
        org = found.english if found else role.organisation
        if not org or org.casefold() in role.title.casefold():
            return role.title
        return f"{role.title}, {org}"

    def form_pairs(self) -> list[tuple[str, str]]:
        """Every ``(form, entry id)``, in file order: what the term index is built from."""
        return [(form, e.id) for e in self.entries.values() for form in e.forms]


def known_words(glossary: Glossary, exclude: str = "") -> dict[str, KnownWord]:
    """The glossary's hanzi with their curated pinyin, for drafting (entry ``exclude`` left
    out, so that an entry is never checked against itself). Only words whose pinyin has one
    syllable per hanzi count: one malformed entry must not spoil the drafts of others."""
    from nda_reader.lang.hanzi import all_han
    from nda_reader.lang.pinyin import well_formed

    return {
        e.hanzi: KnownWord(e.pinyin, e.is_proper)
        for e in glossary.entries.values()
        if e.id != exclude
        and len(e.hanzi) > 1
        and all_han(e.hanzi)
        and well_formed(e.pinyin, len(e.hanzi))
    }


def read_glossary(data: YMap, path: Path, problems: ProblemList, glossary: Glossary) -> None:
    """Add the entries of a ``layer: glossary`` file to ``glossary``."""
    entries = data.get("entries")
    if not isinstance(entries, YList):
        problems.error_at(path, data.where("entries"), "a glossary needs 'entries:', a list")
        return
    for raw, values, what, where in read_list(
        entries, ENTRY_FIELDS, path, problems, "glossary entry"
    ):
        entry = GlossaryEntry(
            id=values["id"],
            kind=values["kind"],
            hanzi=values["hanzi"],
            pinyin=values["pinyin"],
            english=values["english"],
            hanzi_source=values["hanzi_source"],
            aliases=str_list(
                raw.get("aliases"), path, problems, f"aliases of {what}", raw.where("aliases")
            ),
            traditional=values.get("traditional", ""),
            pinyin_override=values.get("pinyin_override", False),
            note=values.get("note", ""),
            roles=_read_roles(raw.get("roles"), path, problems, what),
            renderings=_read_renderings(raw, path, problems, what),
            path=path,
            line=where[0],
            column=where[1],
            positions=dict(raw.value_pos),
        )
        if not has_han(entry.hanzi):
            problems.error_at(
                path,
                raw.where("hanzi"),
                f"'hanzi' of {what} has no Chinese characters: {entry.hanzi!r}",
            )
        _check_renderings(entry, raw, path, problems, what)
        if entry.roles and not entry.is_person:
            problems.warning_at(path, raw.where("roles"), f"{what} has roles but is not a person")
        if entry.id in glossary.entries:
            first = glossary.entries[entry.id]
            problems.error_at(
                path,
                raw.where("id"),
                f"duplicate glossary id {entry.id!r} (first at {first.path.name}:"
                f"{first.line}); give each entry its own id",
            )
            continue
        glossary.entries[entry.id] = entry


def _read_roles(value: Any, path: Path, problems: ProblemList, what: str) -> list[Role]:
    if value is None:
        return []
    if not isinstance(value, YList):
        problems.error(path, 1, 1, f"roles of {what} must be a list")
        return []
    roles: list[Role] = []
    for i, raw in enumerate(value):
        values = read_fields(
            raw, ROLE_FIELDS, path, problems, f"role {i + 1} of {what}", value.where(i)
        )
        if values is None:
            continue
        role = Role(
            values["title"],
            values.get("organisation", ""),
            values.get("from", ""),
            values.get("to", ""),
        )
        if role.start and role.end and role.end < role.start:
            problems.error_at(
                path,
                value.where(i),
                f"role {i + 1} of {what} ends ({role.end}) before it starts ({role.start})",
            )
        roles.append(role)
    return roles


def _read_renderings(
    raw: YMap, path: Path, problems: ProblemList, what: str
) -> dict[str, Rendering]:
    value = raw.get("renderings")
    if not isinstance(value, YMap):
        return {}
    out: dict[str, Rendering] = {}
    for form in value:
        values = read_fields(
            value[form], RENDERING_FIELDS, path, problems,
            f"rendering {form!r} of {what}", value.where(form),
        )  # fmt: skip
        if values is not None:
            out[str(form)] = Rendering(
                str(form),
                values.get("status", ""),
                values.get("source", ""),
                values.get("note", ""),
            )
    return out


def _check_renderings(
    entry: GlossaryEntry, raw: YMap, path: Path, problems: ProblemList, what: str
) -> None:
    """Each rendering must be the English form or an alias; at most one is preferred."""
    value = raw.get("renderings")
    if not isinstance(value, YMap):
        return
    forms = entry.english_forms
    for form in entry.renderings:
        if form not in forms:
            close = difflib.get_close_matches(form, forms, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "add it to 'aliases' first"
            problems.error(
                path,
                *value.key_pos.get(form, value.where(form)),
                f"rendering {form!r} of {what} is not its 'english' nor one of its aliases; {hint}",
            )
    preferred = [f for f, r in entry.renderings.items() if r.status == "preferred"]
    if len(preferred) > 1:
        problems.error_at(
            path,
            value.where(preferred[1]),
            f"{what} has {len(preferred)} preferred renderings "
            f"({', '.join(map(repr, preferred))}); mark one preferred and the others admitted",
        )
