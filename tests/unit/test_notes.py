"""Golden notes for the seeds, note positions, and each fix made to citeproc-py's output."""

from __future__ import annotations

import pytest

import frus_cite
from frus_cite.formatting import postprocess
from frus_cite.formatting.tree import Rendered
from frus_cite.formatting.bibliography import render_bibliography
from frus_cite.formatting.csl_json import to_csl_json
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine, NoteError, cite_reference

from ..conftest import seed

VOLUMES = {0: "frus1945v07", 1: "frus1945Berlinv01", 2: "frus1945v07", 3: None, 4: None}
FRUS_1945_V7 = (
    "in Foreign Relations of the United States: Diplomatic Papers, 1945, vol. 7, The Far East, China, "
    "ed. Ralph R. Goodwin et al. (Washington, DC: Government Printing Office, 1969)"
)
V7_BIB = (
    "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers, 1945. Vol. 7, The Far East, "
    "China. Edited by Ralph R. Goodwin, Herbert A. Fine, Velma H. Cassidy, and Francis C. Prescott. Washington, DC: "
    "Government Printing Office, 1969. https://history.state.gov/historicaldocuments/frus1945v07."
)

GOLDEN = {
    # First notes name the correspondents in full (CMOS 14.111: "Henry James to Grace Norton"),
    # the office alone by its holder on the day (Byrnes from July 3, 1945); short notes the surnames.
    0: ("927", "928",
        "W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945, " + FRUS_1945_V7
        + ", 927, https://history.state.gov/historicaldocuments/frus1945v07.",
        "Harriman to Truman and Byrnes, July 11, 1945, 928.",
        V7_BIB),
    1: (None, None,
        "W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1345, July 13, 1945, in Foreign "
        "Relations of the United States: Diplomatic Papers, vol. 1, The Conference of Berlin (The Potsdam Conference), "
        "1945, ed. Richardson Dougall (Washington, DC: Government Printing Office, 1960), doc. 578, "
        "https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578.",
        "Harriman to Truman and Byrnes, July 13, 1945, doc. 578.",
        "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers. Vol. 1, The Conference of "
        "Berlin (The Potsdam Conference), 1945. Edited by Richardson Dougall. Washington, DC: Government Printing "
        "Office, 1960. https://history.state.gov/historicaldocuments/frus1945Berlinv01."),
    # Undated: surnames with an office are named over the volume's year (1945); the Secretary
    # of State changed that year (Stettinius, Byrnes), so the office alone stays as printed.
    2: ("913", "914",
        "W. Averell Harriman to Harry S. Truman and the Secretary of State, telegram, Moscow Embassy Files—710 Sino-Soviet Relations, n.d., "
        + FRUS_1945_V7 + ", 913, https://history.state.gov/historicaldocuments/frus1945v07.",
        "Harriman to Truman and the Secretary of State, n.d., 914.",
        V7_BIB),
    3: (None, None,
        "“Cable, Summary of Averell Harriman Meeting with T. V. Soong,” July 11, 1945, W. A. Harriman Papers, Library "
        "of Congress, Washington, DC, Wilson Center Digital Archive, "
        "https://digitalarchive.wilsoncenter.org/document/123444.",
        "“Cable, Summary of Averell Harriman Meeting with T. V. Soong.”",
        "W. A. Harriman Papers. Library of Congress, Washington, DC."),
    4: (None, None,
        "“Record of a Meeting Between T.V. Soong and Stalin,” July 12, 1945, box 6, folder 9, Victor Hoo Collection, "
        "Hoover Institution Archives, Stanford, CA, Wilson Center Digital Archive, "
        "https://digitalarchive.wilsoncenter.org/document/134351.",
        "“Record of a Meeting Between T.V. Soong and Stalin.”",
        "Victor Hoo Collection. Hoover Institution Archives, Stanford, CA."),
}


@pytest.mark.parametrize("number", sorted(GOLDEN))
def test_seed_first_note_short_note_and_bibliography(number):
    first_locator, later_locator, first, short, bib = GOLDEN[number]
    ref = frus_cite.parse_file(seed(number), volume=VOLUMES[number])
    item = to_csl_json(ref)
    engine = NoteEngine([item], ibid=False)
    assert engine.cite(Cluster((Cite(item["id"], first_locator),), 1)) == first
    assert engine.cite(Cluster((Cite(item["id"], later_locator),), 2)) == short
    assert render_bibliography([ref]) == [bib]


