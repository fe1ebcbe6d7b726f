"""Opening a corpus through its index: :func:`open_corpus`.

The corpus comes back at once from what the index holds (front matter of every document,
problems; layer parts, bodies, term occurrences and placements are read when first used),
after re-reading the files that changed. The longer work (finding the glossary terms in
every text, folding every text for search) is left to :meth:`CorpusIndex.complete`, which
the reader runs in a thread after its first paint and ``check`` does not need; until it is
done, a document's terms are found when it is opened, and search reads the bodies.
"""

from __future__ import annotations

import contextlib
import copy
import pickle
import sqlite3
import threading
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from nda_reader.corpus.anchors import Anchor, Resolution
from nda_reader.corpus.loader import anchor_problems, load_corpus, reference_problems
from nda_reader.corpus.model import Corpus
from nda_reader.corpus.progress import Progress, no_progress
from nda_reader.corpus.term_index import Occurrence, TermMatcher
from nda_reader.formats.problems import ProblemList
from nda_reader.index.assembly import changed_documents
from nda_reader.index.build import (
    Assembled,
    Later,
    body_loader,
    forms_digest,
    index_search,
    index_terms,
    known_files,
    load_part,
    placements,
    update,
)
from nda_reader.index.files import Changes, Known, find_changes
from nda_reader.index.lazy import StoredDocument, StoredOccurrences, anchor_key, placement
from nda_reader.index.reloading import (
    AFTER_SAVE,
    Writer,
    Written,
    assemble_stored,
    forms_changed,
    reload_layers,
)
from nda_reader.index.search import TextFinder
from nda_reader.index.store import connect, open_index, prune

_BROKEN = (sqlite3.DatabaseError, pickle.UnpicklingError, EOFError, AttributeError, ImportError)
"""What a damaged index raises: it is then deleted and built again."""


