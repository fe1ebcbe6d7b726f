"""``nda-reader check``: validate a corpus and report problems as ``path:line:col``.

The checks that need pypinyin live here, not in :mod:`nda_reader.corpus.model`, so that opening
the reader never pays for importing it. Which glossary forms occur in the texts is found in
one pass over all texts with an Aho–Corasick automaton of every form (``pyahocorasick``),
not one search per form.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar

from nda_reader.corpus.check_drafts import start_drafts
from nda_reader.corpus.check_suggestions import Suggest
from nda_reader.corpus.check_terms import (
    check_deprecated_renderings,
    check_pinyin_form,
    check_unreadable,
    digest_of,
    start_uncovered_check,
    unreadable_of,
)
from nda_reader.corpus.document import starts_passage
from nda_reader.corpus.draft_worker import Helper
from nda_reader.corpus.loader import load_corpus
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.progress import Progress, no_progress
from nda_reader.corpus.term_index import form_key
from nda_reader.formats.problems import Problem, ProblemList
from nda_reader.lang.hanzi import non_ascii_runs

T = TypeVar("T")


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


def check_corpus(
    root: Path,
    *,
    pinyin: bool = True,
    suggest: Suggest | None = None,
    corpus: Corpus | None = None,
    progress: Progress = no_progress,
    helper: Helper | None = None,
) -> CheckReport:
    """Validate the corpus at ``root`` (loaded here, or ``corpus`` as loaded by the
    caller, e.g. through its index), including the glossary's pinyin.

    ``suggest`` gives a reading for Chinese that no glossary entry covers (the command
    line gives the dictionary's). ``helper``, a second process started before the corpus
    was loaded, does what it can meanwhile (see :class:`~nda_reader.corpus.draft_worker.Helper`)."""
    corpus = load_corpus(root) if corpus is None else corpus
    extra = ProblemList()
    # The drafts rest on the glossary alone: made meanwhile, in a second process if worth
    # it (``helper``'s, if given), which then suggests readings of the uncovered Chinese.
    drafting = start_drafts(corpus, helper=helper) if pinyin else None
    hanzi = [e.hanzi for e in corpus.glossary.entries.values()]
    unread = helper.submit(unreadable_of, hanzi) if helper and drafting else None
    try:
        finish_uncovered = start_uncovered_check(corpus, suggest, helper)
        _check_glossary_usage(corpus, extra, progress)
        _check_turn_labels(corpus, extra)
        check_deprecated_renderings(corpus, extra)
        finish_uncovered(extra)
        if drafting is not None:
            drafted = drafting.result(progress)
            _check_pinyin(corpus, extra, drafted)
            check_pinyin_form(corpus, extra, drafted)
            check_unreadable(corpus, extra, _result(unread))
    finally:
        if drafting is not None:
            drafting.close()
    problems = sorted(
        [*corpus.problems, *extra], key=lambda p: (str(p.path), p.line, p.column, p.message)
    )
    return CheckReport(corpus, problems)


def _result(made: Future[T] | None) -> T | None:
    """What ``made`` gave, if it is done: None if nothing was given, if the helper failed
    or has not got to it (still loading what other work needs: quicker done here)."""
    if made is None or not made.done():
        return None
    try:
        return made.result()
    except Exception:  # done here instead, where its error shows
        return None


def found_in(keys: Iterable[str], texts: Iterable[str]) -> set[str]:
    """Which of ``keys`` occur in any of ``texts``: one pass over each text with an
    Aho–Corasick automaton of all the keys, until every key is found."""
    import ahocorasick  # only when checking

    automaton = ahocorasick.Automaton()
    for key in set(keys):
        if key:
            automaton.add_word(key, key)
    if not len(automaton):
        return set()
    automaton.make_automaton()
    found: set[str] = set()
    wanted = len(automaton)
    for text in texts:
        for _end, key in automaton.iter(text):
            if key not in found:
                found.add(key)
                if len(found) == wanted:
                    return found
    return found


CHUNK = 1 << 20
"""Characters of the texts lower-cased at a time (see :func:`_lowered`)."""


def _lowered(text: str) -> Iterator[str]:
    """``text.replace("’", "'").lower()`` in pieces that end at a line break, so that the
    search for keys without whitespace can stop early without lowering all of it (no
    such key spans a line break, and a line break ends the context that lowering a
    capital sigma looks at)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + CHUNK)
        end = len(text) if end < 0 else end + 1
        yield text[start:end].replace("\u2019", "'").lower()
        start = end


