"""The anchor checks of a corpus (orphans, fuzzy placements), kept by kind of annotation.

Placing every anchor of a large corpus takes a while (tens of thousands of anchors). A
save changes one layer file, so one kind of annotation or two: the reload after it checks
those kinds again and takes the others' problems from the check of the corpus before
(:func:`check_anchors` with ``reuse``), which holds while the texts are the same. The
problems come out in the order of a full check: every orphan in the order of
:meth:`~nda_reader.corpus.model.Corpus.anchored`, then every fuzzy placement.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from nda_reader.corpus.anchors import Status
from nda_reader.corpus.model import AnnotationKind, Corpus
from nda_reader.formats.problems import Problem, Severity

ANCHORED_KINDS = (
    AnnotationKind.TURN,
    AnnotationKind.LINK,
    AnnotationKind.NOTE,
    AnnotationKind.PAIR,
)
"""The kinds of annotation with anchors, in the order they are checked."""


@dataclass
class Checked:
    """What the anchor checks found, by kind of annotation."""

    orphans: dict[AnnotationKind, list[Problem]] = field(default_factory=dict)
    """Annotations whose anchor cannot be placed (errors)."""
    fuzzy: dict[AnnotationKind, list[Problem]] = field(default_factory=dict)
    """Annotations placed only by a fuzzy match (warnings)."""
    references: list[Problem] | None = None
    """The problems of speaker layers and glossary roles naming what is not there (see
    ``loader.validate``), kept with the anchors' for a reload that changed neither."""

    def problems(self) -> list[Problem]:
        """Every orphan, then every fuzzy placement, kind by kind."""
        out = [p for kind in ANCHORED_KINDS for p in self.orphans.get(kind, ())]
        out += [p for kind in ANCHORED_KINDS for p in self.fuzzy.get(kind, ())]
        return out


def check_anchors(
    corpus: Corpus, reuse: Checked | None = None, kinds: Collection[AnnotationKind] = ()
) -> Checked:
    """Place every anchor of ``corpus`` and say which cannot be placed or only fuzzily.

    With ``reuse`` (the check of a corpus with the same texts and, but for ``kinds``, the
    same annotations), only the annotations of ``kinds`` are checked again."""
    out = Checked()
    for kind in ANCHORED_KINDS:
        if reuse is not None and kind not in kinds:
            out.orphans[kind] = reuse.orphans.get(kind, [])
            out.fuzzy[kind] = reuse.fuzzy.get(kind, [])
            continue
        orphans: list[Problem] = []
        fuzzy: list[Problem] = []
        for anchored in corpus.anchored(kind):
            anchor = anchored.anchor
            at = corpus.place(anchor)
            if not at.placed:
                orphans.append(
                    Problem(
                        anchor.path,
                        anchor.line,
                        anchor.column,
                        f"orphaned {anchored.label} {anchored.id!r} ({at.status.value}): "
                        f"{at.reason}",
                        Severity.ERROR,
                        orphan=True,
                    )
                )
            elif at.status is Status.FUZZY:
                fuzzy.append(
                    Problem(
                        anchor.path,
                        anchor.line,
                        anchor.column,
                        f"{anchored.label} {anchored.id!r}: {at.reason}",
                        Severity.WARNING,
                    )
                )
        out.orphans[kind] = orphans
        out.fuzzy[kind] = fuzzy
    return out
