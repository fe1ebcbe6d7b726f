"""Killing a process in the middle of saves never leaves a broken or partial layer file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

from tests.helpers.corpora import REPO

BASE = (
    "layer: notes\nversion: 1\nnotes:\n  - id: keep\n    anchor: {doc: d, exact: x}\n"
    "    text: kept\n"
)

ZYGOTE = """
import os, sys
from pathlib import Path
from nda_reader.editing.layer_store import Edit, LayerStore
from nda_reader.formats.yaml_edit import render_block
# A large entry makes each write take long enough to be interrupted.
block = render_block({"id": "big", "anchor": {"doc": "d", "exact": "x"},
                      "text": "数据要素 " * 40000}, 2)
print("ready", flush=True)
for line in sys.stdin:  # one saver per line, forked from here: no start-up cost each time
    path = Path(line.strip())
    pid = os.fork()
    if pid == 0:
        store = LayerStore()
        store.remember(path)
        while True:
            store.apply(Edit(path, "notes", new=block))
            store.undo()
    print(pid, flush=True)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""


def test_kill_during_saves_leaves_the_old_or_the_new_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    rng = random.Random(1234)
    seen_states = set()
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    try:
        assert zygote.stdout.readline().strip() == "ready"
        for _ in range(25):
            path.write_text(BASE, encoding="utf-8")
            zygote.stdin.write(f"{path}\n")
            zygote.stdin.flush()
            saver = int(zygote.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.15))
            os.kill(saver, signal.SIGKILL)
            assert zygote.stdout.readline().strip() == "reaped"
            text = path.read_text(encoding="utf-8")
            data = yaml.safe_load(text)
            ids = [note["id"] for note in data["notes"]]
            assert ids in (["keep"], ["big", "keep"])  # "big" sorts before "keep"
            if ids == ["keep"]:
                assert text == BASE
            else:
                assert data["notes"][0]["text"].count("数据要素") == 40000
            seen_states.add(len(ids))
    finally:
        zygote.kill()
        zygote.wait()
    # Both states must have been hit, or the test did not interrupt anything interesting.
    assert seen_states == {1, 2}
