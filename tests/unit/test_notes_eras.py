"""Golden notes for documents of several eras (#11): volumes since 1955–57 cite the
document number, earlier ones the page; the URL is the document's; the note names the
document type and never the classification; the first note names the correspondents in full
(#13: Richardson, Under Secretary from January 1969, and Kissinger from the volume's list of persons;
Frelinghuysen, Secretary of State in 1882, and Trescot, the one Trescot of the data then living),
the short note by surname."""

from __future__ import annotations

from pathlib import Path

import pytest

import frus_cite
from frus_cite.formatting.bibliography import render_bibliography
from frus_cite.formatting.csl_json import to_csl_json
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

SOURCES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
HSG = "https://history.state.gov/historicaldocuments/"

GOLDEN = {
    "frus1969-76v01-d46-richardson.txt": (
        "frus1969-76v01",
        "Elliot L. Richardson to Henry A. Kissinger, memorandum, Washington, December 5, 1969, in Foreign Relations of the United "
        "States, 1969–1976, vol. 1, Foundations of Foreign Policy, 1969–1972, ed. Louis J. Smith and David H. "
        f"Herschler (Washington, DC: Government Printing Office, 2003), doc. 46, {HSG}frus1969-76v01/d46.",
        "Richardson to Kissinger, December 5, 1969, doc. 46.",
        "U.S. Department of State. Foreign Relations of the United States, 1969–1976. Vol. 1, Foundations of Foreign "
        "Policy, 1969–1972. Edited by Louis J. Smith and David H. Herschler. Washington, DC: Government Printing "
        f"Office, 2003. {HSG}frus1969-76v01.",
    ),
    "frus1958-60v13-d73-telegram.txt": (
        "frus1958-60v13",
        "The Embassy in Israel to the Department of State, telegram 684A.00/4–1759, Tel Aviv, April 17, 1959, in "
        "Foreign Relations of the United States, 1958–1960, vol. 13, Arab-Israeli Dispute; United Arab Republic; "
        "North Africa, ed. Suzanne E. Coffman and Charles S. Sampson (Washington, DC: Government Printing Office, "
        f"1992), doc. 73, {HSG}frus1958-60v13/d73.",
        "The Embassy in Israel to the Department of State, April 17, 1959, doc. 73.",
        None,
    ),
    "frus1882-d51-trescot.txt": (
        "frus1882",
        "William H. Trescot to Frederick T. Frelinghuysen, despatch, Viña del Mar, Chili, February 24, 1882, in Papers Relating to the "
        "Foreign Relations of the United States, 1882 (Washington, DC: Government Printing Office, 1883), 78–79, "
        f"{HSG}frus1882/d51.",
        "Trescot to Frelinghuysen, February 24, 1882, 78–79.",
        "U.S. Department of State. Papers Relating to the Foreign Relations of the United States, 1882. Washington, "
        f"DC: Government Printing Office, 1883. {HSG}frus1882.",
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_first_note_short_note_and_bibliography_of_every_era(name):
    volume, first, short, bibliography = GOLDEN[name]
    ref = frus_cite.parse_file(SOURCES / name, volume=volume)
    item = to_csl_json(ref)
    engine = NoteEngine([item], ibid=False)
    assert engine.cite(Cluster((Cite(item["id"]),), 1)) == first
    assert engine.cite(Cluster((Cite(item["id"]),), 2)) == short
    if bibliography:
        assert render_bibliography([ref]) == [bibliography]


def test_the_classification_stays_out_of_the_note():
    ref = frus_cite.parse_file(SOURCES / "frus1958-60v13-d73-telegram.txt", volume="frus1958-60v13")
    assert ref.classification == "confidential priority"
    item = to_csl_json(ref)
    note = NoteEngine([item]).cite(Cluster((Cite(item["id"]),), 1))
    assert "onfidential" not in note and "riority" not in note


def test_a_numbered_volume_without_a_printed_number_cites_the_url_number():
    text = (SOURCES / "frus1969-76v01-d46-richardson.txt").read_text(encoding="utf-8").split(". ", 1)[1]
    ref = frus_cite.parse_text(text, url=f"{HSG}frus1969-76v01/d46")
    assert ref.document_number == 46 and ref.url == f"{HSG}frus1969-76v01/d46"
    assert ref.title.startswith("Memorandum From the Under Secretary of State (Richardson)")
