"""Merging three versions of a layer file entry by entry: the git merge driver's work.

git merges text line by line, so two people who add or edit different entries next to each
other get a conflict. Here every item of every top-level block list (``entries:``,
``links:``, ``notes:``, ``speakers:``, ``turns:`` … whatever the layer) is one unit, known
by its identity: its ``id``, else its ``anchor`` (speaker turns), else its whole content.

* Entries added, removed or changed on one side only are taken from that side.
* An entry changed on both sides is merged line by line inside the entry; where both
  changed the same lines, git's conflict markers go around those lines, inside that entry
  only. An entry removed on one side and changed on the other is a conflict too.
* The file's other lines (header, comments, section titles) are merged line by line.
* Two sides adding entries at the same place both keep them, ordered by id.

A version that is not valid YAML is merged line by line, as git would. The result is
always one text; conflicts are counted so the caller can tell git.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from nda_reader.formats.layer_order import SortKey, sort_key
from nda_reader.formats.merge3 import Change, Markers, Region, merge_lines, regions
from nda_reader.formats.yaml_edit import EditError, list_shape

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Token = tuple[str, ...]
"""``("line", text)`` for a line of the file's frame, ``("entry", list, identity)``."""


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged text and how many conflicts it holds (0: merged cleanly)."""

    text: str
    conflicts: int


@dataclass
class _Version:
    """One version of a layer file as tokens: frame lines and entries, blank lines aside."""

    tokens: list[Token] = field(default_factory=list)
    blanks: list[int] = field(default_factory=list)
    """How many blank lines come before each token."""
    text: dict[Token, str] = field(default_factory=dict)
    """Each entry's block (its lines, leading comments included)."""
    keys: dict[Token, SortKey | None] = field(default_factory=dict)
    tail: int = 0
    """Blank lines at the end of the file."""


def merge_layer(base: str, ours: str, theirs: str, markers: Markers | None = None) -> MergeResult:
    """Merge ``ours`` and ``theirs``, both changed from ``base`` (see the module docstring)."""
    markers = markers or Markers()
    if ours == theirs or theirs == base:
        return MergeResult(ours, 0)
    if ours == base:
        return MergeResult(theirs, 0)
    try:
        parsed = _parse(base), _parse(ours), _parse(theirs)
    except (yaml.YAMLError, EditError):
        lines, conflicts = merge_lines(_lines(base), _lines(ours), _lines(theirs), markers)
        return MergeResult("".join(lines), conflicts)
    return _Merge(*parsed, markers).run()


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return lines


def _block_lists(text: str) -> list[str]:
    """The top-level keys whose values are block lists."""
    root = yaml.compose(text, Loader=_LOADER)
    if root is None:
        return []
    if not isinstance(root, MappingNode):
        raise EditError("not a mapping")
    return [
        k.value
        for k, v in root.value
        if isinstance(k, ScalarNode) and isinstance(v, SequenceNode) and not v.flow_style
    ]


def _identity(data: Any) -> str:
    if isinstance(data, dict):
        ident = data.get("id")
        if isinstance(ident, str) and ident:
            return "id:" + ident
        anchor = data.get("anchor")
        if isinstance(anchor, dict):
            parts = [str(anchor.get(k, "")) for k in ("doc", "exact", "prefix", "suffix")]
            return "anchor:" + json.dumps(parts, ensure_ascii=False)
    return "content:" + json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


def _parse(text: str) -> _Version:
    lines = _lines(text)
    owner: dict[int, tuple[str, int, int]] = {}  # first line -> (list key, first, last)
    for key in _block_lists(text):
        for first, last in list_shape(text, key).items:
            owner[first] = (key, first, last)
    version = _Version()
    seen: dict[Token, int] = {}
    blanks = 0
    i = 0
    while i < len(lines):
        if i in owner:
            key, first, last = owner[i]
            block = "".join(lines[first:last])
            data = yaml.load(block, Loader=_LOADER)
            item = data[0] if isinstance(data, list) and data else data
            token: Token = ("entry", key, _identity(item))
            seen[token] = seen.get(token, 0) + 1
            if seen[token] > 1:  # the same identity twice: keep both apart
                token = (*token, str(seen[token]))
            version.text[token] = block
            version.keys[token] = sort_key(item) if isinstance(item, dict) else None
            i = last
        elif not lines[i].strip():
            blanks += 1
            i += 1
            continue
        else:
            token = ("line", lines[i])
            i += 1
        version.tokens.append(token)
        version.blanks.append(blanks)
        blanks = 0
    version.tail = blanks
    return version


