"""The importer's rules: debris kept as data and extendable per corpus, labels, dates, and
a body that keeps the source's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nda_reader.importing.dates import find_dates, parse_date
from nda_reader.importing.draft import make_draft
from nda_reader.importing.labels import find_label
from nda_reader.importing.rules import CORPUS_RULES, RulesError, load_rules
from nda_reader.importing.sources import from_text
from tests.helpers.corpora import REPO

RULES = load_rules()

PAGE = """\
HARBOUR WEEKLY
Home > News > Data
Harbour data opened to the public
Data
{lead}
Share | Print | Close
Subscribe to Harbour Weekly for more.
Read in Chinese
1 2 3 >
Related Posts
Port statistics in 2024
""".format(
    lead="The Binhai Data Office opened three kinds of harbour data to the public this week, "
    "after a year of preparation with the port authority."
)
"""A made-up web page of our own, with the usual debris."""


def _body(text: str, rules: object = RULES) -> str:
    return make_draft(from_text(text), rules).body  # type: ignore[arg-type]


def test_debris_is_removed_and_listed() -> None:
    draft = make_draft(from_text(PAGE), RULES)
    assert draft.body == (
        "# Harbour data opened to the public\n\n"
        "The Binhai Data Office opened three kinds of harbour data to the public this week, "
        "after a year of preparation with the port authority.\n\n"
        "Subscribe to Harbour Weekly for more.\n"
    )
    assert [r.rule for r in draft.removed] == [
        "masthead",
        "breadcrumb",
        "section-label",
        "share-bar",
        "read-in",
        "pagination",
        "related",
        "related",
    ]


def test_a_corpus_adds_and_disables_rules(tmp_path: Path) -> None:
    (tmp_path / CORPUS_RULES).write_text(
        "disable: [section-label]\n"
        "debris:\n"
        "  - name: subscribe\n"
        "    what: subscription box\n"
        "    pattern: 'Subscribe to .* for more\\.'\n",
        encoding="utf-8",
    )
    body = _body(PAGE, load_rules(tmp_path))
    assert "Subscribe" not in body
    assert "\n\nData\n\n" in body  # the section label is kept now


def test_the_documented_example_rules_work(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "adding-texts.md").read_text(encoding="utf-8")
    start = doc.index("# import-rules.yaml")
    (tmp_path / CORPUS_RULES).write_text(doc[start : doc.index("```", start)], encoding="utf-8")
    rules = load_rules(tmp_path)
    assert "Subscribe" not in _body(PAGE, rules)
    assert "moderator's note" in rules.not_speakers and "toast" in rules.kinds["speech"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("debris:\n  - name: x\n    pattern: '(unclosed'\n", "debris rule 'x': bad pattern"),
        ("debris:\n  - name: x\n    pattern: a\n    rset: true\n", "unknown keys: rset"),
        ("debris:\n  - name: x\n    pattern: '(?P<when>a)'\n", "names groups ['when']"),
        ("speakers: []\n", "unknown keys: speakers"),
        ("debris: [\n", f"{CORPUS_RULES}:2:1: not valid YAML"),
    ],
)
def test_bad_corpus_rules_say_where_and_why(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / CORPUS_RULES).write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=None) as error:
        load_rules(tmp_path)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("passage", "label"),
    [
        ("Liu Liehong:", ("Liu Liehong:", "Liu Liehong", "", False)),
        ("Mr. Liu: We will.", ("Mr. Liu:", "Liu", "Mr.", True)),
        ("CCTV: A question.", ("CCTV:", "CCTV", "", True)),
        ("Red Star News:", ("Red Star News:", "Red Star News", "", False)),
        ("汪文斌：今天没有消息。", ("汪文斌：", "汪文斌", "", True)),
        ("Speakers:", None),
        ("Source: https://example.org/a", None),
        ("context: an aside", None),
        ("会议指出：要加快发展。", None),
        ("The strategy has eight priorities:", None),
        ("Ratio:3", None),
    ],
)
def test_speaker_labels(passage: str, label: tuple[str, str, str, bool] | None) -> None:
    found = find_label(passage, RULES)
    got = None if found is None else (found.text, found.name, found.honorific, found.inline)
    assert got == label


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("July 22, 2024", "2024-07-22"),
        ("22 July 2024", "2024-07-22"),
        ("2024年7月22日", "2024-07-22"),
        ("2024-07-22", "2024-07-22"),
        ("29 to 30 December 2025", "2025-12-29"),
        ("Aug. 13, 2024", "2024-08-13"),
        ("July 22", None),
        ("2024-2026", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_a_date_without_its_year_is_found_but_not_completed() -> None:
    found = find_dates("On November 10th, he spoke; in 2024年3月5日 too.")
    assert [(f.iso, f.has_year) for f in found] == [("--11-10", False), ("2024-03-05", True)]


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz数据要素", min_size=1, max_size=8)
_PARAGRAPH = st.lists(_WORD, min_size=16, max_size=30).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_the_body_keeps_every_word_of_the_source(paragraphs: list[str], newline: str) -> None:
    text = ("Our headline\n\n" + "\n\n".join(paragraphs)).replace("\n", newline)
    body = _body(text)
    assert body == "# Our headline\n\n" + "\n\n".join(paragraphs) + "\n"
