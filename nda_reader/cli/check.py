"""``nda-reader check [CORPUS]``: validate a corpus; print ``path:line:col`` problems."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from nda_reader.corpus.locations import bundled_root

if TYPE_CHECKING:
    from nda_reader.dictionary.lookup import Dictionary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nda-reader check",
        description="Validate texts and annotation layers; print path:line:col: problems.",
    )
    parser.add_argument(
        "corpus", nargs="?", type=Path, help="corpus folder (default: the bundled corpus)"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="check the files alone, without reading or updating the corpus index "
        "($XDG_CACHE_HOME/nda-reader); the result is the same",
    )
    parser.add_argument(
        "--no-pinyin",
        action="store_true",
        help="skip comparing stored pinyin with pypinyin's draft",
    )
    parser.add_argument(
        "--no-dictionary",
        action="store_true",
        help="do not suggest CC-CEDICT readings for Chinese no glossary entry covers",
    )
    return parser


class _Readings:
    """The dictionary's reading of Chinese text; the dictionary is opened (compiled, the
    first time) only when there is something to suggest a reading for, and its headwords
    are read only when a reading is not kept in the corpus index already."""

    def __init__(self) -> None:
        self._opened: list[Dictionary | None] = []
        self._kept = False

    def _dictionary(self) -> Dictionary | None:
        if not self._opened:
            self._opened.append(_open_dictionary())
        return self._opened[0]

    def source(self) -> str:
        """The compiled dictionary the readings come from (its data and format)."""
        dictionary = self._dictionary()
        return dictionary.path.name if dictionary is not None else ""

    def __call__(self, text: str) -> str | None:
        dictionary = self._dictionary()
        if dictionary is None:
            return None
        if not self._kept:  # readings for thousands of spans, maybe
            self._kept = True
            dictionary.keep_headwords()
        reading = dictionary.suggest_reading(text)
        return f"{reading} (CC-CEDICT)" if reading else None

    @staticmethod
    def batch(texts: list[str]) -> dict[str, str]:
        """The readings of ``texts`` (a reading or "" by text), from this process's own
        dictionary: what a helper process runs for the checking one (see
        :mod:`~nda_reader.corpus.check_suggestions`)."""
        readings = _Readings.here()
        return {text: readings(text) or "" for text in texts}

    @staticmethod
    def here() -> _Readings:
        """This process's readings, the dictionary opened and its headwords kept (in a
        helper: while the checking process loads the corpus)."""
        if not _here:
            readings = _Readings()
            dictionary = readings._dictionary()
            if dictionary is not None:
                readings._kept = True
                dictionary.keep_headwords()
            _here.append(readings)
        return _here[0]


_here: list[_Readings] = []


def _open_readings() -> None:
    """In a helper process: :meth:`_Readings.here`, giving nothing back."""
    _Readings.here()


def _suggest_reading() -> Callable[[str], str | None]:
    """The dictionary's reading of Chinese text (see :class:`_Readings`)."""
    return _Readings()


def _open_dictionary() -> Dictionary | None:
    from nda_reader.corpus.locations import cache_dir
    from nda_reader.dictionary.lookup import Dictionary, is_open_error

    try:
        return Dictionary.open(cache_dir())
    except Exception as exc:  # no data, an unwritable cache: no suggestions
        if not is_open_error(exc):
            raise
        return None


@contextmanager
def _lasting_objects() -> Iterator[None]:
    """Make what is made in the block, a corpus (millions of objects that last as long
    as ``check``), exempt from the cyclic garbage collector: it would go through them all
    time and again (0.65 s of a ``check`` of 1,000 documents). The few cycles a load may
    leave are freed when the command ends."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def run_check(argv: Sequence[str]) -> int:
    """Run ``nda-reader check``; return the exit status (0 clean, 1 errors, 2 bad usage)."""
    args = _parser().parse_args(argv)
    from nda_reader.corpus.check import check_corpus, print_report

    root = args.corpus if args.corpus is not None else bundled_root()
    if not root.exists():
        print(
            f"nda-reader check: {root}: no such folder; give a corpus folder "
            "(one with texts/ and annotations/)",
            file=sys.stderr,
        )
        return 2
    suggest = None if args.no_dictionary else _suggest_reading()
    from nda_reader.cli.progress import TerminalProgress
    from nda_reader.corpus.draft_worker import Helper
    from nda_reader.corpus.locations import cache_dir
    from nda_reader.index.open import open_corpus

    progress = TerminalProgress()
    # Without the index, every draft and reading is to be made: a helper started first
    # loads what they need while the corpus is loaded here. (With it, most are kept.)
    wanted = args.no_cache and (not args.no_pinyin or suggest is not None)
    helper = Helper.start() if wanted else None
    if helper is not None and suggest is not None:
        helper.submit(_open_readings)  # then the dictionary, for the readings it may make
    if helper is not None and not args.no_pinyin:
        helper.draft_glossary(root)  # then the glossary, read there, drafted
    try:
        with _lasting_objects():
            corpus, index = open_corpus(root, None if args.no_cache else cache_dir(), progress)
        if index is not None:  # the checks of terms read every text's: keep them indexed
            index.complete(progress, search=False)
        report = check_corpus(
            root,
            pinyin=not args.no_pinyin,
            suggest=suggest,
            corpus=corpus,
            progress=progress,
            helper=helper,
        )
    finally:
        if helper is not None:
            helper.close()
        progress.close()
    print_report(report, sys.stdout, base=Path.cwd())
    return 1 if report.errors else 0
