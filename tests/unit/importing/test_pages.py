"""Pages of one source are put in page order whatever order they were given in."""

from __future__ import annotations

from nda_reader.importing.draft import Draft
from nda_reader.importing.pages import group_pages
from nda_reader.importing.sources import Source


def _page(name: str, *, first: bool) -> Draft:
    return Draft(
        Source(name, "text"),
        "body",
        headline="Briefing" if first else "",
        page_title="Briefing | August 13, 2024",
        later_page=not first,
        paginated=True,
    )


def test_later_pages_follow_the_first_in_the_numeric_order_of_their_names() -> None:
    given = [
        _page("briefing-p10.html", first=False),
        _page("briefing-p2.html", first=False),
        _page("other.txt", first=True),
        _page("briefing-p3.html", first=False),
    ]
    other = Draft(Source("unrelated.txt", "text"), "body", headline="Something else")
    groups = group_pages([*given, other])
    assert [[d.source.name for d in g] for g in groups] == [
        ["other.txt", "briefing-p2.html", "briefing-p3.html", "briefing-p10.html"],
        ["unrelated.txt"],
    ]
