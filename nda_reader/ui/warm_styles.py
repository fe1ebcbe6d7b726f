"""Parsing the styles of screens not shown yet, in one go.

Textual parses a widget class's ``DEFAULT_CSS`` when its first instance is mounted, and
parses the whole stylesheet again for each new class: the first screen parsed it nine
times before its first paint (~45 ms), and the first document opened from the library,
and the first corpus search, spent ~5 ms of their first frame on it. :func:`warm_styles`
adds the default CSS of the classes a screen mounts, exactly as mounting them would (same
sources, so mounting adds nothing), and parses once: before the first screen is pushed,
for that screen (:func:`first_screen`), and after the first paint, for the screens the
reader is likely to open next (:func:`later_screens`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.dom import DOMNode


def _every_screen() -> list[type[DOMNode]]:
    """What the library and the reading screen both hold, Textual's own included."""
    from textual.widgets import Static, Tooltip
    from textual.widgets._footer import FooterKey
    from textual.widgets._toast import ToastRack

    from nda_reader.ui.widgets.footer import ReaderFooter
    from nda_reader.ui.widgets.index_progress import IndexProgress
    from nda_reader.ui.widgets.message_line import MessageLine

    return [ToastRack, Tooltip, Static, MessageLine, IndexProgress, ReaderFooter, FooterKey]


def _reading_screen() -> list[type[DOMNode]]:
    """The classes the reading screen mounts besides those of :func:`_every_screen`."""
    from textual.containers import Container

    from nda_reader.ui.screens.reading import ReadingScreen
    from nda_reader.ui.widgets.context_pane import ContextPane
    from nda_reader.ui.widgets.document_view.widget import DocumentView
    from nda_reader.ui.widgets.reader_list import ReaderList

    return [ReadingScreen, Container, DocumentView, ContextPane, ReaderList]


def first_screen(reading: bool) -> list[type[DOMNode]]:
    """The classes the first screen mounts: the reading screen (``reading``: a document
    was given on the command line) or the library, and what every screen holds."""
    if reading:
        return [*_reading_screen(), *_every_screen()]
    from nda_reader.ui.screens.library import LibraryScreen
    from nda_reader.ui.widgets.library_table import LibraryTable

    return [LibraryScreen, LibraryTable, *_every_screen()]


def later_screens() -> list[type[DOMNode]]:
    """The classes the reading screen, the search box and the corpus search results
    mount (those already added, by the first screen, are not parsed again)."""
    from textual.containers import Vertical
    from textual.widgets import Input, Label

    from nda_reader.ui.dialogs.search_input import SearchInput
    from nda_reader.ui.screens.search_results import SearchResultsScreen

    return [
        *_reading_screen(),
        *_every_screen(),
        SearchInput,
        Input,
        SearchResultsScreen,
        Vertical,
        Label,
    ]


def warm_styles(app: App[Any], classes: Iterable[type[DOMNode]]) -> None:
    """Add the default CSS of ``classes`` to ``app``'s stylesheet and parse it now (if any
    was new)."""
    stylesheet = app.stylesheet
    known = len(stylesheet.source)
    for cls in classes:
        # The sources are what the class's first instance would add when mounted; an
        # instance that is never initialised is enough to ask (they depend on its class).
        blank = object.__new__(cls)
        for read_from, css, tie_breaker, scope in blank._get_default_css():
            stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=True,
                tie_breaker=tie_breaker,
                scope=scope,
            )
    if len(stylesheet.source) > known:
        stylesheet.parse()
