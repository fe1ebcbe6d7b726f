"""``nda-reader check`` on hostile and odd input: a located problem for each, never a
traceback, a hang or unbounded memory, and the rest of the corpus still loads (issue 10,
cases 6, 11, 12, 13 and 14)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from tests.helpers.corpora import REPO, MakeCorpus, copy_bundled_corpus, text_file

CONFERENCE = "nda-work-conference-2024"
PROBLEM = re.compile(r"^(?P<path>.+?):(?P<line>[0-9]+):(?P<col>[0-9]+): (error|warning): .+$")

NOTES = "layer: notes\nversion: 1\nnotes:\n  - id: n1\n    anchor: {doc: one, exact: Words}\n"


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(root), "--no-pinyin"])
    return code, capsys.readouterr().out.splitlines()


def _problems(lines: list[str]) -> list[str]:
    """The problem lines (every line before the two summary lines), each located."""
    problems = lines[:-2]
    assert all(PROBLEM.match(line) for line in problems), problems
    return problems


def _run_check(root: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``nda-reader check`` in a process of its own: a hang fails the test, not the run."""
    return subprocess.run(
        [sys.executable, "-m", "nda_reader", "check", str(root), "--no-pinyin"],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        check=False,
    )


def test_a_crlf_copy_of_a_text_keeps_every_anchor_and_is_not_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_bundled_corpus(tmp_path)
    path = root / "texts" / f"{CONFERENCE}.md"
    crlf = path.read_bytes().replace(b"\n", b"\r\n")  # as sed 's/$/\r/' or autocrlf leave it
    path.write_bytes(crlf)
    code, lines = _check(root, capsys)
    assert lines[-1] == "0 errors, 0 warnings, 0 orphans" and code == 0
    assert path.read_bytes() == crlf


@pytest.mark.parametrize(
    ("rel", "text", "where", "says"),
    [
        ("annotations/notes.yaml", NOTES + "    text: hi\n", "", ""),
        (
            "annotations/notes.yaml",
            "layer: notes\nversion: " + "9" * 5000 + "\nnotes: []\n",
            ":2:10:",
            "is too long (5,000 characters)",
        ),
        (
            "annotations/notes.yaml",
            NOTES.replace("exact: Words}", "exact: Words, pos: " + "1" * 5000 + "}")
            + "    text: hi\n",
            ":5:43:",
            "is too long",
        ),
        (
            "texts/two.md",
            text_file("two", "More words.\n", part_of="grp", part="7" * 5000),
            ":8:7:",
            "is too long",
        ),
        (
            "annotations/notes.yaml",
            "layer: notes\nversion: 1\nnotes: &n [*n]\n",
            ":3:8:",
            "recursive alias",
        ),
        (
            "annotations/notes.yaml",
            "layer: notes\nversion: 1\nnotes: " + "[" * 50_000 + "]" * 50_000 + "\n",
            ":3:107:",
            "nested more than 100 levels deep",
        ),
    ],
    ids=["clean", "huge-version", "huge-pos", "huge-part", "recursive-alias", "deep-nesting"],
)
def test_hostile_yaml_is_a_located_error_and_the_rest_loads(
    make_corpus: MakeCorpus,
    capsys: pytest.CaptureFixture[str],
    rel: str,
    text: str,
    where: str,
    says: str,
) -> None:
    files: dict[str, str | bytes] = {"texts/one.md": text_file("one", "Words.\n"), rel: text}
    root = make_corpus(files)
    code, lines = _check(root, capsys)
    problems = _problems(lines)
    assert lines[-2].startswith(("1 texts", "2 texts"))  # the rest of the corpus loaded
    if not says:
        assert problems == [] and code == 0
        return
    assert code == 1
    assert all(p.startswith(f"{root / rel}:") for p in problems), problems
    assert any(p.startswith(f"{root / rel}{where} error: ") and says in p for p in problems)


