"""Help: every key binding that is active, with what it does."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

KeyHelp = tuple[str, str]
"""(keys as shown, e.g. ``"j, down"``; what they do)."""


def describe_action(action: str) -> str:
    """A readable description for a binding without one: ``"next_term"`` -> ``"Next term"``."""
    name = action.rsplit(".", 1)[-1].split("(", 1)[0].replace("_", " ").strip()
    return name[:1].upper() + name[1:] if name else action


def bindings_of(screen: Screen[object], app: App[object] | None = None) -> list[KeyHelp]:
    """Every key active on ``screen`` (its focused widget, the screen and the app).

    Keys bound to the same action with the same description are shown together, in the
    order first met; bindings that are hidden from the footer are listed too.
    """
    app = app or screen.app
    groups: dict[tuple[str, str], list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        description = binding.description or describe_action(binding.action)
        display = binding.key_display or app.get_key_display(binding)
        keys = groups.setdefault((binding.action, description), [])
        if display not in keys:
            keys.append(display if display else key)
    return [(", ".join(keys), description) for (_action, description), keys in groups.items()]


class HelpScreen(ModalScreen[None]):
    """A table of keys and what they do.

    ``HelpScreen(bindings=None)``: ``bindings`` is a list of ``(keys, description)``
    pairs to show; when ``None`` the active bindings of the screen underneath (its focused
    widget, the screen itself and the app) are listed. Escape, ``q`` or ``?`` closes it;
    dismisses with ``None``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close help", show=False),
        Binding("q", "close", "Close help", show=False),
        Binding("question_mark", "close", "Close help", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help-box {
        width: 80%;
        max-width: 100;
        height: 90%;
        background: $surface;
        border: round $primary;
        padding: 0 1;
    }
    HelpScreen #help-title {
        width: 100%;
        text-style: bold;
        color: $text;
    }
    HelpScreen #help-list {
        height: 1fr;
        border: none;
        padding: 0;
    }
    HelpScreen #help-hint {
        width: 100%;
        color: $muted-text;
    }
    """

    def __init__(self, bindings: list[KeyHelp] | None = None) -> None:
        """Create the help screen.

        Args:
            bindings: ``(keys, description)`` pairs, or None to read them from the screen
                that is active when the help screen is shown.
        """
        super().__init__()
        self.key_help: list[KeyHelp] | None = list(bindings) if bindings is not None else None

    def compose(self) -> ComposeResult:
        """Title, the key table and a hint."""
        with Vertical(id="help-box"):
            yield Label("Keys", id="help-title", markup=False)
            yield OptionList(id="help-list")
            yield Label("↑↓ scroll · esc, q or ? close", id="help-hint", markup=False)

    def on_mount(self) -> None:
        """Fill the table (from the screen underneath when no bindings were given)."""
        if self.key_help is None:
            below = [s for s in self.app.screen_stack if s is not self]
            self.key_help = bindings_of(below[-1]) if below else []
            extra = getattr(below[-1], "extra_key_help", None) if below else None
            if extra is not None:
                self.key_help += extra()
        options = self.query_one(OptionList)
        options.add_options(self.rows(self.key_help))
        options.focus()

    @staticmethod
    def rows(key_help: list[KeyHelp]) -> list[Option]:
        """One option per entry: the keys in a column, then the description."""
        width = min(24, max((cell_len(keys) for keys, _ in key_help), default=0))
        out = []
        for keys, description in key_help:
            pad = " " * max(1, width - cell_len(keys) + 2)
            out.append(
                Option(Content.assemble((keys, "bold $accent"), pad, (description, "$text")))
            )
        return out

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
