"""Whole-citation rendering (#14): disambiguation over every cited item, cite grouping and
collapsing, for any style that asks for them; what a reader of the notes sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from frus_cite.formatting.cluster import Collapsing, Piece, join
from frus_cite.formatting.disambiguation import letters
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

AUTHOR_DATE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation {options}>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short" and="text"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
  <bibliography>
    <sort><key variable="title"/></sort>
    <layout>
      <group delimiter=". ">
        <names variable="author"><name name-as-sort-order="first"/></names>
        <date variable="issued"><date-part name="year"/></date>
        <text variable="title"/>
      </group>
    </layout>
  </bibliography>
</style>"""

NUMERIC = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation collapse="citation-number">
    <sort><key variable="citation-number"/></sort>
    <layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout>
  </citation>
</style>"""


def book(key: str, title: str, year: int, *authors: tuple[str, str]) -> dict:
    return {"id": key, "type": "book", "title": title, "issued": {"date-parts": [[year]]},
            "author": [{"family": family, "given": given} for family, given in authors]}


def style_file(tmp_path: Path, text: str, name: str = "style.csl") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def note(engine: NoteEngine, *ids: str, index: int = 1) -> str:
    return engine.cite(Cluster(tuple(Cite(key) for key in ids), index), fmt="text")


SMITH = ("Smith", "John")


def test_year_suffix_tells_apart_two_works_of_one_year_in_notes_and_bibliography(tmp_path):
    items = [book("a", "Beta", 2000, SMITH), book("b", "Alpha", 2000, SMITH)]
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options='disambiguate-add-year-suffix="true"')))
    engine.expect(["a", "b"])
    # suffixes follow the bibliography's order (by title): Alpha is "a"
    assert note(engine, "a") == "(Smith 2000b)"
    assert note(engine, "b", index=2) == "(Smith 2000a)"
    assert engine.bibliography() == ["Smith, John. 2000a. Alpha", "Smith, John. 2000b. Beta"]


def test_a_work_cited_alone_gets_no_year_suffix(tmp_path):
    items = [book("a", "Beta", 2000, SMITH), book("b", "Alpha", 2001, SMITH)]
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options='disambiguate-add-year-suffix="true"')))
    assert note(engine, "a", "b") == "(Smith 2000; Smith 2001)"


def test_add_names_shows_the_name_that_differs(tmp_path):
    items = [book("a", "One", 1980, SMITH, ("Brown", "B"), ("Jones", "J")),
             book("b", "Two", 1980, SMITH, ("Beefheart", "C"), ("Jones", "J"))]
    options = 'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true"'
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options=options)))
    engine.expect(["a", "b"])
    assert note(engine, "a", "b") == "(Smith, Brown, et al. 1980; Smith, Beefheart, et al. 1980)"


def test_given_names_added_wherever_a_family_name_is_shared(tmp_path):
    """``all-names``: two different Malones are told apart even in cites that differ anyway."""
    items = [book("a", "One", 2001, ("Malone", "Nolan J.")), book("b", "Two", 1951, ("Malone", "Kemp"))]
    options = 'disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names"'
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options=options)))
    engine.expect(["a", "b"])
    assert note(engine, "a", "b") == "(Nolan J. Malone 2001; Kemp Malone 1951)"


def test_collapse_year_prints_shared_authors_once(tmp_path):
    items = [book("a", "One", 1900, SMITH), book("b", "Two", 2000, SMITH), book("c", "Three", 1990, ("Jones", "A"))]
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options='collapse="year"')))
    assert note(engine, "a", "b", "c") == "(Smith 1900, 2000; Jones 1990)"
    # the citation has no sort of its own: the author's order stands (as citeproc-js)
    assert note(engine, "a", "c", "b", index=2) == "(Smith 1900; Jones 1990; Smith 2000)"


def test_collapse_year_suffix_prints_only_the_suffix(tmp_path):
    items = [book("a", "A", 2000, SMITH), book("b", "B", 2000, SMITH), book("c", "C", 2000, SMITH)]
    options = 'disambiguate-add-year-suffix="true" collapse="year-suffix-ranged" year-suffix-delimiter=","'
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options=options)))
    engine.expect(["a", "b", "c"])
    assert note(engine, "a", "b", "c") == "(Smith 2000a–c)"


def test_citation_numbers_in_a_row_become_a_range(tmp_path):
    items = [book(key, key, 2000, SMITH) for key in "abcde"]
    engine = NoteEngine(items, style=style_file(tmp_path, NUMERIC))
    engine.expect(list("abcde"))
    assert note(engine, "e", "a", "c", "b") == "[1–3, 5]"
    assert engine.cite(Cluster((Cite("a"), Cite("b", locator="4"), Cite("c")), 2)) == "[1, 2, 3]"


def test_a_style_without_whole_citation_options_joins_cites_as_before(tmp_path):
    items = [book("a", "One", 2000, SMITH), book("b", "Two", 2000, SMITH)]
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options="")))
    assert note(engine, "a", "b") == "(Smith 2000; Smith 2000)"


@pytest.mark.parametrize(("number", "suffix"), [(1, "a"), (26, "z"), (27, "aa"), (52, "az"), (53, "ba")])
def test_year_suffix_letters(number, suffix):
    assert letters(number) == suffix


def test_join_after_collapse_delimiter_follows_a_collapsed_group():
    rules = Collapsing(collapse="year", after_collapse_delimiter="; ", delimiter=", ")
    pieces = [Piece("Wong 1999, 328", cut="1999, 328", names="Wong", has_locator=True, plain=False),
              Piece("Wong 2000, 475", cut="2000, 475", names="Wong", has_locator=True, plain=False),
              Piece("Garcia 1998", cut="1998", names="Garcia")]
    assert join(pieces, rules) == "Wong 1999, 328; 2000, 475; Garcia 1998"


LABELLED = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true">
    <sort><key variable="citation-label"/></sort>
    <layout prefix="[" suffix="]" delimiter=", "><text variable="citation-label"/></layout>
  </citation>
</style>"""


