"""The key table's model: each action declared once, with its id, keys, title and help.

Everything that offers a key reads :data:`nda_reader.ui.key_table.ACTIONS`: the Textual
``BINDINGS`` of every screen and widget (:func:`bindings_for`), the command palette, the
help screen, ``docs/reader-keys.md`` (:mod:`nda_reader.ui.keys_doc`) and the user's
``keymap.yaml`` (:mod:`nda_reader.ui.keymap`). A binding's ``id`` is its action's id, which
is the name a keymap uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Protocol, runtime_checkable

from textual.binding import Binding, BindingType
from textual.widget import Widget

DIGITS = tuple(str(n) for n in range(1, 10))


class Scope(StrEnum):
    """Where an action's key works: one screen, widget or mode of the reader."""

    APP = "app"
    LIBRARY = "library"
    READING = "reading"
    PARALLEL = "parallel"
    VIEW = "view"
    SELECTING = "selecting"
    CONTEXT = "context"
    LIST = "list"
    HELP = "help"
    PROBLEMS = "problems"
    OUTLINE = "outline"
    RESULTS = "results"
    ORPHANS = "orphans"
    VARIANTS = "variants"
    FORM = "form"
    PICKER = "picker"
    CONFIRM = "confirm"
    CONFLICT = "conflict"
    ASK = "ask"
    BROWSER = "browser"
    GLOSSARY = "glossary"
    NOTES = "notes"
    COPY = "copy"
    PROMPT = "prompt"
    ADD = "add"


@dataclass(frozen=True, slots=True)
class ScopeInfo:
    """How a scope is shown in help and docs, and which node of the app holds its keys."""

    title: str
    intro: str
    node: str
    """The screen or widget whose ``BINDINGS`` carry the scope's keys."""
    below: tuple[str, ...] = ("app",)
    """Nodes whose keys also work there (the focus chain up to the app)."""


