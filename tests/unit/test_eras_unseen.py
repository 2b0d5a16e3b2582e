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
