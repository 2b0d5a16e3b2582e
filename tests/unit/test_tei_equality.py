"""Two readers of one document must agree: the TEI reader on the Office of the
Historian's markup, and the text parser on the same document rendered as
history.state.gov shows it (tests/tei_render.py).  Each checks the other; where
only one side can know a field (the page a document starts on is not shown on
the website), the test says so."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tei_render import load_documents, render  # noqa: E402

import frus_cite  # noqa: E402
from frus_cite.catalog import default_catalog  # noqa: E402
from frus_cite.parsing.tei import read_tei, read_tei_bytes  # noqa: E402

CHINA_CLOSE = b"\n            </div>\n        </body>\n    </text>\n</TEI>\n"  # SOURCES.md: the prefix's missing end
SLICES = {
    "frus1882.part.xml": "frus1882",
    "frus1919Parisv01.part.xml": "frus1919Parisv01",
    "frus1934v04.part.xml": "frus1934v04",
    "frus1943China.part.xml": "frus1943China",
    "frus1944Quebec.part.xml": "frus1944Quebec",
    "frus1946v06-d475.TEIdy-kennan.xml": "frus1946v06",
    "frus1949v07p1.part.xml": "frus1949v07p1",
    "frus1952-54v14p2.part.xml": "frus1952-54v14p2",
    "frus1958-60v13.part.xml": "frus1958-60v13",
    "frus1961-63v04.part.xml": "frus1961-63v04",
    "frus1969-76v01.part.xml": "frus1969-76v01",
}
FIELDS = (
    "title", "heading", "document_type", "date", "dateline", "dateline_date", "place", "time", "received",
    "classification", "telegram_number", "signature", "source", "subject", "participants", "enclosures",
)
# Where the two differ and the TEI reader is right: the copied text cannot show where an
# enclosure or attachment printed after the signature ends, so the text parser takes the
# last signature on the page (the enclosure's) and leaves the document's in the text.
_AFTER_THE_SIGNATURE = "an enclosure follows the document's signature; the copied text does not show where it ends"
KNOWN = {
    ("frus1882.part.xml", "d49", "text"): _AFTER_THE_SIGNATURE + " (the despatch's 'WALKER BLAINE.' is left in the text)",
    ("frus1943China.part.xml", "d7", "signature"): _AFTER_THE_SIGNATURE + " ([Annex] after Hornbeck's initials)",
    ("frus1943China.part.xml", "d7", "text"): _AFTER_THE_SIGNATURE + " (Hornbeck's initials are left in the text)",
    ("frus1969-76v01.part.xml", "d45", "signature"): _AFTER_THE_SIGNATURE + " ('DM' signs Tab A, Moynihan's memorandum)",
    ("frus1969-76v01.part.xml", "d45", "text"): _AFTER_THE_SIGNATURE + " (Tab A's 'DM' is taken out of the text)",
}


EXCERPTS = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "excerpts"


@pytest.mark.parametrize("filename", ["frus1955-57v03.part.xml", "frus1964-68v30.part.xml"])
def test_the_readers_agree_on_shortened_documents_of_two_more_volumes(filename):
    path = EXCERPTS / filename
    volume = filename.split(".")[0]
    tei = read_tei(path)
    compared = 0
    for div, start_page in load_documents(path):
        doc_id = div.get("{http://www.w3.org/XML/1998/namespace}id")
        url = f"https://history.state.gov/historicaldocuments/{volume}/{doc_id}"
        text_ref = frus_cite.parse_text(render(div).text, url=url)
        assert _differences(tei.reference(doc_id), text_ref, start_page) == []
        compared += 1
    assert compared == {"frus1955-57v03.part.xml": 2, "frus1964-68v30.part.xml": 1}[filename]


def test_every_document_slice_of_the_corpus_is_compared(corpus):
    slices = {p.name for p in (corpus / "frus").glob("*.xml") if "introduction" not in p.name}  # front matter, no documents
    assert slices == set(SLICES)


def _tei(path: Path, volume: str):
    if path.name == "frus1943China.part.xml":
        return read_tei_bytes(path.read_bytes() + CHINA_CLOSE, path=str(path), volume=volume)
    return read_tei(path, volume=volume)


def _dense(text: str, offset: int | None = None) -> int | str:
    """The text without white space, or how many non-space characters precede *offset*:
    the two readers may lay out blocks differently, never words."""
    if offset is None:
        return re.sub(r"\s+", "", text)
    return len(re.sub(r"\s+", "", text[:offset]))


def _differences(tei_ref, text_ref, start_page: str | None) -> list[tuple]:
    found = []
    for name in FIELDS:
        if getattr(tei_ref, name) != getattr(text_ref, name):
            found.append((name, getattr(tei_ref, name), getattr(text_ref, name)))
    file_texts = [r.file.text if r.file else None for r in (tei_ref, text_ref)]
    if file_texts[0] != file_texts[1]:
        found.append(("file", *file_texts))
    for side in ("authors", "recipients"):
        parties = [[(p.name, p.role) for p in getattr(r, side)] for r in (tei_ref, text_ref)]
        if parties[0] != parties[1]:
            found.append((side, *parties))
    if text_ref.document_number is not None and text_ref.document_number != tei_ref.document_number:
        found.append(("document_number", tei_ref.document_number, text_ref.document_number))
    if _dense(tei_ref.text) != _dense(text_ref.text):
        found.append(("text", tei_ref.text[:80], text_ref.text[:80]))
    notes = [
        [(n.mark, n.in_heading, None if n.offset is None else _dense(r.text, n.offset), n.text) for n in r.footnotes]
        for r in (tei_ref, text_ref)
    ]
    if notes[0] != notes[1]:
        found.append(("footnotes", notes[0], notes[1]))
    pages = [[(_dense(r.text, o), label) for o, label in (r.pages.breaks if r.pages else ())] for r in (tei_ref, text_ref)]
    if not pages[1]:
        # The website does not show the page a document starts on; the TEI knows it.
        pages[1] = [(0, start_page)] if start_page else []
    elif text_ref.pages.first != tei_ref.pages.first:
        found.append(("first page", tei_ref.pages.first, text_ref.pages.first))
    if pages[0] != pages[1]:
        found.append(("pages", pages[0], pages[1]))
    return found


@pytest.mark.parametrize("filename", sorted(SLICES))
def test_tei_reader_and_text_parser_agree(corpus, filename):
    volume = SLICES[filename]
    path = corpus / "frus" / filename
    tei = _tei(path, volume)
    known = volume in default_catalog()
    problems, expected = [], sorted(key[1:] for key in KNOWN if key[0] == filename)
    found_known = []
    for div, start_page in load_documents(path):
        doc_id = div.get("{http://www.w3.org/XML/1998/namespace}id")
        tei_ref = tei.reference(doc_id)
        url = f"https://history.state.gov/historicaldocuments/{volume}/{doc_id}" if known else None
        try:
            text_ref = frus_cite.parse_text(render(div).text, volume=None, url=url)
        except frus_cite.SourceError as error:
            problems.append((doc_id, "text parser failed", error.summary()))
            continue
        assert tei_ref.document_number == int(div.get("n"))
        for difference in _differences(tei_ref, text_ref, start_page):
            (found_known if (doc_id, difference[0]) in expected else problems).append((doc_id, *difference))
    assert problems == []
    assert sorted((doc_id, field) for doc_id, field, *_ in found_known) == expected  # each known difference still there
