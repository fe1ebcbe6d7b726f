"""The console script: dispatch to a subcommand, or open the reader."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence


def _subcommand(name: str) -> Callable[[Sequence[str]], int] | None:
    """The runner of subcommand ``name`` (imported only when it is asked for)."""
    if name == "check":
        from nda_reader.cli.check import run_check

        return run_check
    if name == "align":
        from nda_reader.cli.align import run_align

        return run_align
    if name == "dict":
        from nda_reader.cli.dict import run_dict

        return run_dict
    if name == "export":
        from nda_reader.cli.export import run_export

        return run_export
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``nda-reader``; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        run = _subcommand(args[0]) if args else None
        if run is not None:
            return run(args[1:])
        from nda_reader.cli.reader import run_reader

        return run_reader(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output went to a reader that stopped (| head)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except SystemExit as exc:  # argparse: 0 for --help, 2 for bad usage
        return int(exc.code) if isinstance(exc.code, int) else 2


if __name__ == "__main__":
    sys.exit(main())
