"""Every CSL name variable is read as names, also those citeproc-py does not know."""

from __future__ import annotations

import pytest

from frus_cite.formatting.bibliography import render_entries
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Names</title><id>names</id><updated>2026-11-30T00:00:00+00:00</updated></info>
  <macro name="people">
    <group delimiter="; ">
      <names variable="reviewed-author"><name initialize-with=". "/></names>
      <names variable="compiler"><name/></names>
    </group>
  </macro>
  <citation><layout suffix="."><text variable="title" suffix=", "/><text macro="people"/></layout></citation>
  <bibliography><layout><text macro="people"/></layout></bibliography>
</style>
"""

ITEM = {
    "id": "r", "type": "review", "title": "A Review",
    "reviewed-author": [{"family": "Hall", "given": "William Clark"}],
    "compiler": [{"family": "Kennan", "given": "George F."}],
}


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_names_in_variables_citeproc_py_does_not_know_are_written_as_names(tmp_path, fmt):
    style = tmp_path / "names.csl"
    style.write_text(STYLE, encoding="utf-8")
    note = NoteEngine([ITEM], style=str(style)).cite(Cluster((Cite("r"),), 1), fmt=fmt)
    assert note == "A Review, W. C. Hall; George F. Kennan."
    assert render_entries([ITEM], fmt=fmt, style=str(style)) == ["W. C. Hall; George F. Kennan"]
