"""Colour themes: ``themes/*.yaml`` palettes turned into :class:`textual.theme.Theme` objects.

A palette file gives Textual's base colours (``primary``, ``background``, ...) and a
``variables:`` mapping with the reader's own colours (:data:`READER_VARIABLES`), which
widgets use as ``$term-highlight`` in CSS or read from ``App.theme_variables`` when they
render lines themselves. See ``docs/themes.md`` for the format.

A broken palette never stops the reader: the file is skipped and a
:class:`~nda_reader.problems.Problem` (``path:line:col``) explains why.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from textual.app import App
from textual.color import Color, ColorParseError
from textual.theme import Theme

from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_source import YMap, parse_yaml, read_text

log = logging.getLogger(__name__)

COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
"""Textual's base colours a palette may set (``primary`` is required)."""

REQUIRED_KEYS = ("name", "primary", "foreground", "background")

READER_VARIABLES = (
    "term-highlight",
    "term-current",
    "cursor-passage",
    "match-highlight",
    "selection",
    "link-marker",
    "note-marker",
    *(f"speaker-{n}" for n in range(1, 7)),
    *(f"tone-{n}" for n in range(1, 6)),
    "muted-text",
    "hanzi",
)
"""The reader's own theme variables; every bundled theme defines each of them."""

BACKGROUND_VARIABLES = ("term-current", "cursor-passage", "match-highlight", "selection")
"""Variables used as backgrounds, under text in the ``foreground`` colour."""

VARIABLE_ALIASES = {"marker-link": "link-marker", "marker-note": "note-marker"}
"""Other names under which a variable is also available (alias -> variable)."""

SPEAKER_COLOURS = 6
TONE_COLOURS = 5

_OTHER_KEYS = {"dark", "luminosity_spread", "text_alpha", "variables", "description"}


def _colour(value: Any) -> Color | None:
    if not isinstance(value, str):
        return None
    try:
        return Color.parse(value.strip())
    except ColorParseError:
        return None


def derived_variables(theme: Theme) -> dict[str, str]:
    """Reader variables derived from ``theme``'s base colours (for themes that lack them).

    Used as the fallback for themes that do not define a variable, including Textual's
    built-in themes: an app should return this from ``get_theme_variable_defaults``.
    """
    dark = theme.dark
    background = _colour(theme.background) or Color.parse("#121212" if dark else "#efefef")
    foreground = _colour(theme.foreground) or Color.parse("#e0e0e0" if dark else "#1f1f1f")
    primary = _colour(theme.primary) or Color.parse("#0178d4")

    def base(name: str, fallback: Color) -> Color:
        return _colour(getattr(theme, name)) or fallback

    secondary = base("secondary", primary)
    accent = base("accent", primary)
    warning = base("warning", accent)
    error = base("error", secondary)
    success = base("success", secondary)
    muted = background.blend(foreground, 0.6)
    values: dict[str, Color] = {
        "term-highlight": primary,
        "term-current": background.blend(primary, 0.35),
        "cursor-passage": background.blend(foreground, 0.08),
        "match-highlight": background.blend(warning, 0.45),
        "selection": background.blend(primary, 0.5),
        "link-marker": accent,
        "note-marker": warning,
        "muted-text": muted,
        "hanzi": foreground,
    }
    speakers = (primary, accent, success, secondary, warning, error)
    tones = (error, success, primary, accent, muted)
    values.update({f"speaker-{i}": c for i, c in enumerate(speakers, 1)})
    values.update({f"tone-{i}": c for i, c in enumerate(tones, 1)})
    out = {name: values[name].hex6 for name in READER_VARIABLES}
    out.update({alias: out[target] for alias, target in VARIABLE_ALIASES.items()})
    return out


def theme_variable_defaults(theme: Theme | None = None) -> dict[str, str]:
    """Fallback values of every reader variable (derived from ``theme``, or a dark default).

    Textual fails to parse CSS that names an undefined variable, so the app should return
    ``theme_variable_defaults(self.current_theme)`` from ``get_theme_variable_defaults``.
    """
    return derived_variables(theme or Theme(name="fallback", primary="#0178d4"))


