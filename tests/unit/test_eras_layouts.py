"""Layouts of every era that the shared slices do not show, written as history.state.gov
prints them (constructed texts: the forms are real, the documents are not)."""

from __future__ import annotations

import frus_cite

DESPATCH_1894 = """No. 120. Mr. Denby to Mr. Gresham.

Legation of the United States,
Peking, September 25, 1894. (Received November 5.)

No. 1987.]

Sir: I have the honor to report that the Emperor received the foreign representatives.1

I have, etc.,

CHARLES DENBY.

[Inclosure 1 in No. 1987.—Translation.]

Edict of the Emperor.

  1. Not printed.
"""


def test_nineteenth_century_despatch_on_one_heading_line():
    ref = frus_cite.parse_text(DESPATCH_1894)
    assert (ref.document_number, ref.title, ref.document_type, ref.telegram_number) == (120, "Mr. Denby to Mr. Gresham", "despatch", "1987")
    assert [p.name for p in ref.authors] == ["Denby"] and [p.name for p in ref.recipients] == ["Gresham"]
    assert (ref.place, ref.date, ref.received) == ("Peking", "1894-09-25", "November 5")
    assert ref.enclosures == ("[Inclosure 1 in No. 1987.—Translation.]",)
    assert ref.footnotes[0].offset is not None and ref.text.startswith("Sir: I have the honor")


def test_foreign_envoy_heading_and_file_number_line():
    ref = frus_cite.parse_text("File No. 893.00/1234.\n\nCount Cassini to Mr. Hay.\n\nWashington, March 3, 1912.\n\nSir: The note.\n")
    assert [(p.role, p.name) for p in ref.authors] == [("Count", "Cassini")] and ref.recipients[0].name == "Hay"
    assert ref.file.decimal.country_name == "China" and ref.source.text == "File No. 893.00/1234."


def test_paris_minutes_with_a_meeting_code_and_present_list():
    ref = frus_cite.parse_text(
        "Paris Peace Conf. 180.03101/12\n\nBC–1\n\nNotes of a Meeting Held at the Quai d’Orsay, Paris, on Monday, "
        "January 13, 1919, at 4 p.m.\n\nPresent:\nUnited States of America: President Wilson, Mr. Lansing\n"
        "France: M. Clemenceau, M. Pichon\n\nM. Clemenceau opened the meeting.\n"
    )
    assert ref.document_type == "notes of meeting" and ref.source.collection == "Paris Peace Conf."
    assert ref.participants == ("United States of America: President Wilson, Mr. Lansing", "France: M. Clemenceau, M. Pichon")
    assert ref.text.startswith("Present:")  # the list is part of the document's text


ESTIMATE = """123. National Intelligence Estimate

NIE 11–4–59

Washington, February 9, 1960.

MAIN TRENDS IN SOVIET CAPABILITIES AND POLICIES, 1960–1965

To estimate the main trends.1

  1. Source: Department of State, INR–NIE Files. Secret.
"""


def test_estimate_number_under_the_heading():
    ref = frus_cite.parse_text(ESTIMATE)
    assert (ref.document_number, ref.title, ref.document_type, ref.document_code) == (
        123, "National Intelligence Estimate", "national intelligence estimate", "NIE 11–4–59"
    )
    assert (ref.date, ref.classification, ref.signature) == ("1960-02-09", "secret", None)
    assert ref.footnotes[0].offset == ref.text.index("trends.") + len("trends.")


def test_telegram_series_number_month_dateline_and_source_note():
    ref = frus_cite.parse_text(
        "45. Telegram From the Department of State to the Embassy in Vietnam1\n\nWashington, March 1964.\n\n"
        "Topad 1795. Something happened.\n\nRusk\n\n  1. Source: National Archives, RG 59, Central Files 1964–66, "
        "POL 27 VIET S. Secret; Immediate; Nodis. Drafted by Bundy; cleared by Rusk; approved by Ball. Repeated to CINCPAC.\n"
    )
    assert (ref.date, ref.place, ref.telegram_number, ref.signature) == ("1964-03", "Washington", "Topad 1795", "Rusk")
    assert ref.classification == "secret immediate nodis" and ref.file.subject_numeric.years == "1964–66"
    assert (ref.source.drafted_by, ref.source.cleared_by, ref.source.approved_by, ref.source.repeated_to) == (
        "Bundy", "Rusk", "Ball", "CINCPAC"
    )


