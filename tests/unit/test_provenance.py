"""Provenance readers, one by one: source note, header line, inline source line,
subject-numeric files and markings; each also fuzzed with arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frus_cite.errors import FrusCiteError
from frus_cite.parsing.decimal_file import parse_decimal, period_for_year
from frus_cite.parsing.provenance import Evidence, parse_source_note, read_provenance
from frus_cite.parsing.provenance import header_line, inline_source, source_note
from frus_cite.parsing.provenance.marking import read_marking
from frus_cite.parsing.provenance.subject_numeric import parse_subject_numeric

NIXON = "Source: National Archives, Nixon Presidential Materials, NSC Files, Box 839, Name Files, China. Secret; Sensitive."


def test_presidential_materials_collection_box_and_folder():
    source = parse_source_note(NIXON)
    assert (source.repository, source.collection, source.box, source.folder) == (
        "National Archives, Nixon Presidential Materials", "NSC Files", "839", "Name Files, China"
    )
    assert (source.classification, source.handling, source.marking) == ("secret", ("sensitive",), "Secret; Sensitive")
    assert source.text == NIXON and source.reader == "source-note"


def test_central_files_decimal_number_is_decoded_with_the_drafter():
    source = parse_source_note(
        "Source: Department of State, Central Files, 611.93/9–1955. No classification marking. "
        "Drafted and initialed by Harry F. Stimpson, Jr."
    )
    assert source.repository == "Department of State"
    assert source.file.scheme == "decimal" and source.file.text == "611.93/9–1955"
    assert source.file.decimal.date == "1955-09-19" and source.file.decimal.country_name == "United States"
    assert source.file.decimal.second_country_name == "China"
    assert source.classification is None and source.marking == "No classification marking"
    assert source.drafted_by == "Harry F. Stimpson, Jr."


def test_subject_numeric_file_with_record_group_and_years():
    source = parse_source_note("Source: National Archives, RG 59, Central Files 1967–69, POL 27 VIET S. Confidential; Priority.")
    assert (source.repository, source.record_group) == ("National Archives", "RG 59")
    file = source.file.subject_numeric
    assert source.file.scheme == "subject-numeric" and source.file.text == "POL 27 VIET S"
    assert (file.category, file.category_name, file.number, file.countries, file.years) == (
        "POL", "Political affairs and relations", "27", ("VIET S",), "1967–69"
    )
    assert (source.classification, source.handling) == ("confidential", ("priority",))


def test_lot_file_with_folder_clearance_approval_and_repetition():
    source = parse_source_note(
        "Source: Department of State, Conference Files: Lot 60 D 627, CF 1. Secret; Nodis. Drafted by Shaw and "
        "approved by Herter on May 19; cleared with Ludlow. Repeated to London and Paris."
    )
    assert (source.file.scheme, source.file.lot, source.collection, source.folder) == ("lot", "60D627", "Conference Files", "CF 1")
    assert (source.drafted_by, source.approved_by, source.cleared_by) == ("Shaw", "Herter on May 19", "Ludlow")
    assert source.repeated_to == "London and Paris"
    assert (source.classification, source.handling) == ("secret", ("nodis",))


def test_lot_file_then_subject_numeric_folder_and_eyes_only():
    source = parse_source_note("Source: Department of State, EA/ACA Files: Lot 72 D 175, DEF 1 US–USSR. Top Secret; Sensitive; Eyes Only.")
    assert (source.collection, source.file.lot, source.folder) == ("EA/ACA Files", "72D175", "DEF 1 US–USSR")
    assert (source.classification, source.handling) == ("top secret", ("sensitive", "eyes only"))


def test_presidential_library_by_short_name_and_received_time():
    kennedy = parse_source_note("Source: Kennedy Library, Hilsman Papers, Memoranda of Conversations. Drafted by Hilsman.")
    assert (kennedy.repository, kennedy.repository_as_printed) == ("John F. Kennedy Library", "Kennedy Library")
    assert (kennedy.collection, kennedy.folder, kennedy.drafted_by) == ("Hilsman Papers", "Memoranda of Conversations", "Hilsman")
    received = parse_source_note("Source: Department of State, Central Files, POL 27 VIET. Top Secret; Immediate. Received at 3:16 a.m.")
    assert received.received == "at 3:16 a.m." and received.file.subject_numeric.category == "POL"


@pytest.mark.parametrize(
    ("printed", "usual"),
    [("Eisenhower Library", "Dwight D. Eisenhower Library"), ("Johnson Library", "Lyndon B. Johnson Library"),
     ("Ford Library", "Gerald R. Ford Library"), ("Carter Library", "Jimmy Carter Library"),
     ("Reagan Library", "Ronald Reagan Library"), ("Washington National Records Center", "Washington National Records Center"),
     ("Library of Congress, Manuscript Division", "Library of Congress, Manuscript Division")],
)
def test_repositories_are_named_as_citations_name_them(printed, usual):
    assert parse_source_note(f"Source: {printed}, Some Papers, Box 3. Secret.").repository == usual


def test_a_printed_source_is_published_in_not_a_repository():
    source = parse_source_note("Source: Public Papers of the Presidents of the United States: Richard Nixon, 1969, pp. 940-946.")
    assert source.repository is None and source.published_in.startswith("Public Papers of the Presidents")


def test_not_a_source_note_is_a_frus_cite_error():
    with pytest.raises(FrusCiteError, match="expected a source note beginning 'Source:'"):
        parse_source_note("Telegram 745 from Geneva.")


def test_header_line_reader_reads_a_decimal_file_and_its_type():
    evidence = Evidence(lines_above=(("761.93/7–1145: Telegram", 0),), year=1945)
    source = read_provenance(evidence)
    assert source.reader == "header-line" and source.file.decimal.second_country_name == "China"
    assert header_line.parse_header_line("761.93/7–1145: Telegram").document_type == "telegram"


def test_inline_source_reader_keeps_the_peace_conference_number_undecoded():
    source = read_provenance(Evidence(lines_above=(("Paris Peace Conf. 184.00101/24", 0),)))
    assert (source.reader, source.collection, source.folder) == ("inline-source", "Paris Peace Conf.", "184.00101/24")
    assert source.file.decimal is None
    papers = read_provenance(Evidence(lines_above=(("Edward M. House Papers: Telegram", 0),)))
    assert papers.collection == "Edward M. House Papers" and papers.file.scheme == "papers"


def test_readers_are_tried_in_order_and_the_source_note_comes_last():
    evidence = Evidence(lines_above=(("893.00/14961", 0),), footnotes=(NIXON,))
    assert read_provenance(evidence).reader == "header-line"
    assert read_provenance(Evidence(footnotes=("Not a source.", NIXON))).reader == "source-note"
    assert read_provenance(Evidence(footnotes=("See Document 12.",))) is None


def test_subject_numeric_two_countries():
    file = parse_subject_numeric("DEF 1 US–USSR")
    assert (file.category, file.category_name, file.countries) == ("DEF", "Defense affairs", ("US", "USSR"))
    assert parse_subject_numeric("The INT office") is None


def test_marking_terms_and_prose():
    assert read_marking("Top Secret; Sensitive; Eyes Only") == ("top secret", ("sensitive", "eyes only"))
    assert read_marking("No classification marking.") == (None, ())
    assert read_marking("Drafted by Shaw") is None


def test_decimal_files_after_1963_are_not_read_by_the_1960_schedule():
    assert period_for_year(1963) == "1960-1963" and period_for_year(1965) == "1964-1973"
    late = parse_decimal("611.61/1–2065")
    assert late.date == "1965-01-20" and late.period == "1964-1973" and late.country_name is None
    assert parse_decimal("611.61/1–2062").period == "1960-1963"


NOTE_PIECES = st.sampled_from(
    ["Source: ", "National Archives", ", ", ". ", "RG 59", "Central Files", "1967–69", "POL 27 VIET S", "Lot 60 D 627",
     "Box 839", "Secret; Nodis", "Drafted by ", "F.", "(", ")", "; ", "Repeated to ", "611.93/9–1955", "Kennedy Library"]
)


def _reads_or_refuses(reader, evidence) -> None:
    try:
        reader(evidence)
    except FrusCiteError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NOTE_PIECES, st.text(max_size=30)), max_size=25).map("".join))
def test_source_note_reader_never_raises_anything_but_frus_cite_error(text):
    _reads_or_refuses(source_note.read, Evidence(footnotes=(text, "Source: " + text)))
    try:
        parse_source_note(text)
    except FrusCiteError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NOTE_PIECES, st.text(max_size=30)), max_size=12).map("".join))
def test_header_line_reader_never_raises_anything_but_frus_cite_error(line):
    _reads_or_refuses(header_line.read, Evidence(lines_above=((line, 0),), source=line))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NOTE_PIECES, st.sampled_from(["Papers", "Conf.", ": Telegram", "Box "]), st.text(max_size=20)), max_size=12).map("".join))
def test_inline_source_reader_never_raises_anything_but_frus_cite_error(line):
    _reads_or_refuses(inline_source.read, Evidence(lines_above=((line, 0),), source=line))


def test_central_files_name_the_collection_of_every_central_file():
    assert parse_source_note("Source: Department of State, Central Files, 611.93/9–1955. Secret.").collection == "Central Files"
    later = parse_source_note("Source: Department of State, Central Foreign Policy File, D770012–0456. Confidential; Immediate.")
    assert (later.collection, later.file.text, later.handling) == ("Central Foreign Policy File", "D770012–0456", ("immediate",))


def test_record_group_spelled_out_and_years_as_their_own_part():
    source = parse_source_note(
        "Source: National Archives, Record Group 59, Central Foreign Policy File, 1964-66, POL 7 USSR. Confidential."
    )
    assert (source.record_group, source.file.text, source.file.subject_numeric.years) == ("RG 59", "POL 7 USSR", "1964-66")


def test_withheld_document_note_in_brackets():
    source = parse_source_note("[Source: Johnson Library, National Security File, Country File, Vietnam. Top Secret. 1 page not declassified.]")
    assert (source.repository, source.collection, source.folder, source.classification) == (
        "Lyndon B. Johnson Library", "National Security File", "Country File, Vietnam", "top secret"
    )


def test_a_file_named_in_a_later_sentence_is_not_the_document_s():
    source = parse_source_note(
        "Source: Johnson Library, National Security File, Country File, Vietnam, Sunflower & Sunflower Plus. Secret. "
        "Received at the White House at 9:54 a.m. (National Archives and Records Administration, RG 59, Central Files "
        "1967–69, POL 27–14 VIET/SUNFLOWER)"
    )
    assert source.repository == "Lyndon B. Johnson Library" and source.file is None and source.record_group is None
    assert source.received == "at the White House at 9:54 a.m."


LINE_PIECES = st.sampled_from(
    ["No. 46.", "Mr. ", " to ", "The ", "(", ")", "58. ", "Telegram From ", "Between ", " and ", "Washington, ",
     "February 4, 1882", "—3:45 p.m.", ", 11 a.m.", "[Received ", "]", "undated", "Secret; ", "Nodis", ".", ", ", "\u00a0"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LINE_PIECES, st.text(max_size=20)), max_size=14).map("".join))
def test_heading_and_opener_readers_take_any_line(line):
    from frus_cite.parsing.frus_heading import is_heading, parse_heading
    from frus_cite.parsing.frus_opener import classification_of, editorial_words, parse_dateline

    for numbered in (False, True):
        kind, authors, recipients = parse_heading(line, numbered=numbered)
        assert kind is None or kind == kind.lower()
    is_heading(line)
    found = parse_dateline(line)
    assert found is None or found[1] is None or len(found[1]) in (7, 10)
    marking = classification_of(line)
    assert marking is None or marking == marking.lower()
    editorial_words(line)


def test_numerical_file_case_is_not_a_decimal_number():
    source = read_provenance(Evidence(lines_above=(("File No. 3767/5.", 0),), year=1907))
    assert (source.file.scheme, source.file.collection, source.file.text, source.file.decimal) == ("other", "Numerical File", "3767/5", None)


def test_a_source_note_printed_above_the_heading_without_source():
    source = read_provenance(Evidence(lines_above=(("Department of State, Conference Files: Lot 64 D 199, CF 100. Secret.", 0),)))
    assert (source.reader, source.repository, source.file.lot, source.folder, source.classification) == (
        "inline-source", "Department of State", "64D199", "CF 100", "secret"
    )
