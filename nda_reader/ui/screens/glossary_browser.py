"""The glossary browser (``i``): every entry with kind, hanzi, pinyin, English and count.

Typing filters by any form of an entry (hanzi, pinyin with or without tones, English,
alias, id: :func:`~nda_reader.reading.term_search.entry_matches`); ctrl+s sorts by name or
by number of occurrences in the corpus. Enter opens the highlighted entry's concordance,
from which enter opens any occurrence.

Views of one entry are opened by name through :data:`ENTRY_VIEWS` (``entry_view(name)``
in the key table): its concordance (enter) and its renderings across the corpus (``D``
from the list); another view is one more entry there and one more row of the key table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.cells import cell_len
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen

from nda_reader.corpus.glossary import GlossaryEntry
from nda_reader.corpus.model import Corpus
from nda_reader.lang.terminal_text import display_text, one_line
from nda_reader.reading.term_search import entry_matches
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.screens.browser import BrowserScreen, Target

EntryView = Callable[[Corpus, GlossaryEntry], Screen[Any]]
"""Builds a screen about one entry; it may dismiss with a place to show."""


def _concordance(corpus: Corpus, entry: GlossaryEntry) -> Screen[Any]:
    from nda_reader.ui.screens.search_results import SearchResultsScreen

    return SearchResultsScreen.concordance(corpus, entry)


def _variants(corpus: Corpus, entry: GlossaryEntry) -> Screen[Any]:
    from nda_reader.ui.screens.variants import VariantsScreen

    return VariantsScreen(corpus, entry.id)


ENTRY_VIEWS: dict[str, EntryView] = {"concordance": _concordance, "variants": _variants}
"""The views of one glossary entry, by the name the key table's action gives."""


def fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells (with …) and padded to exactly that."""
    text = display_text(text)
    if cell_len(text) > cells:
        while text and cell_len(text) > cells - 1:
            text = text[:-1]
        text += "…"
    return text + " " * max(0, cells - cell_len(text))


class GlossaryBrowser(BrowserScreen):
    """Every glossary entry; enter: its concordance."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.BROWSER, Scope.GLOSSARY, Scope.LIST)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.GLOSSARY)

    placeholder = "filter: any form (hanzi, pinyin with or without tones, English, alias)"
    hint = "↑↓ move · enter concordance · ctrl+s sort · tab list (D renderings) · esc close"

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.by_count = False
        """Sorted by number of occurrences (most first), else by English name."""
        self.counts = {
            ident: len(corpus.occurrences.of_entry(ident)) for ident in corpus.glossary.entries
        }

    def heading(self, count: int) -> str:
        """How many entries are listed, and in what order."""
        total = len(self.corpus.glossary)
        what = f"{count} of {total} entries" if count != total else f"{total} entries"
        order = "by occurrences" if self.by_count else "by name"
        return f"Glossary · {what} · sorted {order}"

    def items(self, text: str) -> list[object]:
        """The entries with a form containing ``text``, in the chosen order."""
        found = [e for e in self.corpus.glossary.entries.values() if entry_matches(e, text)]
        found.sort(key=lambda e: e.english.casefold())
        if self.by_count:
            found.sort(key=lambda e: -self.counts.get(e.id, 0))
        return list(found)

    def _widths(self, width: int) -> tuple[int, int, int, int, int]:
        """Cells of kind, hanzi, pinyin, English and count for a list ``width`` wide."""
        kind = 12 if width >= 90 else 6
        hanzi = 12 if width >= 90 else 10
        count = 5
        pinyin = max(8, min(24, (width - kind - hanzi - count - 4) // 3))
        english = max(8, width - kind - hanzi - pinyin - count - 4)
        return kind, hanzi, pinyin, english, count

    def head(self, width: int) -> Content:
        """Kind, hanzi, pinyin, English, occurrences."""
        k, h, p, e, c = self._widths(width)
        return Content(
            f"{fit('Kind', k)} {fit('Hanzi', h)} {fit('Pinyin', p)} {fit('English', e)} "
            + "Occ.".rjust(c)
        )

    def row(self, item: object, width: int) -> Content:
        """One entry on one line."""
        assert isinstance(item, GlossaryEntry)
        k, h, p, e, c = self._widths(width)
        return Content.assemble(
            (fit(item.kind, k), "$muted-text"),
            " ",
            (fit(item.hanzi, h), "$hanzi"),
            " ",
            fit(item.pinyin, p),
            " ",
            (fit(item.english, e), "bold"),
            " ",
            str(self.counts.get(item.id, 0)).rjust(c),
        )

    def detail(self, item: object) -> Content:
        """Other forms and the start of the note."""
        assert isinstance(item, GlossaryEntry)
        forms = ", ".join(item.aliases) if item.aliases else "no other form"
        note = one_line(item.note) if item.note else ""
        return Content.assemble(("also: ", "bold"), forms, "\n", note)

    def choose(self, item: object) -> None:
        """Enter: the entry's concordance."""
        self.action_entry_view("concordance")

    def action_entry_view(self, name: str) -> None:
        """Open view ``name`` of :data:`ENTRY_VIEWS` on the highlighted entry; a place it
        dismisses with is shown (and closes the browser)."""
        entry = self.highlighted()
        view = ENTRY_VIEWS.get(name)
        if not isinstance(entry, GlossaryEntry) or view is None:
            self.app.bell()
            return

        def shown(target: Target | None) -> None:
            if target is not None:
                self.dismiss(target)

        self.app.push_screen(view(self.corpus, entry), shown)

    def action_sort(self) -> None:
        """Sort by name, or by number of occurrences."""
        self.by_count = not self.by_count
        self.refill()
