"""Checking that a layer file changed by exactly one added item block, and where."""

from __future__ import annotations

from nda_reader.formats.yaml_edit import item_blocks


def added_block(before: str, after: str, key: str) -> tuple[str, str]:
    """``(block, neighbour)``: the one item block of list ``key`` that ``after`` adds to
    ``before``, and the block right before it (``""`` when it is the first).

    Fails unless that block, with the blank line that sets it off, is the only change.
    """
    old, new = item_blocks(before, key), item_blocks(after, key)
    assert len(new) == len(old) + 1, f"expected one new item, found {len(new) - len(old)}"
    at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    block = new[at]
    assert new[:at] + new[at + 1 :] == old
    assert before in {
        after.replace(block, "", 1),
        after.replace("\n" + block, "", 1),
        after.replace(block + "\n", "", 1),
    }, "the file changed outside the new block"
    return block, (new[at - 1] if at else "")