def _found_folded(keys: set[str], text: str) -> set[str]:
    """The keys (folded by :func:`form_key`) that occur in ``form_key(text)``. A key
    without whitespace cannot span a run of whitespace, so those are looked for in the
    text merely lower-cased (much quicker than collapsing its whitespace)."""
    plain = {k for k in keys if " " not in k}
    found = found_in(plain, _lowered(text))
    spaced = keys - plain
    return found | (found_in(spaced, [form_key(text)]) if spaced else set())


def _found_exact(keys: set[str], text: str) -> set[str]:
    """The keys that occur in ``text``. Keys without ASCII characters (most hanzi) are
    looked for in the runs of non-ASCII text only: an automaton whose keys begin with
    hundreds of different characters is slow over long runs of plain English."""
    wide = {k for k in keys if k and not any(ord(c) < 128 for c in k)}
    found = found_in(wide, (text[s:e] for s, e in non_ascii_runs(text)))
    return found | found_in(keys - wide, [text])


def _kept_found(
    corpus: Corpus, kind: str, keys: set[str], text: str, find: Callable[[set[str], str], set[str]]
) -> set[str]:
    """``find(keys, text)``; through the corpus index, kept by the digests of the keys and
    of the text (all the answer rests on), so a second ``check`` need not look again."""
    backing = corpus.backing
    if backing is None:
        return find(keys, text)
    memo = json.dumps([digest_of(sorted(keys)), digest_of(text)])
    kept = backing.remembered(kind, [memo])
    if memo in kept:
        return set(json.loads(kept[memo]))
    found = find(keys, text)
    backing.remember(kind, {memo: json.dumps(sorted(found), ensure_ascii=False)})
    return found


def _check_glossary_usage(corpus: Corpus, problems: ProblemList, progress: Progress) -> None:
    """Forms claimed twice, aliases the texts never use, and hanzi_source claims."""
    claimed: dict[str, str] = {}
    entries = list(corpus.glossary.entries.values())
    # In corpus order, whichever order they were read in: the same texts make the same
    # joined text, so what the index keeps of the search below is found again.
    docs = corpus.ordered_documents()

    def bodies() -> Iterable[str]:
        for i, doc in enumerate(docs):
            if i % 50 == 0:
                progress("Looking for glossary forms", i, len(docs))
            yield doc.body

    # The texts as one, as before: a form may run from the end of one into the next.
    joined = "\n".join(bodies()) if docs else ""
    alias_keys = {form_key(a) for e in entries for a in e.aliases}
    aliases = _kept_found(corpus, "aliases-found", alias_keys, joined, _found_folded)
    # hanzi_source: text means the hanzi is in a *published* text. The annotators' own
    # translation (origin: annotators) holds their choice of hanzi, not evidence of it.
    published = "\n".join(d.body for d in docs if d.origin != "annotators")
    hanzi = _kept_found(corpus, "hanzi-found", {e.hanzi for e in entries}, published, _found_exact)
    progress("Looking for glossary forms", len(docs), len(docs))
    for entry in entries:
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
        if not docs:
            continue
        for alias in entry.aliases:
            if form_key(alias) and form_key(alias) not in aliases:
                problems.warning_at(
                    entry.path,
                    entry.where("aliases"),
                    f"alias {alias!r} of {entry.id!r} occurs in no text",
                )
        in_text = not entry.hanzi or entry.hanzi in hanzi
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
        block_starts: set[int] | None = None  # split only if a turn needs it
        for turn in layer.turns:
            at = corpus.place(turn.anchor)
            if not at.placed:
                continue
            starts = starts_passage(doc.body, at.start)
            if starts is None:
                if block_starts is None:
                    block_starts = {b.start for b in doc.blocks}
                starts = at.start in block_starts
            if not starts:
                problems.warning(
                    turn.anchor.path,
                    turn.anchor.line,
                    turn.anchor.column,
                    f"turn of {turn.speaker!r} starts mid-passage; anchor it on the speaker label",
                )


def _check_pinyin(corpus: Corpus, problems: ProblemList, drafted: dict[str, str]) -> None:
    from nda_reader.lang.pinyin import check_pinyin  # pypinyin: only now

    for entry in corpus.glossary.entries.values():
        draft = drafted[entry.id]
        issue = check_pinyin(
            entry.hanzi,
            entry.pinyin,
            person=entry.is_person,
            proper=entry.is_proper,
            draft=draft,
        )
        if issue and not entry.pinyin_override:
            problems.error_at(
                entry.path,
                entry.where("pinyin"),
                f"{entry.id!r}: {issue}; correct it, or set "
                "pinyin_override: true if the stored reading is deliberate",
            )
        elif entry.pinyin_override and entry.pinyin == draft:
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
