"""The example book as a PDF (LaTeX builder + latexmk): citation notes are real footnotes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_example_book_pdf_has_the_notes(tmp_path):
    for tool in ("latexmk", "pdflatex", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (CI installs TeX Live and poppler-utils; see .ci/run)")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-M", "latexpdf", str(ROOT / "examples/book"), str(tmp_path), "-q"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pdf = next((tmp_path / "latex").glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split()).replace("- ", "-")
    assert "“Record of a Meeting Between T.V. Soong and Stalin,” July 12, 1945, box 6, folder 9, Victor Hoo Collection" in flat
    assert "761.93/7–1145, July 11, 1945, in Foreign Relations of the United States" in flat
    assert "U.S. Department of State. Foreign Relations of the United States" in flat  # the bibliography chapter
    # Notes print in order, each chapter from 1 (a citation in the author's note 4 is set in that note,
    # not as a footnote to a footnote, which printed the notes 1–6, 10, 7–9).
    assert re.findall(r"^(\d{1,2}) [A-Z“]", text, re.M) == [str(n) for n in range(1, 8)] * 2
    assert "reads the week the same way. Herbert Feis, The China Tangle" in flat
    assert "“we might see after 2 years.”" in flat  # Chicago punctuation (CMOS 6.9)
    assert "in a friendly atmosphere.”5 The Chinese record" in flat  # the space after the note mark kept
