"""Speaker turns of a new text: labels matched to glossary people by any of their forms,
to the text's own list of speakers, or added as new speakers; one turn per label.

A turn's anchor is its label only ("Liu Liehong:"), never the passage. Where a Chinese
passage and its English translation both carry a label, the pair is one turn, anchored on
the first label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nda_reader.corpus.anchors import make_anchor
from nda_reader.corpus.glossary import Glossary, GlossaryEntry
from nda_reader.corpus.speakers import Speaker
from nda_reader.corpus.term_index import form_key
from nda_reader.importing.labels import Label, RosterEntry
from nda_reader.importing.rules import Rules

SPEAKER_KINDS = ("person", "outlet", "organisation")


@dataclass(slots=True)
class SpeakerDraft(Speaker):
    """A speaker of the new text, as it will be written in its speakers layer, and how its
    label was matched: ``glossary``, ``roster`` (the text's list), ``title`` or ``new``."""

    how: str = "new"
    labels: list[str] = field(default_factory=list)

    def as_yaml(self) -> dict[str, str]:
        """The speaker as written in the layer."""
        out = {"id": self.id}
        if self.term:
            out["term"] = self.term
        else:
            out["name"] = self.name
            out["kind"] = self.kind
        if self.role:
            out["role"] = self.role
        if self.hanzi and not self.term:
            out["hanzi"] = self.hanzi
        return out

    @property
    def display(self) -> str:
        """Who it is, in words."""
        return self.name or self.term or self.id


@dataclass(frozen=True, slots=True)
class TurnDraft:
    """A turn: the speaker and the label's span in the body."""

    speaker: str
    start: int
    end: int
    label: str


@dataclass
class SpeakerFinder:
    """Resolves labels to speakers for the pages of one document (they share speakers)."""

    glossary: Glossary
    rules: Rules
    roster: list[RosterEntry] = field(default_factory=list)
    speakers: dict[str, SpeakerDraft] = field(default_factory=dict)
    new_forms: list[tuple[str, str]] = field(default_factory=list)
    """(label name, entry id) where a label looks like a new rendering of an entry."""
    _by_key: dict[str, str] = field(default_factory=dict)

    def _entry_for(self, name: str) -> GlossaryEntry | None:
        key = form_key(name)
        for entry in self.glossary.entries.values():
            if entry.kind in SPEAKER_KINDS and key in {form_key(f) for f in entry.forms}:
                return entry
        return None

    def _respelt(self, name: str) -> GlossaryEntry | None:
        """A glossary person whose name has the same surname and the given-name syllables
        in another order ("Liu Honglie" for Liu Liehong)."""
        words = name.lower().split()
        if len(words) != 2:
            return None
        for entry in self.glossary.entries.values():
            other = entry.english.lower().split()
            if (
                entry.is_person
                and len(other) == 2
                and other[0] == words[0]
                and other[1] != words[1]
                and sorted(other[1]) == sorted(words[1])
            ):
                return entry
        return None

    def _roster_for(self, name: str) -> RosterEntry | None:
        key = form_key(name)
        return next((r for r in self.roster if form_key(r.name) == key), None)

    def _by_title(self, label: Label) -> SpeakerDraft | None:
        """ "Mr. Liu" is the one speaker (or listed person) of that surname."""
        words = label.name.split()
        if not label.honorific or len(words) != 1:
            return None
        surname = words[0].lower()
        names = {r.name for r in self.roster if r.name.lower().split()[0] == surname}
        for s in self.speakers.values():
            entry = self.glossary.get(s.term) if s.term else None
            known = entry.english if entry else s.name
            if known.lower().split()[:1] == [surname]:
                names.add(known)
        if len(names) != 1:
            return None
        return self._match(Label(label.text, names.pop()))

    def _outlet(self, name: str) -> bool:
        words = re.findall(r"\w+", name.lower())
        if name.isupper() and len(name) >= 2 and " " not in name:
            return True
        if any(w in self.rules.outlet_words for w in words):
            return True
        return any(w in name for w in self.rules.outlet_words if not w.isascii())

    def _new_id(self, name: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        if not base:
            from nda_reader.lang.pinyin import draft_pinyin

            latin = draft_pinyin(name, person=True).lower()
            base = re.sub(r"[^a-z0-9]+", "-", _plain(latin)).strip("-") or "speaker"
        ident, n = base, 2
        while ident in self.speakers and self.speakers[ident].name != name:
            ident, n = f"{base}-{n}", n + 1
        return ident

    def _add(self, draft: SpeakerDraft) -> SpeakerDraft:
        found = self.speakers.setdefault(draft.id, draft)
        if draft.role and not found.role:
            found.role = draft.role
        return found

    def _match(self, label: Label) -> SpeakerDraft:
        """Who ``label`` names (not yet one of the text's speakers)."""
        name = label.name
        roster = self._roster_for(name)
        role = _role(roster)
        entry = self._entry_for(name)
        if entry is None and (respelt := self._respelt(name)) is not None:
            entry = respelt
            self.new_forms.append((name, respelt.id))
        if entry is not None:
            return SpeakerDraft(entry.id, term=entry.id, role=role, how="glossary")
        if roster is None and (by_title := self._by_title(label)) is not None:
            return by_title
        kind = "outlet" if self._outlet(name) else "person"
        how = "roster" if roster else "new"
        if label.honorific and len(name.split()) == 1:
            name = f"{label.honorific} {name}"  # "Ms. Lin", not "Lin"
        hanzi = name if label.chinese else ""
        return SpeakerDraft(
            self._new_id(name), name=name, kind=kind, role=role, hanzi=hanzi, how=how
        )

    def speaker_for(self, label: Label, partner: Label | None = None) -> SpeakerDraft:
        """The speaker of ``label``; ``partner`` is the label of the other half of a
        Chinese/English pair, which names the same speaker (the better match wins; for a
        new speaker the English name, keeping the hanzi)."""
        key = form_key(label.name)
        if key in self._by_key:
            return self.speakers[self._by_key[key]]
        found = self._match(label)
        if partner is not None:
            other = self._match(partner)
            if _RANK[other.how] < _RANK[found.how] or (
                other.how == found.how and label.chinese and not partner.chinese
            ):
                if label.chinese and not other.term:
                    other.hanzi = label.name
                found = other
            elif partner.chinese and not found.term:
                found.hanzi = partner.name
            self._by_key[form_key(partner.name)] = found.id
        found = self._add(found)
        self._by_key[key] = found.id
        found.labels.append(label.text)
        return found


_RANK = {"glossary": 0, "title": 1, "roster": 1, "new": 2}


def _role(roster: RosterEntry | None) -> str:
    if roster is None:
        return ""
    header = roster.header.lower().rstrip(":：").strip()
    if header and header not in ("speakers", "speaker"):
        return f"{header}; {roster.role}"
    return roster.role


def _plain(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def unique_anchor(doc: str, body: str, start: int, end: int) -> dict[str, object]:
    """The anchor of ``body[start:end]`` as written in a layer, with context enough to be
    unique (labels repeat)."""
    context = 32
    while True:
        anchor = make_anchor(doc, body, start, end, context)
        if body.count(anchor.prefix + anchor.exact + anchor.suffix) == 1 or context > 400:
            break
        context += 32
    out: dict[str, object] = {"exact": anchor.exact}
    if anchor.prefix:
        out["prefix"] = anchor.prefix
    if anchor.suffix:
        out["suffix"] = anchor.suffix
    out["pos"] = start
    return out