def test_citation_label_made_from_names_and_year_takes_the_year_suffix(tmp_path):
    items = [book("a", "A", 1978, ("Roe", "J"), ("Noakes", "R")), book("b", "B", 1978, ("Roe", "J"), ("Noakes", "R")),
             book("c", "C", 1965, ("Doe", "J"))]
    engine = NoteEngine(items, style=style_file(tmp_path, LABELLED))
    engine.expect(["a", "b", "c"])
    assert note(engine, "a", "b", "c") == "[Doe65, RoNo78a, RoNo78b]"


def test_collapse_year_suffix_without_names_in_the_layout(tmp_path):
    """A layout printing only the year: every cite has the same (no) names, so all group."""
    text = AUTHOR_DATE.format(options='disambiguate-add-year-suffix="true" collapse="year-suffix" year-suffix-delimiter=","')
    text = text.replace('<names variable="author"><name form="short" and="text"/></names>', "", 1)
    items = [book("a", "A", 1965, SMITH), book("b", "B", 1965, SMITH)]
    engine = NoteEngine(items, style=style_file(tmp_path, text))
    engine.expect(["a", "b"])
    assert note(engine, "a", "b") == "(1965a,b)"


def test_a_collapsed_cite_with_nothing_but_names_is_left_out(tmp_path):
    items = [book("a", "A", 1900, SMITH), {"id": "b", "type": "book", "title": "B", "author": [{"family": "Smith", "given": "John"}]}]
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options='collapse="year"')))
    assert note(engine, "a", "b") == "(Smith 1900)"


def test_ibid_capitalised_inside_the_layout_prefix(tmp_path):
    text = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="(" suffix=")">
    <choose><if position="ibid"><text term="ibid"/></if><else><text variable="title"/></else></choose>
  </layout></citation>
</style>"""
    engine = NoteEngine([book("a", "One", 2000, SMITH)], style=style_file(tmp_path, text))
    assert [note(engine, "a", index=1), note(engine, "a", index=2)] == ["(One)", "(Ibid.)"]


def test_a_cluster_sorted_by_names_ignores_the_word_and(tmp_path):
    """A sort key of names is the names alone: "Baines, Benedettini and Kay" sorts before
    "Baines and Kay" (b before k), not after it (a-n-d before b)."""
    text = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name and="text" name-as-sort-order="all"/></names></macro>
  <citation><sort><key macro="author"/></sort>
    <layout prefix="(" suffix=")" delimiter="; "><text variable="title"/></layout>
  </citation>
</style>"""
    items = [book("a", "Two names", 2000, ("Baines", "T"), ("Kay", "J")),
             book("b", "Three names", 2000, ("Baines", "T"), ("Benedettini", "O"), ("Kay", "J"))]
    engine = NoteEngine(items, style=style_file(tmp_path, text))
    assert note(engine, "a", "b") == "(Three names; Two names)"