def test_symlink_loops_are_located_errors(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus({"texts/one.md": text_file("one", "Words.\n")})
    (root / "annotations").mkdir()
    (root / "texts" / "loop.md").symlink_to("loop.md")
    (root / "annotations" / "loop.yaml").symlink_to("loop.yaml")
    (root / "annotations" / "sub").symlink_to(".")  # a folder that contains itself
    code, lines = _check(root, capsys)
    assert code == 1
    problems = _problems(lines)
    assert sorted(p.split(": ", 1)[0] for p in problems) == [
        f"{root}/annotations/loop.yaml:1:1",
        f"{root}/texts/loop.md:1:1",
    ]
    assert all("Too many levels of symbolic links" in p for p in problems)
    assert lines[-2].startswith("1 texts")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_and_devices_are_refused_without_reading_them(make_corpus: MakeCorpus) -> None:
    root = make_corpus({"texts/one.md": text_file("one", "Words.\n")})
    (root / "annotations").mkdir()
    os.mkfifo(root / "texts" / "pipe.md")
    os.mkfifo(root / "annotations" / "pipe.yaml")
    (root / "annotations" / "zero.yaml").symlink_to("/dev/zero")
    done = _run_check(root)  # before: blocked forever on the first FIFO
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert sorted(_problems(lines)) == [
        f"{root}/annotations/pipe.yaml:1:1: error: a FIFO (named pipe), not a file; a corpus "
        "holds only files — remove it",
        f"{root}/annotations/zero.yaml:1:1: error: a character device, not a file; a corpus "
        "holds only files — remove it",
        f"{root}/texts/pipe.md:1:1: error: a FIFO (named pipe), not a file; a corpus holds "
        "only files — remove it",
    ]
    assert lines[-2].startswith("1 texts")


def test_a_file_over_the_size_limit_is_refused(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from nda_reader.formats import safe_read

    monkeypatch.setattr(safe_read, "MAX_FILE_BYTES", 1000)
    root = make_corpus(
        {"texts/one.md": text_file("one", "Words.\n" * 200), "texts/two.md": text_file("two", "")}
    )
    code, lines = _check(root, capsys)
    assert code == 1
    assert _problems(lines) == [
        f"{root}/texts/one.md:1:1: error: file is too large (1,474 bytes; the limit is 1,000 "
        "bytes); split it"
    ]
    assert lines[-2].startswith("1 texts")


def test_a_large_string_aliased_thousands_of_times_is_stopped_at_once(
    make_corpus: MakeCorpus,
) -> None:
    big = "x" * 1_000_000
    notes = f'layer: notes\nversion: 1\nbig: &b "{big}"\nnotes: [{", ".join(["*b"] * 5000)}]\n'
    root = make_corpus({"texts/one.md": text_file("one", "Words.\n"), "annotations/n.yaml": notes})
    done = _run_check(root)  # before: about a minute and gigabytes of text scanned
    assert done.returncode == 1, done.stderr
    problems = _problems(done.stdout.splitlines())
    assert len(problems) == 1
    assert problems[0].startswith(f"{root}/annotations/n.yaml:3:6: error: the value anchored ")
    assert "repeated by aliases beyond the limit (1,000,000 characters" in problems[0]


def test_ids_ending_in_a_newline_are_refused(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = NOTES.replace("id: n1", 'id: "n1\\n"') + "    text: hi\n"
    root = make_corpus({"texts/one.md": text_file("one", "Words.\n"), "annotations/n.yaml": notes})
    code, lines = _check(root, capsys)
    assert code == 1
    assert _problems(lines) == [
        f"{root}/annotations/n.yaml:4:9: error: 'id' in note 'n1\\n' is 'n1\\n'; use lowercase "
        "letters, digits and hyphens (at most 100)"
    ]


def test_file_names_and_text_with_escape_sequences_are_shown_safely(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "annotations/evil\x1b]0;pwned\x07\x1b]52;c;aGk=\x07\n.yaml"
    root = make_corpus(
        {
            "texts/one.md": text_file("one", "Words \x1b[2J and \x9b31m.\n"),
            hostile: "layer: nonsense\n",
        }
    )
    code, lines = _check(root, capsys)
    assert code == 1
    assert not re.search("[\x00-\x1f\x7f-\x9f]", "".join(lines))
    assert _problems(lines) == [
        f"{root}/annotations/evil␛]0;pwned␇␛]52;c;aGk=␇␊.yaml:1:8: error: 'layer:' is "
        "'nonsense'; use one of: glossary, speakers, crossrefs, notes, alignments",
        f"{root}/texts/one.md:8:7: warning: control character U+001B in the text (and 1 "
        "more); it is shown as '␛' and exported so — remove it",
    ]


def test_check_hands_the_garbage_collector_back_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The corpus is kept from the cyclic collector while it loads; a caller of
    ``check`` in the same process (a test, an editor plugin) gets the collector back."""
    import gc

    root = copy_bundled_corpus(tmp_path)
    assert main(["check", "--no-cache", str(root)]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert gc.isenabled()
