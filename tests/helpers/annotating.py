"""Helpers for the annotation Pilot tests: a corpus copy, selecting text by keys, YAML text."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from nda_reader.corpus.anchors import Anchor, make_anchor
from nda_reader.corpus.model import Corpus
from nda_reader.ui.app import ReaderApp
from nda_reader.ui.factory import create_app
from tests.helpers.corpora import copy_bundled_corpus
from tests.helpers.pilot import workers_done

MEETING = "national-data-work-meeting-2025"
BRIEFING = "scio-nda-briefing-2024-p1"
CONFERENCE = "nda-work-conference-2024"


copy_corpus = copy_bundled_corpus


def app_for(root: Path, tmp_path: Path) -> ReaderApp:
    """The reader on ``root``, built as the command line builds it."""
    return create_app(root, config_dir=tmp_path / "config")


def app_on(root: Path, doc_id: str, tmp_path: Path) -> ReaderApp:
    """The reader opened on document ``doc_id`` of ``root`` (as ``nda-reader PATH`` opens a
    text), exporting into ``tmp_path/export``."""
    return create_app(
        root / "texts" / f"{doc_id}.md",
        config_dir=tmp_path / "config",
        export_dir=tmp_path / "export",
    )


async def cursor_on(pilot: Pilot[None], text: str, nth: int = 0) -> None:
    """Put the main view's cursor on the ``nth`` occurrence of ``text`` in its document
    (directly: the test is not about moving)."""
    from nda_reader.ui.screens.reading import ReadingScreen

    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    view = screen.main
    doc_id, _ = view.position()
    body = screen.reader.corpus.documents[doc_id].body
    at = -1
    for _ in range(nth + 1):
        at = body.index(text, at + 1)
    view.go_to(doc_id, at)
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Enter ``text`` at the cursor of the focused input or text area, as typing it would
    (one change event, not one key press per character: the tests are not about typing)."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.insert(text)
    else:
        assert isinstance(focused, Input), f"no input has focus, {focused!r} has"
        focused.insert_text_at_cursor(text)
    await pilot.pause()
    await workers_done(pilot.app)  # e.g. the pinyin drafted from typed hanzi
    await pilot.pause()


async def select(pilot: Pilot[None], text: str) -> None:
    """Find ``text`` with / and select exactly it with v."""
    await pilot.press("slash")
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("v")
    await pilot.pause()


async def annotate_by_keys(pilot: Pilot[None], quote: str, key: str, text: str) -> None:
    """Select ``quote``, press ``key`` (G alias, m note…), type ``text`` and press enter."""
    await select(pilot, quote)
    await pilot.press(key)
    await pilot.pause()
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def highlight_row(pilot: Pilot[None], kind: str, ident: str | None = None) -> None:
    """Focus the context list and move to the row of annotation ``kind`` (and ``ident``)."""
    from nda_reader.ui.screens.reading import ReadingScreen

    screen = pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    screen.sync_context()
    await pilot.press("tab")
    pane = screen.context
    for _ in range(60):
        item = pane.highlighted_item()
        if item is not None and item.kind == kind and ident in (None, item.id):
            return
        await pilot.press("down")
    raise AssertionError(f"no {kind} {ident} row in the context list: {pane.items}")


def yaml_str(value: str) -> str:
    """``value`` as a YAML scalar the way the writer renders it (line breaks as ``\\n``)."""
    style = '"' if "\n" in value else None
    dumped = yaml.safe_dump(value, allow_unicode=True, width=96, default_style=style)
    return dumped.removesuffix("\n...\n").strip()


def anchor_of(corpus: Corpus, doc: str, quote: str) -> Anchor:
    """The anchor the reader makes for the first ``quote`` in ``doc``."""
    body = corpus.documents[doc].body
    start = body.index(quote)
    return make_anchor(doc, body, start, start + len(quote))


def anchor_lines(anchor: Anchor, indent: int, *, with_doc: bool = True) -> str:
    """The anchor's lines as written in a layer file at ``indent`` spaces."""
    pad = " " * indent
    out = f"{pad}doc: {anchor.doc}\n" if with_doc else ""
    out += f"{pad}exact: {yaml_str(anchor.exact)}\n"
    if anchor.prefix:
        out += f"{pad}prefix: {yaml_str(anchor.prefix)}\n"
    if anchor.suffix:
        out += f"{pad}suffix: {yaml_str(anchor.suffix)}\n"
    return out + f"{pad}pos: {anchor.pos}\n"


def messages(app: ReaderApp) -> list[str]:
    """Every message shown so far: the notifications still up, then every outcome of an
    annotation change (the message line's)."""
    return [n.message for n in app._notifications] + app.outcomes.said


def read(path: Path) -> str:
    """A file's text."""
    return path.read_text(encoding="utf-8")
