"""The reader's option list: page keys on a list that has no size yet do nothing."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from nda_reader.ui.widgets.reader_list import ReaderList


class _OneList(App[None]):
    CSS = "ReaderList { height: 0; }"  # filled, but not yet given a size

    def compose(self) -> ComposeResult:
        yield ReaderList(*[Option(f"row {n}") for n in range(50)])


async def test_page_keys_on_a_list_not_yet_measured_do_nothing() -> None:
    """A page key pressed right after the context pane's list was filled (a random-keys
    walk under load) raised ``KeyError`` from Textual's ``OptionList``."""
    app = _OneList()
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.query_one(ReaderList)
        rows.focus()
        rows.highlighted = 0
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        assert rows.highlighted == 0