def _read_theme(data: YMap, path: Path, problems: ProblemList) -> Theme | None:
    """Build a theme from a parsed palette; None (with an error recorded) if invalid."""
    errors_before = len(problems.errors)
    for key in REQUIRED_KEYS:
        if key not in data:
            problems.error_at(path, data.where(), f"a theme needs '{key}:'")
    name = data.get("name")
    if "name" in data and (not isinstance(name, str) or not name.strip()):
        problems.error_at(path, data.where("name"), "'name:' must be a non-empty string")
    for key in data:
        if key not in COLOUR_KEYS and key not in _OTHER_KEYS and key != "name":
            problems.warning(
                path,
                *data.key_pos[key],
                f"unknown key {key!r} in a theme, ignored; "
                f"colours are: {', '.join(COLOUR_KEYS)}; reader colours go under 'variables:'",
            )
    colours: dict[str, str] = {}
    for key in COLOUR_KEYS:
        if key not in data:
            continue
        colour = _colour(data[key])
        if colour is None:
            problems.error_at(
                path,
                data.where(key),
                f"{key}: {data[key]!r} is not a colour; write it as #rrggbb or a colour name",
            )
        else:
            colours[key] = colour.hex
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        problems.error_at(path, data.where("dark"), "'dark:' must be true or false")
        dark = True
    numbers: dict[str, float] = {}
    for key in ("luminosity_spread", "text_alpha"):
        if key in data:
            value = data[key]
            if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
                numbers[key] = float(value)
            else:
                problems.error_at(path, data.where(key), f"'{key}:' must be a number from 0 to 1")
    variables = _read_variables(data, path, problems)
    if len(problems.errors) > errors_before or not isinstance(name, str):
        return None
    theme = Theme(name=name.strip(), dark=dark, **colours, **numbers)  # type: ignore[arg-type]
    defaults = derived_variables(theme)
    missing = [v for v in READER_VARIABLES if v not in variables]
    if missing:
        problems.warning_at(
            path,
            data.where("variables"),
            f"theme {theme.name!r} does not set {', '.join(missing)}; "
            "using colours derived from its base colours",
        )
    merged = {**defaults, **variables}
    for alias, target in VARIABLE_ALIASES.items():
        if alias not in variables:
            merged[alias] = merged[target]
    theme.variables = merged
    return theme


def _read_variables(data: YMap, path: Path, problems: ProblemList) -> dict[str, str]:
    raw = data.get("variables", {})
    if not isinstance(raw, dict):
        problems.error_at(path, data.where("variables"), "'variables:' must be a mapping")
        return {}
    where = raw.where if isinstance(raw, YMap) else data.where
    out: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not isinstance(value, str | int | float):
            problems.error_at(path, where(str(key)), f"variable {key!r} needs a text value")
            continue
        text = str(value).strip()
        if key in READER_VARIABLES or key in VARIABLE_ALIASES:
            colour = _colour(text)
            if colour is None:
                problems.error_at(
                    path,
                    where(key),
                    f"{key}: {text!r} is not a colour; write it as #rrggbb or a colour name",
                )
                continue
            text = colour.hex6
        out[key] = text
    return out


def load_theme_file(path: Path, problems: ProblemList | None = None) -> Theme | None:
    """Load one palette file; None if it is invalid (the reasons go to ``problems``)."""
    found = ProblemList() if problems is None else problems
    start = len(found)
    text = read_text(path, found)
    data = parse_yaml(text, path, found, keep=True) if text and text.strip() else None
    theme: Theme | None = None
    if data is None:
        if len(found) == start:
            found.error(path, 1, 1, "theme file is empty; give it a name: and colours")
    elif not isinstance(data, YMap):
        found.error(path, 1, 1, "a theme file must be a mapping of 'name:', colours and variables")
    else:
        theme = _read_theme(data, path, found)
    if problems is None:
        for problem in found[start:]:
            log.warning("%s", problem.format())
    return theme


