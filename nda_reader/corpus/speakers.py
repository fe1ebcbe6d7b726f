"""The speakers layer: who speaks which passages of a transcript."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nda_reader.corpus.anchors import Anchor, read_anchor
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.schema import Field, read_list, slug_field
from nda_reader.formats.yaml_source import YList, YMap

SPEAKER_FIELDS: dict[str, Field] = {
    "id": slug_field(required=True),
    "term": slug_field(),
    "name": Field(str),
    "kind": Field(str, choices=("person", "outlet", "organisation")),
    "role": Field(str),
    "hanzi": Field(str),
}

TURN_FIELDS: dict[str, Field] = {
    "speaker": slug_field(required=True),
    "anchor": Field(dict, True),
}


@dataclass(slots=True)
class Speaker:
    """Someone who speaks in a transcript: a glossary entry (``term``) or a named outlet."""

    id: str
    term: str = ""
    name: str = ""
    kind: str = "person"
    role: str = ""
    hanzi: str = ""
    line: int = 1
    column: int = 1


@dataclass(slots=True)
class Turn:
    """A speaker turn: from its anchor (the speaker label) to the next turn."""

    speaker: str
    anchor: Anchor
    line: int = 1
    column: int = 1


@dataclass(slots=True)
class SpeakerLayer:
    """The speakers and turns of one document."""

    doc: str
    path: Path
    speakers: dict[str, Speaker] = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)
    doc_line: int = 1
    doc_column: int = 1


def read_speakers(data: YMap, path: Path, problems: ProblemList) -> SpeakerLayer | None:
    """Read a ``layer: speakers`` file."""
    doc = data.get("doc")
    if not isinstance(doc, str) or not doc:
        problems.error_at(
            path,
            data.where("doc"),
            "a speakers layer needs 'doc:', the id of the transcript it tags",
        )
        return None
    layer = SpeakerLayer(doc, path, doc_line=data.where("doc")[0], doc_column=data.where("doc")[1])
    speakers = data.get("speakers")
    if not isinstance(speakers, YList):
        problems.error_at(path, data.where("speakers"), "'speakers:' must be a list of speakers")
        speakers = YList()
        speakers.pos, speakers.item_pos = data.pos, []
    for raw, values, _what, (line, col) in read_list(
        speakers, SPEAKER_FIELDS, path, problems, "speaker", by_id=False
    ):
        speaker = Speaker(**values, line=line, column=col)
        if not speaker.term and not speaker.name:
            problems.error(
                path, line, col, f"speaker {speaker.id!r} needs 'term' (a glossary id) or 'name'"
            )
            continue
        if speaker.id in layer.speakers:
            problems.error_at(path, raw.where("id"), f"duplicate speaker id {speaker.id!r}")
            continue
        layer.speakers[speaker.id] = speaker
    turns = data.get("turns")
    if not isinstance(turns, YList):
        problems.error_at(path, data.where("turns"), "'turns:' must be a list of turns")
        return layer
    for raw, values, what, (line, col) in read_list(
        turns, TURN_FIELDS, path, problems, "turn", by_id=False
    ):
        anchor = read_anchor(
            raw["anchor"], path, problems, f"anchor of {what}", raw.where("anchor"), default_doc=doc
        )
        if anchor is None:
            continue
        if values["speaker"] not in layer.speakers:
            problems.error_at(
                path,
                raw.where("speaker"),
                f"{what} names unknown speaker {values['speaker']!r}; add it under "
                f"'speakers:' (known: {', '.join(layer.speakers) or 'none'})",
            )
            continue
        layer.turns.append(Turn(values["speaker"], anchor, line, col))
    return layer
