"""The console script: dispatch to a subcommand, or open the reader."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence

SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    # name: (module in nda_reader.cli, function, what it does)
    "check": ("check", "run_check", "validate a corpus"),
    "add": ("add", "run_add", "add texts to a corpus"),
    "glossary": ("glossary", "run_glossary", "renderings, termbase export and import"),
    "export": ("export", "run_export", "annotated Markdown and other formats"),
    "align": ("align", "run_align", "align a text with its counterpart"),
    "dict": ("dict", "run_dict", "look up Chinese: the glossary, then CC-CEDICT"),
    "import": ("import_annotations", "run_import", "annotations from other tools"),
    "merge-layers": ("merge_layers", "run_merge_layers", "git merge driver for layers"),
    "git-setup": ("git_setup", "run_git_setup", "set up the merge driver in a clone"),
    "serve": ("serve", "run_serve", "the reader in a web browser"),
}
"""Every subcommand, one line each; its module is imported only when it is asked for."""


def _subcommand(name: str) -> Callable[[Sequence[str]], int] | None:
    """The runner of subcommand ``name``, or None when there is no such subcommand."""
    found = SUBCOMMANDS.get(name)
    if found is None:
        return None
    module, function, _ = found
    runner: Callable[[Sequence[str]], int] = getattr(
        importlib.import_module(f"nda_reader.cli.{module}"), function
    )
    return runner


def _keep_dataclass_code() -> None:
    """Compile dataclasses' methods once for all runs, before any class is made (see
    ``cli.code_cache``: ~30 ms of each start)."""
    from nda_reader.cli.code_cache import keep_dataclass_code
    from nda_reader.corpus.locations import cache_dir

    keep_dataclass_code(cache_dir())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``nda-reader``; returns the exit status."""
    if argv is None:  # the command line (tests that call main() keep their process as it is)
        _keep_dataclass_code()
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
