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

from nda_reader.corpus.check_suggestions import Suggest, suggestions
from nda_reader.corpus.document import Document
from nda_reader.corpus.draft_worker import PARALLEL_FROM, Helper, PendingDrafts
from nda_reader.corpus.glossary import known_words
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.progress import Progress, no_progress
from nda_reader.corpus.term_index import form_key
from nda_reader.formats.problems import ProblemList
from nda_reader.lang.hanzi import han_runs


def drafts(corpus: Corpus) -> dict[str, str]:
    """The drafted pinyin of every glossary entry, by id, each drafted from the other
    entries' curated words, made in this process (see :func:`start_drafts`)."""
    under_way = start_drafts(corpus, parallel_from=0)
    try:
        return under_way.result()
    finally:
        under_way.close()


def start_drafts(
    corpus: Corpus, *, parallel_from: int = PARALLEL_FROM, helper: Helper | None = None
) -> DraftsUnderWay:
    """Start drafting the pinyin of every glossary entry (see :func:`drafts`). Drafting
    loads jieba and segments every entry (seconds for a large glossary): it is done once
    for both checks, in a second process when ``parallel_from`` entries or more are to be
    drafted (0: never; see :mod:`~nda_reader.corpus.draft_worker`): ``helper``'s, if
    given, else one started for them. The corpus index keeps the drafts for the next run,
    by everything a draft depends on."""
    from nda_reader.lang.segment import KnownWords, known_in

    known = KnownWords(known_words(corpus.glossary))
    entries = list(corpus.glossary.entries.values())
    versions = _versions()  # of jieba and pypinyin; the index is made anew for new code
    keys = {
        entry.id: json.dumps(
            [
                versions,
                entry.hanzi,
                entry.is_person,
                entry.is_proper,
                [
                    (w, k.pinyin, k.proper)
                    for w, k in known_in(entry.hanzi, known.excluding(entry.hanzi))
                ],
            ],
            ensure_ascii=False,
        )
        for entry in entries
    }
    backing = corpus.backing
    kept = backing.remembered("pinyin-draft", keys.values()) if backing is not None else {}
    missing = [e for e in entries if keys[e.id] not in kept]
    pending = PendingDrafts(
        [(e.id, e.hanzi, e.is_person, e.is_proper) for e in missing],
        known.words,
        parallel_from=parallel_from or len(missing) + 1,
        helper=helper,
    )
    return DraftsUnderWay(corpus, keys, kept, pending)


class DraftsUnderWay:
    """The drafts of a glossary, some kept in the corpus index, the others being made."""

    def __init__(
        self,
        corpus: Corpus,
        keys: dict[str, str],
        kept: dict[str, str],
        pending: PendingDrafts,
    ) -> None:
        self._corpus = corpus
        self._keys = keys
        self._kept = kept
        self._pending = pending

    @property
    def in_worker(self) -> bool:
        """True while a worker process is making drafts."""
        return self._pending.in_worker

    def result(self, progress: Progress = no_progress) -> dict[str, str]:
        """Every entry's draft by id (waiting for those still being made, ``progress``
        saying how far they are); those made are kept in the corpus index."""
        made = self._pending.result(progress)
        keys, kept = self._keys, self._kept
        out = {i: kept[k] if k in kept else made[i] for i, k in keys.items()}
        backing = self._corpus.backing
        if backing is not None and made:
            backing.remember("pinyin-draft", {keys[i]: out[i] for i in keys})
        return out

    def close(self) -> None:
        """Stop making drafts no one will take."""
        self._pending.close()


def _versions() -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("jieba", "pypinyin"):
        try:
            out.append(version(name))
        except PackageNotFoundError:
            out.append("")
    return out


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
        for start, end in uncovered_in(doc.body, _covering(corpus, doc)):
            yield UncoveredSpan(doc.id, start, end, doc.body[start:end])


def _covering(corpus: Corpus, doc: Document) -> list[tuple[int, int]]:
    """The spans of ``doc``'s terms that may cover its Chinese: all its terms when they
    are at hand (the corpus index, or found before), else only those holding hanzi,
    found in its runs of hanzi (:meth:`~.term_index.TermMatcher.han_spans`: a check
    without the index finds no English term for this)."""
    if "occurrences" not in vars(corpus):  # neither found before nor kept by the index
        spans = corpus.matcher.han_spans(doc.body)
        if spans is not None:
            return spans
    return [(o.start, o.end) for o in corpus.occurrences.in_doc(doc.id)]


def uncovered_in(body: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of each run of hanzi in ``body`` outside the terms' ``spans``, in
    order: each run less the spans, merged, that overlap it."""
    covered = sorted(spans)
    out: list[tuple[int, int]] = []
    i = 0
    for run_start, run_end in han_runs(body):
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
