"""Layouts found on documents of volumes the shared corpus does not hold (checked against
the Office of the Historian's TEI, rendered as history.state.gov shows it).  Excerpts are
short and abridged; the FRUS text is in the public domain."""

from __future__ import annotations

import frus_cite

# frus1964-68v30, d107 (abridged): numbered paragraphs directly above the copied notes.
MEMCON_1965 = """107. Memorandum of Conversation 1

Washington, September 26, 1965.

SUBJECTS
(1) U.S. Policy on Travel to Communist Countries

1. In response to a request made September 23 by General Chiang for a second opportunity to talk.

  1. Source: Department of State, Central Files, POL 23–10 COMBLOC. Secret. Drafted by Mehlert.
"""

# frus1961-63v22, d110 (abridged): the source note is note 0.
RECORD_1962 = """110. Memorandum for the Record 0

Washington, May 17, 1962, 5:36 p.m.

1. The President opened the discussion by inquiring about news reports from Taipei.

  0. Source: Central Intelligence Agency, DCI (McCone) Files, Job 80-B01285A, DCI Meetings With the President. Secret.
"""

# frus1981-88v03, d83 (abridged): the page break falls inside the document, above its heading.
TELEGRAM_1981 = """[Page 244]

83. Telegram From the Embassy in the Soviet Union to the Department of State 1

Moscow, September 8, 1981, 1337Z

12552. For Assistant Secretary Eagleburger from Charge.

[Page 245]

2. The man: Gromyko is currently in good health.

  1. Source: Department of State, Central Foreign Policy File, [no film number]. Secret; Immediate; Nodis; Stadis.
"""

# frus1870, d182 (abridged): "[Translation.]" between the printed number and the heading.
NOTE_1870 = """No. 182.

[Translation.]

Baron Gerolt to Mr. Fish

Legation of the North German Union, Washington, October 15, 1870. (Received October 17.)

The undersigned has the honor most respectfully herewith to transmit a copy of a dispatch.

FR. v. GEROLT.
"""

# frus1948v05p1, d155 (abridged): a 1940s precedence under the heading.
TELEGRAM_1948 = """741.90G/1–1048: Telegram

The Chargé in the United Kingdom (Gallman) to the Secretary of State

secret us urgent

London, January 10, 1948—6 p. m.

97. 1. According Wright twenty year Anglo-Iraqi treaty was initialed this afternoon.

Gallman
"""


def test_a_numbered_paragraph_above_the_notes_stays_in_the_body():
    ref = frus_cite.parse_text(MEMCON_1965, volume="frus1964-68v30")
    assert [note.mark for note in ref.footnotes] == ["1"]
    assert ref.text.rstrip().endswith("a second opportunity to talk.")
    assert (ref.source.repository, ref.file.text, ref.classification) == ("Department of State", "POL 23–10 COMBLOC", "secret")


def test_source_note_zero_under_a_numbered_paragraph():
    ref = frus_cite.parse_text(RECORD_1962, volume="frus1961-63v22")
    assert [note.mark for note in ref.footnotes] == ["0"]
    assert ref.source.repository == "Central Intelligence Agency" and ref.classification == "secret"
    assert "Source:" not in ref.text


def test_page_marker_above_the_heading_is_the_first_page():
    ref = frus_cite.parse_text(TELEGRAM_1981)
    assert (ref.document_number, ref.document_type) == (83, "telegram")
    assert ref.pages.first == "244" and [label for _, label in ref.pages.breaks] == ["244", "245"]
    assert ref.pages.whole().locator() == "244–45"
    assert ref.classification == "secret immediate nodis stadis"


def test_bracketed_opener_between_number_and_heading():
    ref = frus_cite.parse_text(NOTE_1870, volume="frus1870")
    assert (ref.document_number, ref.title) == (182, "Baron Gerolt to Mr. Fish")
    assert [p.name for p in ref.authors] == ["Gerolt"] and [p.name for p in ref.recipients] == ["Fish"]
    assert (ref.date, ref.received) == ("1870-10-15", "October 17")
    assert ref.text.startswith("The undersigned")


def test_us_urgent_is_a_marking():
    ref = frus_cite.parse_text(TELEGRAM_1948, volume="frus1948v05p1")
    assert ref.classification == "secret us urgent"
    assert ref.text.startswith("97. 1. According")


# frus1977-80v01, d96 (abridged): a public address, its source a printed one.
ADDRESS_1978 = """96. Address by President Carter Before a Joint Session of Congress 1

Washington, September 18, 1978

Vice President Mondale, Speaker O’Neill, distinguished Members of the United States Congress.

  1. Source: Public Papers: Carter, 1978, Book II, pp. 1533–1537. All brackets are in the original.
"""

# frus1901, d134 (abridged): footnotes marked with letters, as the 1900s volumes print them.
NOTE_1901 = """Mr. von Holleben to Mr. Hay.

[Translation.]

Imperial German Embassy, Washington, February 9, 1901.

Mr. Secretary of State: I have the honor, with reference to my note,a to apply to your kindly intercession.

Be pleased, etc.,

Holleben.

  a. Not printed.
"""


def test_address_by_the_president_before_an_audience():
    ref = frus_cite.parse_text(ADDRESS_1978, volume="frus1977-80v01")
    assert (ref.document_number, ref.document_type) == (96, "address")
    assert [(p.role, p.name) for p in ref.authors] == [("President", "Carter")] and ref.recipients == ()
    assert ref.source.published_in.startswith("Public Papers: Carter, 1978")
    assert ref.url == "https://history.state.gov/historicaldocuments/frus1977-80v01/d96"


