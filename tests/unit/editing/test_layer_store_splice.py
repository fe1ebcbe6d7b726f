"""A save checks the file it writes with a parse spliced from the one kept of the file
before (see :mod:`nda_reader.formats.yaml_splice`) and hands it to the reload: that parse
is the parse of the file as written, whatever its line endings and byte-order mark, and
undo still gives back the bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from nda_reader.corpus.sources import read_layer_file
from nda_reader.editing import layer_store
from nda_reader.editing.actions import prepare
from nda_reader.editing.layer_store import Edit, LayerStore
from nda_reader.formats.safe_read import decode_text
from nda_reader.formats.yaml_splice import Parsed
from tests.helpers.yaml_parses import layer, note, same, whole


@pytest.mark.parametrize("bom", [False, True], ids=["", "bom"])
@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_the_parse_handed_to_the_reload_is_spliced_and_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crlf: bool, bom: bool
) -> None:
    path = tmp_path / "notes.yaml"
    text = layer(["b", "d", "f"])
    original = (b"\xef\xbb\xbf" if bom else b"") + (
        text.replace("\n", "\r\n") if crlf else text
    ).encode("utf-8")
    path.write_bytes(original)
    spliced: list[Parsed | None] = []
    splice = layer_store.splice

    def recording(*args: object) -> Parsed | None:
        made = splice(*args)  # type: ignore[arg-type]
        spliced.append(made)
        return made

    monkeypatch.setattr(layer_store, "splice", recording)
    store = LayerStore()
    store.remember(path)
    prepare(path, "notes")  # the note form: the file is parsed while it is open
    for edit in (
        Edit(path, "notes", new=note("c", "new")),
        Edit(path, "notes", old=note("d"), new=note("d", "changed")),
        Edit(path, "notes", old=note("f")),
    ):
        store.apply(edit)
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == bom
        assert (b"\r\n" in raw) == crlf
        handed = read_layer_file(path)  # takes the parse the save made
        assert not handed.problems
        same(handed.value, whole(decode_text(raw)))
    assert len(spliced) == 3 and None not in spliced
    for _ in range(3):
        store.undo()
    assert path.read_bytes() == original
    same(read_layer_file(path).value, whole(text))
