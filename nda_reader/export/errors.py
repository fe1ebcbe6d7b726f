"""The error that stops an export before anything is written."""

from __future__ import annotations


class ExportError(Exception):
    """A problem that stops an export before anything is written.

    ``usage`` is true when the request itself is wrong (an unknown or invalid document id),
    false when the export failed (e.g. an unwritable folder); the CLI exits with 2 or 1.
    """

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage

    @property
    def exit_code(self) -> int:
        """2 for bad usage, 1 for a failure."""
        return 2 if self.usage else 1
