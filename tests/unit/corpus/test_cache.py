"""The cache of loaded corpora: reused only while every input is unchanged, never harmful."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from nda_reader.corpus import cache as corpus_cache
from nda_reader.corpus.cache import cache_file, load_corpus_cached
from tests.helpers.corpora import REPO


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for part in ("texts", "annotations"):
        shutil.copytree(REPO / part, root / part)
    return root


@pytest.fixture
def fresh_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every time the corpus is parsed afresh (a cache miss)."""
    calls: list[Path] = []
    real = corpus_cache.load_corpus

    def counting(root: Path):  # type: ignore[no-untyped-def]
        calls.append(root)
        return real(root)

    monkeypatch.setattr(corpus_cache, "load_corpus", counting)
    return calls


@pytest.fixture
def cached_once(corpus_copy: Path, tmp_path: Path) -> Path:
    """The cache file written by opening ``corpus_copy`` once (its folder is the cache)."""
    cache = tmp_path / "cache"
    load_corpus_cached(corpus_copy, cache)
    return cache_file(corpus_copy, cache)


def test_second_open_is_served_from_the_cache_and_is_the_same_corpus(
    corpus_copy: Path, tmp_path: Path, fresh_loads: list[Path]
) -> None:
    cache = tmp_path / "cache"
    first = load_corpus_cached(corpus_copy, cache)
    second = load_corpus_cached(corpus_copy, cache)
    assert len(fresh_loads) == 1
    assert cache_file(corpus_copy, cache).is_file()
    assert second.documents.keys() == first.documents.keys()
    assert [d.body for d in second.documents.values()] == [d.body for d in first.documents.values()]
    assert second.glossary.get("liu-liehong") == first.glossary.get("liu-liehong")
    meeting = "national-data-work-meeting-2025"
    assert second.occurrences.in_doc(meeting) == first.occurrences.in_doc(meeting)
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    assert len(second.links_in(meeting)) == len(first.links_in(meeting)) > 0


