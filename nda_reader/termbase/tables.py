"""Tab- and comma-separated glossaries in OmegaT's layout, and a Pleco-style dictionary.

OmegaT reads a glossary as ``source<TAB>target<TAB>comment`` lines (``.txt``/``.tsv``/``.utf8``)
or the same three columns as CSV. One line per English form: the hanzi, the form, and in the
comment the rest of the entry as JSON (on the first form) or the form's status (on the
others), so a file read back gives the glossary written.

A Pleco user dictionary is ``hanzi<TAB>pinyin<TAB>definition`` lines; the definition is the
English forms, then, after Pleco's line break (U+EAB1), the rest of the entry as JSON.
"""

from __future__ import annotations

import csv
import io

from nda_reader.termbase.records import Record, extra_json, from_json, tidy

PLECO_NEWLINE = "\ueab1"
"""Pleco's line break inside a definition."""


def _rows(records: list[Record]) -> list[list[str]]:
    rows = []
    for rec in records:
        renderings = rec.get("renderings", {})
        rows.append([rec["hanzi"], rec["english"], extra_json(rec, ("hanzi", "english"))])
        for alias in rec.get("aliases", []):
            about = renderings.get(alias)
            extra = extra_json({"alias_of": rec["id"], **(about or {})}, ())
            rows.append([rec["hanzi"], alias, extra])
    return rows


def _records(rows: list[list[str]]) -> list[Record]:
    out: list[Record] = []
    for row in rows:
        if len(row) < 2 or not row[0].strip() or row[0].startswith("#"):
            continue
        hanzi, form, comment = row[0], row[1], row[2] if len(row) > 2 else ""
        extra = from_json(comment)
        alias_of = extra.get("alias_of")
        if alias_of and out and out[-1]["id"] == alias_of:
            # the first record keeps the order of aliases; a row adds the form's rendering
            about = {k: v for k, v in extra.items() if k != "alias_of"}
            if about:
                out[-1].setdefault("renderings", {})[form] = about
            if form not in out[-1].get("aliases", []):
                out[-1].setdefault("aliases", []).append(form)
            continue
        rec = {"hanzi": hanzi, "english": form, **extra}
        if not extra and comment:  # a glossary of another tool: its comment is a note
            rec["note"] = comment
        out.append(rec)
    return [tidy(r) for r in out]


def write_tsv(records: list[Record]) -> str:
    """OmegaT's tab-separated glossary."""
    return "".join("\t".join(row) + "\n" for row in _rows(records))


def read_tsv(text: str) -> list[Record]:
    """Records from an OmegaT tab-separated glossary."""
    return _records([line.split("\t") for line in text.splitlines()])


def write_csv(records: list[Record]) -> str:
    """The same three columns as CSV."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(_rows(records))
    return buffer.getvalue()


def read_csv(text: str) -> list[Record]:
    """Records from a three-column CSV glossary."""
    return _records(list(csv.reader(io.StringIO(text))))


def write_pleco(records: list[Record]) -> str:
    """A Pleco-style user dictionary: hanzi, pinyin, definition."""
    lines = []
    for rec in records:
        hanzi = rec["hanzi"] + (f"[{rec['traditional']}]" if rec.get("traditional") else "")
        shown = "; ".join([rec["english"], *rec.get("aliases", [])])
        rest = extra_json(rec, ("hanzi", "traditional", "pinyin"))
        lines.append(f"{hanzi}\t{rec.get('pinyin', '')}\t{shown}{PLECO_NEWLINE}{rest}\n")
    return "".join(lines)


def read_pleco(text: str) -> list[Record]:
    """Records from a Pleco-style user dictionary."""
    out = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or line.startswith("//"):
            continue
        hanzi, pinyin, definition = parts[0], parts[1], "\t".join(parts[2:])
        traditional = ""
        if hanzi.endswith("]") and "[" in hanzi:
            hanzi, _, traditional = hanzi[:-1].partition("[")
        shown, _, rest = definition.partition(PLECO_NEWLINE)
        extra = from_json(rest)
        if "english" not in extra:
            forms = [f.strip() for f in shown.split(";") if f.strip()]
            extra["english"], extra["aliases"] = forms[0] if forms else "", forms[1:]
        out.append(tidy({"hanzi": hanzi, "traditional": traditional, "pinyin": pinyin, **extra}))
    return out
