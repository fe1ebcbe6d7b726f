"""The one way to build the reader app, used by the command line and by the tests."""

from __future__ import annotations

from pathlib import Path

from nda_reader.corpus.document import Document
from nda_reader.corpus.loader import load_single
from nda_reader.corpus.locations import bundled_root, reading_root
from nda_reader.corpus.locations import config_dir as default_config_dir
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.progress import Progress
from nda_reader.formats.problems import ProblemList
from nda_reader.index.open import open_corpus
from nda_reader.ui.app import ReaderApp
from nda_reader.ui.keymap import load_keymap
from nda_reader.ui.theming import load_themes


def open_path(
    path: Path | None, cache_dir: Path | None = None, progress: Progress | None = None
) -> tuple[Corpus, Document | None]:
    """Load what ``path`` names: None -> the bundled corpus (see
    :func:`~nda_reader.corpus.locations.reading_root`); a folder -> that corpus;
    a file in a corpus's ``texts/`` -> that corpus, opened at the file; any other file ->
    a corpus of its own. Corpora are opened through their index in ``cache_dir``, if one
    is given (see :mod:`nda_reader.index`); ``progress`` hears how far bringing the index
    up to date is."""

    def _load(root: Path, cache_dir: Path | None) -> Corpus:
        if progress is None:
            return open_corpus(root, cache_dir, defer=True)[0]
        return open_corpus(root, cache_dir, progress, defer=True)[0]

    if path is None:
        return _load(reading_root(), cache_dir), None
    if path.is_dir():
        return _load(path, cache_dir), None
    root = path.resolve().parent.parent
    if path.resolve().parent.name == "texts":
        corpus = _load(root, cache_dir)
        doc = corpus.documents.get(path.stem)
        if doc is not None:
            return corpus, doc
    return load_single(path)


def create_app(
    path: Path | None = None,
    *,
    config_dir: Path | None = None,
    export_dir: Path | None = None,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> ReaderApp:
    """Build the reader for ``path`` (see :func:`open_path`), remembering settings, places
    and marks and reading ``keymap.yaml`` in ``config_dir`` (default: the user's
    configuration folder), offering ``export_dir`` to ``e`` (default: the folder used last,
    at first ``~/nda-reader-export``) and keeping the corpus index in ``cache_dir`` (default:
    none; the command line passes the user's cache folder)."""
    corpus, doc = open_path(path, cache_dir, progress)
    config = config_dir if config_dir is not None else default_config_dir()
    own_problems = ProblemList()
    themes = load_themes(bundled_root() / "themes", own_problems)
    keymap = load_keymap(config, own_problems)
    corpus.problems.extend(own_problems)
    return ReaderApp(
        corpus, doc, config_dir=config, themes=themes, export_dir=export_dir, keymap=keymap
    )
