"""Turning annotation actions into layer-file edits (the pure half of keyboard annotation).

Each function returns an :class:`~nda_reader.store.Edit` for a
:class:`~nda_reader.store.LayerStore` to save. Which file an annotation lives in follows the
corpus layout: the glossary entry's own file (else ``annotations/glossary.yaml``),
``annotations/notes.yaml``, ``annotations/crossrefs.yaml`` and
``annotations/speakers/<doc-id>.yaml``. After saving, reload the corpus: the files are the
truth, and the reload re-indexes every term at once.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from nda_reader.corpus.anchors import Anchor
from nda_reader.corpus.crossrefs import CrossRef
from nda_reader.corpus.model import AnnotationKind, Corpus, Orphan
from nda_reader.corpus.notes import Note, read_notes
from nda_reader.editing.edits import Edit
from nda_reader.formats.layer_order import list_order
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.safe_read import decode_text, read_file
from nda_reader.formats.yaml_edit import (
    EditError,
    item_blocks,
    list_shape,
    render_block,
)
from nda_reader.formats.yaml_fields import set_fields
from nda_reader.formats.yaml_splice import kept, parse_layer_text
from nda_reader.formats.yaml_values import YMap

HEADERS = {
    "glossary": "layer: glossary\nversion: 1\n",
    "notes": "layer: notes\nversion: 1\n",
    "crossrefs": "layer: crossrefs\nversion: 1\n",
}
_KEYS = {"glossary": "entries", "notes": "notes", "crossrefs": "links", "speakers": "turns"}


class AnnotateError(Exception):
    """The annotation cannot be made as asked (unknown id, no corpus folder, …)."""


class LayerUnreadable(AnnotateError):
    """The layer file cannot be read or parsed now (changed outside the reader): the same
    annotation can be made once the file is fixed."""


def anchor_dict(anchor: Anchor, *, with_doc: bool = True) -> dict[str, Any]:
    """An anchor as written in a layer file."""
    out: dict[str, Any] = {"doc": anchor.doc} if with_doc else {}
    out["exact"] = anchor.exact
    if anchor.prefix:
        out["prefix"] = anchor.prefix
    if anchor.suffix:
        out["suffix"] = anchor.suffix
    if anchor.pos is not None:
        out["pos"] = anchor.pos
    return out


def slugify(text: str, taken: set[str] | Callable[[str], bool]) -> str:
    """A new id from ``text``, made unique against ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "item"
    is_taken = taken.__contains__ if isinstance(taken, set) else taken
    candidate, n = base, 2
    while is_taken(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _root(corpus: Corpus) -> Path:
    if corpus.root is None:
        raise AnnotateError(
            "this document is not in a corpus folder; annotations need one "
            "(open a folder with texts/ and annotations/)"
        )
    return corpus.root / "annotations"


def _text(path: Path) -> str:
    """The file's text as the store edits it ("" when missing); raises
    :class:`LayerUnreadable` when it cannot be read as UTF-8 text."""
    try:
        return decode_text(read_file(path))
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise LayerUnreadable(f"{path.name}: cannot read it ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise LayerUnreadable(
            f"{path.name}: not valid UTF-8 (byte 0x{exc.object[exc.start]:02x})"
        ) from exc


def _indent(path: Path, key: str) -> int:
    """How the file indents the items of ``key`` (2 when it cannot tell: a file that cannot
    be read now makes the save fail later, with the edit kept for a retry)."""
    try:
        text = _text(path)
        return list_shape(text, key).indent if text.strip() else 2
    except (LayerUnreadable, EditError):
        return 2


def prepare(path: Path, key: str) -> None:
    """Read and parse the layer file ``path`` ahead of an edit of its ``key`` list (a
    form is open): parsing a large layer file takes a tenth of a second or more, and the
    save then finds it composed (:func:`~nda_reader.formats.yaml_guard.compose` keeps the
    last few) and parsed, to splice the new entry into (see
    :mod:`~nda_reader.formats.yaml_splice`). Safe to call from a thread; a file that
    cannot be read is left alone."""
    try:
        text = _text(path)
    except LayerUnreadable:
        return
    if text.strip():
        parsed = kept(path, text) or parse_layer_text(text, path)
        if key == "notes" and isinstance(parsed.value, YMap):
            # Read now, the reload after the save reads only the new note (see read_notes).
            read_notes(parsed.value, path, ProblemList(), {})
        with contextlib.suppress(EditError):
            list_order(text, key)  # where a new entry goes (see stable_slot), found now
    _indent(path, key)


def notes_file(corpus: Corpus) -> Path:
    """The layer file new notes go to."""
    return _root(corpus) / "notes.yaml"


def _insert(path: Path, key: str, item: dict[str, Any], header: str, description: str) -> Edit:
    """A new ``item`` for the list ``key`` of ``path`` (it goes to its stable place when
    saved), indented as that file indents it."""
    return Edit(
        path,
        key,
        new=render_block(item, _indent(path, key)),
        header=header,
        description=description,
    )


def _speakers_file(corpus: Corpus, doc_id: str) -> tuple[Path, str]:
    """The speakers layer of ``doc_id`` and the header a new one starts with."""
    return (
        _root(corpus) / "speakers" / f"{doc_id}.yaml",
        f"layer: speakers\nversion: 1\ndoc: {doc_id}\n",
    )


def _item(block: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return data[0]
    return {}


def _find(path: Path, key: str, match: Callable[[dict[str, Any]], bool]) -> str:
    try:
        blocks = item_blocks(_text(path), key)
    except EditError as exc:
        raise LayerUnreadable(f"{path.name}: {exc}") from exc
    for block in blocks:
        if match(_item(block)):
            return block
    raise AnnotateError(f"{path.name}: the entry is not in the file any more; reload")


def _set(path: Path, block: str, changes: dict[str, Any]) -> str:
    try:
        return set_fields(block, changes)
    except EditError as exc:
        raise LayerUnreadable(f"{path.name}: {exc}") from exc


# --- glossary -------------------------------------------------------------------------------


def glossary_path(corpus: Corpus, entry_id: str | None = None) -> Path:
    """The file holding ``entry_id`` (or where new entries go)."""
    entry = corpus.glossary.get(entry_id) if entry_id else None
    return entry.path if entry is not None else _root(corpus) / "glossary.yaml"


def add_term(corpus: Corpus, fields: dict[str, Any]) -> Edit:
    """A new glossary entry; ``fields`` as in the file (``id`` is made if missing)."""
    entry = {
        "id": fields.get("id")
        or slugify(fields.get("english", "term"), set(corpus.glossary.entries))
    }
    entry.update((k, v) for k, v in fields.items() if k != "id")
    if entry["id"] in corpus.glossary.entries:
        raise AnnotateError(f"a glossary entry {entry['id']!r} exists already")
    path = glossary_path(corpus)
    return _insert(path, "entries", entry, HEADERS["glossary"], f"add term {entry['english']!r}")


def update_term(corpus: Corpus, entry_id: str, changes: dict[str, Any]) -> Edit:
    """Change fields of an entry (a value of ``None`` removes the field)."""
    path = glossary_path(corpus, entry_id)
    old = _find(path, "entries", lambda d: d.get("id") == entry_id)
    new = _set(path, old, {k: (None if v == [] else v) for k, v in changes.items()})
    return Edit(path, "entries", old=old, new=new, description=f"edit term {entry_id!r}")


def add_alias(corpus: Corpus, entry_id: str, alias: str) -> Edit:
    """Add ``alias`` to an existing entry in one step."""
    entry = corpus.glossary.get(entry_id)
    if entry is None:
        raise AnnotateError(f"no glossary entry {entry_id!r}")
    if alias in entry.forms:
        raise AnnotateError(f"{alias!r} is already a form of {entry_id!r}")
    return update_term(corpus, entry_id, {"aliases": [*entry.aliases, alias]})


def delete_term(corpus: Corpus, entry_id: str) -> Edit:
    """Remove a glossary entry (refused while a speaker of a transcript is that entry)."""
    for doc_id, layer in corpus.speaker_layers.items():
        for speaker in layer.speakers.values():
            if speaker.term == entry_id:
                raise AnnotateError(
                    f"{entry_id!r} is the speaker {speaker.id!r} of {doc_id}; the entry stays "
                    "while a speaker names it"
                )
    path = glossary_path(corpus, entry_id)
    old = _find(path, "entries", lambda d: d.get("id") == entry_id)
    return Edit(path, "entries", old=old, description=f"delete term {entry_id!r}")


def _note_block(corpus: Corpus, note_id: str) -> tuple[Note, str]:
    """The note ``note_id`` and its block of text in its file."""
    note = next((n for n in corpus.notes if n.id == note_id), None)
    if note is None:
        raise AnnotateError(f"no note {note_id!r}")
    return note, _find(note.path, "notes", lambda d: d.get("id") == note_id)


def _link_block(corpus: Corpus, link_id: str) -> tuple[CrossRef, str]:
    """The cross-reference ``link_id`` and its block of text in its file."""
    link = next((ln for ln in corpus.crossrefs if ln.id == link_id), None)
    if link is None:
        raise AnnotateError(f"no cross-reference {link_id!r}")
    return link, _find(link.path, "links", lambda d: d.get("id") == link_id)


# --- notes ----------------------------------------------------------------------------------


def add_note(corpus: Corpus, anchor: Anchor, text: str, tags: list[str], created: str = "") -> Edit:
    """A note on ``anchor``."""
    path = notes_file(corpus)
    ident = slugify("note " + " ".join(text.split()[:5]), {n.id for n in corpus.notes})
    item: dict[str, Any] = {"id": ident, "anchor": anchor_dict(anchor), "text": text}
    if tags:
        item["tags"] = tags
    if created:
        item["created"] = created
    return _insert(path, "notes", item, HEADERS["notes"], "add note")


def update_note(
    corpus: Corpus, note_id: str, text: str | None = None, tags: list[str] | None = None
) -> Edit:
    """Change a note's text and tags (``None``: left as the file has it, so that a change
    made there meanwhile stays; ``[]`` removes the tags)."""
    note, old = _note_block(corpus, note_id)
    changes: dict[str, Any] = {}
    if text is not None:
        changes["text"] = text
    if tags is not None:
        changes["tags"] = tags or None
    new = _set(note.path, old, changes)
    return Edit(note.path, "notes", old=old, new=new, description="edit note")


def delete_note(corpus: Corpus, note_id: str) -> Edit:
    """Remove a note."""
    note, old = _note_block(corpus, note_id)
    return Edit(note.path, "notes", old=old, description="delete note")


# --- cross-references -----------------------------------------------------------------------


def add_link(corpus: Corpus, source: Anchor, target: Anchor, relation: str, note: str = "") -> Edit:
    """A typed cross-reference from ``source`` to ``target``."""
    path = _root(corpus) / "crossrefs.yaml"
    ident = slugify(f"{relation} {source.exact[:20]}", {ln.id for ln in corpus.crossrefs})
    item: dict[str, Any] = {
        "id": ident,
        "relation": relation,
        "source": anchor_dict(source),
        "target": anchor_dict(target),
    }
    if note:
        item["note"] = note
    return _insert(path, "links", item, HEADERS["crossrefs"], f"add {relation} link")


def update_link(
    corpus: Corpus, link_id: str, relation: str | None = None, note: str | None = None
) -> Edit:
    """Change a cross-reference's relation and note (``None``: left as the file has it; an
    empty note removes it)."""
    link, old = _link_block(corpus, link_id)
    changes: dict[str, Any] = {}
    if relation is not None:
        changes["relation"] = relation
    if note is not None:
        changes["note"] = note or None
    new = _set(link.path, old, changes)
    return Edit(link.path, "links", old=old, new=new, description=f"edit link {link_id!r}")


def delete_link(corpus: Corpus, link_id: str) -> Edit:
    """Remove a cross-reference."""
    link, old = _link_block(corpus, link_id)
    return Edit(link.path, "links", old=old, description=f"delete link {link_id!r}")


# --- speaker turns --------------------------------------------------------------------------


def add_turn(
    corpus: Corpus, anchor: Anchor, speaker_id: str, new_speaker: dict[str, Any] | None = None
) -> list[Edit]:
    """Attribute the passage at ``anchor`` to a speaker (adding the speaker if new)."""
    path, header = _speakers_file(corpus, anchor.doc)
    edits = [] if new_speaker is None else [add_speaker(corpus, anchor.doc, new_speaker)]
    turn = {"speaker": speaker_id, "anchor": anchor_dict(anchor, with_doc=False)}
    edits.append(_insert(path, "turns", turn, header, f"add turn of {speaker_id!r}"))
    return edits


def add_speaker(corpus: Corpus, doc_id: str, speaker: dict[str, Any]) -> Edit:
    """Declare a new speaker in ``doc_id``'s speakers layer."""
    path, header = _speakers_file(corpus, doc_id)
    return _insert(path, "speakers", speaker, header, f"add speaker {speaker['id']!r}")


def _turn_matches(anchor: Anchor) -> Callable[[dict[str, Any]], bool]:
    def match(data: dict[str, Any]) -> bool:
        a = data.get("anchor") or {}
        return bool(
            a.get("exact") == anchor.exact
            and a.get("prefix", "") == anchor.prefix
            and a.get("suffix", "") == anchor.suffix
        )

    return match


def reassign_turn(corpus: Corpus, anchor: Anchor, speaker_id: str) -> Edit:
    """Give an existing turn (found by its anchor) to another speaker."""
    path, _ = _speakers_file(corpus, anchor.doc)
    old = _find(path, "turns", _turn_matches(anchor))
    new = _set(path, old, {"speaker": speaker_id})
    return Edit(path, "turns", old=old, new=new, description=f"give turn to {speaker_id!r}")


def delete_turn(corpus: Corpus, anchor: Anchor) -> Edit:
    """Remove the turn whose anchor is ``anchor``."""
    path, _ = _speakers_file(corpus, anchor.doc)
    old = _find(path, "turns", _turn_matches(anchor))
    return Edit(path, "turns", old=old, description="delete turn")


def reattach(corpus: Corpus, orphan: Orphan, new: Anchor) -> Edit:
    """Point an orphaned annotation (see :meth:`Corpus.orphans`), or one placed by a fuzzy
    match (:meth:`Corpus.fuzzy`), at a new place."""
    ident = orphan.id
    if orphan.kind is AnnotationKind.NOTE:
        note, old = _note_block(corpus, ident)
        path, key, field, value = note.path, "notes", "anchor", anchor_dict(new)
    elif orphan.kind is AnnotationKind.LINK:
        link, old = _link_block(corpus, ident)
        path, key, field, value = link.path, "links", orphan.end, anchor_dict(new)
    elif orphan.kind is AnnotationKind.TURN:
        path, key = _speakers_file(corpus, orphan.anchor.doc)[0], "turns"
        field, value = "anchor", anchor_dict(new, with_doc=False)
        old = _find(path, key, _turn_matches(orphan.anchor))
    else:
        raise AnnotateError(f"cannot re-attach a {orphan.label}")
    new_block = _set(path, old, {field: value})
    return Edit(
        path, key, old=old, new=new_block, description=f"re-attach {orphan.label} {ident!r}"
    )
