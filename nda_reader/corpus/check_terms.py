"""The termbase checks of ``nda-reader check``: a translator's consistency checks.

Each check is a function of its own, adding problems to a list, so that they can be run,
tested and moved one by one:

* :func:`check_pinyin_form`: word joining and capitalisation (GB/T 16159) and name form
  (GB/T 28039) of the stored pinyin, compared with the draft; a warning with the draft;
* :func:`check_unreadable`: characters pypinyin cannot read (their reading is unchecked);
* :func:`check_deprecated_renderings`: a text uses a rendering marked ``deprecated``;
* :func:`check_uncovered_chinese`: Chinese in a text that no glossary entry covers.

The pinyin checks import pypinyin and jieba: they run only from ``check``, never when the
reader opens a corpus.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from nda_reader.corpus.check_drafts import drafts
from nda_reader.corpus.check_suggestions import Suggest, suggestions
from nda_reader.corpus.document import Document
from nda_reader.corpus.draft_worker import Helper
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.term_index import form_key
from nda_reader.formats.problems import ProblemList
from nda_reader.lang.hanzi import han_runs


def check_pinyin_form(
    corpus: Corpus, problems: ProblemList, drafted: dict[str, str] | None = None
) -> None:
    """Warn where stored pinyin joins words or capitalises differently from the draft
    (``drafted``: :func:`drafts`, when the caller has them)."""
    from nda_reader.lang.pinyin import form_issue

    drafted = drafts(corpus) if drafted is None else drafted
    for entry in corpus.glossary.entries.values():
        if entry.pinyin_override:
            continue
        draft = drafted[entry.id]
        issue = form_issue(entry.pinyin, draft, person=entry.is_person)
        if issue is None:
            continue
        standard = "GB/T 28039" if entry.is_person else "GB/T 16159"
        problems.warning_at(
            entry.path,
            entry.where("pinyin"),
            f"{entry.id!r}: {issue} of pinyin {entry.pinyin!r} differs from {standard}: "
            f"write {draft!r} (or set pinyin_override: true if yours is deliberate)",
        )


def check_unreadable(
    corpus: Corpus, problems: ProblemList, found: list[list[str]] | None = None
) -> None:
    """Warn about hanzi pypinyin cannot read: their pinyin cannot be checked. ``found``:
    :func:`unreadable_of` the entries' hanzi, in order, if the caller has it."""
    entries = list(corpus.glossary.entries.values())
    if found is None or len(found) != len(entries):
        found = unreadable_of([e.hanzi for e in entries])
    for entry, chars in zip(entries, found, strict=True):
        if chars:
            problems.warning_at(
                entry.path,
                entry.where("hanzi"),
                f"{entry.id!r}: pypinyin cannot read {''.join(dict.fromkeys(chars))!r}; "
                "its pinyin was not checked: check the reading in a dictionary",
            )


def unreadable_of(hanzi: list[str]) -> list[list[str]]:
    """The characters pypinyin cannot read of each of ``hanzi`` (a helper may run it)."""
    from nda_reader.lang.pinyin import unreadable

    return [unreadable(h) for h in hanzi]


def check_deprecated_renderings(corpus: Corpus, problems: ProblemList) -> None:
    """Warn at each place a text uses a rendering marked ``deprecated``."""
    deprecated = {
        entry.id
        for entry in corpus.glossary.entries.values()
        if any(r.status == "deprecated" for r in entry.renderings.values())
    }
    if not deprecated:
        return
    for doc in corpus.ordered_documents():
        for occ in corpus.occurrences.in_doc(doc.id):
            if occ.entry_id not in deprecated:
                continue
            entry = corpus.glossary.get(occ.entry_id)
            if entry is None:
                continue
            used = form_key(doc.body[occ.start : occ.end])
            for form, rendering in entry.renderings.items():
                if rendering.status == "deprecated" and form_key(form) == used:
                    problems.warning(
                        doc.path,
                        *doc.file_position(occ.start),
                        f"{form!r} is a deprecated rendering of {entry.id!r}; "
                        f"use {entry.preferred!r}",
                    )


@dataclass(frozen=True, slots=True)
class UncoveredSpan:
    """Chinese text in a document that no glossary form covers."""

    doc: str
    start: int
    end: int
    text: str


def written_in_chinese(doc: Document) -> bool:
    """True for a text in Chinese (``language: zh...``) or with Chinese passages of its own
    (``pairs: zh-en``): its Chinese is the text, not names and terms quoted in a
    translation, so it is not held against the glossary."""
    return doc.language.lower().startswith("zh") or doc.pairs == "zh-en"


