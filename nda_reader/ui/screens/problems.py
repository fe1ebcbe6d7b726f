"""The problems found in the corpus, one per line as ``nda-reader check`` prints them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from nda_reader.formats.problems import Problem
from nda_reader.ui.fresh_screens import FreshModalScreen
from nda_reader.ui.keys import Scope, bindings_for
from nda_reader.ui.widgets.reader_list import ReaderList


def summary(problems: list[Problem]) -> str:
    """``"2 errors, 1 warning (1 orphan)"``, or ``"No problems"``."""
    if not problems:
        return "No problems"
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    orphans = sum(p.orphan for p in problems)
    text = f"{errors} error{'s' if errors != 1 else ''}, "
    text += f"{warnings} warning{'s' if warnings != 1 else ''}"
    if orphans:
        text += f" ({orphans} orphan{'s' if orphans != 1 else ''})"
    return text


class ProblemsScreen(FreshModalScreen[None]):
    """Every problem as ``path:line:col: severity: message`` with a count.

    ``ProblemsScreen(problems, base=None)``: ``problems`` are shown in the order given
    (errors in the theme's error colour, warnings in its warning colour) and formatted
    with ``Problem.format(base)`` exactly like ``nda-reader check``, so paths inside
    ``base`` are relative to it. Escape (or ``!``) closes; dismisses with ``None``.
    """

    KEY_SCOPES: ClassVar[tuple[Scope, ...]] = (Scope.PROBLEMS, Scope.LIST)
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(Scope.PROBLEMS)

    DEFAULT_CSS = """
    ProblemsScreen {
        align: center middle;
    }
    ProblemsScreen > #problems-box {
        width: 96%;
        height: 90%;
        background: $surface;
        border: round $primary;
        padding: 0 1;
    }
    ProblemsScreen #problems-title {
        width: 100%;
        text-style: bold;
        color: $text;
    }
    ProblemsScreen #problems-title.-errors {
        color: $text-error;
    }
    ProblemsScreen #problems-title.-warnings {
        color: $text-warning;
    }
    ProblemsScreen #problems-list {
        height: 1fr;
        border: none;
        padding: 0;
    }
    ProblemsScreen #problems-empty {
        width: 100%;
        height: 1fr;
        content-align: center middle;
        color: $text-success;
    }
    ProblemsScreen #problems-hint {
        width: 100%;
        color: $muted-text;
    }
    """

    def __init__(self, problems: Iterable[Problem], base: Path | None = None) -> None:
        """Create the view.

        Args:
            problems: The problems to list (for example ``corpus.problems``).
            base: Folder that paths are shown relative to (usually the corpus root).
        """
        super().__init__()
        self.problems = list(problems)
        self.base_dir = base

    def lines(self) -> list[str]:
        """The problems as ``nda-reader check`` prints them."""
        return [p.format(self.base_dir) for p in self.problems]

    def compose(self) -> ComposeResult:
        """The count, the list (or a note that all is well) and a hint."""
        errors = any(p.is_error for p in self.problems)
        title = Label(f"Problems: {summary(self.problems)}", id="problems-title", markup=False)
        if errors:
            title.add_class("-errors")
        elif self.problems:
            title.add_class("-warnings")
        with Vertical(id="problems-box"):
            yield title
            if self.problems:
                yield ReaderList(
                    *[
                        Option(self._prompt(p, line))
                        for p, line in zip(self.problems, self.lines(), strict=True)
                    ],
                    id="problems-list",
                )
            else:
                yield Label("No problems: every file is valid.", id="problems-empty")
            yield Label("↑↓ scroll · esc close", id="problems-hint", markup=False)

    @staticmethod
    def _prompt(problem: Problem, line: str) -> Content:
        colour = "$text-error" if problem.is_error else "$text-warning"
        marker = f": {problem.severity.value}: "
        at = line.find(marker)
        if at < 0:
            return Content.styled(line, colour)
        return Content.assemble(
            (line[:at], "$text"),
            (marker, f"bold {colour}"),
            (line[at + len(marker) :], colour),
        )

    def on_mount(self) -> None:
        """Focus the list so the arrow keys scroll it."""
        if self.problems:
            self.query_one(OptionList).focus()

    def action_close(self) -> None:
        """Close the view."""
        self.dismiss(None)