def test_cite_reference_api_gives_full_note_with_page_range():
    ref = frus_cite.parse_file(seed(0), volume="frus1945v07")
    note = cite_reference(ref, locator="927-928")
    assert ", 927–28, https://" in note


def _engine(**options):
    items = [
        {"id": "a", "type": "book", "title": "Alpha", "author": [{"family": "Ames", "given": "Ann"}], "issued": {"date-parts": [[1990]]}},
        {"id": "b", "type": "book", "title": "Beta", "author": [{"family": "Bell", "given": "Bo"}], "issued": {"date-parts": [[1991]]}},
    ]
    return NoteEngine(items, **options)


def test_ibid_same_and_different_locator_and_capitalised():
    engine = _engine()
    engine.cite(Cluster((Cite("a", "5"),), 1))
    assert engine.cite(Cluster((Cite("a", "5"),), 2)) == "Ibid."
    assert engine.cite(Cluster((Cite("a", "6"),), 3)) == "Ibid., 6."


def test_intervening_plain_footnote_prevents_ibid():
    engine = _engine()
    engine.cite(Cluster((Cite("a", "5"),), 1))
    # note 2 is an author's own footnote: no citation in it
    assert engine.cite(Cluster((Cite("a", "5"),), 3)) == "Ames, Alpha, 5."


def test_multi_cite_note_prevents_ibid_and_keeps_order():
    engine = _engine()
    assert engine.cite(Cluster((Cite("b"), Cite("a")), 1)) == "Bo Bell, Beta (1991); Ann Ames, Alpha (1990)."
    assert engine.cite(Cluster((Cite("a"),), 2)) == "Ames, Alpha."


def test_ibid_can_be_turned_off_and_positions_reset_per_chapter():
    engine = _engine(ibid=False)
    engine.cite(Cluster((Cite("a", "5"),), 1))
    assert engine.cite(Cluster((Cite("a", "5"),), 2)) == "Ames, Alpha, 5."
    engine.reset()
    assert engine.cite(Cluster((Cite("a", "5"),), 1)) == "Ann Ames, Alpha (1990), 5."


def test_no_locator_after_a_locator_is_not_ibid():
    engine = _engine()
    engine.cite(Cluster((Cite("a", "5"),), 1))
    assert engine.cite(Cluster((Cite("a"),), 2)) == "Ames, Alpha."


def test_unknown_id_is_a_clear_error():
    with pytest.raises(NoteError, match="note 1: unknown item id 'zzz'"):
        _engine().cite(Cluster((Cite("zzz"),), 1))


def test_html_escapes_ampersand_and_uses_italics():
    engine = NoteEngine([{"id": "g", "type": "book", "title": "War & Peace", "publisher": "Farrar, Straus & Giroux"}])
    assert engine.cite(Cluster((Cite("g"),), 1), fmt="html") == "<i>War &#38; Peace</i> (Farrar, Straus &#38; Giroux)."


# One test per repair of citeproc-py's output.
def test_fix_punctuation_moves_inside_quotes():
    assert postprocess.punctuation_in_quotes("“Stalin”, 12") == "“Stalin,” 12"
    assert postprocess.punctuation_in_quotes("“A ‘B’”.") == "“A ‘B.’”"


def test_fix_comma_after_question_mark_in_suffix_stays_outside():
    assert postprocess.punctuation_in_quotes("“Betrayal?”, on", after_question=False) == "“Betrayal?”, on"


def test_fix_nested_straight_quotes_become_single_curly():
    assert postprocess.curly_quotes('“Was Yalta a "Betrayal"?”') == "“Was Yalta a ‘Betrayal’?”"
    assert postprocess.curly_quotes("Stalin's") == "Stalin’s"


def test_fix_no_doubled_terminal_punctuation():
    assert postprocess.drop_doubled_punctuation("“Betrayal?”.") == "“Betrayal?”"
    assert postprocess.drop_doubled_punctuation("Jr..") == "Jr."


