"""The dictionary (``d``): look up hanzi, pinyin or English; a hit becomes a glossary entry.

The glossary's entries come first (marked *glossary*), then CC-CEDICT's (marked
*dictionary*: every reading of a headword is a row of its own); the list follows what
you type. Enter on a dictionary row opens the new-term form with its hanzi, pinyin and
first sense filled in. The first look-up compiles the dictionary (once, in a thread);
the list fills in when it is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input
from textual.widgets.option_list import Option

from nda_reader.corpus.glossary import Glossary
from nda_reader.lang.terminal_text import display_text
from nda_reader.reading.lookup import Hit, look_up
from nda_reader.ui.dialogs.picker import PickerDialog

if TYPE_CHECKING:
    from nda_reader.dictionary.lookup import Dictionary
    from nda_reader.ui.dictionary_service import DictionaryService
    from nda_reader.ui.host import ReaderHost
    from nda_reader.ui.widgets.document_view import DocumentView

LIMIT = 40


def term_fields(hit: Hit) -> dict[str, str]:
    """What a dictionary hit fills in on the new-term form: hanzi, pinyin written as one
    word (``shùjù``), the first sense as the English."""
    pinyin = "".join(hit.pinyin.split())
    english = hit.senses[0].split(";")[0].strip() if hit.senses else ""
    return {"hanzi": hit.hanzi, "pinyin": pinyin, "english": english}


class DictionaryDialog(PickerDialog[Hit]):
    """Type to look up; enter on a dictionary row dismisses with it (a new entry)."""

    title_text = "Dictionary: the glossary first, then CC-CEDICT"
    hint_text = "type hanzi, pinyin or English · ↑↓ choose · enter new glossary entry · esc close"
    filter_placeholder = "hanzi, pinyin (shuju, shu4ju4, shùjù) or English"

    def __init__(self, glossary: Glossary, dictionaries: DictionaryService, query: str = ""):
        super().__init__()
        self.glossary = glossary
        self.dictionaries = dictionaries
        self.query_text = query
        self.hits: list[Hit] = []

    def fields(self) -> ComposeResult:
        """The query box and the hits."""
        yield from self.filter_box()

    def on_mount(self) -> None:
        """Look up the query it was opened with; fill in again once the dictionary is ready."""
        super().on_mount()
        self.dictionaries.ready.subscribe(self, self._ready)
        if self.query_text:
            self.query_one("#picker-filter", Input).value = self.query_text

    def _ready(self, _dictionary: Dictionary) -> None:
        self.fill(self.query_one("#picker-filter", Input).value)
        self.check()

    def fill(self, text: str) -> None:
        """The hits for ``text``: glossary, then dictionary."""
        dictionary = self.dictionaries.get() if text.strip() else None
        self.hits = look_up(self.glossary, dictionary, text)[:LIMIT] if text.strip() else []
        options = [Option(self._label(hit), id=f"hit-{i}") for i, hit in enumerate(self.hits)]
        if text.strip() and dictionary is None:
            waiting = self.dictionaries.error or "compiling its index (first use only)…"
            options.append(Option(Text(f"Dictionary: {waiting}", "dim"), disabled=True))
        self.show(options)

    @staticmethod
    def _label(hit: Hit) -> Text:
        label = Text(hit.hanzi, "bold")
        if hit.traditional and hit.traditional != hit.hanzi:
            label.append(f" {hit.traditional}")
        label.append(f"  {hit.pinyin}  ")
        label.append(f"glossary {hit.entry_id}" if hit.from_glossary else "dictionary", "dim")
        senses = "; ".join(hit.senses[:6])
        label.append("\n   " + display_text(senses if len(senses) < 160 else senses[:159] + "…"))
        return label

    def _hit(self) -> Hit | None:
        ident = self.highlighted_id()
        if ident is None or not ident.startswith("hit-"):
            return None
        return self.hits[int(ident[4:])]

    def problem(self) -> str:
        """A dictionary row must be chosen to make an entry of it."""
        hit = self._hit()
        if hit is None:
            return "Type a word to look it up"
        if hit.from_glossary:
            return f"In the glossary already, as {hit.entry_id!r}"
        return ""

    def result(self) -> Hit | None:
        """The chosen dictionary hit."""
        return self._hit()


def open_dictionary(reader: ReaderHost, view: DocumentView) -> None:
    """The dictionary, on the selection of ``view`` or the word at its cursor; a chosen
    dictionary entry opens the new-term form."""
    query = ""
    sel, term = view.selection, view.cursor.term
    body = view.marks.body(sel.doc_id if sel else term.doc if term else "")
    if sel is not None and not sel.empty:
        query = body[sel.start : sel.end]
    elif term is not None:
        query = body[term.start : term.end]

    def chosen(hit: Hit | None) -> None:
        view.action_sel_cancel()
        if hit is not None:
            reader.annotations.new_term(term_fields(hit))

    reader.push_screen(DictionaryDialog(reader.corpus.glossary, reader.dictionaries, query), chosen)
