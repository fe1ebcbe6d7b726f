"""A random walk over the reader's keys, the same for the same seed.

Keys come from the key table (every action's default keys, on every screen), plus the keys
a user types into forms; in a text field, text is typed half the time, so that forms are
filled in and saved. Quitting (``q``, and the palette, which can quit) is left out.

A key is sent as :meth:`Pilot.press` sends it, but the walk then waits only until the screen
has handled every event (three rounds, so that a screen a key pushed is mounted too), not
for the process to look idle: that costs :meth:`Pilot.press` at least 40 ms a key, which
for thousands of keys is most of the suite's time.
"""

from __future__ import annotations

import asyncio
import random
import unicodedata
from dataclasses import dataclass, field

from textual import events
from textual.app import _character_to_key
from textual.keys import REPLACED_KEYS, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from nda_reader.ui.keys import table
from tests.helpers.pilot import workers_done

_NEVER = {"q", "ctrl+q", "ctrl+c", "ctrl+p", "ctrl+z"}
_EXTRA = ["enter", "escape", "tab", "backspace", "space", "up", "down", "left", "right", "1"]

# What a user types into forms: words, names, hanzi, punctuation that YAML and Markdown
# care about, a comma inside an alias, a line break in a list.
_TYPED = [
    "data",
    "Chen Ming",
    "National Data Administration",
    "数据",
    "国家",
    "person",
    "term",
    "a, b",
    ": x",
    "#tag",
    "- item",
    "'quoted'",
    '"double"',
    "[x]",
    "{y}",
    "&*!",
    "  ",
    "Ünïcödé",
    "shùjù",
    "\n",
]


def key_pool() -> list[str]:
    """Every default key of the key table, and the form keys, without the quitting ones."""
    keys = {k for action in table() for k in action.key_list if k}
    keys |= set(_EXTRA)
    return sorted(keys - _NEVER)


@dataclass
class Walk:
    """What a walk did: the keys pressed (for reproducing a failure) and the screens seen."""

    keys: list[str] = field(default_factory=list)
    screens: set[str] = field(default_factory=set)


def _key_event(key: str) -> events.Key:
    """The event :meth:`Pilot.press` would send for ``key``."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def press(pilot: Pilot[None], key: str) -> None:
    """Send ``key`` and wait until the screens have handled what it caused."""
    event = _key_event(key)
    event.set_sender(pilot.app)
    driver = pilot.app._driver
    assert driver is not None
    driver.send_message(event)
    await settle(pilot)


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every message queue is empty (a key's message may bubble through several
    widgets and push a screen, which then mounts), twice in a row, and the layout threads
    and animations are done."""
    app = pilot.app
    calm = 0
    for _ in range(500):
        await asyncio.sleep(0)
        if app.workers:
            await workers_done(app)  # the document view lays out in a thread
            calm = 0
            continue
        nodes = [
            app,
            *(n for screen in app.screen_stack for n in screen.walk_children(with_self=True)),
        ]
        if all(node._message_queue.empty() for node in nodes):
            calm += 1
            if calm == 2:
                await app._animator.wait_until_complete()
                return
        else:
            calm = 0
    await pilot._wait_for_screen()


# Keys that make and change annotations, tried more often outside forms than the rest.
_ANNOTATING = [
    "v",
    "w",
    "e",
    "j",
    "k",
    "g",
    "G",
    "m",
    "M",
    "p",
    "r",
    "u",
    "ctrl+r",
    "tab",
    "d",
    "y",
]
_ANNOTATING += ["O", "enter", "t", "ctrl+s", "right_curly_bracket", "s"]


def _choose(rng: random.Random, screen: str, pool: list[str]) -> str:
    """A key for ``screen``: in a form mostly enter, tab and arrows (text is typed apart),
    in a question mostly an answer, elsewhere annotation keys half the time."""
    roll = rng.random()
    if screen in _FORMS:
        return (
            rng.choice(["enter", "enter", "tab", "down", "up", "backspace"])
            if roll < 0.8
            else rng.choice(pool)
        )
    if screen == "ConfirmDialog":
        return "y" if roll < 0.6 else rng.choice(pool)
    if screen == "ConflictDialog":
        return rng.choice(["1", "2", "escape"])
    return rng.choice(_ANNOTATING) if roll < 0.5 else rng.choice(pool)


_FORMS = {"TermForm", "NoteForm", "LinkForm", "SpeakerForm", "EntryPicker", "SearchInput"}


async def wander(pilot: Pilot[None], seed: int, count: int) -> Walk:
    """Press ``count`` random keys (or typed text) deterministically for ``seed``."""
    rng = random.Random(seed)
    pool = key_pool()
    walk = Walk()
    app = pilot.app
    for _ in range(count):
        screen = type(app.screen).__name__
        walk.screens.add(screen)
        focused = app.focused
        if isinstance(focused, (Input, TextArea)) and rng.random() < 0.45:
            text = rng.choice(_TYPED)
            if isinstance(focused, Input):
                text = text.replace("\n", " ")
                focused.insert_text_at_cursor(text)
            else:
                focused.insert(text)
            walk.keys.append(f"<type {text!r}>")
            await settle(pilot)
            continue
        key = _choose(rng, screen, pool)
        walk.keys.append(key)
        await press(pilot, key)
    walk.screens.add(type(app.screen).__name__)
    return walk
