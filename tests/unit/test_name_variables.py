"""Every CSL name variable is read as names, also those citeproc-py does not know."""

from __future__ import annotations

import pytest

from frus_cite.formatting.bibliography import render_entries
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

from ..csl_style import write_style

STYLE = """
  <macro name="people">
    <group delimiter="; ">
      <names variable="reviewed-author"><name initialize-with=". "/></names>
      <names variable="compiler"><name/></names>
    </group>
  </macro>
  <citation><layout suffix="."><text variable="title" suffix=", "/><text macro="people"/></layout></citation>
  <bibliography><layout><text macro="people"/></layout></bibliography>
"""

ITEM = {
    "id": "r", "type": "review", "title": "A Review",
    "reviewed-author": [{"family": "Hall", "given": "William Clark"}],
    "compiler": [{"family": "Kennan", "given": "George F."}],
}


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_names_in_variables_citeproc_py_does_not_know_are_written_as_names(tmp_path, fmt):
    style = write_style(tmp_path, STYLE)
    note = NoteEngine([ITEM], style=style).cite(Cluster((Cite("r"),), 1), fmt=fmt)
    assert note == "A Review, W. C. Hall; George F. Kennan."
    assert render_entries([ITEM], fmt=fmt, style=style) == ["W. C. Hall; George F. Kennan"]
