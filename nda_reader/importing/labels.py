"""Speaker labels and the list of speakers a transcript starts with.

A label names who speaks: on a line of its own ("Liu Liehong:"), or in front of what is
said ("Wang Wenbin: text …", "汪文斌：……"), with a title ("Mr. Liu:") or an outlet asking
("CCTV:", "Red Star News:"). Header words such as "Speakers:" or "Date:" and clauses such as
"会议指出：" are not labels (``rules.yaml``: ``not_speakers``, ``clause_endings``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nda_reader.importing.rules import Rules
from nda_reader.lang.hanzi import has_han, is_han

_WORD = r"[A-Z][\w'’.-]*"
_LATIN = re.compile(
    rf"^(?P<label>(?P<hon>(?:Mr|Ms|Mrs|Miss|Dr|Prof|Madam)\.?\s+)?"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,4}}(?:\s+(?:reporter|correspondent|journalist))?)"
    r"\s*[:：])(?P<rest>.*)$",
    re.DOTALL,
)
_CHINESE = re.compile(
    r"^(?P<label>(?P<name>[^\s:：，。,.!?！？；;“”\"《》]{2,10}?)\s*[:：])(?P<rest>.*)$", re.DOTALL
)
_ROSTER = re.compile(
    rf"^(?P<hon>(?:Mr|Ms|Mrs|Miss|Dr|Prof|Madam)\.?\s+)?(?P<name>{_WORD}(?:\s+{_WORD}){{1,3}}),"
    r"\s+(?P<role>[^.!?]*\S)$"
)


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label at the start of a passage: ``text`` as written, colon included."""

    text: str
    name: str
    honorific: str = ""
    inline: bool = False

    @property
    def chinese(self) -> bool:
        """True for a label in hanzi."""
        return has_han(self.name)


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """A person the text lists as a speaker: name, title ("Ms."), role, list header."""

    name: str
    honorific: str
    role: str
    header: str = ""


def find_label(passage: str, rules: Rules) -> Label | None:
    """The speaker label ``passage`` starts with, if any."""
    m = _LATIN.match(passage)
    if m:
        rest = m["rest"]
        inline = bool(rest.strip())
        if inline and not rest[:1].isspace():
            return None
        name = m["name"]
        if name.lower() in rules.not_speakers or name.split()[0].lower() in rules.not_speakers:
            return None
        return Label(m["label"], name, (m["hon"] or "").strip(), inline)
    m = _CHINESE.match(passage)
    if m is None:
        return None
    name = m["name"]
    hanzi = sum(map(is_han, name))
    if hanzi < 2 or hanzi < len(name.replace(" ", "").replace("·", "")) - 2:
        return None
    if name in rules.not_speakers or name.endswith(rules.clause_endings):
        return None
    return Label(m["label"], name, "", bool(m["rest"].strip()))


def roster_entry(passage: str, header: str = "") -> RosterEntry | None:
    """A line of a speakers list: "Ms. Luan Jie, deputy director general of …"."""
    m = _ROSTER.match(passage.strip())
    if m is None:
        return None
    return RosterEntry(m["name"], (m["hon"] or "").strip(), m["role"], header)


def is_label_line(text: str, rules: Rules) -> bool:
    """True when ``text`` starts with a speaker label (for shaping: it starts a passage)."""
    return find_label(text, rules) is not None
