"""The text of one passage in the Markdown export: labels, glosses and footnote references.

A passage (a :class:`~nda_reader.text.Block`) is turned into a list of segments — source
text, to be escaped, and generated Markdown, kept as is — and then assembled:

* a speaker turn starts with a bold label with the speaker's name, hanzi and role: it
  replaces the text's own label ("Liu Liehong:") when the turn's anchor starts with one
  naming the speaker as the label does, and is put before the text otherwise (a turn
  anchored on a whole passage, or labelled with another spelling), so that no word of the
  text is ever dropped;
* the first occurrence of each glossary entry in the exported file is followed by its gloss,
  inline or as a footnote reference;
* a note's footnote reference goes right after the quote it is anchored to (moved to the end
  of a word, label or term it would otherwise split).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from nda_reader.corpus.document import Block, Document
from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import Corpus, TurnSpan
from nda_reader.corpus.notes import Note
from nda_reader.corpus.term_index import Occurrence, form_key
from nda_reader.export.escape import escape_inline, escape_one_line, escape_text
from nda_reader.lang.hanzi import is_han

GlossMode = Literal["inline", "footnote"]
GLOSS_MODES: tuple[GlossMode, ...] = ("inline", "footnote")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What users disagree on: how glosses are shown, and which sections are included."""

    gloss: GlossMode = "inline"
    """``inline``: "Term (汉字 *pīnyīn*)"; ``footnote``: "Term[^gloss-id]"."""
    glossary: bool = True
    """Add a "Glossary" table of the entries occurring in the document."""
    notes: bool = True
    """Add the user's notes as footnotes."""


@dataclass
class Footnotes:
    """Footnote definitions of one exported file, in order of first reference."""

    bodies: dict[str, str] = field(default_factory=dict)

    def ref(self, label: str, body: str) -> str:
        """Register ``label`` (once) with its Markdown ``body``; return the reference."""
        self.bodies.setdefault(label, body)
        return f"[^{label}]"

    def render(self) -> str:
        """The definitions, continuation lines indented by four spaces."""
        out = []
        for label, body in self.bodies.items():
            lines = body.split("\n")
            rest = ["    " + ln if ln else "" for ln in lines[1:]]
            out.append("\n".join([f"[^{label}]: {lines[0]}", *rest]))
        return "\n\n".join(out)


@dataclass
class PassageContext:
    """State shared by the passages of one exported file."""

    corpus: Corpus
    options: ExportOptions
    footnotes: Footnotes = field(default_factory=Footnotes)
    glossed: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Span:
    """A piece of a passage: ``[start, end)`` of the body, replaced or followed by markup."""

    start: int
    end: int
    replace: str | None = None
    after: str = ""
    footnote: tuple[str, str] | None = None

    @property
    def is_insert(self) -> bool:
        """True for a zero-width insertion (a note reference)."""
        return self.start == self.end and self.replace is None


def note_body(note: Note) -> str:
    """A note as Markdown: its paragraphs escaped, then its tags."""
    paragraphs = [p for p in _paragraphs(note.text)] or ["(empty note)"]
    body = [escape_text(p) for p in paragraphs]
    if note.tags:
        body.append("Tags: " + escape_inline(", ".join(note.tags)))
    return "\n\n".join(body)


def _paragraphs(text: str) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for line in text.replace("\r", "").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


def role_text(corpus: Corpus, entry: GlossaryEntry | None, date: str) -> str:
    """The current role of a glossary person on ``date``: "Title, Organisation"."""
    if entry is None:
        return ""
    roles = entry.roles_on(date)
    return corpus.glossary.role_label(roles[0]) if roles else ""


_TEXT_LABEL = re.compile(r"[ \t]*([^\n:：]{1,100}?)[ \t]*[:：]")


def own_label_end(corpus: Corpus, turn: TurnSpan, body: str) -> int:
    """Where the text's own speaker label at the start of ``turn`` ends ("Liu Liehong:"),
    or ``turn.start`` when the turn does not start with a label naming its speaker as the
    exported label will (its name, or its hanzi), which must then stay as text."""
    found = _TEXT_LABEL.match(body, turn.start, turn.label_end)
    if found is None:
        return turn.start
    speaker = turn.speaker
    entry = corpus.glossary.get(speaker.term) if speaker.term else None
    names = {corpus.speaker_name(speaker), speaker.hanzi or (entry.hanzi if entry else "")}
    wanted = form_key(found.group(1))
    return found.end() if any(n and form_key(n) == wanted for n in names) else turn.start


