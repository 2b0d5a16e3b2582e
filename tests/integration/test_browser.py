"""The example book in a real browser: every footnote reference of a chapter leads to a footnote
whose text is the expected note, and the bibliography page lists each source.

Runs headless Chromium (Debian's ``chromium``) on the built pages and reads the rendered DOM.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]

V7 = ("in Foreign Relations of the United States: Diplomatic Papers, 1945, vol. 7, The Far East, China, ed. Ralph R. "
      "Goodwin et al. (Washington, DC: Government Printing Office, 1969)")
CHAPTER1_NOTES = {
    "1": f"W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945, {V7}, 927, "
         "https://history.state.gov/historicaldocuments/frus1945v07.",
    "2": "Ibid.",
    "3": "Ibid., 927–28.",
    # The author's note, with a citation set inline in it as a note of its own (full, then "Ibid.").
    "4": "Compare the Chinese record of the same meeting in the next chapter. Feis, who had the State Department files, "
         "reads the week the same way. Herbert Feis, The China Tangle: The American Effort in China from Pearl Harbor "
         "to the Marshall Mission (Princeton, NJ: Princeton University Press, 1953), 298–300.",
    "5": "Ibid., 301.",
    "6": f"W. Averell Harriman to Harry S. Truman and the Secretary of State, telegram, Moscow Embassy Files—710 Sino-Soviet Relations, "
         f"n.d., {V7}, 913, https://history.state.gov/historicaldocuments/frus1945v07.",
    "7": "Ibid.",
}


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)  # type: ignore[return-value]
    pytest.skip("no Chromium on this machine (CI installs Debian's chromium; see .ci/run)")


def rendered_dom(page: Path, profile: Path) -> str:
    result = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


class _Dom(HTMLParser):
    """Footnote references (href and number), footnotes (id, label, text) and bibliography entries."""

    def __init__(self) -> None:
        super().__init__()
        self.references: list[tuple[str, str]] = []
        self.footnotes: dict[str, tuple[str, str]] = {}
        self.entries: list[str] = []
        self._stack: list[tuple[str, dict]] = []
        self._capture: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        self._stack.append((tag, attrs))
        if tag == "a" and "footnote-reference" in classes:
            self._capture = {"kind": "ref", "href": attrs.get("href"), "text": "", "depth": len(self._stack)}
        elif tag == "aside" and "footnote" in classes:
            self._capture = {"kind": "note", "id": attrs.get("id"), "text": "", "label": "", "depth": len(self._stack)}
        elif tag == "p" and "frus-bib-entry" in classes:
            self._capture = {"kind": "entry", "text": "", "depth": len(self._stack)}
        elif self._capture and self._capture["kind"] == "note" and "label" in classes:
            self._capture["in_label"] = len(self._stack)

    def handle_endtag(self, tag):
        if self._capture and self._capture.get("in_label") == len(self._stack):
            self._capture.pop("in_label")
        if self._capture and self._capture["depth"] == len(self._stack):
            capture, self._capture = self._capture, None
            text = " ".join(capture["text"].split())
            if capture["kind"] == "ref":
                self.references.append((capture["href"], text.strip("[]")))
            elif capture["kind"] == "note":
                self.footnotes[capture["id"]] = (capture["label"].strip("[] "), text.replace(" ↗", ""))
            else:
                self.entries.append(text)
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if self._capture is not None:
            if self._capture.get("in_label"):
                self._capture["label"] += data
            else:
                self._capture["text"] += data


@pytest.fixture(scope="module")
def built_book(tmp_path_factory):
    out = tmp_path_factory.mktemp("book")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(ROOT / "examples/book"), str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def test_every_footnote_reference_leads_to_its_note(built_book, tmp_path):
    dom = _Dom()
    dom.feed(rendered_dom(built_book / "chapter1.html", tmp_path / "profile"))
    assert [number for _, number in dom.references] == list(CHAPTER1_NOTES)
    for href, number in dom.references:
        assert href.startswith("#")
        label, text = dom.footnotes[href[1:]]
        assert label == number
        assert text == CHAPTER1_NOTES[number]


def test_bibliography_page_lists_each_source(built_book, tmp_path):
    dom = _Dom()
    dom.feed(rendered_dom(built_book / "bibliography.html", tmp_path / "profile"))
    assert dom.entries == [
        "Feis, Herbert. The China Tangle: The American Effort in China from Pearl Harbor to the Marshall Mission. "
        "Princeton, NJ: Princeton University Press, 1953.",
        "Heinzig, Dieter. The Soviet Union and Communist China, 1945–1950: The Arduous Road to the Alliance. "
        "Armonk, NY: M. E. Sharpe, 2004.",
        "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers. Vol. 1, The Conference of "
        "Berlin (The Potsdam Conference), 1945. Edited by Richardson Dougall. Washington, DC: Government Printing "
        "Office, 1960. https://history.state.gov/historicaldocuments/frus1945Berlinv01.",
        "———. Foreign Relations of the United States: Diplomatic Papers, 1945. Vol. 7, The Far East, China. Edited by "
        "Ralph R. Goodwin, Herbert A. Fine, Velma H. Cassidy, and Francis C. Prescott. Washington, DC: Government "
        "Printing Office, 1969. https://history.state.gov/historicaldocuments/frus1945v07.",
        "Victor Hoo Collection. Hoover Institution Archives, Stanford, CA.",
        "W. A. Harriman Papers. Library of Congress, Washington, DC.",
    ]