def test_remarks_at_a_venue_name_only_the_speaker():
    ref = frus_cite.parse_text("12. Remarks by Secretary of State Kissinger at the Pilgrims Society Dinner\n\nLondon, December 12, 1973\n\nText.\n")
    assert [(p.role, p.name) for p in ref.authors] == [("Secretary of State", "Kissinger")]


def test_letter_marked_notes_and_a_particle_after_mr():
    ref = frus_cite.parse_text(NOTE_1901, volume="frus1901")
    assert [(p.role, p.name) for p in ref.authors] == [(None, "von Holleben")]
    assert [(n.mark, n.text) for n in ref.footnotes] == [("a", "Not printed.")]
    assert "Not printed" not in ref.text and ref.text.startswith("Mr. Secretary of State:")


def test_an_unindented_lettered_list_ending_a_document_is_body():
    ref = frus_cite.parse_text(
        "56. Memorandum for the Record\n\nWashington, October 3, 1953.\n\n1. The Station will study morale among:\n\na. Students\n\nb. Laborers\n"
    )
    assert ref.footnotes == () and ref.text.rstrip().endswith("b. Laborers")


def _notes(ref, key="memcon"):
    from frus_cite.formatting.csl_json import to_csl_json
    from frus_cite.formatting.notes import NoteEngine

    engine = NoteEngine([to_csl_json(ref, key=key)], ibid=False)
    clusters = [{"citationItems": [{"id": key}], "properties": {"noteIndex": n}} for n in (1, 2)]
    return engine.cite_clusters(clusters, fmt="text"), engine.bibliography(fmt="text", ids=[key])


def test_a_note_without_correspondents_opens_with_its_type_capitalised():
    first, short = _notes(frus_cite.parse_text(MEMCON_1965, volume="frus1964-68v30"))[0]
    assert first.startswith("Memorandum of conversation, POL 23–10 COMBLOC, Washington, September 26, 1965, in ")
    assert first.endswith("doc. 107, https://history.state.gov/historicaldocuments/frus1964-68v30/d107.")
    assert "ecret" not in first  # Chicago leaves the classification out
    assert short == "Memorandum of conversation, September 26, 1965, doc. 107."


def test_a_note_with_correspondents_keeps_the_type_lower_case():
    (first, short), _ = _notes(frus_cite.parse_text(TELEGRAM_1981), key="tel")
    assert first.startswith("The Embassy in the Soviet Union to the Department of State, telegram, [no film number], Moscow")
    assert short.startswith("The Embassy in the Soviet Union to the Department of State, September 8, 1981")


# frus1958-60v05, d49 (abridged): each party's place follows the name.
CALL_1958 = """49. Memorandum of a Telephone Conversation Between the Assistant Secretary of State for Inter-American Affairs (Rubottom) in Caracas and the Acting Assistant Secretary of State (Snow) in Washington, May 13, 1958, 4:30 p.m.1

Washington, May 13, 1958, 4:30 p.m.

Mr. Snow inquired about the present situation.

  1. Source: Department of State, Central Files, 033.1100–NI/5–1358. Official Use Only. Drafted by Alice W. Bariums.
"""


def test_telephone_call_parties_with_their_places():
    ref = frus_cite.parse_text(CALL_1958, volume="frus1958-60v05")
    assert [(p.role, p.name) for p in ref.authors] == [("Assistant Secretary of State for Inter-American Affairs", "Rubottom")]
    assert [(p.role, p.name) for p in ref.recipients] == [("Acting Assistant Secretary of State", "Snow")]
    assert (ref.document_number, ref.classification, ref.time) == (49, "official use only", "4:30 p.m.")


def test_printed_number_without_a_space_before_the_heading():
    # frus1950-55Intel, d80 prints "80.Memorandum From …"
    ref = frus_cite.parse_text(
        "80.Memorandum From the Joint Chiefs of Staff to Secretary of Defense Marshall 1\n\nWashington, July 27, 1951.\n\n"
        "1. In response to your memorandum.\n\n  1. Source: Central Intelligence Agency, Job 80–R01440R, Box 3, Folder 10. Top Secret.\n",
        volume="frus1950-55Intel",
    )
    assert (ref.document_number, ref.title, ref.document_type) == (80, "Memorandum From the Joint Chiefs of Staff to Secretary of Defense Marshall", "memorandum")
    assert [(p.role, p.name) for p in ref.recipients] == [("Secretary of Defense", "Marshall")]
    assert [(p.role, p.name) for p in ref.authors] == [("Joint Chiefs of Staff", None)]  # a body, not "Joint Chiefs" of "Staff"


# frus1950-55Intel, d80 (abridged) as TEI: the printed number is glued to the type.
INTEL_TEI = """<div xmlns="http://www.tei-c.org/ns/1.0" type="document" xml:id="d80" n="80">
<pb n="182" xml:id="pg_182"/>
<head>80.Memorandum From the Joint Chiefs of Staff to Secretary of Defense <persName type="to">Marshall</persName>
<note n="1" xml:id="d80fn1" type="source">Source: Central Intelligence Agency, Job 80–R01440R, Box 3, Folder 10. Top Secret.</note></head>
<dateline><placeName>Washington</placeName>, <date when="1951-07-27">July 27, 1951.</date></dateline>
<p>1. In response to your memorandum.</p>
</div>"""


def test_tei_heading_number_without_a_space():
    from frus_cite.parsing.tei import read_tei_bytes

    ref = read_tei_bytes(INTEL_TEI.encode(), path="d80.xml", volume="frus1950-55Intel").reference("d80")
    assert (ref.document_number, ref.title, ref.document_type) == (80, "Memorandum From the Joint Chiefs of Staff to Secretary of Defense Marshall", "memorandum")
    assert ref.pages.first == "182" and ref.classification == "top secret"
