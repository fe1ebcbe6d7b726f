"""The report of an import: the glossary's occurrences, Chinese no entry covers, and forms
that look like new renderings of known entries (proposed, never added)."""

from __future__ import annotations

from nda_reader.corpus.glossary import Glossary, GlossaryEntry
from nda_reader.corpus.term_index import TermMatcher
from nda_reader.importing.report import glossary_findings

BODY = (
    "# Notes of our own\n\n"
    "The National Data Bureau (国家数据局) met in March. The National Data Administrations "
    "of two provinces met too.\n\n"
    "数据要素×行动启动。\n\n"
    "The data plan started.\n"
)


def _glossary() -> Glossary:
    glossary = Glossary()
    for entry in (
        GlossaryEntry("nda", "organisation", "国家数据局", "Guójiā Shùjùjú",
                      "National Data Administration", aliases=["NDA"]),
        GlossaryEntry("data-element-x", "initiative", "数据要素×", "shùjù yàosù chéng",
                      "Data Element X"),
    ):  # fmt: skip
        glossary.entries[entry.id] = entry
    return glossary


def test_findings_count_entries_list_uncovered_chinese_and_propose_renderings() -> None:
    glossary = _glossary()
    found = glossary_findings(BODY, glossary, TermMatcher.build(glossary.form_pairs()))
    assert found.occurrences == {"nda": 1, "data-element-x": 1}
    assert found.uncovered == ["行动启动"]
    assert found.renderings == [
        ("National Data Bureau", "nda", "written next to 国家数据局"),
        ("National Data Administrations", "nda", "close to 'National Data Administration'"),
        (
            "The data plan started.",
            "data-element-x",
            "the English of a passage with 数据要素× uses none of its forms",
        ),
    ]
    assert glossary.entries["nda"].aliases == ["NDA"]  # proposed, not added


def test_the_english_half_of_a_pair_without_the_entry_is_reported() -> None:
    glossary = _glossary()
    body = "数据要素×行动启动。\n\nThe data plan started.\n"
    found = glossary_findings(body, glossary, TermMatcher.build(glossary.form_pairs()))
    assert found.renderings == [
        (
            "The data plan started.",
            "data-element-x",
            "the English of a passage with 数据要素× uses none of its forms",
        )
    ]
