"""Dataclass methods compiled once for all runs: same classes, less compiling, no errors."""

from __future__ import annotations

import atexit
import marshal
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from nda_reader.cli.code_cache import MAX_ENTRIES, CodeCache, cache_file, keep_dataclass_code
from tests.helpers.corpora import REPO


@pytest.fixture
def fresh_dataclasses() -> Iterator[types.ModuleType]:
    """A private copy of the ``dataclasses`` module, so the real one is never changed."""
    saved = sys.modules.pop("dataclasses")
    try:
        import dataclasses as copy

        yield copy
    finally:
        sys.modules["dataclasses"] = saved


def _make_classes(module: types.ModuleType) -> list[type]:
    """Three dataclasses of the shapes the code uses: frozen with defaults and a factory,
    slotted and ordered, and a plain mutable one."""

    @module.dataclass(frozen=True)
    class Entry:
        term: str
        renderings: tuple[str, ...] = ()
        roles: list[str] = module.field(default_factory=list, compare=False)

    @module.dataclass(frozen=True, slots=True, order=True)
    class Span:
        start: int
        end: int

    @module.dataclass
    class Note:
        text: str
        tags: list[str] = module.field(default_factory=list)

    return [Entry, Span, Note]


def _keep(folder: Path, module: types.ModuleType) -> CodeCache:
    cache = keep_dataclass_code(folder, module)
    assert cache is not None
    atexit.unregister(cache.save)
    return cache


def test_classes_made_through_the_cache_behave_as_plain_dataclasses(
    tmp_path: Path, fresh_dataclasses: types.ModuleType
) -> None:
    dc = fresh_dataclasses
    Entry, Span, Note = _make_classes(dc)  # made without the cache first
    _keep(tmp_path, dc)
    for _ in range(2):  # compiled, then taken from the cache
        CEntry, CSpan, CNote = _make_classes(dc)
        for plain, cached in ((Entry, CEntry), (Span, CSpan), (Note, CNote)):
            assert (
                [(f.name, f.compare) for f in dc.fields(cached)]
                == [(f.name, f.compare) for f in dc.fields(plain)]
                != []
            )
        a, b = CEntry("NDA", ("National Data Administration",)), CEntry("NDA", ("x",))
        assert repr(a) == repr(Entry("NDA", ("National Data Administration",)))
        assert a == CEntry("NDA", ("National Data Administration",), ["ignored"]) and a != b
        assert hash(a) == hash(CEntry("NDA", ("National Data Administration",)))
        with pytest.raises(dc.FrozenInstanceError):
            a.term = "other"  # type: ignore[misc]
        assert sorted([CSpan(3, 4), CSpan(1, 9)]) == [CSpan(1, 9), CSpan(3, 4)]
        with pytest.raises(TypeError):
            CSpan(1)  # type: ignore[call-arg]
        n, m = CNote("a"), CNote("b")
        n.tags.append("x")
        assert m.tags == [] and dc.replace(n, text="c") == CNote("c", ["x"])


def test_a_second_run_compiles_nothing_and_a_changed_class_only_itself(
    tmp_path: Path, fresh_dataclasses: types.ModuleType
) -> None:
    first = _keep(tmp_path, fresh_dataclasses)
    _make_classes(fresh_dataclasses)
    assert first.compiled > 0
    first.save()
    assert cache_file(tmp_path).stat().st_mode & 0o777 == 0o600  # code is run from it

    second = CodeCache(cache_file(tmp_path))  # as the next process reads it
    fresh_dataclasses.exec = second.exec
    _make_classes(fresh_dataclasses)
    assert second.compiled == 0

    @fresh_dataclasses.dataclass(frozen=True)
    class Changed:
        term: str
        pinyin: str = ""

    assert second.compiled > 0 and Changed("数据").pinyin == ""


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal at all \x00\xff", b"\xe9" * 3, None],
    ids=["empty", "garbage", "truncated", "a folder"],
)
def test_an_unreadable_cache_is_ignored_and_replaced(
    tmp_path: Path, fresh_dataclasses: types.ModuleType, content: bytes | None
) -> None:
    path = cache_file(tmp_path)
    if content is None:
        path.mkdir(parents=True)  # cannot be read, nor replaced: no error either way
    else:
        path.write_bytes(content)
    cache = _keep(tmp_path, fresh_dataclasses)
    assert cache.codes == {}
    _make_classes(fresh_dataclasses)
    cache.save()
    if content is not None:
        assert CodeCache(path).codes.keys() == cache.codes.keys()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no partial file left


def test_the_file_is_read_only_when_a_class_is_made(
    tmp_path: Path, fresh_dataclasses: types.ModuleType
) -> None:
    full = _keep(tmp_path / "full", fresh_dataclasses)
    _make_classes(fresh_dataclasses)
    full.save()
    del fresh_dataclasses.exec

    later = tmp_path / "later"
    later.mkdir()
    CodeCache(cache_file(later)).file.write({})
    cache = _keep(later, fresh_dataclasses)
    # Filled after the start: a command that makes no dataclass never reads the file.
    cache_file(later).write_bytes(cache_file(tmp_path / "full").read_bytes())
    _make_classes(fresh_dataclasses)
    assert cache.compiled == 0


def test_a_folder_that_cannot_be_written_is_no_error(
    tmp_path: Path, fresh_dataclasses: types.ModuleType
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    cache = _keep(blocked / "nda-reader", fresh_dataclasses)
    _make_classes(fresh_dataclasses)
    cache.save()  # mkdir fails under a file: skipped
    assert blocked.read_text(encoding="utf-8") == "x"


def test_a_full_cache_starts_again(tmp_path: Path, fresh_dataclasses: types.ModuleType) -> None:
    cache = _keep(tmp_path, fresh_dataclasses)
    empty = marshal.dumps(compile("", "<string>", "exec"))
    cache.codes.update((f"{i:032x}", empty) for i in range(MAX_ENTRIES))
    _make_classes(fresh_dataclasses)
    cache.save()
    assert CodeCache(cache_file(tmp_path)).codes == {}


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="the cache is kept up to 3.12 only")
def test_the_command_line_keeps_the_code_and_the_next_run_uses_it(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    counting = (
        "import runpy, sys\n"
        "sys.argv = ['nda-reader', 'check', '.']\n"
        "try:\n"
        "    runpy.run_module('nda_reader', run_name='__main__')\n"
        "finally:\n"
        "    import dataclasses\n"
        "    print('compiled', dataclasses.exec.__self__.compiled, file=sys.stderr)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", counting], cwd=REPO, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    folder = tmp_path / "nda-reader"
    assert cache_file(folder).is_file()
    first, second = (int(r.stderr.split("compiled")[-1]) for r in runs)
    assert first > 50 and second == 0


def test_a_damaged_entry_is_compiled_again(
    tmp_path: Path, fresh_dataclasses: types.ModuleType
) -> None:
    first = _keep(tmp_path, fresh_dataclasses)
    _make_classes(fresh_dataclasses)
    first.save()
    codes = CodeCache(cache_file(tmp_path)).codes
    damaged = {k: (b"\xff" if i % 2 else marshal.dumps(42)) for i, k in enumerate(codes)}
    CodeCache(cache_file(tmp_path)).file.write(damaged)
    second = CodeCache(cache_file(tmp_path))
    fresh_dataclasses.exec = second.exec
    Entry, Span, Note = _make_classes(fresh_dataclasses)
    assert second.compiled == len(codes)  # every one of them, and the classes work
    assert Span(1, 2) < Span(2, 0) and Note("a") == Note("a") and Entry("x").renderings == ()