SCOPES: dict[Scope, ScopeInfo] = {
    Scope.APP: ScopeInfo("Everywhere", "These keys work on every screen.", "app", ()),
    Scope.LIBRARY: ScopeInfo(
        "Library", "The list of documents, by date; a multi-part document is one row.", "library"
    ),
    Scope.READING: ScopeInfo(
        "Reading screen", "A document with its context pane, and the split view.", "reading"
    ),
    Scope.PARALLEL: ScopeInfo(
        "Parallel view",
        "A text beside its counterpart in another language (`P`), passage by passage: the "
        "cursor's pair is highlighted on both sides and the other side scrolls with it. "
        "These keys fix the alignment; each fix is saved at once (undo with `u`) and "
        "confirms the pairs it changes.",
        "parallel",
    ),
    Scope.VIEW: ScopeInfo(
        "Moving in the text",
        "In a document view (the main one or the split view).",
        "document-view",
        ("reading", "app"),
    ),
    Scope.SELECTING: ScopeInfo(
        "Selecting and annotating",
        "Annotations are saved at once into the corpus's `annotations/` files. While a "
        "selection is being made (after `v`), these keys extend it or annotate it; "
        "`M`, `p` and `r` also work without a selection, on the passage under the cursor.",
        "document-view",
        ("reading", "app"),
    ),
    Scope.CONTEXT: ScopeInfo(
        "Context list",
        "The rows of the context pane (focus it with tab).",
        "context-list",
        ("reading", "app"),
    ),
    Scope.LIST: ScopeInfo(
        "Lists",
        "Every list of the reader: the context list, outline, search results, help, "
        "browsers and the lists of the forms (while the list has the focus). The arrows, "
        "pgup/pgdn and home/end move too; enter chooses.",
        "list",
        ("app",),
    ),
    Scope.HELP: ScopeInfo("Help", "This list of keys.", "help"),
    Scope.PROBLEMS: ScopeInfo("Problems", "Problems found in the corpus files (`!`).", "problems"),
    Scope.OUTLINE: ScopeInfo("Outline", "Headings and speaker turns (`o`).", "outline"),
    Scope.RESULTS: ScopeInfo(
        "Corpus search results", "Matches across the corpus (`f`).", "results"
    ),
    Scope.ORPHANS: ScopeInfo(
        "Orphans", "Annotations whose quote is no longer in the text (`O`).", "orphans"
    ),
    Scope.VARIANTS: ScopeInfo(
        "Renderings of a term",
        "Every rendering of the term under the cursor, with a bar per document by date (`D`).",
        "variants",
    ),
    Scope.FORM: ScopeInfo(
        "Annotation forms",
        "The forms check what you type as you type; enter saves, tab moves to the next field.",
        "form",
    ),
    Scope.PICKER: ScopeInfo(
        "Pickers",
        "Forms that pick an entry or a speaker from a filtered list.",
        "picker",
        ("form", "app"),
    ),
    Scope.CONFIRM: ScopeInfo("Questions", "A yes/no question before a deletion.", "confirm"),
    Scope.CONFLICT: ScopeInfo(
        "Changed on disk",
        "An entry you changed was changed in its file too (an editor, `git pull`): both "
        "versions are shown, and nothing is saved until you keep one.",
        "conflict",
    ),
    Scope.ASK: ScopeInfo(
        "Search box", "Typing a search (`/`, `f`, `&`) or a folder (`e`); enter goes.", "ask"
    ),
    Scope.BROWSER: ScopeInfo(
        "Browsers",
        "The glossary (`i`) and the notes (`#`): type in the filter box to narrow the list; "
        "tab moves between the box and the list.",
        "browser",
    ),
    Scope.GLOSSARY: ScopeInfo(
        "Glossary browser",
        "Every entry with its kind, hanzi, pinyin, English and number of occurrences (`i`). "
        "The filter matches any form: hanzi, pinyin with or without tones, English, alias.",
        "glossary",
        ("browser", "app"),
    ),
    Scope.NOTES: ScopeInfo(
        "Notes browser",
        "Every note with its tags and document (`#`); the filter matches tags and text.",
        "notes",
        ("browser", "app"),
    ),
    Scope.COPY: ScopeInfo(
        "Copy menu",
        "What `y` copies, through the terminal's clipboard (OSC 52); a toast says what.",
        "copy",
    ),
    Scope.PROMPT: ScopeInfo("Mark prompt", "After `m` or `'`: a letter names the mark.", "prompt"),
    Scope.ADD: ScopeInfo(
        "Adding a text",
        "`A` in the library: a file's path, or text pasted into the box; then the review "
        "form (title, date, kind, id; enter adds, esc cancels).",
        "add",
    ),
}


@dataclass(frozen=True, slots=True)
class KeyAction:
    """One action of the reader, declared once.

    ``keys`` are Textual key names, comma-separated (``"ctrl+o,left_square_bracket"``);
    ``action`` is the Textual action string run on the scope's node (``"term(1)"``). A
    ``numbered`` action has the keys 1-9 and ``{n}`` in its action, and cannot be remapped.
    """

    id: str
    keys: str
    title: str
    help: str
    scope: Scope
    action: str
    show: bool = False
    """Shown in the footer."""
    footer: str = ""
    """A shorter label for the footer (default: the title)."""
    priority: bool = False
    palette: bool = True
    """Offered in the command palette (where its scope applies)."""
    numbered: bool = False
    selecting_footer: str = ""
    """For the annotation keys that act on the passage too: the action that shows them in
    the footer (``annotate('note')``) while a selection is being made."""
    key_text: str = ""
    """How the keys are written in help and docs when the key names alone read badly."""
    rank: int = 50
    """The footer's order (smaller first); keys that do not fit its width are left out."""

    @property
    def key_list(self) -> list[str]:
        """The default keys, one name each."""
        return list(DIGITS) if self.numbered else [k.strip() for k in self.keys.split(",")]

    def bindings(self, keys: str | None = None) -> Iterator[Binding]:
        """The Textual bindings of this action (with ``keys`` instead of the defaults)."""
        keys = keys or self.keys
        if self.numbered:
            for digit in DIGITS:
                yield Binding(
                    digit,
                    self.action.format(n=digit),
                    f"{self.title} {digit}",
                    show=False,
                    id=f"{self.id}.{digit}",
                )
            return
        label = self.footer or self.title
        if self.selecting_footer:  # first: while selecting, the footer shows this one
            yield Binding(keys, self.selecting_footer, label, show=True, id=self.id)
        yield Binding(keys, self.action, label, show=self.show, priority=self.priority, id=self.id)


