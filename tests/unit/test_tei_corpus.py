"""Real FRUS documents: TEI slices rendered as history.state.gov shows them, parsed,
and checked against the TEI's own markup (file line, persName from/to, dateline
date, page breaks, footnotes, signature)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tei_render import expected, layout_problems, load_documents, render  # noqa: E402

import frus_cite  # noqa: E402

SLICES = {
    "frus1943China.part.xml": "frus1943China",
    "frus1944Quebec.part.xml": "frus1944Quebec",
    "frus1949v07p1.part.xml": "frus1949v07p1",
    "frus1946v06-d475.TEIdy-kennan.xml": "frus1946v06",
}


def documents(corpus: Path):
    for filename, volume in SLICES.items():
        for div, page in load_documents(corpus / "frus" / filename):
            yield volume, div, page


def test_corpus_has_all_45_documents(corpus):
    assert len(list(documents(corpus))) == 45


@pytest.mark.parametrize("filename", sorted(SLICES))
def test_tei_documents_parse_like_their_markup(corpus, filename):
    volume = SLICES[filename]
    problems = []
    for div, start_page in load_documents(corpus / "frus" / filename):
        rendered = render(div)
        want = expected(div)
        ref = frus_cite.parse_text(rendered.text, volume=volume, url=None)
        where = f"{volume} d{want['number']}"
        got_file = ref.file.text if ref.file else None
        want_file = want["file"].split(": ")[0] if want["file"] and ": " in want["file"] else want["file"]
        if got_file != want_file:
            problems.append((where, "file", got_file, want_file))
        names = [p.name for p in ref.authors if p.name]
        # The markup tags persons inconsistently (d2 tags only one of two senders):
        # every tagged name must be among the parsed ones, in order.
        if want["from"] and [n for n in names if n in want["from"]] != want["from"]:
            problems.append((where, "from", names, want["from"]))
        recipients = [p.name for p in ref.recipients if p.name]
        if want["to"] and [n for n in recipients if n in want["to"]] != want["to"]:
            problems.append((where, "to", recipients, want["to"]))
        if want["date"] and ref.dateline_date != want["date"]:
            problems.append((where, "dateline date", ref.dateline_date, want["date"]))
        problems += layout_problems(where, ref, want, start_page)
        if want["signed"] and div[-1].tag.endswith("closer") and ref.signature != want["signed"][-1]:
            problems.append((where, "signature", ref.signature, want["signed"][-1]))
    assert problems == []
