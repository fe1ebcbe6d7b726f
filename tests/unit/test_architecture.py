"""The pure core never imports Textual; pypinyin stays off the path that opens the reader."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "nda_reader"
UI_ONLY = {"textual"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
            if node.module.startswith("nda_reader.ui"):
                names.add("nda_reader.ui")
    return names


def test_core_modules_never_import_textual_or_the_ui() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]
    assert len(core) > 10
    offenders = {
        str(p.relative_to(REPO)): sorted(_imports(p) & (UI_ONLY | {"nda_reader.ui"}))
        for p in core
        if _imports(p) & (UI_ONLY | {"nda_reader.ui"})
    }
    # cli.py may start the UI lazily, inside a function, but must not import it at top level.
    top_level_ui = [
        p
        for p in core
        if any(
            isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("nda_reader.ui")
            for n in ast.parse(p.read_text(encoding="utf-8")).body
        )
    ]
    offenders.pop("nda_reader/cli.py", None)
    assert offenders == {}
    assert top_level_ui == []


def test_loading_and_indexing_the_corpus_imports_neither_textual_nor_pypinyin() -> None:
    code = (
        "import sys\n"
        "from nda_reader.corpus import load_corpus\n"
        "from nda_reader.paths import bundled_root\n"
        "import nda_reader.pinyin, nda_reader.search\n"
        "c = load_corpus(bundled_root())\n"
        "assert c.occurrences.by_doc\n"
        "print(sorted(m for m in ('textual', 'pypinyin') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "[]"
