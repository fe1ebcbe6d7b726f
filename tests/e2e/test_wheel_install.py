"""The bundled corpus ships in the wheel: an installed ``nda-reader check`` finds it anywhere."""

from __future__ import annotations

import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.corpora import REPO


@pytest.mark.e2e
def test_installed_wheel_checks_the_bundled_corpus_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = wheels.glob("nda_reader-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # Dependencies come from this environment (a plain path entry, so its .pth files, such as
    # an editable install of this repository, are not processed); the package from the wheel.
    venv_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(venv_site, "outer-deps.pth").write_text(
        "\n".join(p for p in site.getsitepackages() if "site-packages" in p) + "\n"
    )
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import nda_reader, nda_reader.corpus.locations as p; "
            "print(nda_reader.__file__); print(p.bundled_root())",
        ],
        cwd=elsewhere,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert where[0].startswith(str(venv)), "the wheel's package must be the one imported"
    assert where[1].startswith(str(venv))
    result = subprocess.run(
        [str(venv / "bin" / "nda-reader"), "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-2].startswith("6 texts, 6 layer files:")
    assert result.stdout.splitlines()[-1].startswith("0 errors,")
