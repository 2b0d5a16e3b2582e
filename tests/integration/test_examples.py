"""The example books and the documentation build cleanly: -W --keep-going -n, as CI requires."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("project", ["examples/book", "examples/myst-book", "docs"])
def test_builds_without_warnings(project, tmp_path):
    if project != "examples/book":
        pytest.importorskip("myst_parser")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-q", str(ROOT / project), str(tmp_path / "html")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_example_scripts_run():
    for script, args in [("print_notes.py", []), ("to_csl_json.py", ["examples/book/sources/harriman-1945-07-11.txt", "examples/book/sources/wilson-123444.md", "--volume", "frus1945v07"]),
                         ("to_bibtex.py", ["examples/book/sources/harriman-1945-07-11.txt", "--volume", "frus1945v07"])]:
        result = subprocess.run([sys.executable, str(ROOT / "examples/scripts" / script), *args], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, (script, result.stderr)
        assert result.stdout.strip()
    notes = subprocess.run([sys.executable, str(ROOT / "examples/scripts/print_notes.py")], capture_output=True, text=True).stdout
    assert "2. Ibid.\n3. Ibid., 928.\n" in notes
