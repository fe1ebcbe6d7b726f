"""``docs/reader-keys.md`` from the key table: every key of the reader, by where it works.

The file keeps its hand-written prose; the tables between ``<!-- keys:begin -->`` and
``<!-- keys:end -->`` are generated. A test fails when they differ from the table;
``python -m nda_reader.ui.keys_doc docs/reader-keys.md`` writes them anew.
"""

from __future__ import annotations

import sys
from pathlib import Path

from nda_reader.ui.keys import SCOPES, Scope, keys_text, table

BEGIN = "<!-- keys:begin (generated from nda_reader/ui/key_table.py; do not edit) -->"
END = "<!-- keys:end -->"

ORDER = (
    Scope.APP,
    Scope.LIBRARY,
    Scope.READING,
    Scope.PARALLEL,
    Scope.VIEW,
    Scope.SELECTING,
    Scope.CONTEXT,
    Scope.LIST,
    Scope.FORM,
    Scope.PICKER,
    Scope.CONFIRM,
    Scope.CONFLICT,
    Scope.ASK,
    Scope.ADD,
    Scope.COPY,
    Scope.PROMPT,
    Scope.BROWSER,
    Scope.GLOSSARY,
    Scope.NOTES,
    Scope.HELP,
    Scope.PROBLEMS,
    Scope.OUTLINE,
    Scope.RESULTS,
    Scope.ORPHANS,
    Scope.VARIANTS,
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def keys_markdown() -> str:
    """The generated part: one table per scope (keys, title, action id, what it does)."""
    out: list[str] = []
    for scope in ORDER:
        info = SCOPES[scope]
        rows = [a for a in table() if a.scope is scope]
        if not rows:
            continue
        out += [f"### {info.title}", "", info.intro, ""]
        out += ["| key | action | id | what it does |", "| --- | --- | --- | --- |"]
        for action in rows:
            keys = keys_text(action).replace("`", "")
            ident = f"`{action.id}`" if not action.numbered else f"`{action.id}` (fixed)"
            out.append(
                f"| `{_cell(keys)}` | {_cell(action.title)} | {ident} | {_cell(action.help)} |"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def with_keys(document: str) -> str:
    """``document`` with its generated part replaced by :func:`keys_markdown`."""
    start = document.index(BEGIN) + len(BEGIN)
    end = document.index(END)
    return document[:start] + "\n\n" + keys_markdown() + "\n" + document[end:]


def main(argv: list[str]) -> int:
    """Rewrite the generated part of the file named in ``argv``."""
    path = Path(argv[0] if argv else "docs/reader-keys.md")
    path.write_text(with_keys(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
