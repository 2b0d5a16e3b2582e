"""CSL-JSON export through Zotero's own mapping: nothing we export is lost on import.

Zotero's import and export are modelled here from its code, step by step, over the facts
of its schema (src/frus_cite/data/zotero-mapping.json, zotero/zotero-schema version 41):

* import, ``itemFromCSLJSON`` (zotero/utilities utilities_item.js): the item type is the
  first one listed for the CSL type; a text or date variable is stored in the first of its
  fields that the item type has, itself or as the type's form of a base field, and is
  dropped otherwise; a name variable whose creator type the item type lacks is stored
  under the type's primary creator type; ``note`` is stored in Extra;
* citing, ``itemToCSLJSON`` and citeproc-js's reading of Extra: fields map back to CSL
  variables, and each ``variable: value`` line of Extra gives that variable (names as
  ``Family || Given``, dates in ISO form).
"""

from __future__ import annotations

import json
import re

import pytest

import frus_cite
from frus_cite.formatting.csl_json import to_csl_json
from frus_cite.formatting.zotero import mapping, to_zotero_csl_json

from ..conftest import seed

SCHEMA = mapping()
CSL = SCHEMA["csl"]
TYPES = SCHEMA["itemTypes"]


def _type_field(item_type: str, field: str) -> str | None:
    """The field of *item_type* that stores *field* (itself, or the type's form of the base field)."""
    fields = TYPES[item_type]["fields"]
    if field in fields:
        return field
    return next((own for own, base in fields.items() if base == field), None)


def zotero_import(csl: dict) -> dict:
    """A Zotero item as itemFromCSLJSON makes it: {itemType, fields, creators}."""
    item_type = CSL["types"].get(csl["type"], ["document"])[0]
    fields: dict[str, str] = {}
    for variable, candidates in CSL["fields"]["text"].items():
        if variable in csl:
            stored = next((f for f in map(lambda c: _type_field(item_type, c), candidates) if f), None)
            if stored:
                fields[stored] = csl[variable]
    for variable, field in CSL["fields"]["date"].items():
        stored = _type_field(item_type, field) if variable in csl else None
        if stored:
            fields[stored] = csl[variable]["date-parts"][0]
    creators = []
    done = set()
    for creator_type, variable in CSL["names"].items():
        if variable in done or variable not in csl:
            continue
        done.add(variable)
        if creator_type not in TYPES[item_type]["creatorTypes"]:
            creator_type = TYPES[item_type]["primaryCreatorType"]
        for name in csl[variable]:
            creators.append({"creatorType": creator_type, "lastName": name.get("family", name.get("literal")),
                             "firstName": name.get("given", "")})
    return {"itemType": item_type, "fields": fields, "creators": creators}


def _iso_parts(text: str) -> list[int]:
    return [int(p) for p in text.split("-")]


def zotero_cites(item: dict) -> dict:
    """The CSL-JSON Zotero hands to citeproc-js for *item*, with Extra read as citeproc-js reads it."""
    csl: dict = {"type": next(t for t, zs in CSL["types"].items() if item["itemType"] in zs)}
    for variable, candidates in CSL["fields"]["text"].items():
        for candidate in candidates:
            stored = _type_field(item["itemType"], candidate)
            if stored and stored in item["fields"] and variable not in ("shortTitle",):
                csl[variable] = item["fields"][stored]
                break
    for variable, field in CSL["fields"]["date"].items():
        stored = _type_field(item["itemType"], field)
        if stored in item["fields"]:
            csl[variable] = {"date-parts": [item["fields"][stored]]}
    for creator in item["creators"]:
        name = {"family": creator["lastName"]} | ({"given": creator["firstName"]} if creator["firstName"] else {})
        csl.setdefault(CSL["names"][creator["creatorType"]], []).append(name)
    for line in filter(None, csl.pop("note", "").split("\n")):
        match = re.match(r"([-_a-z]+):\s*(.+)$", line)
        assert match, f"Extra line citeproc-js cannot read: {line!r}"
        variable, value = match.groups()
        if variable in CSL["names"].values():
            family, _, given = value.partition(" || ")
            csl.setdefault(variable, []).append({"family": family} | ({"given": given} if given else {}))
        elif variable in ("issued", "original-date", "event-date", "accessed", "submitted", "available-date"):
            csl[variable] = {"date-parts": [_iso_parts(value)]}
        else:
            csl[variable] = value
    return csl