def speaker_label(corpus: Corpus, turn: TurnSpan, date: str) -> str:
    """The bold label of a turn: ``**Name** (汉字), Role:``."""
    speaker = turn.speaker
    entry = corpus.glossary.get(speaker.term) if speaker.term else None
    name = corpus.speaker_name(speaker)
    hanzi = speaker.hanzi or (entry.hanzi if entry else "")
    role = speaker.role or role_text(corpus, entry, date)
    label = f"**{escape_inline(name)}**"
    if hanzi:
        label += f" ({escape_inline(hanzi)})"
    if role:
        label += f", {escape_inline(' '.join(role.split()))}"
    return label + ":"


GlossStyle = Literal["full", "after-hanzi", "in-parens"]


def gloss_markup(
    ctx: PassageContext, entry: GlossaryEntry, matched: str, style: GlossStyle = "full"
) -> tuple[str, tuple[str, str] | None]:
    """The gloss after the first occurrence of ``entry``: (inline markup, footnote or None).

    ``matched`` is the text found. ``style`` is ``after-hanzi`` when the text itself gives
    the hanzi right after the term (only the pinyin is added), ``in-parens`` when that hanzi
    is in the text's own parentheses (the pinyin goes inside them).
    """
    pinyin = f"*{escape_inline(entry.pinyin.strip())}*" if entry.pinyin.strip() else ""
    if ctx.options.gloss == "footnote":
        body = f"{escape_one_line(entry.english)}: {escape_inline(entry.hanzi)} {pinyin}".rstrip()
        if entry.note:
            body += " — " + escape_inline(" ".join(entry.note.split()))
        return "", (f"gloss-{entry.id}", body)
    if not pinyin and style != "full":
        return "", None
    if style == "in-parens":
        return " " + pinyin, None
    if style == "after-hanzi":
        return f" ({pinyin})", None
    if matched.strip() in (entry.hanzi, entry.traditional):
        return f" ({', '.join(p for p in (pinyin, escape_inline(entry.english)) if p)})", None
    return f" ({' '.join(p for p in (escape_inline(entry.hanzi), pinyin) if p)})", None


_HANZI_GAP = re.compile(r"[ \t\u00a0\u3000]*([(（]?)[ \t\u00a0\u3000]*")


def _gloss_plan(
    ctx: PassageContext, body: str, occurrences: list[Occurrence]
) -> dict[int, tuple[GlossaryEntry, GlossStyle]]:
    """Which occurrence (by index) carries the gloss of its entry, and in which style.

    The first occurrence of an entry not glossed yet carries it — unless the text follows
    it at once with the entry's hanzi ("Zheng Shanjie 郑栅洁", "Commission (委员会)"): then
    the hanzi occurrence carries the pinyin, so the hanzi is not repeated.
    """
    plan: dict[int, tuple[GlossaryEntry, GlossStyle]] = {}
    for i, occ in enumerate(occurrences):
        entry = ctx.corpus.glossary.get(occ.entry_id)
        if entry is None or occ.entry_id in ctx.glossed:
            continue
        ctx.glossed.add(occ.entry_id)
        nxt = occurrences[i + 1] if i + 1 < len(occurrences) else None
        if nxt is not None and nxt.entry_id == occ.entry_id:
            gap = _HANZI_GAP.fullmatch(body, occ.end, nxt.start)
            hanzi = body[nxt.start : nxt.end] in (entry.hanzi, entry.traditional)
            if gap and hanzi:
                plan[i + 1] = (entry, "in-parens" if gap.group(1) else "after-hanzi")
                continue
        plan[i] = (entry, "full")
    return plan


