"""The styled text of the context pane: a glossary entry, a speaker, tone-coloured pinyin.

Functions of the corpus and a style lookup (``style("hanzi")`` gives the theme's style of
``context-pane--hanzi``), so the pane and the glossary browser draw entries alike.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text

from nda_reader.corpus.document import Document
from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import Corpus, TurnSpan
from nda_reader.lang.pinyin import syllables, tone_numbers
from nda_reader.lang.terminal_text import display_text

StyleOf = Callable[[str], Style]
"""A style by short name: ``"muted"``, ``"hanzi"``, ``"tone-3"`` ..."""

BRIEF_NOTE = 160
"""In the brief pane of a small terminal, a longer glossary note is cut (``z`` zooms)."""


def pinyin_text(pinyin: str, style: StyleOf) -> Text:
    """``pinyin`` with each syllable coloured by its tone (theme ``tone-1``..``tone-5``)."""
    text = Text(pinyin)
    lower = pinyin.lower()
    pos = 0
    for syl in syllables(pinyin):
        at = lower.find(syl, pos)
        if at < 0:
            continue
        text.stylize(style(f"tone-{tone_numbers(syl)}"), at, at + len(syl))
        pos = at + len(syl)
    return text


def rendering_notes(text: Text, entry: GlossaryEntry, style: StyleOf) -> None:
    """One line per English form that has a note or a source."""
    for form in entry.english_forms:
        r = entry.rendering(form)
        said = "; ".join(p for p in (r.note, f"source: {r.source}" if r.source else "") if p)
        if said:
            text.append(f"\n{form}: ", style("muted"))
            text.append(display_text(" ".join(said.split())), style("muted"))


def role_lines(corpus: Corpus, entry: GlossaryEntry, date: str, named_in: str = "") -> list[str]:
    """Every role ``entry`` holds on ``date``, in order of precedence, one line each."""
    return [corpus.glossary.role_label(r) for r in entry.roles_on(date, named_in=named_in)]


def entry_text(
    corpus: Corpus,
    entry: GlossaryEntry,
    doc: Document,
    style: StyleOf,
    *,
    named_in: str = "",
    brief: str = "",
) -> Text:
    """A glossary entry: hanzi, pinyin, the preferred English and the kind, other forms
    with their status and notes, a person's roles on
    the document's date (a role the text names in ``named_in`` first), the note (with a
    ``brief`` hint such as "z: all", cut to :data:`BRIEF_NOTE` characters)."""
    text = Text()
    text.append(entry.hanzi, style("hanzi") + Style(bold=True))
    if entry.traditional and entry.traditional != entry.hanzi:
        text.append(f"  {entry.traditional}", style("muted"))
    text.append("\n")
    text.append_text(pinyin_text(entry.pinyin, style))
    text.append("\n")
    text.append(entry.preferred, Style(bold=True))
    text.append(f"  ({entry.kind})", style("muted"))
    others = [f for f in entry.english_forms if f != entry.preferred]
    if others:
        text.append("\nalso: ", style("muted"))
        for i, form in enumerate(others):
            status = entry.rendering(form).status
            text.append(("" if i == 0 else ", ") + form)
            if status:
                text.append(f" [{status}]", style("muted"))
    rendering_notes(text, entry, style)
    roles = role_lines(corpus, entry, doc.date, named_in) if entry.is_person else []
    for i, role in enumerate(roles):
        text.append(f"\n{role}")
        if i == len(roles) - 1:
            text.append(f" (as of {doc.date})" if doc.date else "", style("muted"))
    if entry.note:
        note = display_text(" ".join(entry.note.split()))
        text.append("\n")
        if brief and len(note) > BRIEF_NOTE:
            text.append(note[: BRIEF_NOTE - 1] + "…", style("muted"))
            text.append(f" {brief}", style("heading"))
        else:
            text.append(note, style("muted"))
    return text


def speaker_text(corpus: Corpus, span: TurnSpan, date: str, style: StyleOf) -> Text:
    """The speaker of a turn: name, hanzi and role (the speaker's own, or the person's
    first role on ``date``)."""
    speaker = span.speaker
    entry = corpus.glossary.get(speaker.term) if speaker.term else None
    text = Text("Speaker  ", style("heading"))
    text.append(corpus.speaker_name(speaker), Style(bold=True))
    hanzi = entry.hanzi if entry else speaker.hanzi
    if hanzi:
        text.append(f"  {hanzi}", style("hanzi"))
    role = speaker.role
    if not role and entry is not None:
        roles = role_lines(corpus, entry, date)
        role = roles[0] if roles else ""
    if role:
        text.append(f"\n{role}", style("muted"))
    return text
