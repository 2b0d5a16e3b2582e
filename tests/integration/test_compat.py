"""The MyST versions pyproject.toml allows and Jupyter Book 1 build the example books with -W.

The newest myst-parser is the one the test extra installs (the other tests use it); myst-parser 2,
3 and 4 and Jupyter Book 1 each get a virtual environment of their own, made on first use and kept
in ~/.cache/frus-cite/compat (one per Python version, dependency list and target, shared by every
checkout): frus-cite's dependencies and the target are installed there, and frus-cite itself comes
from this checkout through PYTHONPATH. myst-parser 2 and 3 warned "No footnote definitions found
for label" for every citation; Jupyter Book 1 uses myst-parser 3.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("FRUS_CITE_COMPAT_CACHE", Path.home() / ".cache" / "frus-cite" / "compat"))
TARGETS = {"myst-parser-2": "myst-parser==2.*", "myst-parser-3": "myst-parser==3.*", "myst-parser-4": "myst-parser==4.*",
           "jupyter-book-1": "jupyter-book==1.*"}


def _dependencies() -> list[str]:
    tomllib = pytest.importorskip("tomllib")
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def environment(target: str) -> Path:
    """A virtual environment with frus-cite's dependencies and *target* (made once, under a lock)."""
    wanted = [*_dependencies(), TARGETS[target]]
    digest = hashlib.sha256(repr((sys.version_info[:2], wanted)).encode()).hexdigest()[:12]
    folder = CACHE / f"{target}-{digest}"
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{target}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "ready").is_file():
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(folder)], check=True)
            result = subprocess.run([str(folder / "bin" / "pip"), "install", "-q", *wanted], capture_output=True, text=True)
            assert result.returncode == 0, f"cannot install {wanted}:\n{result.stderr[-3000:]}"
            (folder / "ready").write_text("\n".join(wanted))
    return folder


def run(folder: Path, *command: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([str(folder / "bin" / command[0]), *command[1:]], capture_output=True, text=True, env=env, timeout=900)


@pytest.mark.parametrize("target", ["myst-parser-2", "myst-parser-3", "myst-parser-4"])
def test_myst_book_builds_with_older_myst_parser(target, tmp_path):
    folder = environment(target)
    version = run(folder, "python", "-c", "import myst_parser, frus_cite; print(myst_parser.__version__, frus_cite.__file__)").stdout
    assert version.startswith(target.rsplit("-", 1)[1] + ".") and str(ROOT / "src") in version
    result = run(folder, "python", "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q", str(ROOT / "examples/myst-book"), str(tmp_path))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    chapter = (tmp_path / "chapter1.html").read_text()
    assert "reads the week the same way. <span class=\"frus-note-text\">Herbert Feis" in chapter


def test_jupyter_book_1_builds_the_example_with_W(tmp_path):
    folder = environment("jupyter-book-1")
    result = run(folder, "jupyter-book", "build", "-W", "-n", "--keep-going", "--path-output", str(tmp_path), str(ROOT / "examples/jupyter-book"))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING" not in result.stdout + result.stderr
    chapter = (tmp_path / "_build" / "html" / "chapter.html").read_text()
    notes = re.findall(r'<span class="frus-note-text">(.*?)</span>', chapter)
    assert notes[0].startswith("W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145")
    assert notes[1] == "Ibid."
    assert notes[2].startswith("Herbert Feis, <em>The China Tangle")  # set inline in the author's note
