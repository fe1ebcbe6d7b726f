"""The floor for any Textual program here: an app that shows one line of text and nothing else.

    python benchmarks/bare_textual.py "text to show"
    python benchmarks/bare_textual.py --load CORPUS "text to show"

``run.py`` times it to its first paint beside nda-reader, to separate what Textual's own
start-up costs from what nda-reader adds. With ``--load`` it first reads every file of the
corpus and loads its YAML with PyYAML's C loader (front matter of each text, every layer
file): the least any reader of these files does before it shows them, the reference for
a first launch without an index.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static


class OneLine(App[None]):
    """Show one line of text."""

    def __init__(self, line: str) -> None:
        super().__init__()
        self.line = line

    def compose(self) -> ComposeResult:
        """The line, as a Static."""
        yield Static(self.line, markup=False)


def load_every_file(root: Path) -> int:
    """Read every text and layer file of ``root`` and YAML-load it (C loader): texts'
    front matter, whole layer files. Returns how many files."""
    import yaml

    count = 0
    for path in sorted((root / "annotations").rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        count += 1
    for path in sorted((root / "texts").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        head, _, _ = text[4:].partition("\n---\n")
        yaml.load(head, Loader=yaml.CSafeLoader)
        count += 1
    return count


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--load"]:
        load_every_file(Path(args[1]))
        args = args[2:]
    OneLine(" ".join(args)).run()
