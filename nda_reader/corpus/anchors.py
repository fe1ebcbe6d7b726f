"""Anchors: pointing into a text by quote and context, and finding the place again.

An anchor is a W3C-style text quote selector: the ``exact`` quote, a little ``prefix`` and
``suffix`` context and an optional ``pos`` hint. Resolution tolerates edits elsewhere in the
text; it never guesses between look-alikes (of equal look-alikes it takes the one at ``pos``,
where the anchor was made, and only if one is exactly there). A new anchor gets as much
context as it needs to be unique. A quote that cannot be placed with certainty
is an orphan with a reason, so that nothing is silently attached to a wrong passage.
"""

from __future__ import annotations

import difflib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.schema import SLUG, Field, read_fields

ANCHOR_FIELDS: dict[str, Field] = {
    "doc": Field(str, pattern=SLUG, pattern_hint="use the id of a text in texts/"),
    "exact": Field(str, True),
    "prefix": Field(str),
    "suffix": Field(str),
    "pos": Field(int),
}

_FUZZY_MIN_RATIO = 0.8


@dataclass(frozen=True, slots=True)
class Anchor:
    """A quote in a document, with context, and where in a layer file it was written."""

    doc: str
    exact: str
    prefix: str = ""
    suffix: str = ""
    pos: int | None = None
    path: Path = field(default=Path(""), compare=False)
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


