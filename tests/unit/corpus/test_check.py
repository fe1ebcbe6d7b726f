"""``nda-reader check`` on fixture corpora with deliberate errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nda_reader.cli.main import main
from tests.helpers.corpora import MakeCorpus, text_file

BRIEFING = """\
# Briefing

Liu Liehong:

The NDA will build the national integrated computing power network.

Red Star News:

What about public data?

Liu Liehong:

Public data will be opened. 国家数据局 agrees.
"""

GLOSSARY = """\
layer: glossary
version: 1
entries:
  - id: nda
    kind: organisation
    hanzi: 国家数据局
    pinyin: Guójiā Shùjùjú
    english: National Data Administration
    aliases: [NDA]
    hanzi_source: text
  - id: liu-liehong
    kind: person
    hanzi: 刘烈宏
    pinyin: Liú Lièhóng
    english: Liu Liehong
    hanzi_source: annotator
    roles:
      - {title: Administrator, organisation: nda, from: 2023-10}
"""

SPEAKERS = """\
layer: speakers
version: 1
doc: brief
speakers:
  - {id: liu, term: liu-liehong}
  - {id: red-star, name: Red Star News, kind: outlet}
turns:
  - speaker: liu
    anchor: {exact: "Liu Liehong:", suffix: "\\n\\nThe NDA will"}
  - speaker: red-star
    anchor: {exact: "Red Star News:"}
  - speaker: liu
    anchor: {exact: "Liu Liehong:", suffix: "\\n\\nPublic data"}
