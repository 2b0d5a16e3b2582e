"""The command line on TEI files: documents addressed by id (--doc d58, FILE#d58),
quotations checked against the TEI text, volume metadata from the teiHeader."""

from __future__ import annotations

import json
from pathlib import Path

from frus_cite.cli import main

VOLUME = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus2099v01.xml"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_one_document_by_id(capsys):
    code, out, err = run(capsys, "parse", VOLUME, "--doc", "d58")
    assert (code, err) == (0, "")
    [record] = json.loads(out)
    assert record["document_number"] == 58 and record["key"] == "frus2099v01-d58"
    assert {k: record["author"][k] for k in ("name", "role")} == {"name": "Tester", "role": "Ambassador at Geneva"}
    # Named by the volume's own list of persons, which the heading's persName points at.
    assert (record["author"]["full_name"]["name"], record["author"]["full_name"]["rule"]) == ("Carl Tester", "persons list")
    assert record["author"]["full_name"]["record"].startswith("tei:p_")
    assert record["author"]["person_id"] == "p_TC1"


def test_parse_every_document_without_doc(capsys):
    code, out, _ = run(capsys, "parse", VOLUME)
    assert code == 0 and [r["document_number"] for r in json.loads(out)] == [57, 58]


def test_parse_a_document_address(capsys):
    code, out, _ = run(capsys, "parse", f"{VOLUME}#d57", "--format", "csl-json")
    [item] = json.loads(out)
    # The catalog lacks frus2099v01: the volume is described from the file's teiHeader.
    # The CSL-JSON is the Zotero export: the number in Extra, the series as the book section's series.
    assert code == 0 and "number: 57" in item["note"].split("\n")
    assert item["collection-title"].startswith("Foreign Relations of the United States, 2097–2099")


def test_parse_an_unknown_document_is_a_located_error(capsys):
    code, out, err = run(capsys, "parse", VOLUME, "--doc", "d999")
    assert code == 1 and json.loads(out) == []
    assert err == f"frus-cite: error: {VOLUME}:6: no document 'd999' in this file; expected one of d57, d58\n"


def test_quote_checked_against_the_tei_text(capsys):
    code, out, _ = run(capsys, "quote", f"{VOLUME}#d57", "the second item until the other side raises it")
    result = json.loads(out)
    # The page break falls after "the": the passage runs over pages 101–2.
    assert code == 0 and result["found"] and result["pages"] == {"first": "101", "last": "102"}
    assert ", ed. Ada Example (Washington, DC: Government Publishing Office, 2101), doc. 57, https://" in result["note"]


def test_quote_from_an_editorial_footnote_is_cited_as_the_note(capsys):
    code, out, _ = run(capsys, "quote", VOLUME, "The minutes were not found", "--doc", "d58")
    result = json.loads(out)
    assert code == 0 and result["found"] and (result["footnote"], result["locator"]) == ("2", "102n2")


def test_quote_a_misquotation_from_tei(capsys):
    code, _, err = run(capsys, "quote", f"{VOLUME}#d58", "The talk lasted three hours")
    assert code == 1 and err == (
        f"frus-cite: error: quote not found in {VOLUME}#d58: closest text on p. 102 "
        'differs at "talk lasted three" (quote) ≠ "talk lasted two" (source)\n'
    )


def test_an_unsafe_tei_file_is_reported_not_parsed(capsys, tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY a "aaaa">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n')
    code, _, err = run(capsys, "parse", bomb)
    assert code == 1 and err.startswith(f"frus-cite: error: {bomb}:2: expected no DOCTYPE")


def test_parse_json_gives_persons_list_ids_and_validates(capsys):
    import jsonschema
    from importlib import resources

    code, out, _ = run(capsys, "parse", VOLUME)
    records = json.loads(out)
    schema = json.loads(resources.files("frus_cite").joinpath("data/schema/reference.schema.json").read_text())
    for record in records:
        jsonschema.validate(record, schema)
    assert {k: records[0]["author"][k] for k in ("name", "role", "person_id")} == {
        "name": "Sample", "role": "Secretary of State", "person_id": "p_SA1"
    }
    assert "person_id" not in records[1]["recipients"][0]  # "the Department of State": no person