class Status(StrEnum):
    """How an anchor was placed, or why it was not."""

    EXACT = "exact"
    """The quote occurs once."""
    CONTEXT = "context"
    """The quote occurs several times; its context picked one."""
    FUZZY = "fuzzy"
    """The quote was edited; its unchanged context placed it."""
    MISSING = "missing"
    AMBIGUOUS = "ambiguous"
    NO_DOCUMENT = "no-document"

    @property
    def placed(self) -> bool:
        """True when the anchor has a place in the text."""
        return self in (Status.EXACT, Status.CONTEXT, Status.FUZZY)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving an anchor: a span, or an orphan with a reason."""

    status: Status
    start: int = -1
    end: int = -1
    reason: str = ""

    @property
    def placed(self) -> bool:
        """True when the anchor has a place in the text."""
        return self.status.placed


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(anchor: Anchor, body: str, start: int, end: int) -> tuple[int, bool]:
    """(matched context characters, whether prefix or suffix matched in full)."""
    before = body[max(0, start - len(anchor.prefix)) : start]
    after = body[end : end + len(anchor.suffix)]
    p = _common_suffix(before, anchor.prefix)
    s = _common_prefix(after, anchor.suffix)
    if not anchor.prefix and not anchor.suffix:
        return 0, True
    full = (bool(anchor.prefix) and p == len(anchor.prefix)) or (
        bool(anchor.suffix) and s == len(anchor.suffix)
    )
    return p + s, full


def _find_all(body: str, needle: str) -> list[int]:
    found: list[int] = []
    i = body.find(needle)
    while i != -1:
        found.append(i)
        i = body.find(needle, i + 1)
    return found


def resolve(anchor: Anchor, body: str) -> Resolution:
    """Place ``anchor`` in ``body`` or explain why it cannot be placed.

    The quote with its whole context occurring once is the common case (a speaker label
    repeated all over a transcript, placed by its context): that place has the best score
    there can be and no other place has it, so it is taken without scoring every
    occurrence of the quote (:func:`resolve_by_scoring` gives the same answer, slower).
    """
    if not anchor.exact:
        return Resolution(Status.MISSING, reason="the quote is empty")
    if anchor.prefix or anchor.suffix:
        whole = anchor.prefix + anchor.exact + anchor.suffix
        hits = _occurrences(body, anchor.exact)
        if hits is None:  # a quote found all over the text: look for the whole instead
            k = body.find(whole)
            if k != -1 and body.find(whole, k + 1) == -1:
                start = k + len(anchor.prefix)
                once = body.find(anchor.exact) == start
                once = once and body.find(anchor.exact, start + 1) == -1
                status = Status.EXACT if once else Status.CONTEXT
                return Resolution(status, start, start + len(anchor.exact))
        else:
            # The whole occurs where the quote does with the context around it.
            before = len(anchor.prefix)
            at = [h for h in hits if h >= before and body.startswith(whole, h - before)]
            if len(at) == 1:
                status = Status.EXACT if len(hits) == 1 else Status.CONTEXT
                return Resolution(status, at[0], at[0] + len(anchor.exact))
    return resolve_by_scoring(anchor, body)


_MANY = 64
"""Occurrences of a quote beyond which :func:`_occurrences` stops listing them."""
_KEPT = 8
_kept: OrderedDict[tuple[int, str], tuple[str, list[int] | None]] = OrderedDict()
_kept_lock = threading.Lock()


def _occurrences(body: str, exact: str) -> list[int] | None:
    """Where ``exact`` occurs in ``body`` (None: more than :data:`_MANY` places).

    The lists for the last few quotes are kept: the anchors of a text are placed one after
    the other and many share a quote (every turn of a speaker has the same label), so the
    text is searched once for them all rather than once or twice an anchor.
    """
    key = (id(body), exact)  # the entry holds ``body``: its id is not reused meanwhile
    with _kept_lock:
        entry = _kept.get(key)
        if entry is not None and entry[0] is body:
            _kept.move_to_end(key)
            return entry[1]
    found: list[int] | None = []
    i = body.find(exact)
    while i != -1 and found is not None:
        if len(found) == _MANY:
            found = None
        else:
            found.append(i)
            i = body.find(exact, i + 1)
    with _kept_lock:
        _kept[key] = (body, found)
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)
    return found


def resolve_by_scoring(anchor: Anchor, body: str) -> Resolution:
    """:func:`resolve` by scoring the context of every occurrence of the quote."""
    if not anchor.exact:
        return Resolution(Status.MISSING, reason="the quote is empty")
    hits = _find_all(body, anchor.exact)
    n = len(anchor.exact)
    if not hits:
        return _resolve_edited(anchor, body)
    scored = [(i, *_context_score(anchor, body, i, i + n)) for i in hits]
    confirmed = [(i, score) for i, score, full in scored if full]
    if not confirmed:
        where = ", ".join(str(i) for i in hits[:5])
        return Resolution(
            Status.MISSING,
            reason=f"the quote occurs (at offset(s) {where}) but not with its context; "
            "the passage was probably edited or removed — re-attach or update the anchor",
        )
    best = max(score for _, score in confirmed)
    top = [i for i, score in confirmed if score == best]
    if len(top) > 1 and anchor.pos in top:
        # Equal look-alikes, one of them exactly where the anchor was made: that one.
        top = [anchor.pos]
    if len(top) > 1:
        where = ", ".join(str(i) for i in top[:5])
        return Resolution(
            Status.AMBIGUOUS,
            reason=f"the quote and its context match {len(top)} places equally (offsets {where});"
            " add more prefix or suffix to say which",
        )
    start = top[0]
    status = Status.EXACT if len(hits) == 1 else Status.CONTEXT
    return Resolution(status, start, start + n)


def _resolve_edited(anchor: Anchor, body: str) -> Resolution:
    """The quote is not in the text: look for it between its unchanged prefix and suffix."""
    missing = Resolution(
        Status.MISSING,
        reason="the quote is not in the text; it was edited or removed — fix the quote or "
        "re-attach the annotation",
    )
    if len(anchor.prefix) < 8 or len(anchor.suffix) < 8:
        return missing
    n = len(anchor.exact)
    limit = n + max(8, n // 4)
    candidates: list[tuple[int, int]] = []
    for p in _find_all(body, anchor.prefix):
        start = p + len(anchor.prefix)
        s = body.find(anchor.suffix, start, start + limit + len(anchor.suffix))
        if s == -1:
            continue
        ratio = difflib.SequenceMatcher(None, anchor.exact, body[start:s]).ratio()
        if ratio >= _FUZZY_MIN_RATIO:
            candidates.append((start, s))
    if len(candidates) == 1:
        start, end = candidates[0]
        return Resolution(
            Status.FUZZY,
            start,
            end,
            reason=f"the quote was edited: now {body[start:end][:60]!r}; update the anchor",
        )
    if len(candidates) > 1:
        return Resolution(
            Status.AMBIGUOUS,
            reason=f"the edited quote matches {len(candidates)} places; re-attach the annotation",
        )
    return missing


def read_anchor(
    value: Any,
    path: Path,
    problems: ProblemList,
    what: str,
    where: tuple[int, int],
    default_doc: str = "",
) -> Anchor | None:
    """Read an anchor mapping from a layer file; ``default_doc`` fills a missing ``doc``."""
    fields = read_fields(value, ANCHOR_FIELDS, path, problems, what, where)
    if fields is None:
        return None
    doc = fields.get("doc", default_doc)
    line, col = value.pos
    if not doc:
        problems.error(path, line, col, f"{what} needs 'doc': the id of the text it points into")
        return None
    if not fields["exact"].strip():
        problems.error_at(path, value.where("exact"), f"'exact' in {what} is blank")
        return None
    return Anchor(
        doc=doc,
        exact=fields["exact"],
        prefix=fields.get("prefix", ""),
        suffix=fields.get("suffix", ""),
        pos=fields.get("pos"),
        path=path,
        line=line,
        column=col,
    )


def make_anchor(doc: str, body: str, start: int, end: int, context: int = 32) -> Anchor:
    """An anchor for ``body[start:end]`` that :func:`resolve` places there and nowhere else.

    The context starts at ``context`` characters each side and doubles until
    ``prefix + exact + suffix`` occurs once in ``body`` (at worst it reaches both ends of the
    text), so a quote that is repeated elsewhere, even inside a repeated passage, is written
    unique.
    """
    exact = body[start:end]
    while True:
        prefix = body[max(0, start - context) : start]
        suffix = body[end : end + context]
        whole = prefix + exact + suffix
        first = body.find(whole)
        if body.find(whole, first + 1) == -1 or (
            start - context <= 0 and end + context >= len(body)
        ):
            return Anchor(doc=doc, exact=exact, prefix=prefix, suffix=suffix, pos=start)
        context *= 2