def _comparable(item: dict) -> dict:
    """Names compared by their parts (a literal name comes back as a family name)."""
    out = {}
    for variable, value in item.items():
        if isinstance(value, list):
            value = [(n.get("family", n.get("literal")), n.get("given", "")) for n in value]
        out[variable] = value
    return out


_REFS = [
    lambda: frus_cite.parse_file(seed(0), volume="frus1945v07"),
    lambda: frus_cite.parse_file(seed(1), url="https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578"),
    lambda: frus_cite.parse_file(seed(2), volume="frus1945v07"),
    lambda: frus_cite.parse_file(seed(3)),
    lambda: frus_cite.parse_file(seed(4)),
]


def _exports():
    return [to_zotero_csl_json(ref()) for ref in _REFS]


@pytest.mark.parametrize("number", range(len(_REFS)))
def test_zotero_round_trip_loses_no_field(number):
    """Every variable of the record's CSL data comes back from Zotero with its value (the
    FRUS volume title as the book title and the series as the series, by design)."""
    ref = _REFS[number]()
    data = to_csl_json(ref)
    if ref.kind == "frus":
        data["container-title"], data["collection-title"] = data["collection-title"], data["container-title"]
    back = zotero_cites(zotero_import(to_zotero_csl_json(ref)))
    expected = {k: v for k, v in data.items() if k not in ("id", "type")}
    assert _comparable({k: back.get(k) for k in expected}) == _comparable(expected)
    assert back["citation-key"] == data["id"]


def test_frus_document_imports_as_a_book_section_of_its_volume():
    exported = to_zotero_csl_json(frus_cite.parse_file(seed(0), volume="frus1945v07"))
    item = zotero_import(exported)
    assert item["itemType"] == "bookSection"
    fields = item["fields"]
    assert (fields["bookTitle"], fields["series"], fields["volume"], fields["pages"]) == (
        "The Far East, China", "Foreign Relations of the United States: Diplomatic Papers, 1945", "7", "926-928")
    assert (fields["publisher"], fields["place"], fields["date"], fields["originalDate"]) == (
        "Government Printing Office", "Washington, DC", [1969], [1945, 7, 11])
    assert (fields["archive"], fields["archiveLocation"]) == ("National Archives, RG 59", "761.93/7–1145")
    assert fields["citationKey"] == "000_c88cd66dba214b07"
    # Harriman is the only author; the recipients are not turned into authors.
    assert [(c["creatorType"], c["lastName"]) for c in item["creators"]] == [
        ("author", "Harriman"), ("editor", "Goodwin"), ("editor", "Fine"), ("editor", "Cassidy"), ("editor", "Prescott")]
    # Full names from the Office of the Historian's data (#13), in Zotero's "Family || Given" form.
    assert fields["extra"].split("\n") == ["recipient: Truman || Harry S.", "recipient: Byrnes || James F.", "genre: telegram"]


def test_potsdam_document_keeps_its_number_and_place_in_extra():
    exported = to_zotero_csl_json(frus_cite.parse_file(seed(1), url="https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578"))
    extra = zotero_import(exported)["fields"]["extra"].split("\n")
    assert "number: 578" in extra
    back = zotero_cites(zotero_import(exported))
    assert back["number"] == "578" and back["URL"].endswith("/frus1945Berlinv01/d578")


def test_wilson_record_keeps_collection_and_place():
    item = zotero_import(to_zotero_csl_json(frus_cite.parse_file(seed(4))))
    assert item["itemType"] == "manuscript"
    assert (item["fields"]["archive"], item["fields"]["archiveLocation"], item["fields"]["libraryCatalog"]) == (
        "Hoover Institution Archives", "box 6, folder 9", "Wilson Center Digital Archive")
    assert item["fields"]["extra"].split("\n") == ["archive_collection: Victor Hoo Collection", "archive-place: Stanford, CA"]


def test_the_rendering_item_would_lose_fields_in_zotero():
    """Why the export has its own mapping: the item the notes are rendered from (type
    'document') loses the volume, page and series, and files the recipients as authors."""
    item = to_csl_json(frus_cite.parse_file(seed(0), volume="frus1945v07"))
    back = zotero_cites(zotero_import(item))
    lost = {k for k in item if k not in back and k != "id"}
    assert {"container-title", "volume", "page", "collection-title", "recipient"} <= lost
    assert [n["family"] for n in back["author"]] == ["Harriman", "Truman", "Byrnes"]


def test_export_is_valid_csl_json():
    from frus_cite.formatting.csl_input import check_item

    for item in _exports():
        assert check_item(item) == []
        json.dumps(item)
