"""The glossary-entry form: English, hanzi, drafted pinyin, kind, aliases and note.

Opened with the selection (its text pre-fills the English, or the hanzi if it is Chinese)
or with an existing entry to edit. The pinyin is drafted from the hanzi as you type (in
name form for a person) until you change it yourself; a pinyin that ``nda-reader check``
would find differs from the draft is saved with ``pinyin_override: true`` (the same
comparison as ``check``'s). Aliases are a list, one per line, so an alias may hold a comma.
Editing an entry saves only what was changed: an unchanged form changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, TextArea

from nda_reader.corpus.glossary import ENTRY_KINDS, GlossaryEntry
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import form_key
from nda_reader.lang.hanzi import has_han, is_chinese_text
from nda_reader.ui.dialogs.form import FormDialog

ANNOTATOR_NOTE = "Hanzi supplied by the annotator; not given in the texts."


class TermForm(FormDialog[dict[str, Any]]):
    """A new glossary entry (or changes to ``entry``); dismisses with its fields or None."""

    def __init__(
        self,
        corpus: Corpus,
        text: str = "",
        entry: GlossaryEntry | None = None,
        prefill: Mapping[str, str] | None = None,
    ):
        """``prefill`` (hanzi, pinyin, English of a dictionary entry) wins over ``text``."""
        super().__init__()
        self.corpus = corpus
        self.entry = entry
        self.title_text = f"Edit term {entry.id}" if entry else "New glossary term"
        hanzi_text = is_chinese_text(text)
        self.start = {
            "english": entry.english if entry else ("" if hanzi_text else text),
            "hanzi": entry.hanzi if entry else (text if hanzi_text else ""),
            "pinyin": entry.pinyin if entry else "",
            "kind": entry.kind if entry else "term",
            "aliases": "\n".join(entry.aliases) if entry else "",
            "note": " ".join(entry.note.split()) if entry else "",
        }
        self.start.update(prefill or {})
        self._draft = ""
        self._wanted: tuple[str, str] = ("", "")

    def fields(self) -> ComposeResult:
        """The entry's fields."""
        start = self.start
        yield self.label("English (preferred form)")
        yield Input(start["english"], id="term-english")
        yield self.label("Hanzi (simplified)")
        yield Input(start["hanzi"], id="term-hanzi")
        yield self.label("Pinyin (drafted from the hanzi; edit if needed)")
        yield Input(start["pinyin"], id="term-pinyin")
        yield self.label(f"Kind ({', '.join(ENTRY_KINDS)})")
        yield Input(start["kind"], id="term-kind", suggester=SuggestFromList(ENTRY_KINDS))
        yield self.label("Other forms used in the texts (one per line)")
        yield TextArea(start["aliases"], id="term-aliases", soft_wrap=False, tab_behavior="focus")
        yield self.label("Note")
        yield Input(start["note"], id="term-note")

    def on_mount(self) -> None:
        """Focus the first empty field; draft the pinyin of a pre-filled hanzi."""
        if self.entry is None and self.start["hanzi"]:
            self._redraft()
        super().on_mount()
        first = "term-english"
        if self.entry is None and self.start["english"] and not self.start["hanzi"]:
            first = "term-hanzi"
        self.query_one(f"#{first}", Input).focus(scroll_visible=False)  # open at the top

    def _draft_request(self) -> tuple[str, str]:
        """(hanzi, kind) as typed now: what a draft is made from."""
        return self.value("term-hanzi").strip(), self.value("term-kind").strip()

    def _draft_for(self, request: tuple[str, str]) -> str:
        """Pinyin drafted from ``request`` (pypinyin and jieba are imported only now)."""
        hanzi, kind = request
        if not hanzi:
            return ""
        from nda_reader.corpus.glossary import PROPER_KINDS, known_words
        from nda_reader.lang.pinyin import draft_pinyin

        known = known_words(self.corpus.glossary, self.entry.id if self.entry else "")
        return draft_pinyin(
            hanzi, person=kind == "person", proper=kind in PROPER_KINDS, known=known
        )

    def draft(self) -> str:
        """Pinyin drafted from the hanzi and kind as they are now."""
        return self._draft_for(self._draft_request())

    def _redraft(self) -> None:
        # The first draft loads the segmenter's dictionary (a second or more): it is made
        # off the UI thread, so typing never waits for it.
        request = self._draft_request()
        self._wanted = request
        if request[0]:
            self.query_one("#term-pinyin", Input).placeholder = "drafting…"
        self._draft_in_background(request)

    @work(thread=True, exclusive=True, group="pinyin-draft")
    def _draft_in_background(self, request: tuple[str, str]) -> None:
        draft = self._draft_for(request)
        self.app.call_from_thread(self._drafted, request, draft)

    def _drafted(self, request: tuple[str, str], draft: str) -> None:
        if request != self._wanted or not self.is_mounted:
            return  # typed on meanwhile: a newer draft is on its way
        pinyin = self.query_one("#term-pinyin", Input)
        pinyin.placeholder = ""
        mine = pinyin.value and pinyin.value != self._draft
        self._draft = draft
        if not mine:  # the user's own pinyin stays
            pinyin.value = draft

    @on(Input.Changed, "#term-hanzi,#term-kind")
    def _hanzi_changed(self, event: Input.Changed) -> None:
        self._redraft()

    # -------------------------------------------------------------- validation
    def aliases(self) -> list[str]:
        """The aliases typed, one per line (blank lines and repeats left out)."""
        text = self.query_one("#term-aliases", TextArea).text
        return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))

    def _forms_taken(self) -> dict[str, str]:
        """Every form of the other entries, by the key ``check`` compares forms with."""
        taken: dict[str, str] = {}
        for entry in self.corpus.glossary.entries.values():
            if self.entry is not None and entry.id == self.entry.id:
                continue
            for form in entry.forms:
                taken[form_key(form)] = entry.id
        return taken

    def problem(self) -> str:
        """What the entry still lacks, or which form another entry has already."""
        english = self.value("term-english").strip()
        hanzi = self.value("term-hanzi").strip()
        if not english:
            return "Give the English form"
        if not hanzi:
            return "Give the hanzi (simplified characters)"
        if not has_han(hanzi):
            return "The hanzi field needs Chinese characters"
        if not self.value("term-pinyin").strip():
            return "Give the pinyin"
        kind = self.value("term-kind").strip()
        if kind not in ENTRY_KINDS:
            return f"Kind must be one of: {', '.join(ENTRY_KINDS)}"
        taken = self._forms_taken()
        for form in [english, hanzi, *self.aliases()]:
            other = taken.get(form_key(form))
            if other:
                return f"{form!r} is already a form of {other!r} (use G to add an alias there)"
        return ""

    def needs_override(self, hanzi: str, pinyin: str, kind: str) -> bool:
        """True when ``nda-reader check`` would find that ``pinyin`` differs from the draft
        for ``hanzi`` (the same comparison, with the same glossary words)."""
        from nda_reader.corpus.glossary import PROPER_KINDS, known_words
        from nda_reader.lang.pinyin import check_pinyin  # imports pypinyin: only now

        others = {k: v for k, v in known_words(self.corpus.glossary).items() if k != hanzi}
        issue = check_pinyin(
            hanzi, pinyin, person=kind == "person", proper=kind in PROPER_KINDS, known=others
        )
        return issue is not None

    def result(self) -> dict[str, Any]:
        """The entry's fields in file order (for an edit: only the changed ones)."""
        hanzi = self.value("term-hanzi").strip()
        pinyin = self.value("term-pinyin").strip()
        kind = self.value("term-kind").strip()
        note = self.value("term-note").strip()
        fields: dict[str, Any] = {
            "kind": kind,
            "hanzi": hanzi,
            "pinyin": pinyin,
            "pinyin_override": None,
            "english": self.value("term-english").strip(),
            "aliases": self.aliases(),
            "hanzi_source": self.hanzi_source(hanzi),
        }
        entry = self.entry
        reading = (entry.kind.strip(), entry.hanzi.strip(), entry.pinyin.strip()) if entry else ()
        if reading != (kind, hanzi, pinyin):  # a new entry, or a changed reading
            fields["pinyin_override"] = self.needs_override(hanzi, pinyin, kind) or None
        if entry is None:
            if not note and fields["hanzi_source"] == "annotator":
                note = ANNOTATOR_NOTE
            fields["note"] = note or None
            return {k: v for k, v in fields.items() if v is not None}
        fields["note"] = note
        old = {
            "kind": entry.kind.strip(),
            "hanzi": entry.hanzi.strip(),
            "pinyin": entry.pinyin.strip(),
            "pinyin_override": entry.pinyin_override or None,
            "english": entry.english.strip(),
            "aliases": list(entry.aliases),
            "hanzi_source": entry.hanzi_source,
            "note": " ".join(entry.note.split()),
        }
        if all(fields[k] == old[k] for k in ("kind", "hanzi", "pinyin")):
            # Reading and kind unchanged: the override and the hanzi's source stay as they
            # are (a stored override check disagrees with is check's to report, not ours).
            fields["pinyin_override"] = old["pinyin_override"]
            fields["hanzi_source"] = old["hanzi_source"]
        elif fields["hanzi"] == old["hanzi"]:
            fields["hanzi_source"] = old["hanzi_source"]
        changes = {k: v for k, v in fields.items() if v != old[k]}
        if "note" in changes and not changes["note"]:
            changes["note"] = None
        return changes

    def hanzi_source(self, hanzi: str) -> str:
        """``text`` when ``hanzi`` occurs in a text of the corpus, else ``annotator``; the
        annotators' own translations are no evidence (as in ``check``)."""
        in_text = any(
            hanzi in doc.body
            for doc in self.corpus.documents.values()
            if doc.origin != "annotators"
        )
        return "text" if in_text else "annotator"
