"""CSL semantics of the engine layer beyond names and clusters: display, dates, numbers,
sorting, rich text — each checked on what a reader of the output sees."""

from __future__ import annotations

from frus_cite.formatting.bibliography import render_entries
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

from ..csl_style import write_style

def style_file(tmp_path, citation: str, bibliography: str = "", *, cls: str = "note", attrs: str = "", extra: str = "") -> str:
    """A style whose citation layout is *citation* (and bibliography layout *bibliography*)."""
    body = extra + f"<citation>{citation}</citation>"
    if bibliography:
        body += f"<bibliography>{bibliography}</bibliography>" if not bibliography.startswith("<bibliography") else bibliography
    return write_style(tmp_path, body, cls=cls, attrs=attrs)


def note(style: str, item: dict, **cite) -> str:
    engine = NoteEngine([item], style=style)
    return engine.cite(Cluster((Cite(item["id"], **cite),), 1), fmt="html")


BOOK = {"id": "b", "type": "book", "title": "Book A", "author": [{"family": "Smith", "given": "John"}],
        "issued": {"date-parts": [[2000]]}, "abstract": "About it."}


# -- display ---------------------------------------------------------------------------------


def test_second_field_align_puts_the_number_in_the_margin(tmp_path):
    style = style_file(
        tmp_path, '<layout><text variable="title"/></layout>',
        '<bibliography second-field-align="flush"><layout suffix=".">'
        '<text variable="citation-number" prefix="[" suffix="]"/><text variable="title" prefix=" "/></layout></bibliography>',
    )
    html = render_entries([BOOK], style=style, fmt="html")
    assert html == ['\n    <div class="csl-left-margin">[1]</div><div class="csl-right-inline"> Book A.</div>\n  ']
    assert render_entries([BOOK], style=style, fmt="text") == ["[1] Book A."]


def test_display_block_and_indent_as_citeproc_js_writes_them(tmp_path):
    style = style_file(
        tmp_path, '<layout><text variable="title"/></layout>',
        '<layout><group display="block"><names variable="author"><name/></names></group>'
        '<text variable="title"/><text variable="abstract" display="indent"/></layout>',
    )
    assert render_entries([BOOK], style=style, fmt="html") == [
        '\n\n    <div class="csl-block">John Smith</div>\nBook A<div class="csl-indent">About it.</div>\n  '
    ]
    # No author: no empty block.
    anonymous = {k: v for k, v in BOOK.items() if k != "author"}
    assert render_entries([anonymous], style=style, fmt="html") == ['Book A<div class="csl-indent">About it.</div>\n  ']


# -- quotation marks in field values ------------------------------------------------------------


def test_quotations_alternate_by_level_and_keep_their_kind_at_the_top():
    from frus_cite.formatting.postprocess import curly_quotes

    assert curly_quotes("'friend'") == "“friend”"  # straight single quotes are a quotation
    assert curly_quotes("meaning ‘God willing’.") == "meaning ‘God willing’."  # curly inner ones stay inner
    assert curly_quotes("“My '\"Amazing\" and Bogus' Title”") == "“My ‘“Amazing” and Bogus’ Title”"
    assert curly_quotes("'Nobody Knows You're a Dog': As") == "“Nobody Knows You’re a Dog”: As"


def test_apostrophes_and_unmatched_quotes():
    from frus_cite.formatting.postprocess import curly_quotes

    assert curly_quotes("(ETFA '09)") == "(ETFA ’09)"
    assert curly_quotes("the Joneses' house") == "the Joneses’ house"
    assert curly_quotes("l'''") == "l’’’"
    assert curly_quotes('Nation of "Positive Obligations " of State') == 'Nation of "Positive Obligations " of State'


# -- superscript characters ---------------------------------------------------------------------


def test_superscript_characters_are_written_in_sup_in_html(tmp_path):
    style = style_file(tmp_path, '<layout><text variable="title"/><text value="ª" prefix=" 1."/></layout>')
    item = {"id": "s", "type": "book", "title": "1ʳᵉ édition"}
    assert note(style, item) == "1<sup>r</sup><sup>e</sup> édition 1.<sup>a</sup>"
    engine = NoteEngine([item], style=style)
    assert engine.cite(Cluster((Cite("s"),), 1)) == "1ʳᵉ édition 1.ª"  # plain text keeps the characters


# -- dates ---------------------------------------------------------------------------------------


def _dated(**issued) -> dict:
    return {"id": "d", "type": "book", "title": "T", "issued": issued}


