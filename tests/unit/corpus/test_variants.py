"""Renderings per entry on the bundled corpus, counted from the concordance's index."""

from __future__ import annotations

from nda_reader.cli.main import main
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.locations import bundled_root
from nda_reader.corpus.variants import corpus_variants, entry_variants

SPEECH = "liu-liehong-pilot-zone-speech-2023"
MEETING = "national-data-work-meeting-2025"


def test_the_nda_is_the_national_bureau_of_data_only_in_the_2023_speech() -> None:
    corpus = load_corpus(bundled_root())
    found = entry_variants(corpus, corpus.glossary.entries["nda"])
    uses = {u.form: u.counts for u in found.forms}
    # The speech's file names the bureau 9 times; 2 are in its front matter (title, note),
    # so the text itself (and the concordance) has 7.
    assert uses["National Bureau of Data"] == {SPEECH: 7}
    assert SPEECH not in uses["National Data Administration"]
    assert set(uses["National Data Administration"]) == {
        "nda-work-conference-2024",
        "scio-nda-briefing-2024-p1",
        MEETING,
    }
    assert found.total == len(corpus.occurrences.of_entry("nda"))


def test_the_2025_text_alone_has_both_work_meeting_and_working_meeting() -> None:
    corpus = load_corpus(bundled_root())
    found = corpus_variants(corpus, MEETING)
    conference = next(v for v in found if v.entry.id == "national-data-work-conference")
    assert {u.form: u.total for u in conference.forms} == {
        "National Data Work Meeting": 2,
        "National Data Working Meeting": 1,
    }


def test_the_command_counts_entries_with_more_than_one_form(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["glossary", "variants"]) == 0
    out = capsys.readouterr().out
    assert "  National Bureau of Data [admitted] ×7\n    2023-11-10 " + SPEECH + " ×7" in out
    corpus = load_corpus(bundled_root())
    varied = sum(v.varies for v in corpus_variants(corpus))
    assert out.splitlines()[-1].startswith(f"{varied} of {len(corpus.glossary)} entries")
