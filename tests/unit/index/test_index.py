"""The corpus index: the same corpus as a load from the files, kept up to date file by
file, and never harmful (rebuilt when damaged or foreign, skipped when it cannot be kept)."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.sources import corpus_files
from nda_reader.index import store
from nda_reader.index.files import Known, Stamp, digest, find_changes
from nda_reader.index.lazy import StoredDocument
from nda_reader.index.open import CorpusIndex, open_corpus
from nda_reader.index.store import index_path
from tests.helpers.corpora import copy_bundled_corpus, text_file
from tests.helpers.index import corpus_summary, count_reads

MEETING = "national-data-work-meeting-2025"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_bundled_corpus(tmp_path).absolute()


def _open(root: Path, cache: Path, *, complete: bool = True) -> tuple[object, CorpusIndex]:
    corpus, index = open_corpus(root, cache)
    assert index is not None
    if complete:
        assert index.complete()
    return corpus, index


def test_a_corpus_from_its_index_is_the_corpus_of_its_files(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    want = corpus_summary(load_corpus(root))
    first, index = open_corpus(root, cache)
    assert index is not None
    assert first.occurrences.complete is False  # the concordances wait for the index
    assert {**corpus_summary(first), "concordance": None} == {**want, "concordance": None}
    index.complete()
    again, _ = open_corpus(root, cache)
    assert isinstance(again.documents[MEETING], StoredDocument)
    assert not again.documents[MEETING].loaded  # read when used, not before
    assert corpus_summary(again) == want


def test_a_second_open_reads_no_file(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(root, tmp_path / "cache")
    reads = count_reads(monkeypatch)
    corpus, _ = open_corpus(root, tmp_path / "cache")
    assert reads == [] and MEETING in corpus.documents


def test_an_edit_with_the_same_size_and_modification_time_is_seen(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _open(root, cache)
    glossary = root / "annotations" / "glossary.yaml"
    stat = glossary.stat()
    text = glossary.read_text(encoding="utf-8")
    edited = text.replace("english: Liu Liehong", "english: Lui Liehong", 1)
    assert edited != text and len(edited) == len(text)
    glossary.write_text(edited, encoding="utf-8")
    os.utime(glossary, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    reads = count_reads(monkeypatch)
    again, index = open_corpus(root, cache)
    assert reads == [glossary]  # that file only
    assert index is not None and index.complete()
    entry = again.glossary.get("liu-liehong")
    assert entry is not None and entry.english == "Lui Liehong"
    assert corpus_summary(again) == corpus_summary(load_corpus(root))


def test_a_file_indexed_right_after_it_was_written_is_checked_by_its_content(
    tmp_path: Path,
) -> None:
    path = tmp_path / "texts" / "a.md"
    path.parent.mkdir()
    path.write_text("one", encoding="utf-8")
    stamp = Stamp.of(path)
    assert stamp is not None
    fresh = Known(stamp, digest(b"two"), checked=stamp.mtime)  # read in the same tick
    old = Known(stamp, digest(b"two"), checked=stamp.mtime + 10**10)  # read long after
    assert find_changes(tmp_path, {"texts/a.md": fresh}).changed == {"texts/a.md"}
    assert find_changes(tmp_path, {"texts/a.md": old}).changed == set()  # the stamp is trusted


def test_texts_added_edited_and_removed_outside_the_reader_are_seen(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _open(root, cache)
    extra = root / "texts" / "extra.md"
    extra.write_text(text_file("extra", "A new text about the National Data Administration.\n"))
    meeting = root / "texts" / f"{MEETING}.md"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace("From 29 to 30", "From 28 to 30")
    )
    (root / "texts" / "nda-work-conference-2024.md").unlink()
    reads = count_reads(monkeypatch)
    corpus, index = _open(root, cache)
    assert sorted(reads) == sorted([extra, meeting])
    assert "extra" in corpus.documents and "nda-work-conference-2024" not in corpus.documents
    assert "From 28 to 30" in corpus.documents[MEETING].body
    assert index.documents_with("from 28 to 30") == [MEETING]
    assert index.documents_with("From 29 to 30") == []
    assert corpus_summary(corpus) == corpus_summary(load_corpus(root))


def test_a_layer_edited_outside_the_reader_is_seen(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _open(root, cache)
    notes = root / "annotations" / "notes.yaml"
    notes.write_text("layer: notes\nnotes: [\n", encoding="utf-8")  # broken
    first, _ = _open(root, cache)
    second, _ = _open(root, cache)
    problems = [str(p) for p in second.problems]
    assert any("notes.yaml" in p for p in problems)
    assert (
        problems == [str(p) for p in first.problems] == [str(p) for p in load_corpus(root).problems]
    )
    assert second.notes == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[: 4096 * 3]),  # cut short
        lambda path: path.write_bytes(b"not a database at all" * 100),
        lambda path: path.write_bytes(b""),
    ],
    ids=["truncated", "garbage", "empty"],
)
def test_a_corrupt_index_is_built_again(root: Path, tmp_path: Path, damage: object) -> None:
    cache = tmp_path / "cache"
    _, index = _open(root, cache)
    index.con.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{index.path}{suffix}").unlink(missing_ok=True)
    damage(index.path)  # type: ignore[operator]
    corpus, again = _open(root, cache)
    assert again.path == index.path
    assert corpus_summary(corpus) == corpus_summary(load_corpus(root))


def test_a_foreign_index_is_built_again(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    path = index_path(root, cache)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB)")
    con.execute("INSERT INTO meta VALUES ('format', 'something else 7')")
    con.execute("CREATE TABLE docs(x)")
    con.commit()
    con.close()
    path.chmod(0o600)
    corpus, _ = _open(root, cache)
    assert corpus_summary(corpus) == corpus_summary(load_corpus(root))


def test_an_index_of_another_version_of_the_code_is_built_again(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _open(root, cache)
    real = store.code_fingerprint
    monkeypatch.setattr(store, "code_fingerprint", lambda: real() + "changed")
    reads = count_reads(monkeypatch)
    _open(root, cache)
    texts, layers = corpus_files(root)
    assert sorted(reads) == sorted([*texts, *layers])  # every text and layer file


def test_a_missing_cache_folder_is_made_and_one_that_cannot_be_is_no_error(
    root: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "deep" / "missing" / "cache"
    corpus, index = open_corpus(root, cache)
    assert index is not None and cache.is_dir() and cache.stat().st_mode & 0o777 == 0o700
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    corpus, index = open_corpus(root, blocker / "cache")
    assert index is None and MEETING in corpus.documents
    assert blocker.read_text(encoding="utf-8") == "x"


def test_an_index_others_could_have_written_is_never_opened(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, index = _open(root, cache)
    index.con.close()
    index.path.chmod(0o666)
    corpus, again = open_corpus(root, cache)  # not trusted: deleted and built again, private
    assert again is not None and again.path.stat().st_mode & 0o777 == 0o600
    assert again.complete()
    assert corpus_summary(corpus) == corpus_summary(load_corpus(root))
    cache.chmod(0o777)
    corpus, none = open_corpus(root, cache)  # a folder others can write: no index at all
    assert none is None and MEETING in corpus.documents
    cache.chmod(0o700)


def test_old_indexes_and_old_caches_are_pruned_and_opening_renews_its_index(
    root: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    stale = cache / "index-0123456789abcdef0123.sqlite"
    recent = cache / "index-fedcba9876543210fedc.sqlite"
    pickle = cache / "corpus-0123456789abcdef0123.pickle"
    other = cache / "notes.txt"
    old = time.time() - 40 * 86400
    for path in (stale, recent, pickle, other):
        path.write_bytes(b"x")
    for path in (stale, other):
        os.utime(path, (old, old))
    _, index = _open(root, cache)
    assert not stale.exists() and not pickle.exists()
    assert recent.exists() and other.exists()
    os.utime(index.path, (old, old))
    _open(root, cache)
    assert index.path.stat().st_mtime > old + 86400


class _FakeApp:
    return_code = 0

    def run(self) -> None:
        pass


@pytest.mark.parametrize("flag", [[], ["--no-cache"]])
def test_the_command_line_keeps_the_index_in_the_users_cache_folder_unless_told_not_to(
    flag: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nda_reader.cli import main as cli_main
    from nda_reader.ui import factory

    given: list[Path | None] = []

    def fake_create_app(
        path: Path | None, *, cache_dir: Path | None = None, **_: object
    ) -> _FakeApp:
        given.append(cache_dir)
        return _FakeApp()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setattr(factory, "create_app", fake_create_app)
    assert cli_main([*flag]) == 0
    assert given == [None if flag else tmp_path / "xdg-cache" / "nda-reader"]


def test_the_reader_gets_its_corpus_before_the_index_has_written_the_rest(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first, index = open_corpus(root, cache, defer=True)  # as the reader opens it
    assert index is not None
    assert corpus_summary(first) == corpus_summary(load_corpus(root)) | {
        "concordance": corpus_summary(first)["concordance"]  # partial until complete()
    }
    assert index.complete()  # waits for the layer files and parts to be written first
    reads = count_reads(monkeypatch)
    again, _ = open_corpus(root, cache)
    assert reads == [] and corpus_summary(again) == corpus_summary(load_corpus(root))


def test_search_in_a_session_follows_a_text_moved_in_corpus_order(
    root: Path, tmp_path: Path
) -> None:
    """The order of the documents is kept with the texts search has read; a text whose
    date changed during the session (now the earliest) is listed first from then on."""
    _, index = _open(root, tmp_path / "cache")
    index.finder.load()
    before = index.documents_with("data")
    assert before == [d.id for d in index.corpus.ordered_documents() if d.id in before]
    last = root / "texts" / f"{before[-1]}.md"
    text = last.read_text(encoding="utf-8")
    date = next(line for line in text.splitlines() if line.startswith("date:"))
    last.write_text(text.replace(date, "date: 1999-01-01", 1), encoding="utf-8")
    fresh, _, _ = index.reload({last})
    assert index.complete()  # as the reader does in a thread
    found = index.documents_with("data")
    assert found == [d.id for d in fresh.ordered_documents() if d.id in found]
    assert found[0] == before[-1] and sorted(found) == sorted(before)


def test_what_a_text_holds_of_the_layers_is_read_from_the_index_once_per_corpus(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The context pane asks for a transcript's turns at every cursor move: each asked
    the index again and unpickled the text's speaker layer (~1 ms on a big corpus)."""
    _open(root, tmp_path / "cache")
    reads: list[tuple[str, str]] = []
    load = CorpusIndex._load_doc_part

    def counted(self: CorpusIndex, name: str, doc_id: str) -> tuple[object] | None:
        reads.append((name, doc_id))
        return load(self, name, doc_id)

    monkeypatch.setattr(CorpusIndex, "_load_doc_part", counted)
    corpus, _ = open_corpus(root, tmp_path / "cache")
    doc = "scio-nda-briefing-2024-p1"
    files = load_corpus(root)
    for _ in range(3):
        assert corpus.turns(doc) == files.turns(doc) != []
        assert corpus.links_in(MEETING) == files.links_in(MEETING) != []
        assert corpus.notes_in(MEETING) == files.notes_in(MEETING)
    assert sorted(reads) == [("crossrefs", MEETING), ("notes", MEETING), ("speaker_layers", doc)]


def test_a_text_in_traditional_characters_has_the_same_terms_with_and_without_the_index(
    root: Path, tmp_path: Path
) -> None:
    # Our own text, in traditional characters (as a Hong Kong repost would be): the
    # glossary's hanzi are simplified (国家数据局) and are found in it all the same.
    body = "國家數據局說，數據市場正在成長。國家數據局再次說明。\n"
    (root / "texts" / "repost.md").write_text(
        text_file("repost", body, language="zh"), encoding="utf-8"
    )
    want = load_corpus(root).occurrences.in_doc("repost")
    assert [o.entry_id for o in want].count("nda") == 2
    first, _ = _open(root, tmp_path / "cache", complete=False)
    assert list(first.occurrences.in_doc("repost")) == want  # found on opening
    _open(root, tmp_path / "cache")
    again, _ = open_corpus(root, tmp_path / "cache")
    assert list(again.occurrences.in_doc("repost")) == want  # kept by the index
