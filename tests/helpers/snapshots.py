"""Steps for snapshot tests: open a document, press keys, enter text, and settle the
screen without what depends on the machine's speed (toasts, a blinking cursor)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.helpers.pilot import open_from_library, workers_done

Steps = Callable[[Pilot[Any]], Awaitable[None]]


def keys(
    doc_id: str | None,
    *keys: str,
    text: str = "",
    then: tuple[str, ...] = (),
    keep_messages: bool = False,
) -> Steps:
    """Open ``doc_id`` from the library (None: a document is open already), press ``keys``,
    enter ``text`` into the focused input (as typing would), press the keys in ``then``;
    with ``keep_messages``, what ``then`` made the reader say stays on screen."""

    async def run(pilot: Pilot[Any]) -> None:
        if doc_id is None:
            await pilot.pause()  # the first screen is pushed once the app runs
        else:
            await open_from_library(pilot, doc_id)
        for key in keys:
            await pilot.press(key)
            pilot.app.clear_notifications()  # before a dialog covers the screen (see _settled)
        if text:
            focused = pilot.app.focused
            if isinstance(focused, TextArea):  # a note's text
                focused.insert(text)
            else:
                assert isinstance(focused, Input)
                focused.insert_text_at_cursor(text)
        await pilot.press(*then)
        await settled(pilot, keep_messages=keep_messages)

    return run


async def settled(pilot: Pilot[Any], *, keep_messages: bool = False) -> None:
    """Let the screen settle, without what depends on how busy the machine is: toasts and
    the message line (they time out; ``keep_messages`` leaves them) and a blinking cursor
    (shown steadily instead)."""
    if not keep_messages:
        pilot.app.clear_notifications()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await workers_done(pilot.app)
    await pilot.pause()
