"""Settings shared by the property-based (Hypothesis) tests: bounded, so the suite stays fast.

By default each property tries a fixed set of examples (``derandomize``: the same on every
run and every machine, so a failure in CI is a failure at home). Set
``NDA_HYPOTHESIS_EXPLORE=1000`` to let every property try that many fresh random examples
instead, when looking for new failures.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

_EXPLORE = int(os.environ.get("NDA_HYPOTHESIS_EXPLORE", "0") or 0)


def bounded(examples: int) -> settings:
    """Hypothesis settings for a property: ``examples`` fixed examples (see above)."""
    return settings(
        max_examples=_EXPLORE or examples,
        derandomize=not _EXPLORE,
        deadline=None,  # a busy machine is slow; hangs are caught by time_limit
        database=None,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeoutError` in the block after ``seconds`` (a hang fails the example,
    it does not stop the run). Only in the main thread of a Unix process; elsewhere a no-op."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang")

    try:
        previous = signal.signal(signal.SIGALRM, expired)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
