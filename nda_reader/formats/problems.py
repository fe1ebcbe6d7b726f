"""Problems found while loading a corpus, reported as ``path:line:col: severity: message``."""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from nda_reader.lang.terminal_text import safe_line


class Severity(StrEnum):
    """How bad a problem is: errors fail ``nda-reader check``, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, with a 1-based line and column."""

    path: Path
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    orphan: bool = False
    """True when the problem is an annotation whose anchor could not be placed."""

    def format(self, base: Path | None = None) -> str:
        """Render as ``path:line:col: severity: message``, path relative to ``base`` if inside.

        The line is safe for a terminal: control characters in a file name or a message are
        shown as visible stand-ins (see :func:`~nda_reader.lang.terminal_text.safe_line`).
        """
        path = shown_path(self.path, base)
        return safe_line(f"{path}:{self.line}:{self.column}: {self.severity.value}: {self.message}")

    @property
    def is_error(self) -> bool:
        """True for problems that make ``check`` fail."""
        return self.severity is Severity.ERROR


@functools.lru_cache(maxsize=4096)
def shown_path(path: Path, base: Path | None) -> Path:
    """``path`` relative to ``base`` when it is inside it, else as given.

    Symbolic links are resolved only when the plain paths do not say it (a link loop, which
    cannot be resolved, is then shown as given). Remembered: a report on a large corpus
    shows tens of thousands of problems in a thousand files.
    """
    if base is None:
        return path
    with contextlib.suppress(ValueError):
        return path.absolute().relative_to(base.absolute())
    with contextlib.suppress(ValueError, OSError, RuntimeError):
        return path.resolve().relative_to(base.resolve())
    return path


class ProblemList(list[Problem]):
    """A list of problems with helpers to add them at a known place."""

    def error(self, path: Path, line: int, column: int, message: str) -> None:
        """Record an error."""
        self.append(Problem(path, line, column, message))

    def warning(self, path: Path, line: int, column: int, message: str) -> None:
        """Record a warning."""
        self.append(Problem(path, line, column, message, Severity.WARNING))

    def error_at(self, path: Path, pos: tuple[int, int], message: str) -> None:
        """Record an error at a (line, column) position."""
        self.append(Problem(path, pos[0], pos[1], message))

    def warning_at(self, path: Path, pos: tuple[int, int], message: str) -> None:
        """Record a warning at a (line, column) position."""
        self.append(Problem(path, pos[0], pos[1], message, Severity.WARNING))

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """Only the warnings."""
        return [p for p in self if not p.is_error]