class CorpusIndex:
    """The index of one corpus folder, and the corpus read from it."""

    def __init__(self, con: sqlite3.Connection, path: Path, root: Path) -> None:
        self.con = con
        self.path = path
        self.root = root
        self.finder = TextFinder(con)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.corpus: Corpus = Corpus(root=root)
        self.assembled: Assembled | None = None
        """What the last update assembled the corpus from (None: read from the index)."""
        self.writer = Writer(path)
        """Writes what a save changed into the index, in a thread."""
        self._placements: Callable[[Anchor], Resolution | None] | None = None
        self._later: Later | None = None
        """What :func:`open_corpus` left to write once the anchors are placed."""
        self._problems_at = 0
        """Where in the problems those of the anchors go (before any added after the
        open, as a full load has them)."""
        self._check_lock = threading.Lock()
        self._reloading = threading.Lock()
        """Held by a reload and by :meth:`prepare`, which makes what a reload needs."""
        self._known: dict[str, Known] | None = None
        """What is known of each file after the last reload (the index has it a second
        later): the files it read are not read again by the next."""
        self.unscanned = False
        """True when the last reload compared only the files a save wrote: a change made
        to another file outside the reader is still to be looked for."""

    # ------------------------------------------------------------------ reading
    def view(self) -> Corpus:
        """The corpus as the index holds it, its parts read when used."""
        con = self.con
        corpus = Corpus(root=self.root)
        for n, doc_id, key, meta in con.execute("SELECT n, id, path, meta FROM docs ORDER BY ord"):
            corpus.documents[doc_id] = StoredDocument(
                self.root / key, pickle.loads(meta), body_loader(con, doc_id), n
            )
        problems = load_part(con, "problems")
        corpus.problems = problems if isinstance(problems, ProblemList) else ProblemList()
        return corpus

    def _placement(self, anchor: Anchor) -> Resolution | None:
        with self._lock:
            row = self.con.execute(
                "SELECT status, start, stop, reason FROM place WHERE key = ?", (anchor_key(anchor),)
            ).fetchone()
        return placement(row) if row is not None else None

    def _load_part(self, name: str) -> object:
        with self._lock:
            return load_part(self.con, name)

    def _load_doc_part(self, name: str, doc_id: str) -> tuple[object] | None:
        with self._lock:
            row = self.con.execute(
                "SELECT value FROM docparts WHERE doc = ? AND name = ?", (doc_id, name)
            ).fetchone()
        return None if row is None else (pickle.loads(row[0]),)

    def attach(self, corpus: Corpus, same_terms_as: Corpus | None = None) -> Corpus:
        """Give ``corpus`` its lazy parts from this index, and make it the current one.
        With ``same_terms_as`` (a corpus with the same texts and glossary forms), its
        term occurrences, and what of them it has read, are ``corpus``'s too."""

        def compute(doc_id: str) -> list[Occurrence]:
            doc = corpus.documents.get(doc_id)
            if doc is None:
                return []
            return [Occurrence(doc_id, s, e, i) for s, e, i in corpus.matcher.find_in(doc.body)]

        kept = same_terms_as.__dict__.get("occurrences") if same_terms_as is not None else None
        if isinstance(kept, StoredOccurrences):
            occurrences, kept.compute = kept, compute
        else:
            occurrences = StoredOccurrences(self.con, compute)
        occurrences.complete = self.terms_done()
        corpus.lazy(self._load_part, self._placement, occurrences, self._load_doc_part)
        corpus.backing = self
        self.corpus = corpus
        return corpus

    def is_complete(self) -> bool:
        """True when the anchors are checked and terms and search are in the index for
        every document."""
        return self._later is None and self.terms_done() and self.finder.ready()

    def leave_check(self, later: Later) -> None:
        """Leave the anchors of the corpus just opened to :meth:`check`, and with them what
        the index is yet to keep (``later``: see :func:`~nda_reader.index.build.update`)."""
        self._later = later
        self._problems_at = len(self.corpus.problems)
        with self._lock:  # until the check stores them: a reader stopped before it left none
            self.con.execute("DELETE FROM parts WHERE name = 'problems'")

    def check(self) -> bool:
        """Place the anchors an open left unplaced (the reader paints its library first),
        put their problems where a full load has them, then have the rest of the index
        written; False when there was nothing left to do. A reload on the app's thread
        waits for a check under way in another: so nothing here waits for the app."""
        with self._check_lock:
            later, self._later = self._later, None
            if later is None:
                return False
            corpus = self.corpus
            with self._lock:  # every known placement at once, not one by one
                corpus._lookup = placements(self.con)
            found = anchor_problems(corpus, references=reference_problems(corpus))
            at = self._problems_at
            corpus.problems[at:at] = found
            corpus.checking = False
            # The index keeps the corpus's problems, not those the reader added (keymap).
            stored = copy.copy(corpus)
            stored.problems = ProblemList(corpus.problems[: at + len(found)])
            self.writer.write(stored, dict(corpus._placed), later)
            return True

    def terms_done(self) -> bool:
        """True when every document's term occurrences are in the index."""
        with self._lock:
            row = self.con.execute("SELECT count(*) FROM docs WHERE terms = 0").fetchone()
        return not row[0]

    # -------------------------------------------------------------------- search
    def documents_with(self, query: str) -> list[str] | None:
        """Ids of the documents containing ``query`` in corpus order; None while the
        search index is not complete (search then reads the bodies)."""
        if not self.finder.ready():
            return None
        return self.finder.documents_with(query)

    def candidates(self, query: str) -> list[str] | None:
        """Ids of the documents that may contain ``query`` (all that do, maybe a few
        more), in corpus order, found without reading any text; None while the search
        index is not complete."""
        if not self.finder.ready():
            return None
        return self.finder.documents_with(query, exact=False)

    # -------------------------------------------------------------------- memos
    def remembered(self, kind: str, keys: Collection[str]) -> dict[str, str]:
        """What :meth:`remember` kept of ``kind`` for ``keys`` (those it has)."""
        wanted = set(keys)
        with self._lock:
            rows = self.con.execute("SELECT key, value FROM memo WHERE kind = ?", (kind,))
            return {key: value for key, value in rows if key in wanted}

    def remember(self, kind: str, values: Mapping[str, str]) -> None:
        """Keep ``values`` (what is slow to work out from the corpus, by a key that says
        all it depends on) in place of what was kept of ``kind`` before. Nothing is kept
        when the index cannot be written now."""
        rows = [(kind, key, value) for key, value in values.items()]
        with self._lock, contextlib.suppress(sqlite3.Error), self.con:
            self.con.execute("DELETE FROM memo WHERE kind = ?", (kind,))
            self.con.executemany("INSERT INTO memo VALUES (?, ?, ?)", rows)

    # ------------------------------------------------------------------ updating
    def prepare(self) -> None:
        """Get ready for the reload after a save (in a thread, while a form is open): read
        every known placement, and the pieces of every layer file from the index, and
        assemble the corpus from them with its anchors checked, so that the reload reads
        and checks again only what the save changed. Nothing to do after an update or a
        reload: they leave what they assembled."""
        with self._reloading:
            self.check()  # a first launch's anchors, if not yet placed (they are then kept)
            ready = self.assembled is not None and self.assembled.corpus.checked is not None
            if ready and self._placements is not None and self._known is not None:
                return
            con = connect(self.path)
            try:
                if self._placements is None:
                    self._placements = placements(con)
                if self._known is None:
                    self._known = known_files(con)
                if not ready:
                    self.assembled = assemble_stored(con, self.root, self.corpus, self._placements)
            except _BROKEN:
                return  # the reload reads the index itself
            finally:
                con.close()

    def reload(self, changed: Collection[Path]) -> tuple[Corpus, frozenset[str] | None, bool]:
        """The corpus after files changed (see :meth:`_reload`); waits for :meth:`prepare`
        if it is running, rather than doing the same work beside it."""
        with self._reloading:
            return self._reload(changed)

    def _reload(self, changed: Collection[Path]) -> tuple[Corpus, frozenset[str] | None, bool]:
        """The corpus after files changed (those written by the reader, or any other).
        When only layer files did (a save), they are read and the corpus assembled in
        memory, the index written in a thread, and the documents whose annotations
        differ are told from the pieces of the files changed; otherwise the index is
        updated first. The unchanged documents stay the same objects.

        When ``changed`` names only layer files, only those are compared with what is
        known (the save's repaint does not wait for a ``stat`` of every file), and
        :attr:`unscanned` says that the other files are still to be looked at
        (:meth:`outside_changes`); otherwise every file is compared."""
        self.check()  # what the open left is written before what the reload changes
        old = self.corpus
        if self._placements is None:  # every known placement at once, not one by one
            self._placements = placements(self.con)
        old._lookup = self._placements
        known = self._known if self._known is not None else known_files(self.con)
        # Only the files written, when they are layer files and an assembled corpus lists
        # the others; else every file.
        quick_look = changed and self.assembled is not None and all(map(self._is_layer, changed))
        only = list(changed) if quick_look else None
        quick = reload_layers(self.con, self.root, old, self.assembled, known, only)
        self.unscanned = only is not None and quick is not None  # else update() looked
        if quick is not None:
            self.assembled, written, before = quick
            self._known = _after(known, self.assembled.changes, written)
            fresh = self.assembled.corpus
            pieces = self.assembled.pieces  # (a key's path: not every piece's key, ~1 ms)
            changed_files = [p for k in written if (p := Path(self.root, k)) in pieces]
            gone = {Path(self.root, k) for k, v in written.items() if v is None}
            glossary = any(
                piece.read is not None and len(piece.read.glossary)
                for path in [*changed_files, *gone]
                for piece in (before.pieces.get(path), self.assembled.pieces.get(path))
                if piece is not None
            )
            # New glossary forms: the index forgets every document's terms, and must
            # have done so before the corpus reads terms from it. (Forms come from
            # glossary entries only: a file without any cannot change them.)
            now = glossary and forms_changed(old, fresh)
            self.writer.write(fresh, dict(fresh._placed), written, now=now, delay=AFTER_SAVE)
            # Only layer files changed: unless the forms did, so did no term occurrence
            # (the reading screen's repaint then reads none again: ~10 ms of a save).
            self.attach(fresh, same_terms_as=None if now else old)
            if now:
                return fresh, None, True
            documents: set[str] = set()
            for path in [*changed_files, *gone]:
                documents |= changed_documents(
                    before.pieces.get(path), self.assembled.pieces.get(path)
                )
            return fresh, frozenset(documents), glossary
        reuse = {d.row: d for d in old.documents.values() if isinstance(d, StoredDocument)}
        self._known = None
        result = update(self.con, self.root, reuse=reuse)
        if result is None:
            return old, frozenset(), False
        self.finder.forget()
        self._placements = None
        self.assembled = result
        return self.attach(result.corpus), None, True

    def outside_changes(self) -> bool:
        """True when a corpus file differs from what the last reload knew of it (changed,
        added or removed outside the reader); safe to call from a thread."""
        known = self._known
        if known is None:
            return True  # the reload reads the index and compares every file
        return bool(find_changes(self.root, known))

    def _is_layer(self, path: Path) -> bool:
        return path.suffix in (".yaml", ".yml") and path.is_relative_to(self.root / "annotations")

    def complete(self, progress: Progress = no_progress, *, search: bool = True) -> bool:
        """Do the longer work in the index (terms, and with ``search`` the search
        indexes), in a connection of its own; False when stopped or outdated. Anchors
        an open left unplaced are placed first (:meth:`check`)."""
        self.check()
        self.writer.wait()  # the index must have the corpus before its terms
        con = connect(self.path)
        try:
            forms = forms_digest(self.corpus)
            glossary = self.corpus.glossary
            stop = self._stop.is_set
            done = index_terms(
                con, lambda: TermMatcher.build(glossary.form_pairs()), forms, progress, stop
            ) and (not search or index_search(con, progress, stop))
        except _BROKEN:
            return False
        finally:
            con.close()
        if done:
            occurrences = self.corpus.occurrences  # what was read is dropped if terms came in
            if isinstance(occurrences, StoredOccurrences) and not occurrences.complete:
                occurrences.complete = self.terms_done()
                occurrences.forget()
        return done

    def stop(self) -> None:
        """Ask :meth:`complete` to stop at its next batch."""
        self._stop.set()


