"""The main scenario, in reStructuredText and in MyST: quotes, notes, footnote numbering, bibliography."""

from __future__ import annotations

import re

import pytest

V7 = ("W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945, in Foreign Relations of "
      "the United States: Diplomatic Papers, 1945, vol. 7, The Far East, China, ed. Ralph R. Goodwin et al. "
      "(Washington, DC: Government Printing Office, 1969), 927, https://history.state.gov/historicaldocuments/frus1945v07.")

EXPECTED_NOTES = [
    ("1", V7),
    ("2", "Harriman to Truman and Byrnes, July 11, 1945, 927."),  # ibid is off by default: short note
    ("3", "An ordinary footnote of the author's."),
    ("4", "Harriman to Truman and Byrnes, July 11, 1945, 927."),
    ("5", "Harriman to Truman and Byrnes, July 11, 1945, 926–27."),
    ("6", "“Record of a Meeting Between T.V. Soong and Stalin,” July 12, 1945, box 6, folder 9, Victor Hoo Collection, "
          "Hoover Institution Archives, Stanford, CA, Wilson Center Digital Archive, "
          "https://digitalarchive.wilsoncenter.org/document/134351."),
    ("7", "Herbert Feis, The China Tangle (Princeton, NJ: Princeton University Press, 1953), 12."),
    ("8", "W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1345, July 13, 1945, in Foreign "
          "Relations of the United States: Diplomatic Papers, vol. 1, The Conference of Berlin (The Potsdam Conference), "
          "1945, ed. Richardson Dougall (Washington, DC: Government Printing Office, 1960), doc. 578, "
          "https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578; See Feis, The China Tangle, 14–15 for context."),
]


def squash(text: str) -> str:
    return "".join(text.split())


def text_notes(text: str) -> list[tuple[str, str]]:
    """[(number, note text)] from the text builder's output."""
    notes = []
    for match in re.finditer(r"^\[(\d+)\] (.+?)(?=\n\n|\n\[\d+\]|\Z)", text, re.M | re.S):
        notes.append((match.group(1), " ".join(match.group(2).split()).replace("*", "")))
    return notes


@pytest.mark.parametrize("root, suffix", [("quote-basic", ".txt"), ("myst", ".txt")])
def test_notes_numbered_with_the_authors_own(make_app, rootdir, tmp_path, root, suffix):
    pytest.importorskip("myst_parser")
    app = make_app("text", srcdir=_copy(rootdir / f"test-{root}", tmp_path))
    app.build()
    assert app.warning.getvalue() == ""
    output = (app.outdir / "index.txt").read_text(encoding="utf-8")
    # The text builder wraps at 70 columns, even inside URLs: compare without white space.
    assert [(n, squash(t)) for n, t in text_notes(output)] == [(n, squash(t)) for n, t in EXPECTED_NOTES]
    assert "The term of the agreements was reduced from 40 to 30 years.[1]" in output
    assert "“we might see after 2 years,”[2] a plain note follows." in output.replace("\n", " ").replace("  ", " ")  # CMOS 6.9, 14.26
    biblio = (app.outdir / "biblio.txt").read_text(encoding="utf-8")
    entries = [squash(e).replace("*", "") for e in biblio.split("\n\n")[1:] if e.strip()]
    assert entries == [squash(e) for e in [
        "Feis, Herbert. The China Tangle. Princeton, NJ: Princeton University Press, 1953.",
        "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers. Vol. 1, The Conference of "
        "Berlin (The Potsdam Conference), 1945. Edited by Richardson Dougall. Washington, DC: Government Printing Office, "
        "1960. https://history.state.gov/historicaldocuments/frus1945Berlinv01.",
        "———. Foreign Relations of the United States: Diplomatic Papers, 1945. Vol. 7, The Far East, China. Edited by "
        "Ralph R. Goodwin, Herbert A. Fine, Velma H. Cassidy, and Francis C. Prescott. Washington, DC: Government "
        "Printing Office, 1969. https://history.state.gov/historicaldocuments/frus1945v07.",
        "Victor Hoo Collection. Hoover Institution Archives, Stanford, CA.",
    ]]


def _copy(root, tmp_path):
    import shutil

    target = tmp_path / root.name
    shutil.copytree(root, target)
    return target
