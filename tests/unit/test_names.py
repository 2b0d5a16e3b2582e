"""Names as CSL writes them (engine/names.py, engine/personal_names.py): particles, scripts,
suffixes, name-part formatting, "and" — what a reader sees in a note."""

from __future__ import annotations

import pytest

from frus_cite.formatting.engine.personal_names import initialize_given, person_name
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

from ..csl_style import write_style

def _note(tmp_path, name_xml: str, authors: list[dict], *, root: str = "", fmt: str = "text") -> str:
    style = write_style(tmp_path, f'<citation><layout><names variable="author">{name_xml}</names></layout></citation>', attrs=root)
    engine = NoteEngine([{"id": "a", "type": "book", "author": authors}], style=style)
    return engine.cite(Cluster((Cite("a"),), 1), fmt=fmt)


def test_particles_are_read_from_plain_names():
    assert person_name({"family": "van der Vlist", "given": "Eric"}).non_dropping == "van der"
    assert person_name({"family": "al-One", "given": "Alan"}).non_dropping == "al-"
    humboldt = person_name({"family": "Humboldt", "given": "Alexander von"})
    assert (humboldt.given, humboldt.dropping) == ("Alexander", "von")
    # capitalised words, explicit particles, and quoted family names are left as they are
    assert person_name({"family": "Van Dyke", "given": "Dick"}).non_dropping == ""
    assert person_name({"family": '"van Dyke"', "given": "Dick"}) .family == "van Dyke"
    jr = person_name({"family": "Doe", "given": "John,! Jr."})
    assert (jr.given, jr.suffix, jr.comma_suffix) == ("John", "Jr.", True)


def test_particles_in_display_and_inverted_order(tmp_path):
    gogh = [{"family": "van Gogh", "given": "Vincent"}]
    assert _note(tmp_path, "<name/>", gogh) == "Vincent van Gogh"
    # CSL's default demotes the particle after the given name in inverted names
    assert _note(tmp_path, '<name name-as-sort-order="all"/>', gogh) == "Gogh, Vincent van"
    assert _note(tmp_path, '<name name-as-sort-order="all"/>', gogh,
                 root=' demote-non-dropping-particle="never"') == "van Gogh, Vincent"
    assert _note(tmp_path, "<name/>", [{"family": "Aubignac", "given": "François Hédelin d'"}]) == "François Hédelin d’Aubignac"


def test_family_name_part_formats_particle_and_family_separately(tmp_path):
    meer = [{"family": "Meer", "given": "Gerard", "dropping-particle": "van", "non-dropping-particle": "der"}]
    name = '<name><name-part name="family" text-case="uppercase"/></name>'
    assert _note(tmp_path, name, meer) == "Gerard van DER MEER"
    fontaine = [{"family": "Fontaine", "given": "Jean", "dropping-particle": "de", "non-dropping-particle": "La", "suffix": "III"}]
    affixes = '<name><name-part name="family" prefix="(" suffix=")"/><name-part name="given" prefix="[" suffix="]"/></name>'
    assert _note(tmp_path, affixes, fontaine) == "[Jean] (de La Fontaine III)"


def test_names_in_cjk_scripts_are_family_first_without_space(tmp_path):
    assert _note(tmp_path, "<name/>", [{"family": "我妻", "given": "栄"}]) == "我妻栄"


def test_comma_suffix_and_and_terms(tmp_path):
    assert _note(tmp_path, "<name/>", [{"family": "Doe", "given": "Jeffrey", "suffix": "Jr.", "comma-suffix": True}]) == "Jeffrey Doe, Jr."
    three = [{"family": f, "given": "A."} for f in ("Doe", "Roe", "Poe")]
    assert _note(tmp_path, '<name and="text" delimiter="; "/>', three) == "A. Doe; A. Roe; and A. Poe"
    assert _note(tmp_path, '<name and="symbol" delimiter-precedes-last="never"/>', three) == "A. Doe, A. Roe & A. Poe"


@pytest.mark.parametrize(("given", "mark", "expected"), [("Guo-ping", "", "G"), ("Guo-ping", ".", "G."), ("Jean-Luc", ".", "J.-L.")])
def test_initials_drop_lower_case_hyphenated_parts(given, mark, expected):
    assert initialize_given(given, mark) == expected


def test_initials_inside_rich_text_keep_their_markup(tmp_path):
    doe = [{"family": "Doe", "given": "<b>John</b>-Quiggly"}]
    assert _note(tmp_path, '<name initialize-with=". "/>', doe, fmt="html") == "<b>J.</b>-Q. Doe"


def test_count_of_several_name_variables_is_their_sum(tmp_path):
    style = write_style(tmp_path, '<citation><layout><names variable="author editor"><name form="count"/>'
                                  "</names></layout></citation>")
    people = [{"family": f, "given": "A."} for f in ("Doe", "Roe", "Poe")]
    engine = NoteEngine([{"id": "a", "type": "book", "author": people, "editor": people[:2]}], style=style)
    assert engine.cite(Cluster((Cite("a"),), 1), fmt="text") == "5"


def test_an_apostrophe_opening_a_particle_is_not_a_quotation(tmp_path):
    veld = [{"family": "Veld", "given": "Jan", "non-dropping-particle": "in 't"}]
    assert _note(tmp_path, "<name/>", veld) == "Jan in ’t Veld"


def test_et_al_min_alone_does_not_truncate(tmp_path):
    three = [{"family": f, "given": "A."} for f in ("Doe", "Roe", "Poe")]
    assert _note(tmp_path, '<name et-al-min="3"/>', three) == "A. Doe, A. Roe, A. Poe"
    assert _note(tmp_path, '<name et-al-min="3" et-al-use-first="1"/>', three) == "A. Doe et al."


def test_a_term_holding_only_the_xml_line_break_is_empty(tmp_path):
    three = [{"family": f, "given": "A."} for f in ("Doe", "Roe", "Poe")]
    style = write_style(tmp_path, '<locale><terms><term name="and others">\n      </term></terms></locale>'
                                  '<citation><layout><names variable="author"><name et-al-min="2" et-al-use-first="1"/>'
                                  '<et-al term="and others"/></names></layout></citation>')
    engine = NoteEngine([{"id": "a", "type": "book", "author": three}], style=style)
    assert engine.cite(Cluster((Cite("a"),), 1), fmt="text") == "A. Doe"


def test_collection_editors_print_with_their_label_and_a_cjk_et_al_joins_the_name(tmp_path):
    style = write_style(tmp_path, '<citation><layout><names variable="collection-editor">'
                                  '<name et-al-min="2" et-al-use-first="1"/><et-al/><label form="verb"/></names></layout></citation>',
                        attrs=' default-locale="zh-TW"')
    editors = [{"family": "Zither", "given": "Ziggy"}, {"family": "Yoda", "given": "Yossarian"}]
    engine = NoteEngine([{"id": "a", "type": "book", "collection-editor": editors}], style=style)
    assert engine.cite(Cluster((Cite("a"),), 1), fmt="text") == "Ziggy Zither等點校"


def test_an_elided_particle_joins_the_name_and_italian_de_stays_apart(tmp_path):
    assert _note(tmp_path, "<name/>", [{"family": "Acqua", "given": "Carlo dell'"}]) == "Carlo dell’Acqua"
    assert _note(tmp_path, "<name/>", [{"family": "Medici", "given": "Lorenzo de'"}]) == "Lorenzo de’ Medici"
