"""The reader's start reads its small YAML files without PyYAML once they were parsed
in an earlier run (see nda_reader.formats.yaml_memo)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.corpora import REPO


def test_the_first_screens_files_are_read_again_without_pyyaml(tmp_path: Path) -> None:
    """Themes, settings, places and a keymap read at start, in a second run, with no
    PyYAML imported: what makes the first paint ~15 ms sooner."""
    config = tmp_path / "config"
    config.mkdir()
    (config / "keymap.yaml").write_text("bindings:\n  next_term: n\n", encoding="utf-8")
    script = f"""
import sys
from pathlib import Path
from nda_reader.formats.yaml_memo import YamlMemo
from nda_reader.formats.yaml_source import use_memo
memo = YamlMemo(Path({str(tmp_path / "memo.pickle")!r}))
use_memo(memo)
from nda_reader.ui.keymap import load_keymap
from nda_reader.ui.places import PlaceBook
from nda_reader.ui.settings import Settings, load_settings, save_settings
from nda_reader.ui.theming import load_themes
from nda_reader.reading.places import Place
config = Path({str(config)!r})
if sys.argv[1] == "first":
    save_settings(Settings(theme="nda-light"), config)
    book = PlaceBook.load(config)
    book.leave("/corpus", "doc", Place("doc", 12, "From 29"))
    assert book.save() is None
themes = load_themes(Path({str(REPO / "themes")!r}))
settings = load_settings(config)
book = PlaceBook.load(config)
from nda_reader.formats.problems import ProblemList
keymap = load_keymap(config, ProblemList())
names = sorted(t.name for t in themes)
print(names, settings.theme, book.left_at("/corpus", "doc"), keymap, "yaml" in sys.modules)
memo.save()
"""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, which],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.split("\n")[0]
        for which in ("first", "second")
    ]
    assert runs[0].endswith("True")
    assert runs[1] == runs[0].removesuffix("True") + "False"
    assert "nda-light" in runs[1] and "offset=12" in runs[1]
