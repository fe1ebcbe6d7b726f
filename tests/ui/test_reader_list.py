"""The reader's option list: page keys on a list that has no size yet do nothing."""

from __future__ import annotations

from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import OptionList
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


class _Refilled(App[None]):
    CSS = "OptionList { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield ReaderList(id="kept")
        yield OptionList(id="fresh")  # Textual's own drawing, to compare with


def _rows(first: str = "") -> list[Option]:
    rows = [Option(Text(f"row {n}", style="bold" if n % 2 else "")) for n in range(8)]
    return ([Option(Text(first))] if first else []) + rows


def _lines(rows: OptionList) -> list[tuple[str, list[object]]]:
    """Each visible line of ``rows``: its text, and the row its cells are a click on."""
    lines = []
    for y in range(rows.size.height):
        strip = rows.render_line(y)
        clicks = [seg.style.meta.get("option") for seg in strip if seg.style and seg.text]
        lines.append((strip.text.rstrip(), clicks))
    return lines


def _looks(rows: OptionList) -> list[list[tuple[str, object]]]:
    """Each visible line of ``rows`` as its pieces of text and their styles."""
    return [
        [(seg.text, seg.style.clear_meta_and_links() if seg.style else None) for seg in line]
        for line in (rows.render_line(y) for y in range(rows.size.height))
    ]


async def test_a_refilled_list_draws_and_clicks_as_a_list_filled_afresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The context pane fills its list again after each save, mostly with the same rows:
    a row drawn before is not drawn again, and where a new row comes first the others
    are clicks on their new places. Each line looks as Textual's own list draws it."""
    app = _Refilled()
    async with app.run_test(size=(40, 24)) as pilot:
        kept, fresh = app.query_one("#kept", ReaderList), app.query_one("#fresh", OptionList)
        app.set_focus(None)  # the two look alike only unfocused
        kept.set_options(_rows())
        await pilot.pause()
        _lines(kept)  # every row drawn once
        drawn: list[str] = []
        render_strips = Content.render_strips

        def counting(self: Content, *args: Any, **kwargs: Any) -> Any:
            drawn.append(self.plain)
            return render_strips(self, *args, **kwargs)

        monkeypatch.setattr(Content, "render_strips", counting)
        kept.set_options(_rows("a new note"))
        fresh.set_options(_rows("a new note"))
        await pilot.pause()
        assert _lines(kept) == _lines(fresh)
        assert _looks(kept) == _looks(fresh)
        assert drawn.count("row 3") == 1  # by the list filled afresh only
        assert drawn.count("a new note") == 2
        assert set(dict(_lines(kept))["row 3"]) == {4}  # the fifth row now
