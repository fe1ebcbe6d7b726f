"""A person's roles on a date, in a stated precedence; the organisation said once."""

from __future__ import annotations

from nda_reader.corpus.glossary import Glossary, GlossaryEntry, Role

LEADER = GlossaryEntry(
    id="leader",
    kind="person",
    hanzi="甲乙",
    pinyin="Jiǎ Yǐ",
    english="Jia Yi",
    roles=[
        Role("Chairman of the Central Military Commission", "Central Military Commission", "2012"),
        Role("President of the Republic", "", "2013"),
        Role("General Secretary of the Party Central Committee", "", "2012"),
        Role("Governor of a Province", "", "2005", "2007"),
    ],
)
"""Our own made-up person, with roles in no particular order."""


def test_party_posts_then_the_most_recent_then_the_list_order() -> None:
    titles = [r.title for r in LEADER.roles_on("2020-01-01")]
    assert titles == [
        "General Secretary of the Party Central Committee",
        "President of the Republic",
        "Chairman of the Central Military Commission",
    ]


def test_a_role_the_text_names_comes_first() -> None:
    named = LEADER.roles_on("2020-01-01", named_in="said Chairman ")
    assert named[0].title == "Chairman of the Central Military Commission"
    assert [r.title for r in LEADER.roles_on("2006", named_in="Governor ")] == [
        "Governor of a Province"
    ]


def test_the_organisation_is_not_repeated() -> None:
    glossary = Glossary()
    org = GlossaryEntry("nda", "organisation", "国家数据局", "Guójiā Shùjùjú", "Data Bureau")
    glossary.entries["nda"] = org
    assert glossary.role_label(Role("Head of the Data Bureau", "nda")) == "Head of the Data Bureau"
    assert glossary.role_label(Role("Head", "nda")) == "Head, Data Bureau"
    assert glossary.role_label(Role("Head", "Some Office")) == "Head, Some Office"
