"""The first screen's parsed styles, kept between runs: the same screen, no parse of its
CSS in the next run, nothing kept for other colours, and no error from a bad file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import textual.css.stylesheet

from nda_reader.ui.screens.reading import ReadingScreen
from nda_reader.ui.style_cache import STYLE_FILE, StyleCache, keep_styles
from tests.helpers.corpora import REPO
from tests.helpers.pilot import make_app, until

MEETING = REPO / "texts" / "national-data-work-meeting-2025.md"


class CountingCache(StyleCache):
    """A style cache that notes how many CSS texts were parsed when the first paint came
    (when the app hands it what to keep)."""

    parsed: list[Any]

    def remember(self, stylesheet: textual.css.stylesheet.Stylesheet) -> None:
        self.parsed_by_first_paint = list(self.parsed)
        super().remember(stylesheet)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Where each CSS text Textual parses came from, in order."""
    seen: list[Any] = []
    real = textual.css.stylesheet.parse

    def counting(scope: str, css: str, read_from: Any, **kwargs: Any) -> Iterator[Any]:
        seen.append(read_from)
        return real(scope, css, read_from, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", counting)
    return seen


async def _run(config: Path, cache: CountingCache, parses: list[Any]) -> str:
    """One session on the 2025 meeting with ``cache`` in use, as the command line has it;
    the screen once the first paint was handed over."""
    cache.parsed = parses
    parses.clear()
    keep_styles(cache)
    try:
        app = make_app(config, MEETING)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: hasattr(cache, "parsed_by_first_paint"))
            assert isinstance(app.screen, ReadingScreen)
            await pilot.pause()
            shown = app.export_screenshot()
    finally:
        keep_styles(None)
    cache.save()
    return shown


def _settings(config: Path, theme: str) -> None:
    """Settings in ``config`` that start the reader with ``theme``."""
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.yaml").write_text(f"theme: {theme}\n", encoding="utf-8")


async def test_the_next_run_parses_none_of_the_first_screens_css(
    tmp_path: Path, parses: list[Any]
) -> None:
    path = tmp_path / "cache" / STYLE_FILE
    first = CountingCache(path)
    shown = await _run(tmp_path / "config", first, parses)
    assert len(first.parsed_by_first_paint) > 10  # Textual's widgets, ours and the app's
    assert path.stat().st_mode & 0o777 == 0o600
    kept = path.read_bytes()
    path.chmod(0o400)  # a write would replace it with a file of mode 0600
    second = CountingCache(path)
    assert await _run(tmp_path / "config", second, parses) == shown  # the same screen
    assert second.parsed_by_first_paint == []
    assert path.stat().st_mode & 0o777 == 0o400 and path.read_bytes() == kept  # not written


async def test_other_colours_are_parsed_with_their_own_variables(
    tmp_path: Path, parses: list[Any]
) -> None:
    path = tmp_path / "cache" / STYLE_FILE
    await _run(tmp_path / "dark", CountingCache(path), parses)  # kept for nda-dark
    _settings(tmp_path / "contrast", "nda-high-contrast")
    contrast = CountingCache(path)
    shown = await _run(tmp_path / "contrast", contrast, parses)
    assert len(contrast.parsed_by_first_paint) > 10
    plain = await _run(tmp_path / "contrast", CountingCache(tmp_path / "none" / STYLE_FILE), parses)
    assert shown == plain  # the high-contrast colours, not nda-dark's kept ones
    again = CountingCache(path)  # both themes are kept now
    assert await _run(tmp_path / "contrast", again, parses) == shown
    assert again.parsed_by_first_paint == []


async def test_a_light_theme_keeps_nothing(tmp_path: Path, parses: list[Any]) -> None:
    """A light theme is set Textual's way, which parses everything again once started."""
    _settings(tmp_path / "config", "nda-light")
    path = tmp_path / "cache" / STYLE_FILE
    cache = CountingCache(path)
    cache.parsed = parses
    keep_styles(cache)
    try:
        app = make_app(tmp_path / "config", MEETING)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ReadingScreen))
            await pilot.pause()
            assert app.theme == "nda-light"
    finally:
        keep_styles(None)
    cache.save()
    assert not path.exists()


@pytest.mark.parametrize("damage", [b"", b"garbage", "half", "other textual"])
async def test_a_bad_file_is_ignored_and_replaced(
    tmp_path: Path, parses: list[Any], damage: bytes | str
) -> None:
    path = tmp_path / "cache" / STYLE_FILE
    shown = await _run(tmp_path / "config", CountingCache(path), parses)
    data = path.read_bytes()
    if damage == "half":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "other textual":
        await _run(tmp_path / "config", CountingCache(path, fingerprint="another"), parses)
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    cache = CountingCache(path)
    assert await _run(tmp_path / "config", cache, parses) == shown
    assert len(cache.parsed_by_first_paint) > 10  # parsed as usual
    fixed = CountingCache(path)
    assert await _run(tmp_path / "config", fixed, parses) == shown
    assert fixed.parsed_by_first_paint == []  # the file was replaced with a good one
