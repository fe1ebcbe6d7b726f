"""A text added again with ``--update``: the turns found in its new version that its kept
speakers layer does not have are added to that layer.

The layer already there is kept as it is (it may hold the user's own turns and fixes);
only turns no kept turn covers in the new text are appended, with their speakers when the
layer lacks them, in the layer's own layout (:func:`~nda_reader.formats.yaml_edit.insert_block`).
A layer that cannot be read as a speakers layer is left alone.
"""

from __future__ import annotations

from pathlib import Path

from nda_reader.corpus.anchors import resolve
from nda_reader.corpus.speakers import read_speakers
from nda_reader.formats.problems import ProblemList
from nda_reader.formats.yaml_edit import insert_block, render_block
from nda_reader.formats.yaml_source import YMap, parse_yaml
from nda_reader.importing.texts import NewText


def updated_layer(existing: str, path: Path, part: NewText) -> tuple[str, int] | None:
    """``existing`` (the speakers layer of ``part``'s text) with the turns of ``part`` that
    none of its turns covers in the new body added, and how many were added; None when
    ``existing`` is not a readable speakers layer (then it stays as it is)."""
    problems = ProblemList()
    data = parse_yaml(existing, path, problems)
    layer = read_speakers(data, path, problems) if isinstance(data, YMap) else None
    if layer is None or problems.errors:
        return None
    covered = []
    for kept in layer.turns:
        placed = resolve(kept.anchor, part.body)
        if placed.placed:
            covered.append((placed.start, placed.end))
    new = [t for t in part.turns if not any(s < t.end and t.start < e for s, e in covered)]
    text = existing
    wanted = {t.speaker for t in new}
    for speaker in part.speakers:
        if speaker.id in wanted and speaker.id not in layer.speakers:
            text = insert_block(text, "speakers", render_block(speaker.as_yaml(), 2))
    for turn in new:
        text = insert_block(text, "turns", part.turn_block(turn))
    return text, len(new)