def test_html_escapes_ampersand_and_angle_brackets_once_as_citeproc_js():
    engine = NoteEngine([{"id": "g", "type": "book", "title": "A & B &amp; C <D>", "publisher": "E & F"}])
    assert engine.cite(Cluster((Cite("g"),), 1), fmt="html") == "<i>A &#38; B &#38;amp; C &#60;D&#62;</i> (E &#38; F)."


def test_page_range_formats_of_the_style_apply_to_page_locators():
    from frus_cite.formatting.engine import format_ranges

    assert [format_ranges(r, "chicago", "–") for r in ("926-927", "101-108", "100-4", "1496-1504", "N110-5")] == [
        "926–27", "101–8", "100–104", "1496–1504", "N110-5"]
    assert format_ranges("1496-1504", "chicago-16", "–") == "1496–504"
    assert format_ranges("200 - 201, xxv-xxviii", None, "–") == "200–201, xxv–xxviii"
    book = {"id": "b", "type": "book", "title": "The China Tangle", "issued": {"date-parts": [[1953]]}}
    engine = NoteEngine([book], style="chicago-notes-bibliography")
    assert engine.cite(Cluster((Cite("b", "926-927"),), 1)) == "The China Tangle (1953), 926–27."
    # The title stands in for the missing author once, not twice.
    assert engine.cite(Cluster((Cite("b", "2-4", "chapter"),), 3)) == "The China Tangle, chaps. 2–4."


def test_fix_edited_book_not_printed_twice():
    item = {"id": "e", "type": "book", "title": "Brothers in Arms", "editor": [{"family": "Westad", "given": "Odd Arne"}]}
    from frus_cite.formatting.bibliography import render_entries

    assert render_entries([item]) == ["Westad, Odd Arne. Brothers in Arms."]


def test_fix_three_em_dash_for_repeated_author_and_sorting():
    from frus_cite.formatting.bibliography import render_entries

    items = [
        {"id": "2", "type": "book", "title": "Zeta", "author": [{"family": "Feis", "given": "Herbert"}]},
        {"id": "1", "type": "book", "title": "Between War", "author": [{"family": "Feis", "given": "Herbert"}]},
        {"id": "3", "type": "book", "title": "The Anonymous Pamphlet"},
    ]
    # The style's <sort> and subsequent-author-substitute, as citeproc-js applies them
    # (an anonymous item sorts by its title, leading article included, not last).
    assert render_entries(items) == ["Feis, Herbert. Between War.", "———. Zeta.", "The Anonymous Pamphlet."]


def test_full_given_names_not_initialised():
    engine = NoteEngine([{"id": "g", "type": "book", "title": "T", "author": [{"family": "Gaddis", "given": "John Lewis"}]}])
    assert engine.cite(Cluster((Cite("g"),), 1)) == "John Lewis Gaddis, T."


