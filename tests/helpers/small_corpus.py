"""A small corpus written for the tests (our own text): quick to load and to draw.

Three documents: a press-conference transcript with two speakers, a two-part readout, and a
short report; a glossary of six entries (a person among them), speaker turns, two
cross-references and a note. Pilot tests use it where the bundled corpus is not the point.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.corpora import MakeCorpus, text_file

TRANSCRIPT = "press-conference"
READOUT_1 = "readout-p1"
READOUT_2 = "readout-p2"
REPORT = "annual-report"

_TRANSCRIPT = """
# Press conference on data factors

Chen Ming:

Good morning. The National Data Administration will publish new rules on data factors this
year. Data factors are the raw material of the digital economy.

Reporter:

How will the rules help small firms?

Chen Ming:

The National Data Administration will open public data to small firms first.
We call this the data factor plan.

Reporter:

Thank you.
"""

_READOUT_1 = """
# Readout of the work meeting

The meeting reviewed the data factor plan and the digital economy.

- first, open public data;
- second, build the data market.
"""

_READOUT_2 = """
The meeting closed with a call to the provinces. The National Data Administration will
report in June.
"""

_REPORT = """
# Annual report

In its first year the National Data Administration (NDA) drafted rules on data factors.
The digital economy grew by a tenth.
"""

GLOSSARY = """
layer: glossary
version: 1
entries:
  - id: nda
    kind: organisation
    hanzi: 国家数据局
    pinyin: Guójiā Shùjùjú
    english: National Data Administration
    aliases:
      - NDA
    hanzi_source: annotator
  - id: data-factors
    kind: term
    hanzi: 数据要素
    pinyin: shùjù yàosù
    english: data factors
    aliases:
      - data factor
    hanzi_source: annotator
  - id: digital-economy
    kind: term
    hanzi: 数字经济
    pinyin: shùzì jīngjì
    english: digital economy
    hanzi_source: annotator
  - id: public-data
    kind: term
    hanzi: 公共数据
    pinyin: gōnggòng shùjù
    english: public data
    hanzi_source: annotator
  - id: data-market
    kind: term
    hanzi: 数据市场
    pinyin: shùjù shìchǎng
    english: data market
    hanzi_source: annotator
  - id: chen-ming
    kind: person
    hanzi: 陈明
    pinyin: Chén Míng
    english: Chen Ming
    hanzi_source: annotator
    note: A spokesperson invented for the tests.
    roles:
      - title: Spokesperson
        organisation: nda
        from: "2024"
"""

SPEAKERS = """
layer: speakers
version: 1
doc: press-conference
speakers:
  - id: chen
    term: chen-ming
  - id: reporter
    name: Reporter
    kind: outlet
turns:
  - speaker: chen
    anchor:
      exact: "Chen Ming:"
      suffix: "\\n\\nGood morning."
  - speaker: reporter
    anchor:
      exact: "Reporter:"
      suffix: "\\n\\nHow will"
  - speaker: chen
    anchor:
      exact: "Chen Ming:"
      suffix: "\\n\\nThe National Data Administration will open"
  - speaker: reporter
    anchor:
      exact: "Reporter:"
      suffix: "\\n\\nThank you."
"""

CROSSREFS = """
layer: crossrefs
version: 1
links:
  - id: plan-reviewed
    relation: follow-up
    source:
      doc: press-conference
      exact: We call this the data factor plan.
    target:
      doc: readout-p1
      exact: The meeting reviewed the data factor plan
  - id: rules-drafted
    relation: elaborates
    source:
      doc: annual-report
      exact: drafted rules on data factors
    target:
      doc: press-conference
      exact: will publish new rules on data factors
"""

NOTES = """
layer: notes
version: 1
notes:
  - id: small-firms-first
    anchor:
      doc: press-conference
      exact: open public data to small firms first
    text: Small firms first, a promise to check next year.
    tags: [follow-up]
"""


def small_corpus(make_corpus: MakeCorpus, name: str = "corpus") -> Path:
    """Write the small corpus with ``make_corpus``; return its folder."""
    return make_corpus(
        {
            f"texts/{TRANSCRIPT}.md": text_file(
                TRANSCRIPT, _TRANSCRIPT, title="Press conference on data factors",
                date="2024-03-01", kind="transcript", publisher="Test Press Office",
            ),
            f"texts/{READOUT_1}.md": text_file(
                READOUT_1, _READOUT_1, title="Readout of the work meeting", date="2024-05-02",
                kind="readout", part_of="readout", part=1,
            ),
            f"texts/{READOUT_2}.md": text_file(
                READOUT_2, _READOUT_2, title="Readout of the work meeting", date="2024-05-02",
                kind="readout", part_of="readout", part=2,
            ),
            f"texts/{REPORT}.md": text_file(
                REPORT, _REPORT, title="Annual report", date="2025-01-15", kind="report"
            ),
            "annotations/glossary.yaml": GLOSSARY,
            f"annotations/speakers/{TRANSCRIPT}.yaml": SPEAKERS,
            "annotations/crossrefs.yaml": CROSSREFS,
            "annotations/notes.yaml": NOTES,
        },
        name,
    )  # fmt: skip