def uncovered_chinese(corpus: Corpus) -> Iterator[UncoveredSpan]:
    """Runs of hanzi outside every glossary occurrence, in corpus order (texts written in
    Chinese left out: see :func:`written_in_chinese`)."""
    for doc in corpus.ordered_documents():
        if written_in_chinese(doc):
            continue
        runs = list(han_runs(doc.body))  # found once for both steps
        for start, end in uncovered_in(doc.body, _covering(corpus, doc, runs), runs):
            yield UncoveredSpan(doc.id, start, end, doc.body[start:end])


def _covering(
    corpus: Corpus, doc: Document, runs: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """The spans of ``doc``'s terms that may cover its Chinese: all its terms when they
    are at hand (the corpus index, or found before), else only those holding hanzi,
    found in its runs of hanzi (:meth:`~.term_index.TermMatcher.han_spans`, given them as
    ``runs`` if the caller has them: a check without the index finds no English term
    for this)."""
    if "occurrences" not in vars(corpus):  # neither found before nor kept by the index
        spans = corpus.matcher.han_spans(doc.body, runs)
        if spans is not None:
            return spans
    return [(o.start, o.end) for o in corpus.occurrences.in_doc(doc.id)]


def uncovered_in(
    body: str,
    spans: Iterable[tuple[int, int]],
    runs: Iterable[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """The (start, end) of each run of hanzi in ``body`` (``runs``, if the caller has
    them) outside the terms' ``spans``, in order: each run less the spans, merged, that
    overlap it."""
    covered = sorted(spans)
    out: list[tuple[int, int]] = []
    i = 0
    for run_start, run_end in han_runs(body) if runs is None else runs:
        while i < len(covered) and covered[i][1] <= run_start:
            i += 1
        at = run_start
        j = i
        while j < len(covered) and covered[j][0] < run_end:
            start, end = covered[j]
            if start > at:
                out.append((at, start))
            at = max(at, end)
            j += 1
        if at < run_end:
            out.append((at, run_end))
    return out


def digest_of(value: object) -> str:
    """A short digest of a text, or of a value JSON can write (a key for the index's memo)."""
    data = value.encode("utf-8") if isinstance(value, str) else json.dumps(value).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def uncovered_spans(corpus: Corpus) -> list[UncoveredSpan]:
    """:func:`uncovered_chinese` as a list; through the corpus index, each text's spans
    are kept by the digests of its body and of the glossary forms (all they rest on), so a
    second ``check`` neither reads a text's terms nor scans its Chinese again."""
    backing = corpus.backing
    if backing is None:
        return list(uncovered_chinese(corpus))
    forms = digest_of(corpus.glossary.form_pairs())
    docs = [d for d in corpus.ordered_documents() if not written_in_chinese(d)]
    keys = {d.id: json.dumps([forms, digest_of(d.body)]) for d in docs}
    kept = backing.remembered("uncovered", keys.values())
    out: list[UncoveredSpan] = []
    values: dict[str, str] = {}
    for doc in docs:
        key = keys[doc.id]
        found = kept.get(key)
        if found is None:
            spans = uncovered_in(doc.body, _covering(corpus, doc))
            found = json.dumps(spans)
        else:
            spans = [(a, b) for a, b in json.loads(found)]
        values[key] = found
        out.extend(UncoveredSpan(doc.id, a, b, doc.body[a:b]) for a, b in spans)
    if len(kept) < len(docs):
        backing.remember("uncovered", values)
    return out


def check_uncovered_chinese(
    corpus: Corpus, problems: ProblemList, suggest: Suggest | None = None
) -> None:
    """Warn about Chinese in the texts that no glossary entry covers.

    ``suggest`` may add a reading (a dictionary's, once the corpus has one) to each message.
    """
    start_uncovered_check(corpus, suggest)(problems)


def start_uncovered_check(
    corpus: Corpus, suggest: Suggest | None = None, helper: Helper | None = None
) -> Callable[[ProblemList], None]:
    """:func:`check_uncovered_chinese` in two steps: this finds the Chinese and sets
    ``helper`` (if any) suggesting readings; the function it returns waits for them and
    adds the warnings to the problems given."""
    found = uncovered_chinese(corpus) if corpus.backing is None else uncovered_spans(corpus)
    spans: list[UncoveredSpan] = []

    def texts() -> Iterator[str]:  # suggestions are asked for as the spans are found
        for span in found:
            spans.append(span)
            yield span.text

    if suggest is not None:
        hints = suggestions(corpus, texts(), suggest, helper)
    else:
        spans.extend(found)
        hints = dict

    def finish(problems: ProblemList) -> None:
        suggested = hints()
        for span in spans:
            doc = corpus.documents[span.doc]
            hint = suggested.get(span.text)
            problems.warning(
                doc.path,
                *doc.file_position(span.start),
                f"Chinese {span.text!r} is in no glossary entry"
                + (f" (suggested: {hint})" if hint else "")
                + "; add an entry or an alias for it (select it, then g or G)",
            )

    return finish
