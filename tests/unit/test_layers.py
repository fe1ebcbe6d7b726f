"""The package keeps its shape: layered packages, no loose modules, short files, no mixins."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.helpers.corpora import REPO
from tests.helpers.layers import (
    layer_violations,
    long_files,
    loose_modules,
    mixins_and_stubs,
)

PACKAGE = REPO / "nda_reader"


def test_no_package_imports_a_package_above_it_and_textual_stays_in_the_ui() -> None:
    assert [str(v) for v in layer_violations(PACKAGE)] == []


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "nda_reader"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_the_layer_check_fails_on_an_upward_import(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "",
            "corpus/__init__.py": "",
            "corpus/model.py": "from nda_reader.reading.search import find_in_text\n",
            "reading/__init__.py": "",
            "reading/search.py": "from nda_reader.corpus.model import Corpus\n",
            "export/render.py": "def f():\n    from nda_reader.editing import actions\n",
            "formats/problems.py": "import textual.app\n",
            "lang/hanzi.py": "from ..formats import problems\n",
        },
    )
    found = sorted(f"{v.path.relative_to(root)}:{v.line}" for v in layer_violations(root))
    assert found == [
        "corpus/model.py:1",  # corpus imports reading
        "export/render.py:2",  # siblings: export imports editing, inside a function
        "formats/problems.py:1",  # textual outside ui
        "lang/hanzi.py:1",  # a relative import upward
    ]


def test_every_module_lives_in_a_package() -> None:
    assert loose_modules(PACKAGE) == []


def test_no_file_is_over_400_lines() -> None:
    assert [(str(p.relative_to(REPO)), n) for p, n in long_files(PACKAGE)] == []


def test_no_mixins_and_no_members_restated_for_type_checking() -> None:
    assert mixins_and_stubs(PACKAGE) == []


def test_loading_and_indexing_the_corpus_imports_neither_textual_nor_pypinyin() -> None:
    code = (
        "import sys\n"
        "from nda_reader.corpus.loader import load_corpus\n"
        "from nda_reader.corpus.locations import bundled_root\n"
        "import nda_reader.lang.pinyin, nda_reader.reading.search\n"
        "c = load_corpus(bundled_root())\n"
        "assert c.occurrences.by_doc\n"
        "print(sorted(m for m in ('textual', 'pypinyin') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "[]"
