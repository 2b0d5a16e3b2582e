"""An item the style prints nothing for: no citeproc-js stand-in ("[CSL STYLE ERROR …]") in a
note or a bibliography entry, whatever the layout's affixes and formatting; the engine names it."""

from __future__ import annotations

import json

import pytest

from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

_STYLE = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
          "<info><title>t</title><id>t</id><updated>2026-11-30T00:00:00+00:00</updated></info>"
          '<citation><layout prefix="(" suffix=")." delimiter="; "><text variable="title" font-style="italic"/></layout></citation>'
          '<bibliography><layout suffix="."><text variable="title" font-style="italic"/></layout></bibliography></style>')
_ITEMS = [{"id": "titled", "type": "book", "title": "Papers"}, {"id": "blank", "type": "book", "publisher": "GPO"}]


@pytest.fixture()
def engine(tmp_path):
    style = tmp_path / "titles.csl"
    style.write_text(_STYLE, encoding="utf-8")
    return NoteEngine(_ITEMS, style=str(style))


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_a_bibliography_leaves_out_an_entry_printing_nothing(engine, fmt):
    entries = engine.bibliography(fmt=fmt, ids=["titled", "blank"])
    assert entries == (["<i>Papers</i>."] if fmt == "html" else ["Papers."])
    assert engine.unprinted() == ["blank"]


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_a_note_leaves_out_a_cite_printing_nothing(engine, fmt):
    assert engine.cite(Cluster((Cite("blank"),), 1), fmt=fmt) == ""
    both = engine.cite(Cluster((Cite("titled"), Cite("blank")), 2), fmt=fmt)
    assert both == ("(<i>Papers</i>)." if fmt == "html" else "(Papers).")
    assert engine.unprinted() == ["blank"]


def test_the_command_line_names_the_item(tmp_path, capsys):
    from frus_cite.cli import main

    (tmp_path / "titles.csl").write_text(_STYLE, encoding="utf-8")
    (tmp_path / "items.json").write_text(json.dumps(_ITEMS), encoding="utf-8")
    (tmp_path / "cites.json").write_text(json.dumps([{"citationItems": [{"id": "titled"}, {"id": "blank"}]}]), encoding="utf-8")
    main(["notes", "--items", str(tmp_path / "items.json"), "--cites", str(tmp_path / "cites.json"), "--style", str(tmp_path / "titles.csl")])
    out, err = capsys.readouterr()
    assert "CSL STYLE ERROR" not in out and "(Papers)." in out
    assert "the style prints nothing for 'blank'" in err
