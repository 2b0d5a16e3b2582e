"""Real FRUS documents of every era: the correspondents their first notes name in full, and the
ones that stay as printed (with the reason) — from the shared TEI slices."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tei_render import load_documents, render  # noqa: E402

import frus_cite  # noqa: E402
from frus_cite.errors import FrusCiteError  # noqa: E402
from frus_cite.formatting.csl_json import to_csl_json  # noqa: E402
from frus_cite.parsing.tei import read_tei  # noqa: E402
from frus_cite.people.naming import name_party  # noqa: E402

# slice → (volume, {party as printed: full name a first note gives, or None: kept as printed})
ERAS = {
    "frus1882.part.xml": ("frus1882", {
        "Mr. Frelinghuysen": "Frederick T. Frelinghuysen",  # Secretary of State, 1881–85
        "Mr. Trescot": "William H. Trescot",  # the only Trescot, Assistant Secretary in 1860
        "Mr. Walker Blaine": "Walker Blaine",
    }),
    "frus1919Parisv01.part.xml": ("frus1919Parisv01", {
        "The Secretary of State": "Robert Lansing",
        "The Ambassador in Italy (Page)": "Thomas Nelson Page",
        "the Counselor of the Department of State (Polk)": "Frank Lyon Polk",
        "The Special Representative (House)": None,  # two Houses of the data may have been alive
    }),
    "frus1934v04.part.xml": ("frus1934v04", {
        "The Secretary of State": "Cordell Hull",
        "The Minister in Bolivia (Des Portes)": "Fay A. Des Portes",
        "The Ambassador in Peru (Dearing)": "Fred Morris Dearing",
        "The Consul at Geneva (Gilbert)": None,  # Prentiss B. Gilbert is not in the data
    }),
    "frus1943China.part.xml": ("frus1943China", {
        "The Ambassador in China (Gauss)": "Clarence E. Gauss",
        "the Secretary of State": "Cordell Hull",
        "President Roosevelt": "Franklin D. Roosevelt",
        "The Acting Secretary of State": None,
    }),
    "frus1944Quebec.part.xml": ("frus1944Quebec", {
        "President Roosevelt": "Franklin D. Roosevelt",
        "Prime Minister Churchill": None,  # no list of persons; seven Churchills in the data
    }),
    "frus1946v06-d475.TEIdy-kennan.xml": ("frus1946v06", {
        "The Chargé in the Soviet Union (Kennan)": "George F. Kennan",
        "the Secretary of State": "James F. Byrnes",
    }),
    "frus1949v07p1.part.xml": ("frus1949v07p1", {
        "The Ambassador in France (Caffery)": "Jefferson Caffery",
        "the Secretary of State": "Dean G. Acheson",
        "the Consulate General at Saigon": None,
    }),
    "frus1952-54v14p2.part.xml": ("frus1952-54v14p2", {
        "The United States Political Adviser to SCAP (Sebald)": "William J. Sebald",
        "the Department of State": None,
    }),
    "frus1958-60v13.part.xml": ("frus1958-60v13", {
        "Acting Secretary of State Dillon": "C. Douglas Dillon",
        "the Embassy in Israel": None,
    }),
    "frus1969-76v01.part.xml": ("frus1969-76v01", {
        "the President's Assistant for National Security Affairs (Kissinger)": "Henry A. Kissinger",
        "President Nixon": "Richard M. Nixon",
        "the Under Secretary of State (Richardson)": "Elliot L. Richardson",
    }),
}


def references(corpus: Path, filename: str, volume: str):
    """The slice's documents: through the TEI reader, or (for a slice it cannot read whole, as
    the 1943 one cut mid-volume) rendered as history.state.gov shows them and parsed."""
    try:
        return list(read_tei(corpus / "frus" / filename, volume=volume).references())
    except FrusCiteError:
        return [frus_cite.parse_text(render(div).text, volume=volume, url=None) for div, _ in load_documents(corpus / "frus" / filename)]


@pytest.mark.parametrize("filename", sorted(ERAS))
def test_correspondents_of_every_era_are_named_in_full(corpus, filename):
    volume, expected = ERAS[filename]
    found: dict[str, set] = {}
    for ref in references(corpus, filename, volume):
        for party in ref.authors + ref.recipients:
            name = name_party(party, ref)
            assert name.reason, party  # every name, kept or not, says why
            found.setdefault(party.text.rstrip("."), set()).add(name.name)
    for printed, full in expected.items():
        assert found.get(printed) == {full}, (printed, found.get(printed))


def test_first_and_short_notes_of_the_1882_despatches(corpus):
    from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

    import dataclasses

    ref = references(corpus, "frus1882.part.xml", "frus1882")[0]
    # (the shipped catalog may not know the 1882 volume yet: cite the document on its own)
    item = to_csl_json(dataclasses.replace(ref, volume=None), key="d46")
    assert item["author"] == [{"family": "Frelinghuysen", "given": "Frederick T."}]
    assert item["recipient"] == [{"family": "Trescot", "given": "William H."}]
    engine = NoteEngine([item], ibid=False)
    assert engine.cite(Cluster((Cite("d46"),), 1)).startswith("Frederick T. Frelinghuysen to William H. Trescot, ")
    assert engine.cite(Cluster((Cite("d46"),), 2)).startswith("Frelinghuysen to Trescot, ")
