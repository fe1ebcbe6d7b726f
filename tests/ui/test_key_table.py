"""One key table: the bindings, the palette, the help screen and the docs all come from it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.binding import Binding
from textual.command import CommandPalette
from textual.widgets import OptionList

import nda_reader.ui
from nda_reader.ui.key_table import ACTIONS
from nda_reader.ui.keys import Scope, by_id, keys_text
from nda_reader.ui.keys_doc import BEGIN, END, keys_markdown
from nda_reader.ui.screens.help import HelpScreen
from tests.helpers.corpora import REPO, MakeCorpus
from tests.helpers.pilot import make_app, open_from_library
from tests.helpers.small_corpus import TRANSCRIPT, small_corpus


def _ui_classes() -> list[type]:
    """Every class defined in nda_reader.ui and its subpackages."""
    found: list[type] = []
    for info in pkgutil.walk_packages(nda_reader.ui.__path__, "nda_reader.ui."):
        module = importlib.import_module(info.name)
        found += [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if cls.__module__ == module.__name__
        ]
    return found


def test_ids_are_unique_and_every_action_has_keys_a_title_and_help() -> None:
    ids = [a.id for a in ACTIONS]
    assert len(ids) == len(set(ids))
    for action in ACTIONS:
        assert re.fullmatch(r"[a-z]+\.[a-z_]+", action.id), action.id
        assert action.numbered or action.key_list, action.id
        assert action.title and action.help, action.id


def test_every_binding_of_every_screen_and_widget_is_from_the_table() -> None:
    table = by_id()
    seen: set[str] = set()
    classes = [c for c in _ui_classes() if "BINDINGS" in vars(c)]
    assert len(classes) >= 12
    for cls in classes:
        for binding in vars(cls)["BINDINGS"]:
            assert isinstance(binding, Binding), f"{cls.__name__}: {binding!r} is not a Binding"
            assert binding.id is not None, f"{cls.__name__}: {binding.key} has no id"
            ident = binding.id if binding.id in table else binding.id.rsplit(".", 1)[0]
            action = table.get(ident)
            assert action is not None, f"{cls.__name__}: {binding.id} is not in the table"
            if action.numbered:
                assert binding.key in "123456789"
            else:
                assert binding.key == action.keys, binding.id
            seen.add(ident)
    assert seen == set(table), f"actions bound nowhere: {sorted(set(table) - seen)}"


async def test_the_help_screen_lists_exactly_the_tables_keys_for_the_reading_screen(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    app = make_app(tmp_path / "config", small_corpus(make_corpus))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, TRANSCRIPT)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.query_one(OptionList)
        shown = [
            " ".join(str(rows.get_option_at_index(i).prompt).split())
            for i in range(rows.option_count)
            if not rows.get_option_at_index(i).disabled
        ]
    scopes = (Scope.READING, Scope.VIEW, Scope.SELECTING, Scope.CONTEXT, Scope.LIST, Scope.APP)
    expected = [
        " ".join(f"{keys_text(a)} {a.title} {a.help}".split()) for a in ACTIONS if a.scope in scopes
    ]
    assert sorted(shown) == sorted(expected)


async def test_the_palette_offers_only_table_actions_with_their_keys(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    app = make_app(tmp_path / "config", small_corpus(make_corpus))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_library(pilot, TRANSCRIPT)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(OptionList)
        for _ in range(20):  # the palette fills its list asynchronously
            if options.option_count > 30:
                break
            await pilot.pause(0.05)
        labels = {
            str(options.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(options.option_count)
        }
    offered = {
        f"{a.title}  ({keys_text(a)})"
        for a in ACTIONS
        if a.palette
        and a.scope in (Scope.READING, Scope.VIEW, Scope.SELECTING, Scope.CONTEXT, Scope.APP)
    }
    ours = {label for label in labels if label in offered}
    textual_own = labels - ours  # Textual adds its own commands (theme, screenshot, ...)
    assert ours == offered
    assert all("  (" not in label for label in textual_own), textual_own
    assert "Export  (e)" in ours


def test_docs_reader_keys_is_the_table() -> None:
    text = (REPO / "docs" / "reader-keys.md").read_text(encoding="utf-8")
    generated = text[text.index(BEGIN) + len(BEGIN) : text.index(END)]
    assert generated.strip() == keys_markdown().strip(), (
        "docs/reader-keys.md is out of date: python -m nda_reader.ui.keys_doc docs/reader-keys.md"
    )
    ids = set(re.findall(r"`([a-z]+\.[a-z_]+)`", text))
    assert ids <= set(by_id()) | {"keymap.yaml", "settings.yaml"}, ids - set(by_id())