def test_date_range_dateline_and_unlisted_numbered_type():
    ref = frus_cite.parse_text("12. National Security Council Report\n\nNSC 5405\n\nWashington, January 16–17, 1954.\n\nText.\n")
    assert (ref.document_type, ref.document_code, ref.date) == ("national security council report", "NSC 5405", "1954-01-16")


def test_backchannel_with_zulu_time():
    ref = frus_cite.parse_text(
        "77. Backchannel Message From the Ambassador to Vietnam (Bunker) to the President’s Assistant for National "
        "Security Affairs (Kissinger)\n\nSaigon, March 3, 1971, 0945Z.\n\n0234. Text.\n"
    )
    assert (ref.document_type, ref.author.name, ref.recipients[0].name) == ("backchannel message", "Bunker", "Kissinger")
    assert (ref.time, ref.telegram_number) == ("0945Z", None)


def test_recipients_after_an_office_that_itself_says_to():
    mission = frus_cite.parse_text(
        "12. Telegram From the Mission to the United Nations to the Department of State\n\nNew York, May 1, 1970, 2 p.m.\n\nText.\n"
    )
    assert [p.role for p in mission.authors] == ["Mission to the United Nations"]
    assert [p.role for p in mission.recipients] == ["Department of State"]
    staff = frus_cite.parse_text(
        "13. Memorandum From Harold H. Saunders of the National Security Council Staff to the President’s Assistant "
        "for National Security Affairs (Kissinger)\n\nWashington, May 2, 1970.\n\nText.\n"
    )
    assert (staff.author.name, staff.author.role, staff.recipients[0].name) == (
        "Harold H. Saunders", "National Security Council Staff", "Kissinger"
    )


def test_conversation_among_several_names_no_recipient():
    ref = frus_cite.parse_text(
        "14. Conversation Among President Nixon, the President’s Assistant for National Security Affairs (Kissinger), "
        "and Secretary of State Rogers\n\nWashington, June 1, 1971, 10:03–10:34 a.m.\n\nText.\n"
    )
    assert [p.name for p in ref.authors] == ["Nixon", "Kissinger", "Rogers"] and ref.recipients == ()
    assert (ref.document_type, ref.time) == ("conversation", "10:03–10:34 a.m.")


def test_closing_salute_and_signer_office_leave_the_name_as_signature():
    ref = frus_cite.parse_text(
        "15. Letter From Secretary of State Rusk to Senator Fulbright\n\nWashington, May 3, 1965.\n\nDear Bill: Text.\n\n"
        "Sincerely,\n\nDean Rusk\nSecretary of State\n"
    )
    assert (ref.author.name, ref.recipients[0].name, ref.signature) == ("Rusk", "Fulbright", "Dean Rusk")


def test_same_to_same_and_a_bracket_after_a_letter_heading():
    same = frus_cite.parse_text(
        "No. 12.\nSame to same.\n\nDepartment of State,\nWashington, March 1, 1900.\n\n[Confidential.]\n\nNo. 4.]\n\n"
        "Sir: Text.\n\nJOHN HAY.\n"
    )
    assert (same.document_number, same.title, same.classification, same.telegram_number) == (12, "Same to same", "confidential", "4")
    assert (same.date, same.signature) == ("1900-03-01", "JOHN HAY.")
    telegram = frus_cite.parse_text("Mr. Hay to Mr. Conger. [Telegram—Paraphrase.]\n\nWashington, June 1, 1900.\n\nText.\n")
    assert (telegram.title, telegram.document_type, telegram.recipients[0].name) == ("Mr. Hay to Mr. Conger", "telegram", "Conger")