def table() -> tuple[KeyAction, ...]:
    """Every action of the reader (the table in :mod:`nda_reader.ui.key_table`)."""
    from nda_reader.ui.key_table import ACTIONS

    return ACTIONS


def by_id() -> dict[str, KeyAction]:
    """The actions by id."""
    return {a.id: a for a in table()}


def bindings_for(*scopes: Scope) -> list[BindingType]:
    """The ``BINDINGS`` of a node holding ``scopes``, in table order."""
    return [b for a in table() if a.scope in scopes for b in a.bindings()]


def keys_of(action: KeyAction, keymap: Mapping[str, str] | None = None) -> list[str]:
    """The keys ``action`` has now: the user's keymap wins over the default."""
    if keymap and action.id in keymap and not action.numbered:
        return [k.strip() for k in keymap[action.id].split(",") if k.strip()]
    return action.key_list


_SHOWN = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_parenthesis": "(",
    "right_parenthesis": ")",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "question_mark": "?",
    "exclamation_mark": "!",
    "slash": "/",
    "space": "space",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "escape": "esc",
    "delete": "del",
    "apostrophe": "'",
    "ampersand": "&",
    "number_sign": "#",
}


def show_key(key: str) -> str:
    """A key name as people write it: ``left_square_bracket`` -> ``[``, ``alt+left`` ->
    ``alt+←``."""
    *mods, last = key.split("+")
    return "+".join([*mods, _SHOWN.get(last, last)])


def keys_text(action: KeyAction, keymap: Mapping[str, str] | None = None) -> str:
    """The keys of ``action`` as shown in help, palette and docs (``1 … 9`` for digits)."""
    if action.numbered:
        return "1 … 9"
    if action.key_text and not (keymap and action.id in keymap):
        return action.key_text
    return ", ".join(show_key(k) for k in keys_of(action, keymap))


@runtime_checkable
class KeyScoped(Protocol):
    """A screen that says which scopes of the key table apply on it (besides the app's)."""

    KEY_SCOPES: ClassVar[tuple[Scope, ...]]


@runtime_checkable
class ScopeRouter(Protocol):
    """A screen whose widgets run some scopes' actions (other screens run them all)."""

    def node_for(self, scope: Scope) -> Widget:
        """The node that runs the actions of ``scope`` now."""
        ...


def help_rows(
    scopes: tuple[Scope, ...], keymap: Mapping[str, str] | None = None
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """``(section title, [(keys, title, help), ...])`` for ``scopes``, then the app's keys."""
    sections = []
    for scope in (*scopes, Scope.APP):
        rows = [(keys_text(a, keymap), a.title, a.help) for a in table() if a.scope is scope]
        if rows:
            sections.append((SCOPES[scope].title, rows))
    return sections


@runtime_checkable
class KeymapOwner(Protocol):
    """An app that applied a user keymap (action id -> keys)."""

    user_keymap: Mapping[str, str]


def keymap_of(app: object) -> Mapping[str, str]:
    """The user keymap ``app`` applied (empty for other apps)."""
    return app.user_keymap if isinstance(app, KeymapOwner) else {}