"""


def _run(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(root)])
    return code, capsys.readouterr().out.splitlines()


def _good(make_corpus: MakeCorpus, **extra: str | bytes) -> Path:
    files: dict[str, str | bytes] = {
        "texts/brief.md": text_file("brief", BRIEFING),
        "annotations/glossary.yaml": GLOSSARY,
        "annotations/speakers/brief.yaml": SPEAKERS,
    }
    files.update(extra)
    return make_corpus(files)


def test_clean_fixture_corpus_passes(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(_good(make_corpus), capsys)
    assert out[-1] == "0 errors, 0 warnings, 0 orphans"
    assert out[-2].startswith("1 texts, 2 layer files: 2 glossary entries, 3 speaker turns")
    assert code == 0


def test_unknown_field_and_wrong_type_are_located(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = GLOSSARY.replace("    aliases: [NDA]\n", "    alias: [NDA]\n").replace(
        "hanzi_source: annotator", "hanzi_source: annotator\n    note: [not, text]"
    )
    root = _good(make_corpus, **{"annotations/glossary.yaml": broken})
    code, out = _run(root, capsys)
    path = root / "annotations/glossary.yaml"
    assert (
        f"{path}:9:5: error: unknown field 'alias' in glossary entry 'nda'; "
        "did you mean 'aliases'?" in out
    )
    assert (
        f"{path}:17:11: error: 'note' in glossary entry 'liu-liehong' must be text, "
        "not a list" in out
    )
    assert code == 1


def test_duplicate_ids_and_unknown_references(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = GLOSSARY + GLOSSARY.split("entries:\n")[1].split("  - id: liu-liehong")[0]
    speakers = SPEAKERS.replace("term: liu-liehong", "term: liu-lihong").replace(
        "  - speaker: red-star", "  - speaker: xinhua"
    )
    crossrefs = """\
        layer: crossrefs
        version: 1
        links:
          - id: l1
            relation: same-initiative
            source: {doc: brief, exact: "national integrated computing power network"}
            target: {doc: no-such-doc, exact: "whatever"}
        """
    root = _good(
        make_corpus,
        **{
            "annotations/glossary.yaml": glossary,
            "annotations/speakers/brief.yaml": speakers,
            "annotations/crossrefs.yaml": crossrefs,
        },
    )
    code, out = _run(root, capsys)
    g, s, c = (
        root / "annotations" / n for n in ("glossary.yaml", "speakers/brief.yaml", "crossrefs.yaml")
    )
    assert any(line.startswith(f"{g}:19:9: error: duplicate glossary id 'nda'") for line in out)
    assert (
        f"{s}:5:5: error: speaker 'liu' names unknown glossary entry 'liu-lihong'; add it "
        "to the glossary or use 'name:'" in out
    )
    assert (
        f"{s}:10:14: error: turn 2 names unknown speaker 'xinhua'; add it under "
        "'speakers:' (known: liu, red-star)" in out
    )
    assert (
        f"{c}:7:13: error: orphaned link target 'l1' (no-document): no text with id "
        "'no-such-doc' in texts/" in out
    )
    assert code == 1


def test_orphaned_and_ambiguous_anchors(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    speakers = SPEAKERS.replace('suffix: "\\n\\nPublic data"', 'suffix: "\\n\\nPrivate data"')
    notes = """\
        layer: notes
        version: 1
        notes:
          - id: n1
            anchor: {doc: brief, exact: "Liu Liehong:"}
            text: Which turn?
        """
    root = _good(
        make_corpus,
        **{"annotations/speakers/brief.yaml": speakers, "annotations/notes.yaml": notes},
    )
    code, out = _run(root, capsys)
    s, n = root / "annotations/speakers/brief.yaml", root / "annotations/notes.yaml"
    assert any(
        line.startswith(f"{s}:13:13: error: orphaned turn 'liu' (missing): the quote occurs")
        for line in out
    )
    assert any(
        line.startswith(
            f"{n}:5:13: error: orphaned note 'n1' (ambiguous): the quote and"
            " its context match 2 places"
        )
        for line in out
    )
    assert out[-1].endswith("2 orphans")
    assert code == 1


def test_pinyin_disagreeing_with_pypinyin_needs_an_override(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = GLOSSARY.replace("Liú Lièhóng", "Liú Lièhòng")
    root = _good(make_corpus, **{"annotations/glossary.yaml": wrong})
    code, out = _run(root, capsys)
    path = root / "annotations/glossary.yaml"
    assert any(
        line.startswith(
            f"{path}:14:13: error: 'liu-liehong': pinyin 'Liú Lièhòng' "
            "differs from the draft 'Liú Lièhóng'"
        )
        for line in out
    )
    assert code == 1
    overridden = wrong.replace(
        "pinyin: Liú Lièhòng", "pinyin: Liú Lièhòng\n    pinyin_override: true"
    )
    root2 = make_corpus(
        {"texts/brief.md": text_file("brief", BRIEFING), "annotations/glossary.yaml": overridden},
        name="c2",
    )
    code2, out2 = _run(root2, capsys)
    assert code2 == 0 and not any("Lièhòng" in line for line in out2)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"layer: glossary\nentries:\n  - id: [\n", ":4:1: error: YAML syntax error"),
        (b"\xff\xfe not utf-8", ":1:1: error: not valid UTF-8 (byte 0xff)"),
        (b"", ":1:1: error: file is empty"),
        (
            b"layer: glossary\nentries: !!python/object:os.system {}\n",
            ":2:10: error: YAML tag !!python/object:os.system is not allowed",
        ),
        (b"layer: glossary\nlayer: notes\n", ":2:1: error: duplicate key 'layer'"),
        (b"layer: dictionary\n", ":1:8: error: 'layer:' is 'dictionary'; use one of"),
        (b"- just\n- a list\n", ":1:1: error: a layer file must be a mapping"),
    ],
)
def test_broken_layer_files_never_traceback(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    root = _good(make_corpus, **{"annotations/extra.yaml": content})
    code, out = _run(root, capsys)
    path = root / "annotations/extra.yaml"
    assert any(line.startswith(f"{path}{expected}") for line in out), out
    assert code == 1


def test_speaker_layer_for_a_missing_text(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _good(
        make_corpus,
        **{"annotations/speakers/gone.yaml": SPEAKERS.replace("doc: brief", "doc: gone")},
    )
    code, out = _run(root, capsys)
    path = root / "annotations/speakers/gone.yaml"
    assert f"{path}:3:6: error: unknown document 'gone'; no texts/gone.md" in out
    assert code == 1


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", "--frobnicate"]) == 2
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_folder_without_texts_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", str(tmp_path)])
    assert code == 1
    assert "no texts/ folder here" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("hanzi", "ok"),
    [("Liu Liehong", False), ("LIU", False), ("刘烈宏", True), ("㐀x", True), ("豈", True)],
)
def test_hanzi_without_chinese_characters_is_an_error_at_its_line(
    hanzi: str, ok: bool, make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _good(make_corpus, **{"annotations/glossary.yaml": GLOSSARY.replace("刘烈宏", hanzi)})
    code, out = _run(root, capsys)
    message = (
        f"{root / 'annotations/glossary.yaml'}:13:12: error: 'hanzi' of glossary entry "
        f"'liu-liehong' has no Chinese characters: {hanzi!r}"
    )
    assert (message in out) is not ok
    if not ok:
        assert code == 1


def test_check_says_the_same_with_and_without_the_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers.corpora import copy_bundled_corpus

    root = copy_bundled_corpus(tmp_path)
    notes = root / "annotations" / "notes.yaml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace("‘vigorously developing NPFs’", "nothing like this", 1))
    glossary = root / "annotations" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("aliases: [", "aliases: [Nowhere Form, ", 1))
    outputs = []
    for args in (["check", str(root)], ["check", str(root)], ["check", "--no-cache", str(root)]):
        code = main(args)  # the first builds the index, the second reads it
        outputs.append((code, capsys.readouterr().out))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][0] == 1 and "orphaned note" in outputs[0][1]
    assert "alias 'Nowhere Form'" in outputs[0][1]
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "nda-reader"
    assert any(cache.glob("index-*.sqlite"))
