"""The keys of a :class:`~nda_reader.ui.widgets.document_view.DocumentView`.

:data:`DOCUMENT_BINDINGS` move the reading cursor; :data:`SELECTION_BINDINGS` select and
annotate (most of them only while selecting, see ``DocumentView.check_action``).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

DOCUMENT_BINDINGS: list[BindingType] = [
    Binding("down,j", "cursor(1)", "Down", show=False),
    Binding("up,k", "cursor(-1)", "Up", show=False),
    Binding("pagedown,space", "page(1)", "Page down", show=False),
    Binding("pageup,b", "page(-1)", "Page up", show=False),
    Binding("home,g", "edge(-1)", "Top", show=False),
    Binding("end,G", "edge(1)", "Bottom", show=False),
    Binding("t", "term(1)", "Next term"),
    Binding("T", "term(-1)", "Prev term", show=False),
    Binding("a", "annotated(1)", "Annotated"),
    Binding("A", "annotated(-1)", "Prev annotated", show=False),
    Binding("x", "crossref(1)", "Cross-ref"),
    Binding("X", "crossref(-1)", "Prev cross-ref", show=False),
    Binding("s", "same_speaker", "Same speaker"),
    Binding("S", "speaker_filter", "Only speaker"),
    Binding("n", "match(1)", "Next match", show=False),
    Binding("N", "match(-1)", "Prev match", show=False),
]
"""Keys of reading: moving the cursor (see docs/reader-keys.md)."""

SELECTION_BINDINGS: list[BindingType] = [
    Binding("v", "select", "Select"),
    Binding("shift+right", "extend('char', 1)", "Extend right", show=False),
    Binding("shift+left", "extend('char', -1)", "Extend left", show=False),
    Binding("ctrl+right", "extend('word', 1)", "Extend a word", show=False),
    Binding("ctrl+left", "extend('word', -1)", "Shrink a word", show=False),
    Binding("l", "sel('char', 1)", "Character right", show=False),
    Binding("h", "sel('char', -1)", "Character left", show=False),
    Binding("w", "sel('word', 1)", "Word forward", show=False),
    Binding("b", "sel('word', -1)", "Word back", show=False),
    Binding("right_parenthesis", "sel('sentence', 1)", "Sentence forward", show=False),
    Binding("left_parenthesis", "sel('sentence', -1)", "Sentence back", show=False),
    Binding("right_curly_bracket", "sel('paragraph', 1)", "Passage forward", show=False),
    Binding("left_curly_bracket", "sel('paragraph', -1)", "Passage back", show=False),
    Binding("j,down,shift+down", "sel('line', 1)", "Line down", show=False),
    Binding("k,up,shift+up", "sel('line', -1)", "Line up", show=False),
    Binding("escape", "sel_cancel", "Cancel"),
    Binding("g", "annotate('term')", "Term"),
    Binding("G", "annotate('alias')", "Alias"),
    Binding("m", "annotate('note')", "Note"),
    Binding("p", "annotate('turn')", "Speaker"),
    Binding("r", "annotate('link')", "Link"),
    Binding("m", "passage('note')", "Note on passage", show=False),
    Binding("p", "passage('turn')", "Speaker turn from passage", show=False),
    Binding("r", "passage('link')", "Cross-reference end", show=False),
]
"""Keys of selecting and annotating (see docs/reader-keys.md)."""

SELECTING_HELP: list[tuple[str, str]] = [
    ("v", "Select: start at the cursor (search match, term or word); v again stops"),
    ("shift+← →, ctrl+← →", "Select or extend by a character / a word"),
    ("h l, w b", "While selecting: extend by a character / a word"),
    (") (, } {", "While selecting: extend by a sentence / a passage"),
    ("j k", "While selecting: extend by a line"),
    ("g", "While selecting: new glossary term from the selection"),
    ("G", "While selecting: add the selection as an alias of an entry"),
    ("m, p, r", "Note, speaker turn, cross-reference end: on the selection or passage"),
    ("esc", "While selecting: stop, without any change"),
    ("e, d (context list)", "Edit / delete the annotation on the highlighted row"),
]
"""Help rows for the selecting keys, which are only active while selecting."""