def test_an_edit_is_seen_even_with_the_same_size_and_modification_time(
    corpus_copy: Path, tmp_path: Path, fresh_loads: list[Path]
) -> None:
    cache = tmp_path / "cache"
    load_corpus_cached(corpus_copy, cache)
    glossary = corpus_copy / "annotations" / "glossary.yaml"
    stat = glossary.stat()
    text = glossary.read_text(encoding="utf-8")
    edited = text.replace("english: Liu Liehong", "english: Lui Liehong", 1)
    assert edited != text and len(edited) == len(text)
    glossary.write_text(edited, encoding="utf-8")
    os.utime(glossary, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = load_corpus_cached(corpus_copy, cache)
    assert len(fresh_loads) == 2
    entry = again.glossary.get("liu-liehong")
    assert entry is not None and entry.english == "Lui Liehong"


def test_an_added_text_is_seen(corpus_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_corpus_cached(corpus_copy, cache)
    (corpus_copy / "texts" / "extra.md").write_text(
        "---\nid: extra\ntitle: Extra\ndate: 2026-01-01\nkind: report\nlanguage: en\n---\n"
        "\nA new text.\n",
        encoding="utf-8",
    )
    assert "extra" in load_corpus_cached(corpus_copy, cache).documents


def test_a_corrupt_cache_is_ignored_and_rewritten(
    corpus_copy: Path, fresh_loads: list[Path], cached_once: Path
) -> None:
    path, cache = cached_once, cached_once.parent
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # truncated, same header and key
    corpus = load_corpus_cached(corpus_copy, cache)
    assert len(fresh_loads) == 2
    assert "national-data-work-meeting-2025" in corpus.documents
    assert path.read_bytes() != data[: len(data) // 2]
    load_corpus_cached(corpus_copy, cache)
    assert len(fresh_loads) == 2  # the rewritten cache is good again


def test_a_cache_folder_that_cannot_be_written_is_not_an_error(
    corpus_copy: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    corpus = load_corpus_cached(corpus_copy, blocker / "cache")
    assert "national-data-work-meeting-2025" in corpus.documents
    assert blocker.read_text(encoding="utf-8") == "x"


def test_problems_of_a_broken_corpus_come_back_from_the_cache(
    corpus_copy: Path, tmp_path: Path, fresh_loads: list[Path]
) -> None:
    cache = tmp_path / "cache"
    notes = corpus_copy / "annotations" / "notes.yaml"
    notes.write_text("layer: notes\nnotes: [\n", encoding="utf-8")
    first = [str(p) for p in load_corpus_cached(corpus_copy, cache).problems]
    second = [str(p) for p in load_corpus_cached(corpus_copy, cache).problems]
    assert len(fresh_loads) == 1
    assert any("notes.yaml" in p for p in first)
    assert second == first


def test_a_changed_module_of_the_package_invalidates_the_cache(
    corpus_copy: Path, tmp_path: Path, fresh_loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_corpus_cached(corpus_copy, cache)
    real = corpus_cache._code_fingerprint
    monkeypatch.setattr(corpus_cache, "_code_fingerprint", lambda: real() + b"changed")
    load_corpus_cached(corpus_copy, cache)
    assert len(fresh_loads) == 2


def test_a_cached_corpus_recompiles_its_matcher_after_a_glossary_change(
    corpus_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    load_corpus_cached(corpus_copy, cache)
    cached = load_corpus_cached(corpus_copy, cache)
    assert "matcher" not in cached.__dict__  # not stored: recompiling it is what we avoid
    before = len(cached.occurrences.in_doc("national-data-work-meeting-2025"))
    cached.refresh_terms()
    assert len(cached.occurrences.in_doc("national-data-work-meeting-2025")) == before


class _FakeApp:
    return_code = 0

    def run(self) -> None:
        pass


@pytest.mark.parametrize("flag", [[], ["--no-cache"]])
def test_the_command_line_caches_in_the_users_cache_folder_unless_told_not_to(
    flag: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nda_reader.cli import main as cli_main
    from nda_reader.ui import factory

    given: list[Path | None] = []

    def fake_create_app(path: Path | None, *, cache_dir: Path | None = None) -> _FakeApp:
        given.append(cache_dir)
        return _FakeApp()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setattr(factory, "create_app", fake_create_app)
    assert cli_main([*flag]) == 0
    assert given == [None if flag else tmp_path / "xdg-cache" / "nda-reader"]


def test_caches_of_corpora_not_opened_for_a_month_are_pruned(
    corpus_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / "corpus-0123456789abcdef0123.pickle"
    recent = cache / "corpus-fedcba9876543210fedc.pickle"
    other = cache / "notes.txt"
    for path in (stale, recent, other):
        path.write_bytes(b"x")
    old = time.time() - 40 * 86400
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    load_corpus_cached(corpus_copy, cache)  # a miss: writes its own cache, then prunes
    assert not stale.exists()
    assert recent.exists() and other.exists()
    assert cache_file(corpus_copy, cache).exists()


def test_opening_a_corpus_renews_its_cache(corpus_copy: Path, cached_once: Path) -> None:
    path, cache = cached_once, cached_once.parent
    old = time.time() - 40 * 86400
    os.utime(path, (old, old))
    load_corpus_cached(corpus_copy, cache)
    assert path.stat().st_mtime > old + 86400


def test_a_cache_others_could_have_written_is_never_loaded(
    corpus_copy: Path, fresh_loads: list[Path], cached_once: Path
) -> None:
    path, cache = cached_once, cached_once.parent
    path.chmod(0o666)
    load_corpus_cached(corpus_copy, cache)
    assert len(fresh_loads) == 2  # not trusted: loaded afresh (and rewritten, private)
    assert path.stat().st_mode & 0o777 == 0o600
    load_corpus_cached(corpus_copy, cache)
    assert len(fresh_loads) == 2
