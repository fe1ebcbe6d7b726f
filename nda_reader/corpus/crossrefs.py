"""The cross-reference layer: typed links between passages, navigable from both ends."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nda_reader.corpus.anchors import Anchor, read_anchor
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.schema import Field, read_list, slug_field
from nda_reader.formats.yaml_source import YList, YMap

RELATIONS = (
    "continues",
    "same-initiative",
    "follow-up",
    "elaborates",
    "contrasts",
    "same-event",
    "quotes",
)

LINK_FIELDS: dict[str, Field] = {
    "id": slug_field(required=True),
    "relation": Field(str, True, choices=RELATIONS),
    "source": Field(dict, True),
    "target": Field(dict, True),
    "note": Field(str),
}


@dataclass(slots=True)
class CrossRef:
    """A typed link from one passage to another."""

    id: str
    relation: str
    source: Anchor
    target: Anchor
    note: str = ""
    path: Path = Path("")
    line: int = 1
    column: int = 1


def read_crossrefs(
    data: YMap, path: Path, problems: ProblemList, seen: dict[str, CrossRef]
) -> list[CrossRef]:
    """Read a ``layer: crossrefs`` file; ``seen`` holds ids already used in the corpus."""
    links = data.get("links")
    if not isinstance(links, YList):
        problems.error_at(path, data.where("links"), "a crossrefs layer needs 'links:', a list")
        return []
    out: list[CrossRef] = []
    for raw, values, what, (line, col) in read_list(links, LINK_FIELDS, path, problems, "link"):
        source = read_anchor(
            raw["source"], path, problems, f"source of {what}", raw.where("source")
        )
        target = read_anchor(
            raw["target"], path, problems, f"target of {what}", raw.where("target")
        )
        if source is None or target is None:
            continue
        link = CrossRef(
            values["id"],
            values["relation"],
            source,
            target,
            values.get("note", ""),
            path,
            line,
            col,
        )
        if link.id in seen:
            problems.error_at(path, raw.where("id"), f"duplicate link id {link.id!r}")
            continue
        seen[link.id] = link
        out.append(link)
    return out
