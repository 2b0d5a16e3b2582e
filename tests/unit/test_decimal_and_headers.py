"""Decimal file numbers and the other header-line forms."""

from __future__ import annotations

import pytest

from frus_cite.errors import HeaderSyntaxError
from frus_cite.parsing.decimal_file import decode_date_code, parse_decimal
from frus_cite.parsing.frus import parse_header_line, parse_heading, parse_party


@pytest.mark.parametrize(
    "code, iso",
    [("7–1145", "1945-07-11"), ("7-1345", "1945-07-13"), ("3–1749", "1949-03-17"), ("4–249", "1949-04-02"),
     ("2–2246", "1946-02-22"), ("10-1646", "1946-10-16"), ("3-251", "1951-03-02"), ("14961", None), ("3144½", None)],
)
def test_date_codes(code, iso):
    assert decode_date_code(code) == iso


def test_relations_file_decodes_two_countries():
    d = parse_decimal("761.93/7–1145")
    assert (d.country_name, d.second_country_name, d.date, d.period) == (
        "Union of Soviet Socialist Republics", "China", "1945-07-11", "1910-1949")


def test_internal_affairs_subject_and_serial():
    d = parse_decimal("893.00/14961")
    assert (d.class_digit, d.country_name, d.subject, d.subject_name, d.serial, d.date) == (
        "8", "China", "00", "Political affairs", "14961", None)


def test_lettered_country_and_subfile():
    d = parse_decimal("851G.01/3–1749")
    assert (d.country, d.country_name, d.subject_name, d.date) == ("51G", "Indo China", "Government", "1949-03-17")
    d = parse_decimal("740.0011 Pacific War/3144½")
    assert (d.country_name, d.subject, d.subfile, d.serial, d.second_country) == ("Europe", "0011", "Pacific War", "3144½", None)
    d = parse_decimal("893.44 Chiang Kai-shek/44")
    assert (d.subject_name, d.subfile, d.serial) == ("Special mention of citizens", "Chiang Kai-shek", "44")


def test_personnel_file_is_not_a_country():
    d = parse_decimal("123G231/593")
    assert (d.class_digit, d.country, d.serial) == ("1", None, "593")


def test_1950_renumbering_is_respected():
    # 82 is Liberia before 1950 and Turkey from 1 January 1950.
    assert parse_decimal("782.00/1-1549").country_name == "Liberia"
    assert parse_decimal("782.00/1-1550").country_name == "Turkey"
    assert parse_decimal("782.00/1-1550").class_name == "Internal Political and National Defense Affairs"
    # Relations class is 6 after 1950: 661.93 is USSR–China.
    d = parse_decimal("661.93/3-251")
    assert (d.country_name, d.second_country_name, d.date) == ("Union of Soviet Socialist Republics", "China", "1951-03-02")


def test_impossible_date_code_is_a_located_error():
    with pytest.raises(HeaderSyntaxError) as info:
        parse_decimal("761.93/13–4545")
    assert str(info.value) == (
        "<text>:1:8: expected a month–day–year date after '/' (month 1–12, day 1–31, two-digit year), got '13–4545'\n"
        "    761.93/13–4545\n"
        "           ^^^^^^^"
    )


@pytest.mark.parametrize(
    "line, scheme, text, doc_type, extra",
    [
        ("761.93/7–1145: Telegram", "decimal", "761.93/7–1145", "telegram", {}),
        ("Moscow Embassy Files—710 Sino-Soviet Relations: Telegram", "post", "Moscow Embassy Files—710 Sino-Soviet Relations", "telegram",
         {"collection": "Moscow Embassy Files", "post_file": "710 Sino-Soviet Relations"}),
        ("Lot 52 D 408", "lot", "Lot 52 D 408", None, {"lot": "52D408"}),
        ("Moscow Embassy Files: Lot 53 F 11", "lot", "Moscow Embassy Files: Lot 53 F 11", None, {"lot": "53F11", "collection": "Moscow Embassy Files"}),
        ("Roosevelt Papers: Telegram", "papers", "Roosevelt Papers", "telegram", {"collection": "Roosevelt Papers"}),
        ("Hopkins Papers", "papers", "Hopkins Papers", None, {"collection": "Hopkins Papers"}),
        ("Notter File, Box 168: Stettinius Diary", "papers", "Notter File, Box 168", "stettinius diary", {"box": "168", "collection": "Notter File"}),
    ],
)
def test_header_lines(line, scheme, text, doc_type, extra):
    header = parse_header_line(line)
    assert (header.designation.scheme, header.designation.text, header.document_type) == (scheme, text, doc_type)
    for name, value in extra.items():
        assert getattr(header.designation, name) == value


@pytest.mark.parametrize(
    "phrase, role, name",
    [
        ("The Ambassador in the Soviet Union (Harriman)", "Ambassador in the Soviet Union", "Harriman"),
        ("President Truman", "President", "Truman"),
        ("the Secretary of State", "Secretary of State", None),
        ("Generalissimo Chiang Kai-shek", "Generalissimo", "Chiang Kai-shek"),
        ("The President’s Special Assistant (Hopkins)", "President’s Special Assistant", "Hopkins"),
        ("Mr. Max W. Bishop of the Division of Far Eastern Affairs", "Division of Far Eastern Affairs", "Max W. Bishop"),
    ],
)
def test_parties(phrase, role, name):
    party = parse_party(phrase)
    assert (party.role, party.name) == (role, name)


def test_headings():
    kind, authors, recipients = parse_heading("President Roosevelt and Prime Minister Churchill to Generalissimo Chiang Kai-shek")
    assert kind is None
    assert [a.name for a in authors] == ["Roosevelt", "Churchill"]
    assert [(r.role, r.name) for r in recipients] == [("Generalissimo", "Chiang Kai-shek")]
    kind, authors, recipients = parse_heading("Memorandum of Conversation, by the Secretary of State")
    assert (kind, authors[0].role, recipients) == ("memorandum of conversation", "Secretary of State", ())
    kind, authors, _ = parse_heading("Memorandum by the Chief of the Division of Far Eastern Affairs (Hamilton)")
    assert (kind, authors[0].name) == ("memorandum", "Hamilton")


@pytest.mark.parametrize(
    "heading, kind, authors, recipients",
    [
        ("Memorandum From the President’s Assistant for National Security Affairs (Kissinger) to President Nixon",
         "memorandum", [("President’s Assistant for National Security Affairs", "Kissinger")], [("President", "Nixon")]),
        ("Telegram From the Embassy in the Soviet Union to the Department of State",
         "telegram", [("Embassy in the Soviet Union", None)], [("Department of State", None)]),
        ("Letter From President Nixon to Soviet General Secretary Brezhnev",
         "letter", [("President", "Nixon")], [("Soviet General Secretary", "Brezhnev")]),
        ("Action Memorandum From the Assistant Secretary of State for East Asian and Pacific Affairs (Holbrooke) to Secretary of State Vance",
         "action memorandum", [("Assistant Secretary of State for East Asian and Pacific Affairs", "Holbrooke")], [("Secretary of State", "Vance")]),
        ("Memorandum for the Record", "memorandum for the record", [], []),
    ],
)
def test_later_volume_headings(heading, kind, authors, recipients):
    """Headings of the 1955– volumes: "<Kind> From <sender> to <recipient>"; "and" inside an office stays."""
    got_kind, got_authors, got_recipients = parse_heading(heading)
    assert got_kind == kind
    assert [(p.role, p.name) for p in got_authors] == authors
    assert [(p.role, p.name) for p in got_recipients] == recipients
