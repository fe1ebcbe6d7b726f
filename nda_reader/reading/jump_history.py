"""Jump history: where the reader was before following links, search hits and outline jumps.

Browser semantics: :meth:`JumpHistory.push` records the place being left and forgets the
forward list; :meth:`JumpHistory.back` and :meth:`JumpHistory.forward` trade the current
place for the previous / next one. Pure logic, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the reader: a document, a body offset and the pane (0 main, 1 split)."""

    doc_id: str
    offset: int
    pane: int = 0


@dataclass
class JumpHistory:
    """Back and forward stacks of :class:`Location` with a size limit."""

    limit: int = 200
    _back: list[Location] = field(default_factory=list)
    _forward: list[Location] = field(default_factory=list)

    def push(self, here: Location) -> None:
        """Record ``here`` (the place being left by a jump); the forward list is dropped."""
        if not self._back or self._back[-1] != here:
            self._back.append(here)
            del self._back[: max(0, len(self._back) - self.limit)]
        self._forward.clear()

    def back(self, here: Location) -> Location | None:
        """Go back from ``here``: return the previous place (``here`` becomes forward)."""
        if not self._back:
            return None
        self._forward.append(here)
        return self._back.pop()

    def forward(self, here: Location) -> Location | None:
        """Go forward from ``here``: return the next place (``here`` becomes back)."""
        if not self._forward:
            return None
        self._back.append(here)
        return self._forward.pop()

    @property
    def can_go_back(self) -> bool:
        """True when :meth:`back` has somewhere to go."""
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        """True when :meth:`forward` has somewhere to go."""
        return bool(self._forward)

    def __len__(self) -> int:
        return len(self._back) + len(self._forward)
