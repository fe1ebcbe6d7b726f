"""Pages of one source: files that are pages of one web page become parts of one document.

Two drafts are pages of one source when they share a title (a headline, or a repeated page
title such as "Title | August 13, 2024") and at least one shows it is paginated (a
pagination row, or that page-title line). The first page (a headline, no way back in its
pagination row) comes first; the others follow by their file names, numbers compared as
numbers (``page-2`` before ``page-10``), as a plain text gives no other sign of its page.
"""

from __future__ import annotations

import re

from nda_reader.corpus.term_index import form_key
from nda_reader.importing.draft import Draft


def group_pages(drafts: list[Draft]) -> list[list[Draft]]:
    """``drafts`` grouped into documents, each group in page order (see the module's
    docstring), groups in the order given."""
    groups: list[list[Draft]] = []
    by_title: dict[str, list[Draft]] = {}
    for draft in drafts:
        key = form_key(draft.group_title)
        group = by_title.get(key) if key else None
        if group is not None and (draft.paginated or any(d.paginated for d in group)):
            group.append(draft)
            continue
        group = [draft]
        groups.append(group)
        if key:
            by_title[key] = group
    return [sorted(g, key=lambda d: (d.later_page, name_order(d.source.name))) for g in groups]


def name_order(name: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key for a file name that compares its runs of digits as numbers."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", name)
        if part
    )
