"""Corpora for tests: the repository root, small corpora written from text, copies of the
bundled corpus, and text files with minimal front matter."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

MakeCorpus = Callable[..., Path]


def _write(root: Path, rel: str, content: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def corpus_maker(tmp_path: Path) -> MakeCorpus:
    """``make(files: dict[relpath, text|bytes], name="corpus") -> root`` writing a corpus
    folder under ``tmp_path``. Text given as ``str`` is dedented, so it can be inline."""

    def make(files: dict[str, str | bytes], name: str = "corpus") -> Path:
        root = tmp_path / name
        (root / "texts").mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            _write(root, rel, content)
        return root

    return make


def copy_bundled_corpus(tmp_path: Path) -> Path:
    """A copy of the bundled corpus (texts and annotations) in ``tmp_path/corpus``, to edit."""
    from nda_reader.corpus.locations import bundled_root

    root = tmp_path / "corpus"
    for part in ("texts", "annotations"):
        shutil.copytree(bundled_root() / part, root / part)
    return root


def text_file(doc_id: str, body: str, **meta: str | int) -> str:
    """A texts/*.md file with minimal valid front matter and ``body``."""
    fields = {
        "id": doc_id,
        "title": doc_id.replace("-", " ").title(),
        "date": "2024-01-01",
        "kind": "transcript",
        "language": "en",
        **meta,
    }
    head = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\n{head}---\n{textwrap.dedent(body).lstrip(chr(10))}"
