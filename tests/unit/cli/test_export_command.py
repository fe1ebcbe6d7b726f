"""``nda-reader export`` through :func:`nda_reader.cli.main`: usage, failures, path safety."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from nda_reader.export.markdown import ExportError, export_documents, write_files
from nda_reader.formats import atomic
from tests.helpers.corpora import MakeCorpus
from tests.helpers.export_checks import rich_corpus

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def root(make_corpus: MakeCorpus) -> Path:
    return rich_corpus(make_corpus)


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["export", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def _outside_corpus(tmp_path: Path) -> list[str]:
    """Everything in ``tmp_path`` except the fixture corpus."""
    return [p for p in _tree(tmp_path) if p != "corpus" and not p.startswith("corpus/")]


def test_export_named_documents(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, stdout, err = _run(capsys, "alpha", "beta-p2", "--corpus", root, "-o", out)
    assert code == 0
    assert stdout.splitlines() == [f"wrote {out / 'alpha.md'}", f"wrote {out / 'beta.md'}"]
    assert "warning: the corpus has 1 error(s)" in err  # the orphaned note of the fixture
    assert _tree(out) == [".nda-export.json", "alpha.md", "beta.md"]  # with its record


def test_export_all_with_options(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args: list[str | Path] = [
        "--all",
        "--corpus",
        root,
        "-o",
        out,
        "--gloss",
        "footnote",
        "--no-glossary",
    ]
    code, _, _ = _run(capsys, *args, "--no-notes")
    assert code == 0
    text = (out / "alpha.md").read_text(encoding="utf-8")
    assert "[^gloss-nda]" in text and "## Glossary" not in text and "[^note-" not in text


def test_default_output_folder_is_export_in_cwd(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = _run(capsys, "alpha", "--corpus", root)
    assert code == 0
    assert stdout == "wrote export/alpha.md\n"
    assert (tmp_path / "export/alpha.md").is_file()


def test_list(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = _run(capsys, "--list", "--corpus", root)
    assert code == 0
    assert stdout == "alpha\tAlpha\nbeta\tBeta report\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "unknown document 'nope'; run 'nda-reader export --list'"),
        (["alpha", "--all"], "give document ids or --all, not both"),
        ([], "say what to export: one or more document ids, or --all"),
        (["../evil"], "'../evil' is not a document id"),
        (["alpha", "../../etc/passwd"], "'../../etc/passwd' is not a document id"),
        (["/abs/path"], "'/abs/path' is not a document id"),
    ],
)
def test_bad_usage_exits_2_and_writes_nothing(
    root: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "out"
    code, stdout, err = _run(capsys, *args, "--corpus", root, "-o", out)
    assert code == 2
    assert stdout == ""
    assert err.startswith("nda-reader export: ") and message in err
    assert err.count("\n") == 1  # one line
    assert _outside_corpus(tmp_path) == []


def test_bad_gloss_choice_is_usage_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "alpha", "--corpus", root, "--gloss", "margin")
    assert code == 2 and "invalid choice: 'margin'" in err
    assert err.startswith("nda-reader export: ") and err.count("\n") == 1


def test_missing_corpus_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--all", "--corpus", tmp_path / "none", "-o", tmp_path / "o")
    assert code == 2 and "is not a corpus folder" in err
    assert not (tmp_path / "o").exists()


def test_output_under_a_regular_file_fails_and_writes_nothing(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    code, stdout, err = _run(capsys, "--all", "--corpus", root, "-o", blocker / "sub" / "dir")
    assert code == 1
    assert stdout == ""
    assert err.startswith("nda-reader export: cannot create the folder") and err.count("\n") == 1
    assert "-o" in err
    assert _outside_corpus(tmp_path) == ["file.txt"]
    assert blocker.read_text() == "x"
    code, _, err = _run(capsys, "--all", "--corpus", root, "-o", blocker)
    assert code == 1 and "is not a folder" in err and blocker.read_text() == "x"


@pytest.mark.skipif(IS_ROOT, reason="root ignores folder permissions")
def test_unwritable_folder_fails_and_writes_nothing(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o500)
    try:
        code, stdout, err = _run(capsys, "--all", "--corpus", root, "-o", out)
    finally:
        out.chmod(0o700)
    assert code == 1 and stdout == ""
    assert err.startswith(f"nda-reader export: cannot write to '{out}'") and err.count("\n") == 1
    assert _tree(out) == []


def test_failure_midway_leaves_nothing_partial(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    export_documents(load_corpus(root), ["alpha"], out)
    (out / "alpha.md").write_text(
        (out / "alpha.md").read_text() + "\n<!-- nda:keep -->\nmine\n<!-- /nda:keep -->\n"
    )
    before = {name: (out / name).read_bytes() for name in _tree(out)}
    real = atomic.stage
    calls = []

    def flaky(target: Path, data: bytes, *, mode: int | None = None) -> atomic.Staged:
        calls.append(target.name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(target, data, mode=mode)

    monkeypatch.setattr(atomic, "stage", flaky)
    with pytest.raises(ExportError) as err:
        export_documents(load_corpus(root), ["alpha", "beta"], out)
    assert err.value.exit_code == 1 and "No space left on device" in err.value.message
    # No temporary files left behind; the file and the record as they were.
    assert {name: (out / name).read_bytes() for name in _tree(out)} == before


def test_new_output_folder_is_removed_after_a_failure(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(target: Path, data: bytes, *, mode: int | None = None) -> atomic.Staged:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic, "stage", broken)
    with pytest.raises(ExportError):
        export_documents(load_corpus(root), ["alpha"], tmp_path / "new" / "deeper")
    assert not (tmp_path / "new").exists()


def test_symlinked_target_file_is_refused(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "alpha.md").symlink_to(outside)
    code, stdout, err = _run(capsys, "alpha", "beta", "--corpus", root, "-o", out)
    assert code == 1 and stdout == ""
    assert "refusing to write through the symbolic link" in err
    assert outside.read_text() == "precious"
    assert _tree(out) == ["alpha.md"]


def test_write_files_refuses_names_that_could_escape(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in ("../evil.md", "/tmp/evil.md", "sub/evil.md", "evil", ".hidden.md", "..md"):
        with pytest.raises(ExportError):
            write_files(out, {"ok.md": "fine", name: "bad"})
    assert not out.exists()
    assert not (tmp_path / "evil.md").exists()


def test_symlinked_output_folder_is_the_chosen_folder(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    code, _, _ = _run(capsys, "alpha", "--corpus", root, "-o", link)
    assert code == 0
    assert (real / "alpha.md").is_file()


def test_document_id_clashing_with_a_part_of_id_is_refused(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / "texts/beta.md").write_text(
        "---\nid: beta\ntitle: Clash\ndate: 2024-01-01\nkind: report\nlanguage: en\n---\nText.\n"
    )
    out = tmp_path / "out"
    code, _, err = _run(capsys, "--all", "--corpus", root, "-o", out)
    assert code == 1 and "'beta' is both a document id and the part_of id" in err
    assert not out.exists()


@pytest.mark.parametrize("sub", ["texts", "annotations", "texts/deeper"])
def test_export_into_the_corpus_own_folders_is_refused(
    root: Path, capsys: pytest.CaptureFixture[str], sub: str
) -> None:
    before = sorted(p.read_bytes() for p in root.rglob("*") if p.is_file())
    code, _, err = _run(capsys, "--all", "--corpus", root, "-o", root / sub)
    assert code == 2 and f"inside the corpus's {sub.split('/')[0]}/ folder" in err
    assert sorted(p.read_bytes() for p in root.rglob("*") if p.is_file()) == before
    assert not (root / "texts/deeper").exists()
