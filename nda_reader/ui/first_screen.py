"""The reader's first screen: the document given on the command line, or the library.

It is the app's default screen, at the bottom of the stack, rather than a screen pushed
above Textual's blank one, which was composed, styled and mounted for nothing (~8 ms
before the first paint).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from nda_reader.ui.warm_styles import first_screen, warm_styles

if TYPE_CHECKING:
    from nda_reader.ui.app import ReaderApp


def make_first_screen(app: ReaderApp) -> Screen[Any]:
    """The first screen of ``app``, its styles parsed in one go."""
    warm_styles(app, first_screen(reading=app.document is not None))
    screen: Screen[Any]
    if app.document is not None:
        # The library is built only when asked for: a document opened from the command
        # line paints sooner without it.
        from nda_reader.ui.screens.reading import ReadingScreen

        screen = ReadingScreen(*app.places.place_of(app.document))
    else:
        from nda_reader.ui.screens.library import LibraryScreen

        screen = LibraryScreen()
    # As push_screen and switch_screen do: switch_screen (the library taking this
    # screen's place) takes one off, and Textual gives a first screen none.
    screen._push_result_callback(screen, None)
    return screen