def test_disambiguate_conditions_are_made_true_one_more_at_a_time(tmp_path):
    """The title tells two books apart: the edition, behind a second disambiguate test, stays out;
    two editions of one title need both."""
    text = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><group delimiter=", ">
    <names variable="author"><name form="short"/></names>
    <choose><if disambiguate="true"><text variable="title"/></if></choose>
    <choose><if disambiguate="true"><text variable="edition" prefix="ed. "/></if></choose>
  </group></layout></citation>
</style>"""
    items = [{**book("a", "One", 2000, SMITH), "edition": "3"}, {**book("b", "Two", 2000, SMITH), "edition": "4"},
             {**book("c", "Works", 2000, SMITH), "edition": "5"}, {**book("d", "Works", 2000, SMITH), "edition": "6"}]
    engine = NoteEngine(items, style=style_file(tmp_path, text))
    engine.expect("abcd")
    assert [note(engine, key, index=i) for i, key in enumerate("abcd", start=1)] == [
        "Smith, One", "Smith, Two", "Smith, Works, ed. 5", "Smith, Works, ed. 6"]


def test_ibid_after_a_one_word_prefix_stays_lower_case(tmp_path):
    """"Cf. ibid." (a one-word prefix is an abbreviation); after a sentence, "Ibid." (citeproc-js)."""
    text = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout>
    <choose><if position="ibid"><text term="ibid"/></if><else><text variable="title"/></else></choose>
  </layout></citation>
</style>"""
    engine = NoteEngine([book("a", "One", 2000, SMITH)], style=style_file(tmp_path, text))
    note(engine, "a")
    assert engine.cite(Cluster((Cite("a", prefix="Cf. "),), 2)) == "Cf. ibid."
    assert engine.cite(Cluster((Cite("a", prefix="As shown above. "),), 3)) == "As shown above. Ibid."


BARTLEBY = ("Bartleby", "Brian")


def test_cite_group_delimiter_separates_year_suffixes_and_unsorted_cites_keep_their_order(tmp_path):
    # Without a citation sort the author's order stands: only cites next to each other collapse,
    # and the suffixes of one group are joined by the cite-group-delimiter.
    items = [book("a", "One", 2015, SMITH), book("b", "Two", 2015, SMITH), book("c", "Three", 2010, BARTLEBY),
             book("d", "Four", 2015, SMITH)]
    options = 'disambiguate-add-year-suffix="true" collapse="year-suffix" cite-group-delimiter=", "'
    engine = NoteEngine(items, style=style_file(tmp_path, AUTHOR_DATE.format(options=options)))
    engine.expect(["a", "b", "c", "d"])
    assert note(engine, "b", "a", "c", "d") == "(Smith 2015c, b; Bartleby 2010; Smith 2015a)"  # suffixes by title


def test_a_sorted_citation_with_cite_group_delimiter_moves_cites_by_the_same_names_together(tmp_path):
    items = [book("a", "One", 2015, SMITH), book("c", "Three", 2010, BARTLEBY), book("d", "Four", 2016, SMITH)]
    options = 'collapse="year" cite-group-delimiter=", "'
    sorted_style = AUTHOR_DATE.format(options=options).replace(
        '<layout prefix="("', '<sort><key variable="title"/></sort>\n    <layout prefix="("', 1)
    engine = NoteEngine(items, style=style_file(tmp_path, sorted_style))
    assert note(engine, "d", "c", "a") == "(Smith 2016, 2015; Bartleby 2010)"


UNDATED = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true">
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short"/></names>
        <group><choose>
          <if variable="issued"><date variable="issued"><date-part name="year"/></date></if>
          <else><text term="no date" form="short"/><text variable="year-suffix" prefix="-"/></else>
        </choose></group>
      </group>
      <date variable="accessed" prefix=" [accessed " suffix="]"><date-part name="year"/></date>
    </layout>
  </citation>
</style>"""


def test_an_access_date_does_not_tell_two_undated_works_apart(tmp_path):
    # two web pages by one author, neither dated: the day each was read is not part of the
    # reference, so they are told apart by a year-suffix after "n.d."
    pages = [{"id": key, "type": "webpage", "title": key, "author": [{"family": "Doe", "given": "John"}],
              "accessed": {"date-parts": [[year, 6, 1]]}} for key, year in (("p", 1965), ("q", 2065))]
    engine = NoteEngine(pages, style=style_file(tmp_path, UNDATED))
    engine.expect(["p", "q"])
    assert note(engine, "p", "q") == "(Doe n.d.-a [accessed 1965]; Doe n.d.-b [accessed 2065])"