def _spans(
    ctx: PassageContext,
    doc: Document,
    block: Block,
    turns: list[TurnSpan],
    occurrences: list[Occurrence],
    notes: list[tuple[int, Note]],
) -> list[_Span]:
    """The labels, occurrences and note references inside ``block``, in text order."""
    lo, hi = block.start, block.end
    spans: list[_Span] = []
    starts: set[int] = set()
    for turn in turns:
        if lo <= turn.start < max(hi, lo + 1) and turn.start not in starts:
            starts.add(turn.start)  # two turns at one place: one label
            label = speaker_label(ctx.corpus, turn, doc.date)
            cut = own_label_end(ctx.corpus, turn, doc.body)
            if cut > turn.start:
                spans.append(_Span(turn.start, cut, label))
            else:  # before the text (and before the word the turn starts inside)
                at = _word_start(doc.body, turn.start, lo)
                spans.append(_Span(at, at, label + " "))
    labels = [s for s in spans if s.end > s.start]
    shown = [
        occ
        for occ in occurrences
        if lo <= occ.start
        and occ.end <= hi
        and not any(s.start < occ.end and occ.start < s.end for s in labels)
    ]
    plan = _gloss_plan(ctx, doc.body, shown)
    for i, occ in enumerate(shown):
        after, footnote = "", None
        if i in plan:
            entry, style = plan[i]
            after, footnote = gloss_markup(ctx, entry, doc.body[occ.start : occ.end], style)
        spans.append(_Span(occ.start, occ.end, None, after, footnote))
    spans.sort(key=lambda s: s.start)
    for offset, note in notes:
        at = _word_end(doc.body, min(max(offset, lo), hi), hi)
        for s in spans:
            if s.start < at < s.end:
                at = s.end
        spans.append(_Span(at, at, None, "", (f"note-{note.id}", note_body(note))))
    spans.sort(key=lambda s: (s.start, 0 if s.is_insert else 1))
    return spans


def _word_end(body: str, at: int, limit: int) -> int:
    """``at``, or the end of the word it falls inside ("C|hen" -> "Chen|"): a footnote
    reference never splits a word (between two hanzi is no word's middle)."""
    while 0 < at < limit and _in_word(body[at - 1]) and _in_word(body[at]):
        at += 1
    return at


def _word_start(body: str, at: int, limit: int) -> int:
    """``at``, or the start of the word it falls inside: a label never splits a word."""
    while at > limit and at < len(body) and _in_word(body[at - 1]) and _in_word(body[at]):
        at -= 1
    return at


def _in_word(char: str) -> bool:
    return char.isalnum() and not is_han(char)


def passage_markdown(
    ctx: PassageContext,
    doc: Document,
    block: Block,
    turns: list[TurnSpan],
    occurrences: list[Occurrence],
    notes: list[tuple[int, Note]],
) -> str:
    """The Markdown of ``block``'s text (without a block marker), one or more lines."""
    segments: list[tuple[str, bool]] = []  # (content, is_markup)
    cursor = block.start
    body = doc.body
    for span in _spans(ctx, doc, block, turns, occurrences, notes):
        if span.start > cursor:
            segments.append((body[cursor : span.start], False))
            cursor = span.start
        if span.replace is not None:
            segments.append((span.replace, True))
            cursor = max(cursor, span.end)
        elif span.end > cursor:
            segments.append((body[cursor : span.end], False))
            cursor = span.end
        if span.after:
            segments.append((span.after, True))
        if span.footnote is not None:
            segments.append((ctx.footnotes.ref(*span.footnote), True))
    if cursor < block.end:
        segments.append((body[cursor : block.end], False))
    return _assemble(segments)


def _assemble(segments: list[tuple[str, bool]]) -> str:
    """Join segments, escaping the source text ones (adjacent ones merged first)."""
    merged: list[tuple[str, bool]] = []
    for content, markup in segments:
        if merged and not markup and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + content, False)
        else:
            merged.append((content, markup))
    out: list[str] = []
    at_line_start = True
    for content, markup in merged:
        piece = content if markup else escape_text(content, at_line_start)
        if not markup and piece.startswith("(") and out and out[-1].endswith("]"):
            piece = "\\" + piece  # "[^ref](" would read as a link in CommonMark
        out.append(piece)
        if piece:
            at_line_start = piece.endswith("\n")
    return "".join(out).strip(" \t\n")
