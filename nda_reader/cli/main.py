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
    if name == "add":
        from nda_reader.cli.add import run_add

        return run_add
    if name == "glossary":
        from nda_reader.cli.glossary import run_glossary

        return run_glossary
    if name == "export":
        from nda_reader.cli.export import run_export

        return run_export
    if name == "merge-layers":
        from nda_reader.cli.merge_layers import run_merge_layers

        return run_merge_layers
    if name == "serve":
        from nda_reader.cli.serve import run_serve

        return run_serve
    if name == "import":
        from nda_reader.cli.import_annotations import run_import

        return run_import
    if name == "git-setup":
        from nda_reader.cli.git_setup import run_git_setup

        return run_git_setup
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
    except BrokenPipeError:
        # Whoever read our output (head, less) stopped reading: as for other commands,
        # not an error worth a traceback. Python would complain again flushing stdout.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + 13  # what a shell reports for SIGPIPE
    except SystemExit as exc:  # argparse: 0 for --help, 2 for bad usage
        return int(exc.code) if isinstance(exc.code, int) else 2


if __name__ == "__main__":
    sys.exit(main())
