"""``nda-reader [PATH]``: open the reader on a corpus folder or one document."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from nda_reader import __version__
from nda_reader.cli.main import SUBCOMMANDS

if TYPE_CHECKING:
    import argparse


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="nda-reader",
        description="Read annotated bilingual policy texts in the terminal.",
        epilog="subcommands (run 'nda-reader SUBCOMMAND -h' for more):\n"
        + "\n".join(f"  {name:<14}{what}" for name, (_, _, what) in SUBCOMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a corpus folder (with texts/) or one document; default: the bundled corpus",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read the corpus, themes and settings from their files alone, without reading "
        "or writing the index and parses kept in $XDG_CACHE_HOME/nda-reader (safe to "
        "delete at any time)",
    )
    parser.add_argument("--version", action="version", version=f"nda-reader {__version__}")
    # One browser session of 'nda-reader serve': settings of its own (see _session_config).
    parser.add_argument("--session", action="store_true", help=argparse.SUPPRESS)
    return parser


def _session_config() -> Path:
    """A configuration folder for one served session: a copy of the user's settings and
    keymap, so that what this session changes stays in it (removed when it ends)."""
    import atexit
    import shutil
    import tempfile

    from nda_reader.corpus.locations import config_dir

    folder = Path(tempfile.mkdtemp(prefix="nda-reader-session-"))
    atexit.register(shutil.rmtree, folder, True)
    for name in ("settings.yaml", "keymap.yaml"):
        source = config_dir() / name
        if source.is_file():
            shutil.copyfile(source, folder / name)
    return folder


def keep_yaml_parses(cache: Path) -> None:
    """Parse the small YAML files read at start (themes, settings, places, keymap) once
    for all runs (see :mod:`~nda_reader.formats.yaml_memo`): the first screen then comes
    up without importing PyYAML (~15 ms)."""
    import atexit

    from nda_reader.formats.yaml_memo import MEMO_FILE, YamlMemo
    from nda_reader.formats.yaml_source import use_memo

    memo = YamlMemo(cache / MEMO_FILE)
    use_memo(memo)
    atexit.register(memo.save)


def keep_parsed_styles(cache: Path) -> None:
    """Keep the first screen's parsed stylesheet between runs (see
    :mod:`~nda_reader.ui.style_cache`: ~13 ms of each start)."""
    import atexit

    from nda_reader.ui.style_cache import STYLE_FILE, StyleCache, keep_styles

    styles = StyleCache(cache / STYLE_FILE)
    keep_styles(styles)
    atexit.register(styles.save)


def _arguments(argv: Sequence[str]) -> tuple[Path | None, bool, bool]:
    """The path, ``--no-cache`` and ``--session`` given. The usual command lines (nothing,
    or one path not starting with "-") are read as they are: importing argparse (and the
    gettext it imports) would cost ~2 ms of start-up."""
    if len(argv) <= 1 and not any(a.startswith("-") for a in argv):
        return (Path(argv[0]) if argv else None), False, False
    args = _parser().parse_args(argv)
    return args.path, args.no_cache, args.session


def run_reader(argv: Sequence[str]) -> int:
    """Open the reader on a corpus or a document; return the exit status."""
    path, no_cache, session = _arguments(argv)
    if path is not None and not path.exists():
        print(f"nda-reader: {path}: no such file or folder", file=sys.stderr)
        return 2
    # Start-up allocates ~20 MB of long-lived objects (modules, the corpus) and no garbage
    # worth collecting; the collector's passes over them cost ~18 ms before the first
    # paint. The app freezes what start-up made and turns collection back on once the
    # first screen is painted (ReaderApp._after_first_paint).
    gc.disable()
    from nda_reader.cli.progress import TerminalProgress
    from nda_reader.corpus.locations import cache_dir
    from nda_reader.ui import factory

    cache = None if no_cache else cache_dir()
    if cache is not None:
        keep_yaml_parses(cache)
        keep_parsed_styles(cache)
    config = _session_config() if session else None
    progress = TerminalProgress()  # bringing the index up to date, before the first paint
    try:
        app = factory.create_app(path, cache_dir=cache, config_dir=config, progress=progress)
    finally:
        progress.close()
    app.run()
    return int(app.return_code or 0)
