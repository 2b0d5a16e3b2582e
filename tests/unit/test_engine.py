"""The engine layer is frus-cite's own: citeproc-py is subclassed, never patched, and each
style owns its cached answers."""

from __future__ import annotations

import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter, model
from citeproc.source.json import CiteProcJSON

from frus_cite.formatting.engine import FrusStyle
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
    "<info><title>t</title><id>t</id><updated>2026-11-30T00:00:00+00:00</updated></info>"
    '<citation><layout suffix="."><choose><if position="ibid"><text term="ibid"/></if>'
    '<else-if position="subsequent"><text value="again "/><text variable="title"/></else-if>'
    '<else><text variable="title"/></else></choose></layout></citation></style>'
)
ITEMS = [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"}]


def _plain_citeproc_notes(path) -> list[str]:
    """What citeproc-py alone prints for a, a, b, a (its positions come from render order)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(CitationStylesStyle(str(path), validate=False), CiteProcJSON(ITEMS), formatter.plain)
    citations = [Citation([CitationItem(key)]) for key in "aaba"]
    for citation in citations:
        bibliography.register(citation)
    return [str(bibliography.cite(c, lambda missing: None)) for c in citations]


def test_citeproc_py_is_not_patched(tmp_path):
    path = tmp_path / "t.csl"
    path.write_text(STYLE, encoding="utf-8")
    before = _plain_citeproc_notes(path)
    engine = NoteEngine(ITEMS, style=str(path))
    ours = [engine.cite(Cluster((Cite(key),), number)) for number, key in enumerate("aaba", start=1)]
    assert ours == ["A.", "Ibid.", "B.", "again A."]
    # Our renderer ran; citeproc-py used on its own still has its own classes and positions.
    assert model.If._position.__module__ == model.CitationStylesElement.xpath_search.__module__ == "citeproc.model"
    assert type(CitationStylesStyle(str(path), validate=False).root) is model.Style
    assert _plain_citeproc_notes(path) == before


def test_each_style_owns_its_cached_answers(tmp_path):
    path = tmp_path / "t.csl"
    path.write_text(STYLE, encoding="utf-8")
    first, second = FrusStyle(path), FrusStyle(path)
    assert first.kept_answers is not second.kept_answers
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(first, CiteProcJSON(ITEMS), formatter.plain)
    citation = Citation([CitationItem("a")])
    bibliography.register(citation)
    assert str(bibliography.cite(citation, lambda missing: None)) == "A."
    assert first.kept_answers and not second.kept_answers
    assert isinstance(first.root, model.Style) and type(first.root) is not model.Style
