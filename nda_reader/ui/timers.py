"""A one-shot timer that always fires.

Textual's ``set_timer`` makes a one-shot :class:`~textual.timer.Timer` that skips late
ticks (``skip=True``). When the timer's task starts later than its delay (the process
was preempted, or a collection ran, between the task taking its start time and looking
at the clock), the one tick it has is skipped and the callback never runs: with a delay
of a millisecond that happened about once in five runs of a loaded test machine, and a
big text's layout, run a step per timer, stopped half way. :func:`after` is
``set_timer`` with late ticks kept.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.message_pump import MessagePump
from textual.timer import Timer


def after(pump: MessagePump, delay: float, callback: Callable[[], Any]) -> Timer:
    """Call ``callback`` on ``pump`` (as ``pump.set_timer`` does) in ``delay`` seconds, or
    as soon as it can when it is late; the timer stops with ``pump``, or by ``stop()``."""
    timer = Timer(
        pump,
        delay,
        name=f"after#{Timer._timer_count}",
        callback=partial(pump.call_next, callback),
        repeat=0,
        skip=False,
    )
    timer._start()
    pump._timers.add(timer)  # stopped when the pump closes, as set_timer's are
    return timer
