"""One source made into the body of a text, with what was found in it: debris removed,
headline, speaker labels and the speakers list, Chinese/English pairs, page marks."""

from __future__ import annotations

from dataclasses import dataclass, field

from nda_reader.corpus.document import BlockKind, split_blocks
from nda_reader.corpus.pairs import block_pairs
from nda_reader.importing.debris import Removed, strip_debris
from nda_reader.importing.labels import Label, RosterEntry, find_label, roster_entry
from nda_reader.importing.rules import Rules
from nda_reader.importing.shape import blocks_of, mark_headings, render
from nda_reader.importing.sources import Source


@dataclass(frozen=True, slots=True)
class LabelAt:
    """A speaker label in the body: where it is and, for a pair, its partner's label."""

    start: int
    label: Label
    partner: Label | None = None

    @property
    def end(self) -> int:
        """End offset of the label text."""
        return self.start + len(self.label.text)


@dataclass
class Draft:
    """A source as a body, before it becomes a text of the corpus."""

    source: Source
    body: str
    headline: str = ""
    """The first ``# `` heading (the English one where a Chinese headline has one under it)."""
    page_title: str = ""
    """A repeated page title removed from the top ("Title | August 13, 2024")."""
    later_page: bool = False
    """A pagination row with a way back ("< 1 2 …"), or a page title without a headline."""
    paginated: bool = False
    removed: list[Removed] = field(default_factory=list)
    captures: dict[str, str] = field(default_factory=dict)
    labels: list[LabelAt] = field(default_factory=list)
    roster: list[RosterEntry] = field(default_factory=list)
    pairs: int = 0
    passages: int = 0

    @property
    def bilingual(self) -> bool:
        """Most passages are in Chinese/English pairs."""
        return self.pairs >= 2 and 2 * self.pairs >= 0.6 * self.passages

    @property
    def group_title(self) -> str:
        """The title this page shares with the other pages of its source."""
        return self.page_title or self.headline


def make_draft(source: Source, rules: Rules) -> Draft:
    """Clean, shape and read ``source`` (see the module docstring)."""
    cleaned = strip_debris(source.text.split("\n"), rules.debris)

    def is_label(text: str) -> bool:
        return find_label(text, rules) is not None

    shaped = blocks_of(cleaned.lines, markdown=source.markdown, is_label=is_label)
    mark_headings(shaped, is_label=is_label, markdown=source.markdown)
    body = render(shaped)
    blocks = split_blocks(body)
    draft = Draft(source, body, removed=cleaned.removed, captures=dict(cleaned.captures))
    headings = [b for b in blocks if b.kind is BlockKind.HEADING and b.level == 1]
    if headings and headings[0].index == 0:
        pick = headings[1] if len(headings) > 1 and headings[1].index == 1 else headings[0]
        draft.headline = body[pick.start : pick.end]
    draft.page_title = cleaned.captures.get("title", "")
    rows = cleaned.removed_by("pagination") + cleaned.removed_by("pagination-links")
    draft.paginated = bool(rows) or bool(draft.page_title)
    back = any(r.text[:1] in "<‹«" or r.text.lower().startswith(("prev", "上一")) for r in rows)
    draft.later_page = back or (bool(draft.page_title) and not draft.headline)
    pairs = block_pairs(body, blocks)
    draft.pairs, draft.passages = len(pairs), len(blocks)
    partner_of = {a.index: b for a, b in pairs} if draft.bilingual else {}
    first_of = {b.index: a for a, b in pairs} if draft.bilingual else {}
    header = ""
    for block in blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        text = body[block.start : block.end]
        label = find_label(text, rules)
        if label is None:
            entry = roster_entry(text, header)
            if entry is not None:
                draft.roster.append(entry)
            elif text.rstrip().endswith((":", "：")) and len(text.split()) <= 3:
                header = text.strip()
            continue
        if block.index in first_of:
            zh = first_of[block.index]
            if find_label(body[zh.start : zh.end], rules) is not None:
                continue  # the English half of a pair: its turn starts at the Chinese half
        partner = None
        if block.index in partner_of:
            other = partner_of[block.index]
            partner = find_label(body[other.start : other.end], rules)
        draft.labels.append(LabelAt(block.start, label, partner))
    if len(draft.labels) < 2:
        draft.labels = []  # one label is no transcript
    return draft
