"""``benchmarks/run.py --write FILE`` checks FILE before the run (a quarter of an hour),
not after it: a missing file or one without the results lines is refused at once."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

RUN = Path(__file__).resolve().parents[3] / "benchmarks" / "run.py"


def _run_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_run", RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    before = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = before
    return module


def test_a_file_with_the_results_lines_is_taken(tmp_path: Path) -> None:
    run = _run_module()
    target = tmp_path / "b.md"
    target.write_text(f"# B\n\n{run.BEGIN}\nold\n{run.END}\n", encoding="utf-8")
    assert run.write_problem(target) == ""


def test_a_missing_file_or_one_without_the_lines_is_refused(tmp_path: Path) -> None:
    run = _run_module()
    missing = tmp_path / "missing.md"
    assert str(missing) in run.write_problem(missing)
    assert "No such file" in run.write_problem(missing)
    plain = tmp_path / "plain.md"
    plain.write_text("# Benchmarks\n", encoding="utf-8")
    assert "no lines <!-- results:begin -->" in run.write_problem(plain)
