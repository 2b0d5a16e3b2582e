"""The engine layer is frus-cite's own: citeproc-py is subclassed, never patched, and each
style owns its cached answers."""

from __future__ import annotations

import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter, model
from citeproc.source.json import CiteProcJSON

from frus_cite.formatting.engine import FrusStyle
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

from ..csl_style import write_style

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


# CSL semantics the engine layer adds, each as citeproc-js renders it (the CSL test suite,
# tests/unit/test_csl_suite.py, covers them fully when ../shared is present).
def test_title_case_as_citeproc_js():
    from frus_cite.formatting.textcase import apply_text_case

    cases = {
        "out-of-fashion initiatives: a second story": "Out-of-Fashion Initiatives: A Second Story",
        'from "distance" to "friction": research for': 'From "Distance" to "Friction": Research For',
        "the USSR and the iPhone": "The USSR and the iPhone",
        "saline solution of β-carotine": "Saline Solution of β-Carotine",
        "john von Doe: an about up life": "John von Doe: An about up Life",
    }
    assert {text: apply_text_case(text, "title") for text in cases} == cases
    assert apply_text_case("a Pen that is LOUD", "sentence") == "A pen that is loud"


def test_initialize_with_keeps_initials_and_respects_initialize_false():
    from frus_cite.formatting.engine import initialize_given

    assert initialize_given("John M.E.", ". ") == "J. M. E."
    assert initialize_given("Ph. M.E.", ".") == "Ph.M.E."
    assert initialize_given("Jean-Luc", ".") == "J.-L."
    assert initialize_given("John Bertrand de Cusance", ".") == "J.B. de C."
    assert initialize_given("John Lewis M.E.", ". ", initialize=False) == "John Lewis M. E."


def test_bibliography_follows_the_styles_sort_and_author_substitute(tmp_path):
    from frus_cite.formatting.bibliography import render_entries

    style = write_style(
        tmp_path,
        '<citation><layout><text variable="title"/></layout></citation>'
        '<bibliography subsequent-author-substitute="---"><sort><key variable="author"/>'
        '<key variable="issued" sort="descending"/></sort><layout suffix=".">'
        '<group delimiter=", "><names variable="author"><name/></names><date variable="issued"><date-part name="year"/></date>'
        "</group></layout></bibliography>",
    )
    def book(key, family, year=None):
        item = {"id": key, "type": "book", "author": [{"family": family, "given": "A."}]}
        if year:
            item["issued"] = {"date-parts": [[year]]}
        return item

    items = [book("1", "Émile", 1990), book("2", "Zola", 1980), book("3", "Émile", 2001), book("4", "Émile"), book("5", "eluard")]
    # Accents and case do not count (É sorts with E, not after Z); the newest first; no date last.
    assert render_entries(items, style=style) == ["A. eluard.", "A. Émile, 2001.", "---, 1990.", "---.", "A. Zola, 1980."]


def test_first_reference_note_number_in_short_notes(tmp_path):
    style = write_style(
        tmp_path,
        '<citation><layout suffix="."><choose><if position="subsequent"><text variable="title"/>'
        '<text variable="first-reference-note-number" prefix=", supra note "/></if>'
        '<else><text variable="title"/></else></choose></layout></citation>',
    )
    engine = NoteEngine(ITEMS, style=style, ibid=False)
    notes = [engine.cite(Cluster((Cite(key),), number)) for number, key in [(3, "a"), (4, "b"), (7, "a"), (9, "b")]]
    assert notes == ["A.", "B.", "A, supra note 3.", "B, supra note 4."]


def test_title_case_leaves_words_that_start_with_a_number():
    """A decade or an ordinal is not capitalised inside ("’50S", "3Rd" were)."""
    from frus_cite.formatting.textcase import apply_text_case

    assert apply_text_case("the ’50s and ’60s", "title") == "The ’50s and ’60s"
    assert apply_text_case("the 3rd edition of 1960s songs", "title") == "The 3rd Edition of 1960s Songs"
