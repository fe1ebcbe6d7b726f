"""Bundled palettes load into Textual themes; broken palettes are reported, not raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.theme import Theme
from textual.widgets import Static

from nda_reader.formats.problems import ProblemList
from nda_reader.ui.theming import (
    BACKGROUND_VARIABLES,
    COLOUR_KEYS,
    MIN_CONTRAST,
    READER_VARIABLES,
    contrast_ratio,
    load_theme_file,
    load_themes,
    low_contrast,
    theme_variable_defaults,
)
from tests.helpers.corpora import REPO

THEMES = REPO / "themes"
BUNDLED = ("nda-dark", "nda-light", "nda-high-contrast")


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    return contrast_ratio(Color.parse(a), Color.parse(b))


@pytest.fixture(scope="module")
def bundled() -> dict[str, Theme]:
    problems = ProblemList()
    themes = load_themes(THEMES, problems)
    assert [p.format() for p in problems] == []
    return {t.name: t for t in themes}


def test_bundled_names(bundled: dict[str, Theme]) -> None:
    assert set(bundled) == set(BUNDLED)
    assert bundled["nda-light"].dark is False
    assert bundled["nda-dark"].dark is True


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_defines_everything(bundled: dict[str, Theme], name: str) -> None:
    theme = bundled[name]
    for key in COLOUR_KEYS:
        if key != "boost":
            assert getattr(theme, key), f"{name} lacks {key}"
    for variable in READER_VARIABLES:
        assert variable in theme.variables, f"{name} lacks {variable}"
        Color.parse(theme.variables[variable])
    assert theme.variables["marker-link"] == theme.variables["link-marker"]
    assert theme.variables["marker-note"] == theme.variables["note-marker"]


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_files_set_every_variable_themselves(name: str) -> None:
    file = {"nda-dark": "dark", "nda-light": "light", "nda-high-contrast": "high-contrast"}[name]
    problems = ProblemList()
    load_theme_file(THEMES / f"{file}.yaml", problems)
    assert problems == [], "a bundled theme must not rely on derived colours"


@pytest.mark.parametrize("name", BUNDLED)
def test_text_colours_are_readable(bundled: dict[str, Theme], name: str) -> None:
    theme = bundled[name]
    assert theme.background and theme.foreground
    minimum = 7.0 if name == "nda-high-contrast" else 4.5
    assert contrast(theme.foreground, theme.background) >= minimum
    for variable in READER_VARIABLES:
        value = theme.variables[variable]
        if variable in BACKGROUND_VARIABLES:
            assert contrast(theme.foreground, value) >= minimum, variable
            assert value != theme.background, variable
        else:
            assert contrast(value, theme.background) >= minimum, variable


@pytest.mark.parametrize("path", sorted(THEMES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_highlighted_or_selected_style_is_readable(path: Path) -> None:
    # Computed from the theme file: each highlighted row, the cursor's passage, the
    # current term, search matches and selections, under every text colour drawn on them.
    theme = load_theme_file(path)
    assert theme is not None
    assert low_contrast(theme) == []


def test_the_contrast_check_finds_a_row_in_its_own_colour() -> None:
    # The outline's headings are in the primary colour: a highlight in that colour made
    # them invisible (the dark theme's #5fa8d3 on #5fa8d3 before).
    theme = load_theme_file(THEMES / "dark.yaml")
    assert theme is not None
    theme.variables["block-cursor-background"] = str(theme.primary)
    found = low_contrast(theme)
    assert ("block-cursor-background", "primary", 1.0) in found
    assert all(ratio < MIN_CONTRAST for _, _, ratio in found)


def test_high_contrast_is_black_and_white(bundled: dict[str, Theme]) -> None:
    theme = bundled["nda-high-contrast"]
    assert theme.background == "#000000"
    assert contrast(str(theme.foreground), "#000000") == pytest.approx(21.0)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_files_are_skipped_and_reported(tmp_path: Path) -> None:
    good = (THEMES / "dark.yaml").read_text(encoding="utf-8")
    _write(tmp_path, "a-good.yaml", good.replace("name: nda-dark", "name: mine"))
    _write(tmp_path, "b-syntax.yaml", "name: x\nprimary: [unclosed\n")
    _write(tmp_path, "c-colour.yaml", good.replace('primary: "#5fa8d3"', "primary: notacolour"))
    _write(tmp_path, "d-list.yaml", "- just\n- a list\n")
    _write(tmp_path, "e-empty.yaml", "")
    _write(tmp_path, "f-variable.yaml", good.replace('tone-3: "#74aefc"', 'tone-3: "#zz"'))
    _write(tmp_path, "g-duplicate.yaml", good.replace("name: nda-dark", "name: mine"))
    _write(tmp_path, "h-noname.yaml", good.replace("name: nda-dark\n", ""))
    problems = ProblemList()
    themes = load_themes(tmp_path, problems)
    assert [t.name for t in themes] == ["mine"]
    text = "\n".join(p.format(tmp_path) for p in problems)
    assert "b-syntax.yaml:" in text
    assert "c-colour.yaml:4:10: error: primary: 'notacolour' is not a colour" in text
    assert "d-list.yaml:1:1: error: a theme file must be a mapping" in text
    assert "e-empty.yaml:1:1: error: theme file is empty" in text
    assert "f-variable.yaml:" in text and "tone-3: '#zz' is not a colour" in text
    assert "g-duplicate.yaml:1:1: error: theme name 'mine' is already used by a-good.yaml" in text
    assert "h-noname.yaml:" in text and "a theme needs 'name:'" in text
    assert all(p.is_error for p in problems)


def test_without_problem_list_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _write(tmp_path, "bad.yaml", "name: x\nprimary: 3\nforeground: '#fff'\nbackground: '#000'\n")
    assert load_themes(tmp_path) == []
    assert "bad.yaml:2:10: error: primary: 3 is not a colour" in caplog.text


def test_missing_variables_are_derived_with_warning(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "min.yaml",
        "name: minimal\nprimary: '#3366ff'\nforeground: '#eeeeee'\nbackground: '#101010'\n",
    )
    problems = ProblemList()
    theme = load_theme_file(path, problems)
    assert theme is not None
    assert set(READER_VARIABLES) <= set(theme.variables)
    assert theme.variables["term-highlight"] == "#3366FF"
    assert len(problems) == 1 and not problems[0].is_error
    assert "does not set term-highlight" in problems[0].message


def test_missing_folder_gives_no_themes(tmp_path: Path) -> None:
    problems = ProblemList()
    assert load_themes(tmp_path / "none", problems) == []
    assert problems == []


def test_defaults_cover_builtin_themes() -> None:
    defaults = theme_variable_defaults()
    assert set(READER_VARIABLES) <= set(defaults)
    for value in defaults.values():
        Color.parse(value)


class _ThemedApp(App[None]):
    CSS = """
    #probe { color: $term-highlight; background: $cursor-passage; }
    #tone { color: $tone-5; background: $match-highlight; }
    """

    def __init__(self, themes: list[Theme]) -> None:
        super().__init__()
        self._themes = themes

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return theme_variable_defaults(self.current_theme)

    def compose(self) -> ComposeResult:
        yield Static("x", id="probe")
        yield Static("y", id="tone")

    def on_mount(self) -> None:
        for theme in self._themes:
            self.register_theme(theme)


async def test_themes_drive_css_variables(bundled: dict[str, Theme]) -> None:
    app = _ThemedApp(list(bundled.values()))
    async with app.run_test() as pilot:
        for name in BUNDLED:
            app.theme = name
            await pilot.pause()
            probe = app.query_one("#probe")
            expected = Color.parse(bundled[name].variables["term-highlight"])
            assert probe.styles.color == expected
        app.theme = "textual-dark"
        await pilot.pause()
        assert app.query_one("#probe").styles.color is not None