def start_with_theme(app: App[Any], name: str) -> bool:
    """Give ``app``, not yet running, the theme ``name``. Setting ``app.theme`` makes
    Textual parse and apply its whole stylesheet again once it has started (~5 ms before
    the first paint), for nothing: no style was worked out yet. A theme as dark or as light
    as the one the app has is set without that (its first parse reads the theme's
    colours); for the other kind Textual's own way also changes the ANSI colours' filter.
    True when the theme's variables are the stylesheet's now (set without Textual's way)."""
    theme = app.get_theme(name)
    if theme is None or theme.dark != app.current_theme.dark:
        app.theme = name
        return False
    app.set_reactive(App.theme, name)
    app.add_class(f"-theme-{name}", update=False)  # as Textual's theme watcher does
    # The stylesheet was given the default theme's variables when the app was made.
    app.stylesheet.set_variables(app.get_css_variables())
    return True


def load_themes(folder: Path, problems: ProblemList | None = None) -> list[Theme]:
    """Every valid theme in ``folder/*.yaml`` (sorted by file name); never raises.

    Invalid files are skipped. Their problems (``path:line:col: error: ...``) are appended
    to ``problems`` when given, otherwise logged as warnings. A theme whose name repeats an
    earlier file's is skipped too.
    """
    found = ProblemList() if problems is None else problems
    start = len(found)
    themes: list[Theme] = []
    names: dict[str, Path] = {}
    paths = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []
    for path in paths:
        theme = load_theme_file(path, found)
        if theme is None:
            continue
        if theme.name in names:
            found.error(
                path, 1, 1, f"theme name {theme.name!r} is already used by {names[theme.name].name}"
            )
            continue
        names[theme.name] = path
        themes.append(theme)
    if problems is None:
        for problem in found[start:]:
            log.warning("%s", problem.format())
    return themes


# ------------------------------------------------------------------ contrast
_ROW_TEXT = (
    "block-cursor-foreground",
    "foreground",
    "text",
    "text-muted",
    "primary",
    "accent",
    "muted-text",
    "hanzi",
    "link-marker",
    "note-marker",
    *(f"speaker-{n}" for n in range(1, SPEAKER_COLOURS + 1)),
)
"""Colours of the text on a highlighted row of a list (outline, results, help, browsers,
context list, pickers)."""

HIGHLIGHTS: dict[str, tuple[str, ...]] = {
    "block-cursor-background": _ROW_TEXT,
    "block-cursor-blurred-background": _ROW_TEXT,
    "cursor-passage": (
        "foreground",
        "term-highlight",
        "muted-text",
        "primary",
        "link-marker",
        "note-marker",
        *(f"speaker-{n}" for n in range(1, SPEAKER_COLOURS + 1)),
    ),
    "term-current": ("term-highlight", "foreground"),
    "match-highlight": ("foreground", "term-highlight"),
    "selection": ("foreground", "term-highlight"),
    "input-selection-background": ("foreground",),
}
"""Every highlighted or selected background of the reader, and the text colours drawn on
it. Each pair must have a contrast ratio of at least :data:`MIN_CONTRAST`."""

MIN_CONTRAST = 4.5
"""WCAG 2 level AA for normal text."""


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast_ratio(a: Color, b: Color) -> float:
    """The WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def drawn_colour(value: str, under: Color) -> Color:
    """A theme value as it is drawn over ``under``: Textual's ``auto 87%`` is the text
    colour that contrasts with ``under``, and a colour with alpha is blended onto it."""
    value = value.strip()
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        return under + under.get_contrast_text(alpha)
    colour = Color.parse(value)
    return under + colour if colour.a < 1 else colour


def low_contrast(theme: Theme) -> list[tuple[str, str, float]]:
    """``(background, text colour, ratio)`` of every pair of :data:`HIGHLIGHTS` below
    :data:`MIN_CONTRAST` in ``theme``, on its background and on its surface (dialogs)."""
    values = theme.to_color_system().generate()
    values.update(theme.variables)
    found = []
    for base in ("background", "surface"):
        under = Color.parse(values[base])
        for back, texts in HIGHLIGHTS.items():
            drawn_back = drawn_colour(values[back], under)
            for text in texts:
                ratio = contrast_ratio(drawn_colour(values[text], drawn_back), drawn_back)
                if ratio < MIN_CONTRAST:
                    found.append((back, text, round(ratio, 2)))
    return found