def test_localized_date_ranges_write_each_part_once(tmp_path):
    style = style_file(tmp_path, '<layout><date variable="issued" form="text"/></layout>')
    assert note(style, _dated(**{"date-parts": [[1999, 1, 2], [1999, 1, 4]]})) == "January 2–4, 1999"
    assert note(style, _dated(**{"date-parts": [[1999, 1, 2], [1999, 3, 4]]})) == "January 2–March 4, 1999"
    assert note(style, _dated(**{"date-parts": [[1999, 12, 30], [2000, 1, 2]]})) == "December 30, 1999–January 2, 2000"
    assert note(style, _dated(**{"date-parts": [[1987], [0]]})) == "1987–"


def test_range_delimiter_of_the_largest_differing_part(tmp_path):
    style = style_file(
        tmp_path, '<layout><date variable="issued" delimiter=" ">'
        '<date-part name="month" range-delimiter="/"/><date-part name="year" range-delimiter=" to "/></date></layout>')
    assert note(style, _dated(**{"date-parts": [[1999, 1], [1999, 3]]})) == "January/March 1999"
    assert note(style, _dated(**{"date-parts": [[1999, 1], [2000, 3]]})) == "January 1999 to March 2000"


def test_seasons_empty_parts_and_raw_dates(tmp_path):
    style = style_file(tmp_path, '<layout><date variable="issued" form="text" date-parts="year-month-day"/></layout>')
    assert note(style, _dated(**{"date-parts": [[1999, 21], [2001, 22]]})) == "Spring 1999–Summer 2001"
    assert note(style, _dated(**{"date-parts": [[1965, 14]]})) == "Summer 1965"
    assert note(style, _dated(**{"date-parts": [["2000", "", ""]]})) == "2000"
    assert note(style, _dated(**{"raw": "Ides of March"})) == "Ides of March"


def test_style_overrides_of_a_localized_date_do_not_leak(tmp_path):
    style = style_file(
        tmp_path, '<layout><choose><if type="book"><date variable="issued" form="text">'
        '<date-part name="month" form="short"/></date></if>'
        '<else><date variable="issued" form="text"/></else></choose></layout>')
    engine = NoteEngine([{**_dated(**{"date-parts": [[1999, 8, 2]]}), "id": "b"},
                         {**_dated(**{"date-parts": [[1999, 8, 2]]}), "id": "a", "type": "article"}], style=style)
    assert engine.cite(Cluster((Cite("b"),), 1)) == "Aug. 2, 1999"
    assert engine.cite(Cluster((Cite("a"),), 2)) == "August 2, 1999"


# -- entries and cites that print nothing; spaces a style prints ------------------------------------


def test_an_item_printing_nothing_leaves_the_others_with_their_entries(tmp_path):
    from frus_cite.formatting.bibliography import render_entry_pairs

    style = style_file(
        tmp_path, '<layout><text variable="title"/></layout>',
        '<layout><choose><if type="personal_communication" match="none"><text variable="title"/></if></choose></layout>')
    items = [{"id": "1", "type": "book", "title": "One"}, {"id": "2", "type": "personal_communication", "title": "Letter"},
             {"id": "3", "type": "book", "title": "Two"}]
    assert [(item["id"], text) for item, text in render_entry_pairs(items, style=style)] == [("1", "One"), ("3", "Two")]


def test_a_cite_printing_nothing_is_left_out_and_reported(tmp_path):
    # citeproc-js prints "[CSL STYLE ERROR: reference with no printed form.]"; frus-cite names the item
    style = style_file(tmp_path, '<layout><date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date></layout>')
    engine = NoteEngine([{"id": "x", "type": "book", "title": "Undated"}], style=style)
    assert engine.cite(Cluster((Cite("x"),), 1), fmt="html") == ""
    assert engine.unprinted() == ["x"]


def test_a_bibliography_entry_keeps_the_space_its_style_prints_first(tmp_path):
    style = style_file(
        tmp_path, '<layout><text variable="title"/></layout>',
        '<layout><text variable="title" prefix=" "/><date variable="issued" prefix=" (" suffix=")."><date-part name="year"/></date></layout>')
    item = {"id": "x", "type": "book", "issued": {"date-parts": [[1994]]}}
    assert render_entries([item], style=style) == [" (1994)."]


# -- numbers -------------------------------------------------------------------------------------

