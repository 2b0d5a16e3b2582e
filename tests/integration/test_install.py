"""Installation as a user does it: build the wheel, install it into a fresh virtual environment,
and build the example book with that installation (not with the working tree)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def test_built_wheel_installs_and_builds_the_example_book(tmp_path):
    pytest.importorskip("build", reason="the 'build' package is not installed (pip install -e .[test] installs it)")
    _run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "dist", ROOT, cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("frus_cite-*.whl")
    venv.create(tmp_path / "env", with_pip=True)
    python = tmp_path / "env" / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    where = _run(python, "-c", "import frus_cite; print(frus_cite.__file__)", cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(tmp_path / "env"), where  # the wheel, not the working tree
    book = tmp_path / "book"
    shutil.copytree(ROOT / "examples" / "book", book, ignore=shutil.ignore_patterns("_build"))
    _run(tmp_path / "env" / "bin" / "sphinx-build", "-W", "-q", "-b", "html", book, book / "_build" / "html", cwd=tmp_path)
    chapter = (book / "_build" / "html" / "chapter1.html").read_text(encoding="utf-8")
    assert "Harriman to" in chapter and "Foreign Relations of the United States" in chapter
    version = _run(tmp_path / "env" / "bin" / "frus-cite", "--version", cwd=tmp_path).stdout
    assert version.startswith("frus-cite ")
