"""Cite grouping compares the names each cite prints; a name that reads like the engine's own
request words ("keep", "cut") is a name like any other.  (The citation is sorted: only then are
cites by the same names moved together, as citeproc-js does.)"""

from __future__ import annotations

from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

from ..csl_style import write_style

_CITATION = ('<citation collapse="year" cite-group-delimiter=", ">'
             '<sort><key variable="issued"/></sort><layout prefix="(" suffix=")" delimiter="; ">'
             '<group delimiter=" "><names variable="author"><name/></names>'
             '<date variable="issued"><date-part name="year"/></date></group></layout></citation>')


def _year(key: str, year: int, author: str | None = None) -> dict:
    item = {"id": key, "type": "book", "issued": {"date-parts": [[year]]}}
    return {**item, "author": [{"literal": author}]} if author else item


def test_a_cite_without_names_is_not_grouped_with_an_author_named_keep(tmp_path):
    style = write_style(tmp_path, _CITATION, cls="in-text")
    engine = NoteEngine([_year("a", 2000, "keep"), _year("anon", 2001), _year("c", 2002, "keep")], style=style)
    assert engine.cite(Cluster((Cite("a"), Cite("anon"), Cite("c")), 1)) == "(keep 2000, 2002; 2001)"