_SPANISH_ORDINALS = (
    '<locale><terms><term name="ordinal">.ª</term><term name="ordinal-01" gender-form="masculine">.º</term>'
    '<term name="ordinal-01" gender-form="feminine">.ª</term><term name="ordinal-02" gender-form="masculine">.ºº</term>'
    '<term name="issue" gender="masculine">issue</term><term name="edition" gender="feminine">edition</term>'
    "</terms></locale>"
)


def test_ordinals_agree_with_the_gender_of_their_term(tmp_path):
    style = style_file(
        tmp_path, '<layout><number variable="edition" form="ordinal" suffix=" ed., "/><number variable="issue" form="ordinal" suffix=" iss."/></layout>',
        extra=_SPANISH_ORDINALS)
    engine = NoteEngine([{"id": str(n), "type": "book", "edition": str(n), "issue": str(n)} for n in (1, 2, 3)], style=style)
    notes = [engine.cite(Cluster((Cite(str(n)),), n)) for n in (1, 2, 3)]
    # The style's ordinal terms replace the locale file's whole set: no English "3rd".
    assert notes == ["1.ª ed., 1.º iss.", "2.ª ed., 2.ºº iss.", "3.ª ed., 3.ª iss."]


def test_english_ordinals_and_long_ordinals(tmp_path):
    style = style_file(tmp_path, '<layout><number variable="edition" form="ordinal"/><text value=" / "/>'
                                 '<number variable="volume" form="long-ordinal"/></layout>')
    for edition, volume, expected in (("1", "2", "1st / second"), ("12", "11", "12th / 11th"), ("23", "3", "23rd / third")):
        assert note(style, {"id": "n", "type": "book", "edition": edition, "volume": volume}) == expected


def test_page_ranges_of_roman_numerals_and_of_words(tmp_path):
    style = style_file(tmp_path, '<layout><label variable="page" suffix=" "/><text variable="page"/></layout>')
    assert note(style, {"id": "p", "type": "book", "page": "i-ix"}) == "pages i–ix"
    assert note(style, {"id": "p", "type": "book", "page": "Michaelson-Morely"}) == "page Michaelson-Morely"


def test_zotero_short_form_names_are_read(tmp_path):
    style = style_file(tmp_path, '<layout><text variable="container-title" form="short"/></layout>')
    item = {"id": "j", "type": "article-journal", "container-title": "American Law Journal", "journalAbbreviation": "Am. L.J."}
    assert note(style, item) == "Am. L.J."


# -- variables in the note field -----------------------------------------------------------------


def test_variables_written_in_the_note_field_are_read(tmp_path):
    style = style_file(tmp_path, '<layout><group delimiter=", "><text variable="container-title" form="short"/>'
                                 '<date variable="original-date" form="text"/><text variable="note"/></group></layout>')
    item = {"id": "z", "type": "chapter", "container-title": "Full Title",
            "note": "container-title-short: Short\noriginal-date: 1848-02-21/1848-02-24\nRead in draft."}
    assert note(style, item) == "Short, February 21–24, 1848, Read in draft."


def test_a_variable_of_the_item_wins_over_its_note_and_capitalised_labels_are_text():
    from frus_cite.formatting.note_variables import note_variables

    item = {"id": "z", "type": "book", "title": "Own", "note": "title: From note\nSource: a library"}
    assert note_variables(item) == item
    named = note_variables({"id": "y", "type": "book", "note": "editor: Kennan || George F.\neditor: Acheson"})
    assert named["editor"] == [{"family": "Kennan", "given": "George F."}, {"literal": "Acheson"}]
    assert "note" not in named


def test_an_entry_printing_nothing_is_left_out_under_a_formatted_layout(tmp_path):
    from frus_cite.formatting.bibliography import render_entries

    style = style_file(
        tmp_path, '<layout><text variable="title"/></layout>',
        '<layout suffix="." font-style="italic"><choose><if type="personal_communication" match="none">'
        '<text variable="title"/></if></choose></layout>')
    items = [{"id": "1", "type": "book", "title": "One"}, {"id": "2", "type": "personal_communication", "title": "Letter"}]
    assert render_entries(items, style=style, fmt="html") == ["<i>One.</i>"]



def test_a_number_variable_range_printed_as_text_takes_an_en_dash(tmp_path):
    style = style_file(tmp_path, '<layout><text variable="issue" prefix="n. "/><text variable="title" prefix=", "/></layout>')
    assert note(style, {"id": "i", "type": "article-journal", "issue": "3-4", "title": "Cold-War Studies"}) == "n. 3–4, Cold-War Studies"
    assert note(style, {"id": "i", "type": "article-journal", "issue": "Spring-Summer"}) == "n. Spring-Summer"
