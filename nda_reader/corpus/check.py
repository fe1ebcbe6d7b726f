"""``nda-reader check``: validate a corpus and report problems as ``path:line:col``.

The checks that need pypinyin live here, not in :mod:`nda_reader.corpus.model`, so that opening
the reader never pays for importing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from nda_reader.corpus.check_terms import (
    Suggest,
    check_deprecated_renderings,
    check_pinyin_form,
    check_uncovered_chinese,
    check_unreadable,
)
from nda_reader.corpus.glossary import known_words
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import form_key
from nda_reader.formats.problems import Problem, ProblemList


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of checking a corpus."""

    corpus: Corpus
    problems: list[Problem]

    @property
    def errors(self) -> int:
        """Number of errors (orphans included)."""
        return sum(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        """Number of warnings."""
        return sum(not p.is_error for p in self.problems)

    @property
    def orphans(self) -> int:
        """Number of orphaned anchors."""
        return sum(p.orphan for p in self.problems)


def check_corpus(root: Path, *, pinyin: bool = True, suggest: Suggest | None = None) -> CheckReport:
    """Load and validate the corpus at ``root``, including the glossary's pinyin.

    ``suggest`` gives a reading for Chinese that no glossary entry covers (the command
    line gives the dictionary's)."""
    corpus = load_corpus(root)
    extra = ProblemList()
    _check_glossary_usage(corpus, extra)
    _check_turn_labels(corpus, extra)
    check_deprecated_renderings(corpus, extra)
    check_uncovered_chinese(corpus, extra, suggest)
    if pinyin:
        _check_pinyin(corpus, extra)
        check_pinyin_form(corpus, extra)
        check_unreadable(corpus, extra)
    problems = sorted(
        [*corpus.problems, *extra], key=lambda p: (str(p.path), p.line, p.column, p.message)
    )
    return CheckReport(corpus, problems)


def _check_glossary_usage(corpus: Corpus, problems: ProblemList) -> None:
    """Forms claimed twice, aliases the texts never use, and hanzi_source claims."""
    claimed: dict[str, str] = {}
    bodies = "\n".join(d.body for d in corpus.documents.values())
    folded = form_key(bodies)
    # hanzi_source: text means the hanzi is in a *published* text. The annotators' own
    # translation (origin: annotators) holds their choice of hanzi, not evidence of it.
    published = "\n".join(d.body for d in corpus.documents.values() if d.origin != "annotators")
    for entry in corpus.glossary.entries.values():
        for form in entry.forms:
            key = form_key(form)
            other = claimed.setdefault(key, entry.id)
            if other != entry.id:
                problems.error_at(
                    entry.path,
                    entry.where("aliases"),
                    f"{form!r} of {entry.id!r} is already a form of "
                    f"{other!r}; a form may belong to one entry only",
                )
        if not corpus.documents:
            continue
        for alias in entry.aliases:
            if form_key(alias) not in folded:
                problems.warning_at(
                    entry.path,
                    entry.where("aliases"),
                    f"alias {alias!r} of {entry.id!r} occurs in no text",
                )
        in_text = entry.hanzi in published
        if entry.hanzi_source == "text" and not in_text:
            problems.error_at(
                entry.path,
                entry.where("hanzi_source"),
                f"{entry.id!r} says hanzi_source: text but "
                f"{entry.hanzi!r} is in no published text; use hanzi_source: annotator",
            )
        elif entry.hanzi_source == "annotator" and in_text:
            problems.warning_at(
                entry.path,
                entry.where("hanzi_source"),
                f"{entry.id!r} says hanzi_source: annotator but "
                f"{entry.hanzi!r} is in a published text; use hanzi_source: text",
            )


def _check_turn_labels(corpus: Corpus, problems: ProblemList) -> None:
    """A turn's anchor should start a passage, and turns need a transcript."""
    for doc_id, layer in corpus.speaker_layers.items():
        doc = corpus.documents.get(doc_id)
        if doc is None:
            continue
        if doc.kind != "transcript":
            problems.warning(
                layer.path,
                layer.doc_line,
                layer.doc_column,
                f"{doc_id!r} is a {doc.kind}, not a transcript",
            )
        starts = {b.start for b in doc.blocks}
        for turn in layer.turns:
            at = corpus.place(turn.anchor)
            if at.placed and at.start not in starts:
                problems.warning(
                    turn.anchor.path,
                    turn.anchor.line,
                    turn.anchor.column,
                    f"turn of {turn.speaker!r} starts mid-passage; anchor it on the speaker label",
                )


def _check_pinyin(corpus: Corpus, problems: ProblemList) -> None:
    from nda_reader.lang.pinyin import check_pinyin, draft_pinyin  # pypinyin: only now

    known = known_words(corpus.glossary)
    for entry in corpus.glossary.entries.values():
        others = {k: v for k, v in known.items() if k != entry.hanzi}
        issue = check_pinyin(
            entry.hanzi, entry.pinyin, person=entry.is_person, proper=entry.is_proper, known=others
        )
        if issue and not entry.pinyin_override:
            problems.error_at(
                entry.path,
                entry.where("pinyin"),
                f"{entry.id!r}: {issue}; correct it, or set "
                "pinyin_override: true if the stored reading is deliberate",
            )
        elif entry.pinyin_override and entry.pinyin == draft_pinyin(
            entry.hanzi, person=entry.is_person, proper=entry.is_proper, known=others
        ):
            problems.warning_at(
                entry.path,
                entry.where("pinyin_override"),
                f"{entry.id!r} has pinyin_override: true but its pinyin "
                "agrees with the draft; remove the override",
            )


def print_report(report: CheckReport, out: TextIO, base: Path | None = None) -> None:
    """Print one line per problem, then a summary of counts."""
    for problem in report.problems:
        print(problem.format(base), file=out)
    c = report.corpus
    turns = sum(len(layer.turns) for layer in c.speaker_layers.values())
    docs_linked = {a.doc for link in c.crossrefs for a in (link.source, link.target)}
    print(
        f"{len(c.documents)} texts, {len(c.layer_files)} layer files: "
        f"{len(c.glossary)} glossary entries, {turns} speaker turns, "
        f"{len(c.crossrefs)} cross-references across {len(docs_linked)} texts, "
        f"{len(c.notes)} notes",
        file=out,
    )
    print(
        f"{_count(report.errors, 'error')}, {_count(report.warnings, 'warning')}, "
        f"{_count(report.orphans, 'orphan')}",
        file=out,
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