def test_near_note_position_uses_the_styles_distance(tmp_path):
    style = tmp_path / "near.csl"
    style.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" near-note-distance="2">'
        "<info><title>near</title><id>near</id><updated>2026-11-23T00:00:00+00:00</updated></info>"
        '<citation><layout suffix="."><choose><if position="near-note"><text value="near "/><text variable="title"/></if>'
        '<else-if position="subsequent"><text value="far "/><text variable="title"/></else-if>'
        '<else><text variable="title"/></else></choose></layout></citation></style>',
        encoding="utf-8",
    )
    engine = NoteEngine([{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"}], style=str(style), ibid=False)
    notes = [engine.cite(Cluster((Cite(key),), number)) for key, number in [("a", 1), ("b", 2), ("a", 3), ("b", 9), ("a", 10)]]
    assert notes == ["A.", "B.", "near A.", "far B.", "far A."]


PERSONS = {"Harriman": "W. Averell Harriman", "Truman": "Harry S. Truman", "Chiang": "Chiang Kai-shek"}


def test_full_names_from_a_persons_list_in_first_notes_surnames_later():
    """CMOS gives full names in a first note; FRUS headings print surnames only.  The author's
    list wins over the people data; "as-printed" keeps the heading's names."""
    from frus_cite.catalog import default_catalog

    catalog = default_catalog().with_persons({**PERSONS, "Harriman": "Averell Harriman"})
    ref = frus_cite.parse_file(seed(0), volume="frus1945v07")
    item = to_csl_json(ref, key="harriman", catalog=catalog)
    assert item["author"] == [{"family": "Harriman", "given": "Averell"}]  # the author's, not POCOM's "W. Averell"
    assert item["recipient"] == [{"family": "Truman", "given": "Harry S."}, {"family": "Byrnes", "given": "James F."}]
    engine = NoteEngine([item], ibid=False)
    first = engine.cite(Cluster((Cite("harriman", "927"),), 1))
    assert first.startswith("Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945, in ")
    assert engine.cite(Cluster((Cite("harriman", "928"),), 2)) == "Harriman to Truman and Byrnes, July 11, 1945, 928."
    # Names as printed: the setting, or the author's list naming an office.
    printed = to_csl_json(ref, key="harriman", catalog=default_catalog().with_names("as-printed"))
    assert printed["author"] == [{"family": "Harriman"}] and printed["recipient"][1] == {"literal": "the Secretary of State"}
    office = default_catalog().with_names("as-printed").with_persons({"the Secretary of State": "James Francis Byrnes"})
    assert to_csl_json(ref, catalog=office)["recipient"][1] == {"family": "Byrnes", "given": "James Francis"}


def test_persons_of_a_volume_win_and_names_not_ending_with_the_surname_stay_whole(tmp_path):
    import json

    from frus_cite.catalog import CatalogError, default_catalog
    from frus_cite.formatting.csl_json import _party
    from frus_cite.model import Party

    extra = tmp_path / "catalog.json"
    extra.write_text(json.dumps({"persons": {"Harriman": "Averell Harriman"}}), encoding="utf-8")
    catalog = default_catalog().extended(str(extra)).with_persons({"Truman": "Harry S. Truman"})
    assert catalog.full_name("Harriman", "frus1945v07") == "Averell Harriman"
    assert catalog.full_name("Truman") == "Harry S. Truman"
    chiang = Party(name="Chiang", role="Generalissimo", text="Generalissimo Chiang")
    ref = frus_cite.parse_file(seed(0), volume="frus1945v07")
    assert _party(chiang, ref, catalog.with_persons({"Chiang": "Chiang Kai-shek"})) == {"family": "Chiang Kai-shek"}
    volume = {"frus1945v07x": {"title": "T", "series": "S", "volume_title": "V", "persons": {"Harriman": "W. A. Harriman"}}}
    with_volume = catalog.extended(volume)
    assert with_volume.full_name("Harriman", "frus1945v07x") == "W. A. Harriman"  # the volume's own list
    assert with_volume.full_name("Harriman", "frus1945v07") == "Averell Harriman"
    with pytest.raises(CatalogError, match="expected {name as printed: full name}"):
        default_catalog().with_persons({"Harriman": 3})  # type: ignore[dict-item]


def test_cite_affixes_with_punctuation_and_rich_text_join_as_in_citeproc_js():
    layout = postprocess.Layout("", ".", "; ")
    assert postprocess.join_cites(["Smith, Book C", ", and Jones, Book D"], fmt="text", layout=layout) == "Smith, Book C, and Jones, Book D."
    assert postprocess.join_cites(["Smith is one source,", "Jones"], fmt="text", layout=layout) == "Smith is one source, Jones."
    marked = postprocess.affix("Smith", "<sc>See</sc> ", None, fmt="marked")
    assert Rendered.from_marked(marked).html() == '<span style="font-variant:small-caps;">See</span> Smith'
    assert postprocess.affix("Smith", "<i>See</i> ", None, fmt="text") == "See Smith"


def test_an_item_cited_twice_in_one_note_is_ibid_the_second_time_and_capitalised_after_a_sentence():
    engine = NoteEngine([{"id": "a", "type": "book", "title": "Book A"}])
    note = engine.cite(Cluster((Cite("a"), Cite("a", prefix='. He said "Please work." ')), 1))
    assert note == "Book A. He said “Please work.” Ibid."


def test_punctuation_written_in_a_value_or_a_suffix_stays_outside_the_quotes():
    """citeproc-js moves only the style's own periods and commas inside quotation marks."""
    engine = NoteEngine([{"id": "t", "type": "book", "title": 'On "Yalta". A Study'}])
    assert engine.cite(Cluster((Cite("t", suffix=', "Hello there".'),), 1)) == "On “Yalta”. A Study, “Hello there”."
