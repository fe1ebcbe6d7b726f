"""What an import found, for the user to review: front matter and how each value was found,
debris removed, speakers and turns, and what the glossary makes of the new text
(occurrences per entry, Chinese no entry covers, forms that look like new renderings of
known entries). The report proposes; nothing is added to the glossary here."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from nda_reader.corpus.document import split_blocks
from nda_reader.corpus.glossary import Glossary
from nda_reader.corpus.pairs import block_pairs
from nda_reader.corpus.term_index import TermMatcher, form_key
from nda_reader.importing.texts import NewDocument, NewText
from nda_reader.lang.hanzi import is_han

_PHRASE = re.compile(
    r"[A-Z][\w'’-]*(?:[ \u00a0]+(?:[A-Z][\w'’-]*|of|and|the|for|on))*[ \u00a0]+[A-Z][\w'’-]*"
)
_LEADING = re.compile(r"^(?:The|A|An|This|That|These|Those|In|On|At|By)[ \u00a0]+")


@dataclass
class GlossaryFindings:
    """What the glossary makes of a new text."""

    occurrences: Counter[str] = field(default_factory=Counter)
    uncovered: list[str] = field(default_factory=list)
    """Runs of hanzi that no entry covers, each once, in text order."""
    renderings: list[tuple[str, str, str]] = field(default_factory=list)
    """(English form, entry id, why) for forms that look like new renderings of entries."""


def _hanzi_runs(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end()) for m in re.finditer(r"[\u3400-\u9fff\U00020000-\U0003ffff]+", text)
    ]


def _uncovered(body: str, covered: list[tuple[int, int]]) -> list[str]:
    out: dict[str, None] = {}
    for start, end in _hanzi_runs(body):
        i = start
        for c_start, c_end in covered:
            if c_end <= i or c_start >= end:
                continue
            if c_start > i:
                out[body[i:c_start]] = None
            i = max(i, c_end)
        if i < end:
            out[body[i:end]] = None
    return [s for s in out if len(s) >= 2 or is_han(s)]


def glossary_findings(body: str, glossary: Glossary, matcher: TermMatcher) -> GlossaryFindings:
    """Occurrences, uncovered Chinese and likely new renderings in ``body``."""
    found = GlossaryFindings()
    hits = matcher.find(body)
    found.occurrences.update(entry for _, _, entry in hits)
    found.uncovered = _uncovered(body, [(s, e) for s, e, _ in hits])
    seen: set[str] = set()

    def propose(form: str, entry_id: str, why: str) -> None:
        key = form_key(form)
        entry = glossary.get(entry_id)
        if entry is None or key in seen or key in {form_key(f) for f in entry.forms}:
            return
        seen.add(key)
        found.renderings.append((form, entry_id, why))

    for start, end, entry_id in hits:
        entry = glossary.get(entry_id)
        if entry is None or body[start:end] != entry.hanzi:
            continue
        before = body[max(0, start - 80) : start].rstrip(" (（")
        m = re.search(rf"({_PHRASE.pattern})\s*$", before)
        phrase = _LEADING.sub("", m.group(1)) if m else ""
        if len(phrase.split()) > 1 and not matcher.find(phrase):
            propose(phrase, entry_id, f"written next to {entry.hanzi}")
    forms = {form_key(e.english): e.id for e in glossary.entries.values()}
    for m in _PHRASE.finditer(body):
        phrase = _LEADING.sub("", m.group())
        if matcher.find(phrase) or len(phrase.split()) < 2:
            continue
        close = difflib.get_close_matches(form_key(phrase), list(forms), n=1, cutoff=0.9)
        if close:
            propose(
                phrase, forms[close[0]], f"close to '{glossary.entries[forms[close[0]]].english}'"
            )
    blocks = split_blocks(body)
    for zh, en in block_pairs(body, blocks):
        english = body[en.start : en.end]
        for _, _, entry_id in matcher.find(body[zh.start : zh.end]):
            entry = glossary.get(entry_id)
            if entry is not None and not any(e == entry_id for _, _, e in matcher.find(english)):
                why = f"the English of a passage with {entry.hanzi} uses none of its forms"
                found.renderings.append((english[:60], entry_id, why))
    return found


def _line(label: str, value: str) -> str:
    return f"  {label:<10} {value}"


def text_report(text: NewText, how: dict[str, str], glossary: Glossary) -> list[str]:
    """The report lines of one text (one part of a document)."""
    meta = text.meta
    lines = [_line("title", f"{meta['title']}  ({how.get('title', '')})")]
    lines.append(_line("date", f"{meta.get('date') or '—'}  ({how.get('date', '')})"))
    extra = [f"{k} {meta[k]}" for k in ("published", "publisher", "source") if meta.get(k)]
    lines.append(_line("kind", f"{meta['kind']} · language {meta['language']}"))
    if meta.get("pairs"):
        lines.append(_line("pairs", f"{text.draft.pairs} Chinese/English passage pairs"))
    if meta.get("part"):
        lines.append(_line("part", f"{meta['part']} of {meta['part_of']}"))
    lines.extend(_line("", e) for e in extra)
    if text.draft.removed:
        lines.append(_line("removed", f"{len(text.draft.removed)} line(s) of website debris:"))
        lines.extend(
            _line("", f"line {r.line}: {r.text[:90]}  [{r.rule}]") for r in text.draft.removed
        )
    else:
        lines.append(_line("removed", "nothing"))
    if text.turns:
        counts = Counter(t.speaker for t in text.turns)
        lines.append(_line("turns", f"{len(text.turns)} speaker turn(s):"))
        for speaker in text.speakers:
            how_found = {
                "glossary": "glossary",
                "roster": "listed in the text",
                "title": "by title",
                "new": "new",
            }[speaker.how]
            role = f" — {speaker.role}" if speaker.role else ""
            entry = glossary.get(speaker.term) if speaker.term else None
            name = entry.english if entry else speaker.display
            lines.append(_line("", f"{name}: {counts[speaker.id]} ({how_found}){role}"))
    return lines


def document_report(doc: NewDocument, glossary: Glossary, matcher: TermMatcher) -> list[str]:
    """The report lines of a document: each part, then the glossary's findings."""
    lines: list[str] = []
    for part in doc.parts:
        if len(doc.parts) > 1:
            lines.append(f"  — {part.id}")
        lines.extend(text_report(part, doc.how, glossary))
    body = "\n".join(p.body for p in doc.parts)
    found = glossary_findings(body, glossary, matcher)
    if found.occurrences:
        top = ", ".join(f"{e} ×{n}" for e, n in found.occurrences.most_common(12))
        more = len(found.occurrences) - 12
        lines.append(_line("glossary", top + (f" and {more} more" if more > 0 else "")))
    else:
        lines.append(_line("glossary", "no entry occurs"))
    if found.uncovered:
        shown = "、".join(s[:12] for s in found.uncovered[:10])
        more = len(found.uncovered) - 10
        lines.append(_line("no entry", shown + (f" and {more} more" if more > 0 else "")))
    for form, entry, why in [
        *((f, e, "a speaker label") for f, e in doc.new_forms),
        *found.renderings,
    ]:
        lines.append(_line("new form?", f"'{form}' for {entry} ({why}); add it with G"))
    return lines
