"""The termbase checks of ``nda-reader check``: pinyin form, renderings, uncovered Chinese.

The texts and glossaries here are our own, written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from nda_reader.corpus.check import check_corpus
from nda_reader.corpus.check_terms import uncovered_chinese
from nda_reader.corpus.loader import load_corpus
from tests.helpers.corpora import MakeCorpus, text_file

BODY = """\
# A translation of ours

The National Bureau of Data met the State Council Information Office (国务院新闻办公室).
Zheng Shanjie 郑栅洁 spoke; the 发展和改革委员会 was named too.

Source: https://www.example.org/nbd/state-council/page.html
"""

ENTRY_SCIO = """\
  - id: scio
    kind: organisation
    hanzi: 国务院新闻办公室
    pinyin: {scio}
    english: State Council Information Office
    hanzi_source: text
"""

ENTRY_NDA = """\
  - id: nda
    kind: organisation
    hanzi: 国家数据局
    pinyin: Guójiā Shùjùjú
    english: National Data Administration
    aliases: [National Bureau of Data, nbd]
    renderings:
      National Data Administration: {{status: preferred, source: the NDA's own English name}}
      National Bureau of Data: {{status: {status}, note: an early translation}}
    hanzi_source: annotator
"""

ENTRY_ZHENG = """\
  - id: zheng-shanjie
    kind: person
    hanzi: 郑栅洁
    pinyin: {zheng}
    english: Zheng Shanjie
    hanzi_source: text
    roles: [{{title: Chairman, organisation: NDRC}}]
"""


def _corpus(
    make_corpus: MakeCorpus,
    *,
    scio: str = "Guówùyuàn Xīnwén Bàngōngshì",
    zheng: str = "Zhèng Shānjié",
    status: str = "admitted",
    body: str = BODY,
    extra: str = "",
) -> Path:
    glossary = (
        "layer: glossary\nversion: 1\nentries:\n"
        + ENTRY_SCIO.format(scio=scio)
        + ENTRY_NDA.format(status=status)
        + ENTRY_ZHENG.format(zheng=zheng)
        + extra
    )
    return make_corpus({"texts/t.md": text_file("t", body), "annotations/glossary.yaml": glossary})


def _lines(root: Path) -> list[str]:
    return [p.format(root) for p in check_corpus(root).problems]


def test_broken_words_are_reported_with_the_draft(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus, scio="Guówù Yuànxīn Wénbàn Gōngshì")
    assert (
        "annotations/glossary.yaml:7:13: warning: 'scio': word joining of pinyin "
        "'Guówù Yuànxīn Wénbàn Gōngshì' differs from GB/T 16159: write "
        "'Guówùyuàn Xīnwén Bàngōngshì' (or set pinyin_override: true if yours is deliberate)"
    ) in _lines(root)


def test_lower_case_name_of_an_organisation_is_reported(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus, scio="guówùyuàn xīnwén bàngōngshì")
    assert any("'scio': capitalisation of pinyin" in line for line in _lines(root))


def test_a_person_written_as_one_word_is_reported(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus, zheng="zhèngshānjié")
    found = [line for line in _lines(root) if "'zheng-shanjie'" in line]
    assert found == [
        "annotations/glossary.yaml:23:13: warning: 'zheng-shanjie': name form of pinyin "
        "'zhèngshānjié' differs from GB/T 28039: write 'Zhèng Shānjié' (or set "
        "pinyin_override: true if yours is deliberate)"
    ]


def test_the_override_silences_the_form_check(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus, scio="Guówùyuàn Xīnwén Bàngōng Shì\n    pinyin_override: true")
    assert not any("'scio'" in line for line in _lines(root))


def test_uncovered_chinese_is_reported_where_it_is(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus)
    assert (
        "texts/t.md:11:30: warning: Chinese '发展和改革委员会' is in no glossary entry; "
        "add an entry or an alias for it (select it, then g or G)"
    ) in _lines(root)
    spans = list(uncovered_chinese(load_corpus(root)))
    assert [s.text for s in spans] == ["发展和改革委员会"]  # the others are entries' hanzi


def test_uncovered_chinese_takes_a_suggestion(make_corpus: MakeCorpus) -> None:
    from nda_reader.corpus.check_terms import check_uncovered_chinese
    from nda_reader.formats.problems import ProblemList

    corpus = load_corpus(_corpus(make_corpus))
    problems = ProblemList()
    check_uncovered_chinese(corpus, problems, suggest=lambda text: "fāzhǎn hé gǎigé wěiyuánhuì")
    assert "(suggested: fāzhǎn hé gǎigé wěiyuánhuì)" in problems[0].message


def test_deprecated_rendering_in_a_text_names_the_preferred_one(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus, status="deprecated")
    assert (
        "texts/t.md:10:5: warning: 'National Bureau of Data' is a deprecated rendering of "
        "'nda'; use 'National Data Administration'"
    ) in _lines(root)
    assert not any("deprecated" in line for line in _lines(_corpus(make_corpus, status="admitted")))


def test_a_term_is_never_matched_inside_a_url(make_corpus: MakeCorpus) -> None:
    corpus = load_corpus(_corpus(make_corpus))
    body = corpus.documents["t"].body
    url_at = body.index("https://")
    assert all(o.start < url_at for o in corpus.occurrences.in_doc("t"))


def test_renderings_are_validated_with_positions(make_corpus: MakeCorpus) -> None:
    bad = """\
  - id: ndrc
    kind: organisation
    hanzi: 国家发展和改革委员会
    pinyin: Guójiā Fāzhǎn hé Gǎigé Wěiyuánhuì
    english: National Development and Reform Commission
    aliases: [NDRC]
    renderings:
      NRDC: {status: admitted}
      NDRC: {status: preferred}
      National Development and Reform Commission: {status: preferred, sauce: x}
    hanzi_source: annotator
"""
    lines = _lines(_corpus(make_corpus, extra=bad))
    assert (
        "annotations/glossary.yaml:34:7: error: rendering 'NRDC' of glossary entry 'ndrc' is "
        "not its 'english' nor one of its aliases; did you mean 'NDRC'?"
    ) in lines
    assert any(
        line.startswith("annotations/glossary.yaml:36:")
        and "unknown field 'sauce' in rendering" in line
        for line in lines
    )


def test_two_preferred_renderings_are_an_error(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus, status="preferred")
    assert any("has 2 preferred renderings" in line for line in _lines(root))


def test_the_preferred_rendering_names_the_entry_in_the_export(make_corpus: MakeCorpus) -> None:
    from nda_reader.export.render import glossary_section

    root = _corpus(
        make_corpus,
        body=BODY.replace("National Bureau of Data", "nbd"),
    )
    corpus = load_corpus(root)
    corpus.glossary.entries["nda"].renderings.pop("National Data Administration")
    corpus.glossary.entries["nda"].renderings["nbd"] = (
        corpus.glossary.entries["nda"].rendering("nbd").__class__("nbd", "preferred")
    )
    table = glossary_section(corpus, [corpus.documents["t"]])
    assert "| nbd | 国家数据局 |" in table
