"""Web Annotation export: every selector lands on its quote, importing gives the same layers,
and Hypothesis's export is read too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from nda_reader.editing.importing import import_records
from nda_reader.export.web_annotation import web_annotation
from nda_reader.formats.web_annotation import read_annotations
from tests.helpers.corpora import MakeCorpus, copy_bundled_corpus
from tests.helpers.export_checks import rich_corpus


def _export(root: Path) -> dict[str, Any]:
    corpus = load_corpus(root)
    return json.loads(web_annotation(corpus, list(corpus.documents)))  # type: ignore[no-any-return]


def _targets(annotation: dict[str, Any]) -> list[dict[str, Any]]:
    bodies = annotation["body"] if isinstance(annotation["body"], list) else []
    linked = [b for b in bodies if isinstance(b, dict) and b.get("type") == "SpecificResource"]
    return [annotation["target"], *linked]


def _selector(target: dict[str, Any], kind: str) -> dict[str, Any] | None:
    return next((s for s in target["selector"] if s["type"] == kind), None)


def _layers(root: Path) -> dict[str, Any]:
    """Every layer the Web Annotation export carries (alignments are not exported)."""
    return {
        str(p.relative_to(root)): yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((root / "annotations").rglob("*.yaml"))
        if p.parent.name != "alignments"
    }


def _texts_only(root: Path, tmp_path: Path) -> Path:
    target = tmp_path / "imported"
    shutil.copytree(root / "texts", target / "texts")
    (target / "annotations").mkdir()
    return target


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = copy_bundled_corpus(tmp_path_factory.mktemp("wa"))
    return root, _export(root)


def test_every_target_has_a_quote_and_a_position_holding_exactly_that_quote(
    bundled: tuple[Path, dict[str, Any]],
) -> None:
    root, data = bundled
    corpus = load_corpus(root)
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items)
    checked = 0
    for annotation in items:
        assert annotation["type"] == "Annotation" and annotation["id"].startswith("urn:")
        for target in _targets(annotation):
            quote = _selector(target, "TextQuoteSelector")
            position = _selector(target, "TextPositionSelector")
            assert quote is not None and position is not None, annotation["id"]
            body = corpus.documents[target["source"].removeprefix("urn:nda-reader:text:")].body
            assert body[position["start"] : position["end"]] == quote["exact"], annotation["id"]
            assert body.count(quote.get("prefix", "") + quote["exact"] + quote.get("suffix", ""))
            checked += 1
    motivations = [a["motivation"] for a in items]
    assert motivations.count("commenting") == len(corpus.notes) == 3
    assert motivations.count("linking") == len(corpus.crossrefs) == 32
    turns = sum(len(layer.turns) for layer in corpus.speaker_layers.values())
    occurrences = sum(len(corpus.occurrences.in_doc(d)) for d in corpus.documents)
    assert motivations.count("identifying") == turns + occurrences
    assert checked == len(items) + 32


def test_importing_the_export_gives_identical_layers(
    bundled: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    root, data = bundled
    target = _texts_only(root, tmp_path)
    path = tmp_path / "annotations.jsonld"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(path), "--corpus", str(target)]) == 0
    assert _layers(target) == _layers(root)
    # Importing again adds nothing and writes nothing.
    before = {p: p.read_bytes() for p in (target / "annotations").rglob("*.yaml")}
    report = import_records(load_corpus(target), read_annotations(data))
    assert report.added == {} and report.written == [] and report.kept == []
    assert {p: p.read_bytes() for p in (target / "annotations").rglob("*.yaml")} == before


def test_orphans_and_stale_positions_survive_the_round_trip(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = rich_corpus(make_corpus)
    notes = root / "annotations/notes.yaml"
    notes.write_text(
        notes.read_text().replace('exact: "will develop"}', 'exact: "will develop", pos: 3}')
    )
    data = _export(root)
    lost = next(a for a in data["first"]["items"] if a["id"] == "urn:nda-reader:note:lost")
    assert _selector(lost["target"], "TextPositionSelector") is None  # no place: quote only
    assert lost["target"]["anchorPos"] is None
    n1 = next(a for a in data["first"]["items"] if a["id"] == "urn:nda-reader:note:n1")
    assert n1["target"]["anchorPos"] == 3  # the stored hint, not the place found
    assert [b["value"] for b in n1["body"] if b["purpose"] == "tagging"] == ["a", "b"]
    target = _texts_only(root, tmp_path)
    import_records(load_corpus(target), read_annotations(data))
    assert _layers(target) == _layers(root)


HYPOTHESIS = {
    # Shaped like the Hypothesis client's "Export annotations" JSON; words are ours.
    "export_date": "2025-02-01T10:00:00.000Z",
    "export_userid": "acct:analyst@hypothes.is",
    "client_version": "1.1500.0",
    "annotations": [
        {
            "id": "AbC_dEf123",
            "created": "2025-01-31T09:00:00.000000+00:00",
            "updated": "2025-01-31T09:00:00.000000+00:00",
            "user": "acct:analyst@hypothes.is",
            "uri": "https://example.org/beta?a=1&b_c=2",
            "text": "Is this the same market?",
            "tags": ["markets"],
            "group": "__world__",
            "target": [
                {
                    "source": "https://example.org/beta?a=1&b_c=2",
                    "selector": [
                        {
                            "type": "RangeSelector",
                            "startContainer": "/div[1]/p[2]",
                            "startOffset": 0,
                            "endContainer": "/div[1]/p[2]",
                            "endOffset": 19,
                        },
                        {"type": "TextPositionSelector", "start": 512, "end": 531},
                        {
                            "type": "TextQuoteSelector",
                            "exact": "data factor markets",
                            "prefix": "Page one mentions ",
                            "suffix": ".",
                        },
                    ],
                }
            ],
            "document": {"title": ["Beta"]},
            "links": {},
        },
        {
            "id": "GhI456",
            "uri": "https://elsewhere.example/alpha",
            "text": "",
            "tags": [],
            "target": [
                {
                    "source": "https://elsewhere.example/alpha",
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": "second item",
                            "prefix": "",
                            "suffix": "",
                        }
                    ],
                }
            ],
        },
        {"id": "reply1", "uri": "x", "text": "Agreed.", "references": ["AbC_dEf123"], "target": []},
        {"id": "page1", "uri": "x", "text": "A page note.", "target": [{"source": "x"}]},
        {
            "id": "gone1",
            "uri": "x",
            "text": "?",
            "target": [
                {
                    "source": "x",
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": "words that are in no text"}
                    ],
                }
            ],
        },
    ],
}


def test_a_hypothesis_export_becomes_notes_on_the_passages_it_quotes(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = rich_corpus(make_corpus)
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(HYPOTHESIS), encoding="utf-8")
    assert main(["import", str(path), "--corpus", str(root)]) == 0
    out = capsys.readouterr().out
    assert "added 2 notes" in out
    assert "skipped Hypothesis reply reply1" in out and "skipped Hypothesis page note page1" in out
    assert "'words that are in no text' is found in no text" in out
    corpus = load_corpus(root)
    body = corpus.documents["beta-p1"].body
    markets = next(n for n in corpus.notes if n.text == "Is this the same market?")
    assert (markets.anchor.doc, markets.tags) == ("beta-p1", ["markets"])
    assert markets.anchor.pos == body.index("data factor markets")  # our offset, not the page's
    assert corpus.place(markets.anchor).placed
    highlight = next(n for n in corpus.notes if n.anchor.exact == "second item")
    assert highlight.anchor.doc == "alpha" and highlight.text == "(highlighted in Hypothesis)"
    assert not [p for p in corpus.problems if p.is_error and "lost" not in p.message]
    assert main(["import", str(path), "--corpus", str(root)]) == 0
    assert "added nothing new" in capsys.readouterr().out


def test_a_file_that_is_not_annotations_is_refused_with_a_reason(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = rich_corpus(make_corpus)
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    assert main(["import", str(path), "--corpus", str(root)]) == 2
    assert "not a Web Annotation collection or a Hypothesis export" in capsys.readouterr().err
    path.write_text("{oops", encoding="utf-8")
    assert main(["import", str(path), "--corpus", str(root)]) == 2
    assert "not a JSON file" in capsys.readouterr().err