@dataclass
class _Merge:
    base: _Version
    ours: _Version
    theirs: _Version
    markers: Markers
    conflicts: int = 0
    decided: dict[Token, str | None] = field(default_factory=dict)
    in_conflict: set[Token] = field(default_factory=set)
    """Entries shown inside a conflict of the frame (not to be placed again)."""

    def run(self) -> MergeResult:
        for token in {**self.base.text, **self.ours.text, **self.theirs.text}:
            self.decided[token] = self._entry(token)
        out: list[tuple[Token, int]] = []
        for region in regions(self.base.tokens, self.ours.tokens, self.theirs.tokens):
            out.extend(self._region(region))
        out = self._place_missing(out)
        text = ""
        for token, blanks in out:
            body = self.decided.get(token) if token[0] == "entry" else token[1]
            if body is not None:
                text += "\n" * blanks + body
        return MergeResult(text + "\n" * self.ours.tail, self.conflicts)

    def _entry(self, token: Token) -> str | None:
        """The merged block of one entry, ``None`` when it is gone."""
        b, o, t = (v.text.get(token) for v in (self.base, self.ours, self.theirs))
        if o == t:
            return o
        if o == b:
            return t
        if t == b:
            return o
        if o is None or t is None:  # removed on one side, changed on the other
            self.conflicts += 1
            deleted = Markers(
                self.markers.ours + (" (removed)" if o is None else ""),
                self.markers.theirs + (" (removed)" if t is None else ""),
                self.markers.size,
            )
            return "".join(deleted.wrap(_lines(o or ""), _lines(t or "")))
        lines, conflicts = merge_lines(_lines(b or ""), _lines(o), _lines(t), self.markers)
        merged = "".join(lines)
        if not conflicts and not _is_one_item(merged):
            lines, conflicts = merge_lines([], _lines(o), _lines(t), self.markers)
            merged = "".join(lines)
        self.conflicts += conflicts
        return merged

    def _region(self, region: Region) -> list[tuple[Token, int]]:
        ours = self._take(self.ours, region.ours)
        theirs = self._take(self.theirs, region.theirs)
        if region.change is Change.THEIRS:
            return theirs
        if region.change is not Change.CONFLICT:
            return ours
        base = self._take(self.base, region.base)
        if all(token[0] == "entry" for token, _ in [*base, *ours, *theirs]):
            return self._union(ours, theirs)
        # Both changed the frame here: keep what the two sides share (a header both added),
        # join entries, and mark only the frame lines they wrote differently.
        out: list[tuple[Token, int]] = []
        matcher = SequenceMatcher(
            None, [t for t, _ in ours], [t for t, _ in theirs], autojunk=False
        )
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            mine, yours = ours[a0:a1], theirs[b0:b1]
            if tag == "equal":
                out += mine
            elif all(token[0] == "entry" for token, _ in [*mine, *yours]):
                out += self._union(mine, yours)
            else:
                out.append(self._conflict(mine, yours))
        return out

    def _conflict(
        self, mine: list[tuple[Token, int]], yours: list[tuple[Token, int]]
    ) -> tuple[Token, int]:
        """Both sides' lines between conflict markers, as one token."""
        self.conflicts += 1
        self.in_conflict |= {t for t, _ in [*mine, *yours] if t[0] == "entry"}
        wrapped = self.markers.wrap(
            _lines("".join(self._render(mine, self.ours))),
            _lines("".join(self._render(yours, self.theirs))),
        )
        return ("line", "".join(wrapped)), 0

    def _render(self, tokens: list[tuple[Token, int]], version: _Version) -> list[str]:
        return [
            "\n" * blanks + (version.text[token] if token[0] == "entry" else token[1])
            for token, blanks in tokens
        ]

    @staticmethod
    def _take(version: _Version, span: tuple[int, int]) -> list[tuple[Token, int]]:
        return list(
            zip(version.tokens[span[0] : span[1]], version.blanks[span[0] : span[1]], strict=True)
        )

    def _union(
        self, ours: list[tuple[Token, int]], theirs: list[tuple[Token, int]]
    ) -> list[tuple[Token, int]]:
        """Entries of both sides in one stretch: ours in their order, theirs by sort key."""
        out = list(ours)
        have = {token for token, _ in out}
        for token, blanks in theirs:
            if token in have:
                continue
            key = self.theirs.keys.get(token)
            at = 0
            for i, (other, _) in enumerate(out):
                other_key = self.ours.keys.get(other) or self.theirs.keys.get(other)
                if key is not None and other_key is not None and other_key[0] == key[0]:
                    if other_key <= key:
                        at = i + 1
                elif key is None:
                    at = i + 1
            out.insert(at, (token, blanks))
            have.add(token)
        return out

    def _place_missing(self, out: list[tuple[Token, int]]) -> list[tuple[Token, int]]:
        """Drop repeated entries; put back entries the line order lost but that stay."""
        result: list[tuple[Token, int]] = []
        placed: set[Token] = set(self.in_conflict)
        for token, blanks in out:
            if token[0] == "entry" and token in placed:
                continue
            placed.add(token)
            result.append((token, blanks))
        for version in (self.ours, self.theirs):
            for i, token in enumerate(version.tokens):
                if token[0] != "entry" or token in placed or self.decided.get(token) is None:
                    continue
                result.insert(
                    _after_neighbour(result, version.tokens, i, placed), (token, version.blanks[i])
                )
                placed.add(token)
        return result


def _after_neighbour(
    result: list[tuple[Token, int]], tokens: list[Token], i: int, placed: set[Token]
) -> int:
    """Where token ``i`` of ``tokens`` goes in ``result``: after the nearest token before it
    that ``result`` has, else before the nearest one after it, else at the end."""
    where = {token: j for j, (token, _) in enumerate(result)}
    before = next((t for t in reversed(tokens[:i]) if t in placed and t in where), None)
    if before is not None:
        return where[before] + 1
    after = next((t for t in tokens[i + 1 :] if t in placed and t in where), None)
    return where[after] if after is not None else len(result)


def _is_one_item(block: str) -> bool:
    """True when ``block`` is still one list item of valid YAML (a clean line merge of two
    edits can, rarely, not be)."""
    try:
        data = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError:
        return False
    return isinstance(data, list) and len(data) == 1
