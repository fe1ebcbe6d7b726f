"""``nda-reader export`` never drops a word, never names a file oddly, never writes a control
character (issue 10, cases 1, 11, 13 and 14). The texts are our own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from tests.helpers.corpora import MakeCorpus, text_file
from tests.helpers.export_checks import missing_words

# A transcript whose speakers are named at the start of their paragraphs.
INLINE = """
# Briefing on open data

Chen Ming: Good morning. We will open public data to small firms first.

Reporter: How soon will the rules apply?

Chen Ming: By June. The bureau will publish the list of datasets.

Reporter: Thank you, Director Chen.
"""

SPEAKERS = """
layer: speakers
version: 1
doc: briefing
speakers:
  - id: chen
    name: Chen Ming
  - id: reporter
    name: Journalist
    kind: outlet
turns:
"""


def _export(capsys: pytest.CaptureFixture[str], root: Path, out: Path) -> tuple[int, str]:
    code = main(["export", "--all", "--corpus", str(root), "-o", str(out)])
    return code, capsys.readouterr().err


def _turn(speaker: str, exact: str) -> str:
    return f'  - speaker: {speaker}\n    anchor: {{exact: "{exact}"}}\n'


def test_turns_on_whole_passages_with_inline_labels_keep_every_word(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = [p for p in INLINE.split("\n\n") if ":" in p]
    turns = "".join(
        _turn("chen" if p.startswith("Chen") else "reporter", p.strip()) for p in paragraphs
    )
    root = make_corpus(
        {
            "texts/briefing.md": text_file("briefing", INLINE),
            "annotations/speakers/briefing.yaml": SPEAKERS + turns,
        }
    )
    code, _ = _export(capsys, root, tmp_path / "out")
    assert code == 0
    exported = (tmp_path / "out" / "briefing.md").read_text(encoding="utf-8")
    body = exported.split("\n---\n", 1)[1]
    assert missing_words(INLINE, body) == []
    # "Chen Ming:" names the speaker as the label does: replaced. "Reporter:" is not how
    # the layer names that speaker: the label goes before it and the text stays.
    assert "**Chen Ming**: Good morning. We will open public data" in body
    assert "**Journalist**: Reporter: How soon will the rules apply?" in body


def test_a_part_of_ending_in_a_newline_is_an_error_and_names_no_file(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus({"texts/one.md": text_file("one", "Words.\n", part_of='"grp\\n"', part=1)})
    assert main(["check", str(root), "--no-pinyin"]) == 1
    assert "'part_of' in front matter is 'grp\\n'" in capsys.readouterr().out
    code, _ = _export(capsys, root, tmp_path / "out")
    assert code == 0
    assert [p.name for p in (tmp_path / "out").glob("*.md")] == ["one.md"]


def test_a_300_character_part_of_fails_check_and_export_still_works(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "x" * 300
    root = make_corpus({"texts/one.md": text_file("one", "Words.\n", part_of=long, part=1)})
    assert main(["check", str(root), "--no-pinyin"]) == 1
    assert "(at most 100)" in capsys.readouterr().out
    code, err = _export(capsys, root, tmp_path / "out")
    assert code == 0, err
    assert [p.name for p in (tmp_path / "out").glob("*.md")] == ["one.md"]


def test_control_characters_never_reach_the_exported_file(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Before \x1b]0;pwned\x07 the title.\n\nA reset \x1bc here, \x9b31m and \u202eevil.\n"
    notes = (
        "layer: notes\nversion: 1\nnotes:\n  - id: n1\n"
        '    anchor: {doc: doc, exact: "the title."}\n    text: "Note \\e[31m red"\n'
    )
    root = make_corpus({"texts/doc.md": text_file("doc", body), "annotations/notes.yaml": notes})
    code, _ = _export(capsys, root, tmp_path / "out")
    assert code == 0
    exported = (tmp_path / "out" / "doc.md").read_text(encoding="utf-8")
    unsafe = re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", exported)
    assert unsafe == []
    assert "Before ␛\\]0;pwned␇ the title." in exported
    assert missing_words(body, exported) == []