def _after(known: Mapping[str, Known], changes: Changes, written: Written) -> dict[str, Known]:
    """What is known of the files after a reload: ``known``, with the files read again
    (``written``, None for those gone) and those found unchanged by content."""
    out = {**known, **changes.recheck}
    for key, item in written.items():
        if item is None:
            out.pop(key, None)
        else:
            out[key] = item[0]
    return out


def open_corpus(
    root: Path, cache_dir: Path | None, progress: Progress = no_progress, *, defer: bool = False
) -> tuple[Corpus, CorpusIndex | None]:
    """The corpus in ``root`` through its index in ``cache_dir`` (brought up to date
    first), and the index; without an index (``cache_dir`` None, or no index can be kept
    there) the corpus is loaded from its files, as ``--no-cache`` does. With ``defer``
    (the reader), the anchors are left unplaced and what the index keeps of the layer
    files unwritten until :meth:`CorpusIndex.check` (see
    :func:`~nda_reader.index.build.update`)."""
    if cache_dir is None or not (root / "texts").is_dir():
        return load_corpus(root), None
    root = root.absolute()  # the index holds paths: the same wherever it is opened from
    for _ in range(2):
        opened = open_index(root, cache_dir)
        if opened is None:
            return load_corpus(root), None
        con, path = opened
        index = CorpusIndex(con, path, root)
        try:
            result = update(con, root, progress, defer=defer)
            corpus = index.view() if result is None else result.corpus
            index.assembled = result
            index.attach(corpus)
            if result is not None and result.later is not None:
                # The anchors are placed, and the rest of the index written, later.
                index.leave_check(result.later)
        except _BROKEN:
            con.close()
            from nda_reader.index.store import remove

            remove(path)
            continue
        prune(cache_dir)
        return corpus, index
    return load_corpus(root), None
