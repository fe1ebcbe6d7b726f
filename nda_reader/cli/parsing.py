"""The argument parser of the subcommands: usage errors on one line, with a hint."""

from __future__ import annotations

import argparse
from typing import NoReturn


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line naming the command, exit 2."""

    def error(self, message: str) -> NoReturn:
        """Print ``message`` on one line with a hint, and exit with status 2."""
        self.exit(2, f"{self.prog}: {message}; run '{self.prog} -h' for help\n")
