"""Property: random mutations of the bundled layers and texts (syntax, types, sizes, ids,
encodings, line endings) never make loading or ``check`` raise or hang, and every problem
they report has a place, ``file:line:col`` (issue 10)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from nda_reader.corpus.check import check_corpus
from nda_reader.corpus.locations import bundled_root
from tests.helpers.properties import bounded, time_limit

_BUNDLED = {
    str(p.relative_to(bundled_root())): p.read_bytes()
    for part in ("texts", "annotations")
    for p in sorted((bundled_root() / part).rglob("*"))
    if p.is_file()
}
FILES = sorted(_BUNDLED)

# Pieces that YAML, front matter and Markdown care about, and hostile ones.
PIECES = [
    b":", b": ", b"- ", b"-", b"[", b"]", b"{", b"}", b",", b"&a ", b"*a", b"&a [*a]",
    b"!!python/object:os.system ", b"!!binary ", b"<<: *a\n", b"\t", b"\x00", b"\xff", b"\xe9",
    b"\xef\xbb\xbf", b"---\n", b"...\n", b"\r", b"\r\n", b'"', b"'", b"#", b"|\n", b">-\n",
    b"  ", b"\n", b"9" * 5000, b"\xe2\x80\xa8", b"\x1b]0;t\x07", b"\xc2\x9b", b"id: x\n",
    b"null", b"~", b"[1, 2]", b"{a: b}", b"12345678901234567890", b"-1", b"1e999", b"true",
    b"2024-13-45", b"\xe6\x95\xb0\xe6\x8d\xae", b"layer: notes\n", b"version: 2\n",
    b"doc: ../x\n", b"exact: ''\n", b"pos: -5\n", b"part_of: " + b"x" * 300 + b"\n",
    b'id: "a\\n"\n', b"[" * 300, b"x" * 20000,
]  # fmt: skip
WEIRD_IDS = [b"", b"A", b"a b", b"a\\n", b"../etc", b"x" * 150, b"[]", b"1", b"\xe6\x95\xb0"]


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, bytes]:
    """A bundled file and what it becomes: pieces inserted, parts cut or repeated, an id or
    value replaced, line endings or the encoding changed."""
    rel = draw(st.sampled_from(FILES))
    data = _BUNDLED[rel]
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["insert", "cut", "repeat", "id", "value", "crlf", "cr",
                                    "latin-1", "utf-16", "truncate", "empty"]))  # fmt: skip
        at = draw(st.integers(0, len(data)))
        if how == "insert":
            data = data[:at] + draw(st.sampled_from(PIECES)) + data[at:]
        elif how == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 400)) :]
        elif how == "repeat":
            data = data[:at] + data[at : at + 300] * draw(st.integers(2, 50)) + data[at:]
        elif how in ("id", "value") and b": " in data[at:]:
            key = data.index(b": ", at) + 2
            end = data.find(b"\n", key)
            end = len(data) if end == -1 else end
            new = draw(st.sampled_from(WEIRD_IDS if how == "id" else PIECES))
            data = data[:key] + new + data[end:]
        elif how == "crlf":
            data = data.replace(b"\n", b"\r\n")
        elif how == "cr":
            data = data.replace(b"\n", b"\r")
        elif how == "latin-1":
            data = data.decode("utf-8", "replace").encode("latin-1", "replace")
        elif how == "utf-16":
            data = data.decode("utf-8", "replace").encode("utf-16")
        elif how == "truncate":
            data = data[:at]
        elif how == "empty":
            data = b""
    return rel, data


@bounded(40)
@given(mutation(), st.sampled_from([False, False, False, True]))
def test_mutated_corpus_loads_and_every_problem_has_a_place(
    mutated: tuple[str, bytes], pinyin: bool
) -> None:
    rel, data = mutated
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, content in _BUNDLED.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data if name == rel else content)
        with time_limit(20):
            report = check_corpus(root, pinyin=pinyin)
        for problem in report.problems:
            assert problem.path == root or problem.path.is_relative_to(root), problem
            assert problem.line >= 1 and problem.column >= 1 and problem.message, problem
            assert "\n" not in problem.format(root)
            if problem.path.is_file():  # the place is in the file
                lines = problem.path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
                assert problem.line <= lines.count(b"\n") + 1, problem
        assert len(report.corpus.documents) >= len([f for f in FILES if f.startswith("texts/")]) - 1
