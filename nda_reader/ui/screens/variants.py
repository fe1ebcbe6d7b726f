"""The renderings of one glossary entry across the corpus: a table and a picture by date.

One row per document (oldest first), one coloured bar per rendering, so that a shift such as
"National Bureau of Data" giving way to "National Data Administration" is seen at a glance.
Counts come from :mod:`nda_reader.corpus.variants`, the concordance's own index.

``VariantsScreen(corpus, entry_id)`` is the entry point: the reading screen opens it for the
term under the cursor, and a glossary browser can open it for any entry.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from nda_reader.corpus.model import Corpus
from nda_reader.corpus.variants import documents_by_date, entry_variants
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.snippets import short_title

MARKS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_COLOURS = ("$accent", "$warning", "$success", "$error", "$secondary", "$primary")


class VariantsScreen(FreshModalScreen[None]):
    """Every rendering of an entry, with counts per document and a bar per document."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.VARIANTS,)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.VARIANTS)
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"variants--form-{i}" for i in range(len(_COLOURS))}

    DEFAULT_CSS = """
    VariantsScreen { align: center middle; }
    VariantsScreen > #variants-box {
        width: 96%; height: 90%; background: $surface; border: round $primary; padding: 0 1;
    }
    VariantsScreen #variants-title { width: 100%; text-style: bold; color: $text; }
    VariantsScreen #variants-hint { width: 100%; color: $muted-text; }
    VariantsScreen .variants--form-0 { color: $accent; }
    VariantsScreen .variants--form-1 { color: $warning; }
    VariantsScreen .variants--form-2 { color: $success; }
    VariantsScreen .variants--form-3 { color: $error; }
    VariantsScreen .variants--form-4 { color: $secondary; }
    VariantsScreen .variants--form-5 { color: $primary; }
    """

    def __init__(self, corpus: Corpus, entry_id: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.entry_id = entry_id

    def compose(self) -> ComposeResult:
        """Title, the legend of renderings, the picture by date, the hint."""
        entry = self.corpus.glossary.get(self.entry_id)
        with Vertical(id="variants-box"):
            if entry is None:
                yield Label(f"No glossary entry {self.entry_id!r}", id="variants-title")
                return
            found = entry_variants(self.corpus, entry)
            docs = documents_by_date(self.corpus, found)
            yield Label(
                f"Renderings of {entry.preferred} ({entry.hanzi}): {found.total} occurrences "
                f"in {len(docs)} document{'s' if len(docs) != 1 else ''}",
                id="variants-title",
                markup=False,
            )
            with VerticalScroll():
                yield Static(id="variants-picture")
            yield Label("esc close", id="variants-hint", markup=False)

    def on_mount(self) -> None:
        """Draw the picture (it needs the screen's styles for the colours)."""
        entry = self.corpus.glossary.get(self.entry_id)
        if entry is not None:
            self.query_one("#variants-picture", Static).update(self.picture(self.size.width))

    def _style(self, index: int) -> Style:
        name = f"variants--form-{index % len(_COLOURS)}"
        return self.get_component_rich_style(name, partial=True)

    def picture(self, width: int) -> Text:
        """The legend (one line per rendering) and one bar line per document, by date."""
        entry = self.corpus.glossary.get(self.entry_id)
        if entry is None:
            return Text()
        found = entry_variants(self.corpus, entry)
        docs = documents_by_date(self.corpus, found)
        out = Text()
        for i, use in enumerate(found.forms):
            status = entry.rendering(use.form).status
            out.append(f"{MARKS[i % 26]} ", self._style(i) + Style(bold=True))
            out.append(f"{use.form}", Style(bold=True))
            out.append(f"  ×{use.total}{f'  [{status}]' if status else ''}\n")
        out.append("\n")
        inner = int(width * 0.96) - 5  # the box's border, padding and scroll bar
        label_width = min(40, max(20, inner // 3))
        tags = {
            doc.id: " ".join(
                f"{MARKS[i % 26]}{u.counts[doc.id]}"
                for i, u in enumerate(found.forms)
                if doc.id in u.counts
            )
            for doc in docs
        }
        room = max(5, inner - label_width - 2 - max((len(t) for t in tags.values()), default=0))
        most = max((sum(f.counts.get(d.id, 0) for f in found.forms) for d in docs), default=1)
        for doc in docs:
            label = f"{doc.date} {short_title(doc, label_width - 11)}"
            out.append(f"{label[:label_width]:<{label_width}} ")
            for i, use in enumerate(found.forms):
                n = use.counts.get(doc.id, 0)
                if n:
                    cells = max(1, int(n * room / most))
                    out.append("█" * cells, self._style(i))
            out.append(f" {tags[doc.id]}\n")
        return out

    def action_close(self) -> None:
        """Close the picture."""
        self.dismiss(None)
