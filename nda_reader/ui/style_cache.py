"""The parsed stylesheet of the first screen, kept between runs.

Textual parses the CSS of the app and of each widget class at every start: ~15 ms of the
reader's, before its first paint, for the same text each time. It keeps each parse in
its stylesheet's own cache, keyed by the CSS text and where it came from, and cleared
when the theme's variables change (they are part of the parse). :class:`StyleCache`
keeps what that cache held after the first paint, pickled, for the theme variables of
that run, and puts it back into the next run's stylesheet before anything is parsed; a
CSS text not found there is parsed as usual.

The file also holds a fingerprint of Textual's CSS code: after an upgrade it starts
empty. Up to :data:`MAX_THEMES` sets of variables are kept (a user switching between
themes). Written when the process ends, only if this run parsed something not kept; one
that cannot be read is ignored, one that cannot be written skipped; 0600 in a 0700
folder, as the index (whose pickles it shares the trust of) is. This relies on a private
part of Textual (``Stylesheet._parse_cache``): if it changes, nothing is kept and
nothing breaks.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import textual
from textual.css.stylesheet import Stylesheet

from nda_reader.formats.digest import blake2b
from nda_reader.formats.kept_file import KeptFile, files_fingerprint

STYLE_FILE = "parsed-styles.pickle"
MAX_THEMES = 4
"""Variable sets (themes) kept; the least recently written is dropped first."""


def textual_fingerprint() -> str:
    """Size and modification time of Textual's CSS modules (the parser and its objects)."""
    return files_fingerprint(sorted((Path(textual.__file__).parent / "css").glob("*.py")))


def _variables_key(stylesheet: Stylesheet) -> str | None:
    """A digest of the theme variables ``stylesheet`` parses with (None: unknown)."""
    variables = getattr(stylesheet, "_variables", None)
    if not isinstance(variables, dict):
        return None
    text = "\n".join(f"{k}={v}" for k, v in sorted(variables.items()))
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class StyleCache:
    """Parsed CSS by theme variables, read from and written to one file."""

    def __init__(self, path: Path, fingerprint: str | None = None) -> None:
        self.file = KeptFile(path, fingerprint if fingerprint is not None else textual_fingerprint)
        self._given: set[tuple[Any, ...]] = set()
        self._pending: tuple[str, bytes] | None = None

    @property
    def path(self) -> Path:
        """The cache's file."""
        return self.file.path

    def seed(self, stylesheet: Stylesheet) -> int:
        """Put the parses kept for the variables ``stylesheet`` has now into its cache;
        how many CSS texts were given."""
        key = _variables_key(stylesheet)
        data = self.file.entries.get(key) if key is not None else None
        if data is None:
            return 0
        try:
            parses = pickle.loads(data)
            cache = stylesheet._parse_cache
            for source, rules in parses.items():
                cache.set(source, rules)
        except Exception:  # a damaged file, or another Textual: parse as usual
            return 0
        self._given = set(parses)
        return len(parses)

    def remember(self, stylesheet: Stylesheet) -> None:
        """Note what ``stylesheet`` parsed so far (after the first paint), to be written by
        :meth:`save` if it holds something not given by :meth:`seed`."""
        try:
            cache = stylesheet._parse_cache
            keys = list(cache.keys())  # a Textual LRUCache: no iteration of its own
            parses = {key: cache.get(key) for key in keys}
        except Exception:  # another Textual: keep nothing
            return
        parses = {k: v for k, v in parses.items() if v is not None}
        key = _variables_key(stylesheet)
        if key is None or not parses or set(parses) <= self._given:
            return
        try:
            data = pickle.dumps(parses, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a rule that cannot be pickled: keep nothing
            return
        self._pending = (key, data)

    def save(self) -> None:
        """Write what :meth:`remember` noted, if anything (atomically; errors are ignored:
        the next run parses again)."""
        if self._pending is None:
            return
        key, data = self._pending
        self._pending = None
        themes = dict(self.file.entries)
        themes.pop(key, None)
        themes[key] = data  # the newest last
        while len(themes) > MAX_THEMES:
            themes.pop(next(iter(themes)))
        self.file.write(themes)


_in_use: StyleCache | None = None


def keep_styles(cache: StyleCache | None) -> None:
    """Have the reader app made from now on seed and remember its styles in ``cache``
    (None: parse every time; the tests' default)."""
    global _in_use
    _in_use = cache


def seeded_styles(stylesheet: Stylesheet) -> StyleCache | None:
    """The cache given to :func:`keep_styles`, if any, having seeded ``stylesheet`` (an
    app's, with its theme's variables set and nothing parsed yet)."""
    if _in_use is not None:
        _in_use.seed(stylesheet)
    return _in_use
