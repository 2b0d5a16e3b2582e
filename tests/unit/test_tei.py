"""The TEI reader: documents of a volume file read from their markup, and every way a
file can be bad (not TEI, malformed, too large, a DTD with entities) reported with
its file and line, quickly and without resolving anything."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from frus_cite.errors import SourceTooLargeError, TeiError, UnknownDocumentError
from frus_cite.parsing.tei import read_tei, read_tei_bytes

VOLUME = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus2099v01.xml"
WRAP = '<TEI xmlns="http://www.tei-c.org/ns/1.0">{}</TEI>'


@pytest.fixture(scope="module")
def volume():
    return read_tei(VOLUME)


def test_documents_are_indexed_in_file_order(volume):
    assert volume.document_ids == ("d57", "d58")
    assert volume.volume_id == "frus2099v01"


def test_a_document_reads_like_the_text_parser_shape(volume):
    ref = volume.reference("d57")
    assert ref.kind == "frus"
    assert ref.document_number == 57
    assert ref.title == "Telegram From the Secretary of State (Sample) to the Ambassador at Geneva (Tester)"
    assert ref.heading.endswith("(Tester) 1")
    assert ref.document_type == "telegram"
    assert ref.date == "2098-09-18"
    assert (ref.place, ref.time) == ("Washington", "6 p.m.")
    assert ref.telegram_number == "612"
    assert ref.signature == "Sample"
    assert ref.url == "https://history.state.gov/historicaldocuments/frus2099v01/d57"
    # White space collapsed as a browser shows it; the footnote mark is not in the text.
    assert ref.text.startswith("612. For Tester. You should open the talk with the statement agreed yesterday and keep")
    assert "\n\nDo not discuss the second item" in ref.text


def test_heading_parties_carry_their_persons_list_ids(volume):
    ref = volume.reference("d57")
    assert [(p.name, p.role, p.person_id) for p in ref.authors] == [("Sample", "Secretary of State", "p_SA1")]
    assert [(p.name, p.person_id) for p in ref.recipients] == [("Tester", "p_TC1")]
    # A recipient named only by office has no id.
    assert volume.reference("d58").recipients[0].person_id is None


def test_pages_start_at_the_page_break_before_the_document(volume):
    first = volume.reference("d57")
    assert first.pages.breaks[0] == (0, "101")
    offset, label = first.pages.breaks[1]
    assert label == "102" and first.text[offset:].startswith("second item")
    # d58 begins on the page where d57 ended; its own page break lies between paragraphs.
    second = volume.reference("d58")
    assert [label for _, label in second.pages.breaks] == ["102", "103"]
    assert second.text[second.pages.breaks[1][0] :] == "We agreed to meet again on Friday."


def test_footnotes_have_marks_offsets_and_document_references(volume):
    ref = volume.reference("d57")
    source, note = ref.footnotes
    assert (source.mark, source.in_heading, source.offset) == ("1", True, None)
    assert source.text.startswith("Source: Department of State, Geneva Talks Files: Lot 99 D 1, Box 7.")
    assert note.mark == "2" and not note.in_heading
    assert ref.text[: note.offset].endswith("agreed yesterday")
    assert note.see_documents == (58,)


def test_the_source_note_is_read_by_the_provenance_readers(volume):
    ref = volume.reference("d57")
    source = ref.source
    assert (source.reader, source.repository, source.collection, source.box) == (
        "source-note", "Department of State", "Geneva Talks Files", "7"
    )
    assert (ref.file.scheme, ref.file.lot, source.drafted_by) == ("lot", "99D1", "Smith")
    # The marking the note states, as no opener prints one.
    assert ref.classification == "secret niact"


def test_dateline_received_line(volume):
    ref = volume.reference("d58")
    assert ref.dateline == "Geneva, September 19, 2098."
    assert ref.received == "September 20—2:14 a.m."


def test_persons_list_with_identification(volume):
    person = volume.persons["p_TC1"]
    assert (person.name, person.identification) == ("Tester, Carl", "Ambassador at Geneva, 2097–2098")


def test_volume_metadata_from_the_header_when_the_catalog_lacks_it(volume):
    header = volume.header
    assert header.title == "Foreign Relations of the United States, 2097–2099, Volume I, Test Matters"
    assert header.editors == ("Ada Example",)  # the general editor is left out
    assert (header.published, header.volume_number, header.volume_title) == ("2101", "Volume I", "Test Matters")
    assert header.prints_document_numbers
    catalog = volume.catalog()
    assert catalog.get("frus2099v01") == header


def test_document_addressed_by_number_too(volume):
    assert volume.reference("58") is volume.reference("d58")


def test_a_single_document_or_slice_without_namespace_declarations(tmp_path):
    div = VOLUME.read_text(encoding="utf-8").split('<pb n="101" xml:id="pg_101"/>')[1]
    div = div.split('<div type="document" xml:id="d58"')[0].replace("<head>Geneva Talks</head>", "")
    piece = tmp_path / "frus2099v01-d57.xml"
    piece.write_text('<pb n="101"/>\n' + div.replace("frus:doc", "frus:doc"), encoding="utf-8")
    volume = read_tei(piece)
    assert volume.volume_id == "frus2099v01"
    assert volume.reference("d57").pages.breaks[0] == (0, "101")


# -- bad input ---------------------------------------------------------------------


def error_of(data: bytes | str, name: str = "bad.xml") -> TeiError:
    with pytest.raises(TeiError) as caught:
        read_tei_bytes(data.encode() if isinstance(data, str) else data, path=name)
    return caught.value


def test_a_file_that_is_not_tei():
    error = error_of('<?xml version="1.0"?>\n\n<html><body>hi</body></html>')
    assert str(error).startswith("bad.xml:3: expected a TEI file (root element <TEI>")
    assert "found <html>" in str(error)


def test_a_tei_root_in_another_namespace():
    error = error_of("<TEI><text/></TEI>")
    assert str(error) == "bad.xml:1: expected the root element <TEI> in the namespace http://www.tei-c.org/ns/1.0, found TEI"


def test_plain_text_is_not_tei():
    assert str(error_of("Harriman to Truman\n")) == "bad.xml:1: expected a TEI file (an XML file whose root element is <TEI>)"


def test_malformed_xml_is_located():
    error = error_of(WRAP.format('\n<div type="document" xml:id="d1">\n<p>unclosed\n</div>'))
    assert error.line == 4
    assert "malformed XML: Opening and ending tag mismatch: p line 3 and div; expected well-formed XML" in str(error)


def test_a_cut_short_slice_names_the_unclosed_element():
    error = error_of('<pb n="1"/>\n<div type="document" xml:id="d1" n="1">\n<head>A to B</head>\n')
    assert str(error).startswith("bad.xml:")
    assert '<div> opened at line 2 is not closed' in str(error) and "cut short" in str(error)


def test_a_document_id_not_in_the_file():
    volume = read_tei(VOLUME)
    with pytest.raises(UnknownDocumentError) as caught:
        volume.reference("d999")
    assert str(caught.value) == f"{VOLUME}:6: no document 'd999' in this file; expected one of d57, d58"


def test_a_100_mb_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "frus-huge.xml"
    with open(big, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written
    started = time.perf_counter()
    with pytest.raises(SourceTooLargeError) as caught:
        read_tei(big)
    assert time.perf_counter() - started < 1
    assert str(caught.value) == f"{big}:1: file is larger than 32 MB; expected a FRUS volume file (at most 32 MB)"


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + ']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol9;</p></body></text></TEI>\n'
)


def test_an_xml_bomb_is_refused_unread():
    started = time.perf_counter()
    error = error_of(BILLION_LAUGHS)
    assert time.perf_counter() - started < 1
    assert error.line == 2
    assert "expected no DOCTYPE" in str(error) and "XML bomb" in str(error)


def test_an_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    data = (
        f'<?xml version="1.0"?>\n<!-- a comment first -->\n<!DOCTYPE TEI [<!ENTITY e SYSTEM "{secret.as_uri()}">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d1" n="1">'
        "<head>A to B</head><p>&e;</p></div></body></text></TEI>"
    )
    error = error_of(data)
    assert error.line == 3 and "expected no DOCTYPE" in str(error)
    assert "TOP-SECRET" not in str(error)


def test_deep_nesting_stops_at_the_parser_limit():
    data = WRAP.format("<hi>" * 5000 + "x" + "</hi>" * 5000)
    started = time.perf_counter()
    error = error_of(data)
    assert time.perf_counter() - started < 1
    assert error.line == 1 and "malformed XML" in str(error)


def test_a_directory_and_a_missing_file(tmp_path):
    with pytest.raises(TeiError, match="expected a TEI file, found a directory"):
        read_tei(tmp_path)
    with pytest.raises(TeiError, match="file not found"):
        read_tei(tmp_path / "nothing.xml")


def test_a_document_without_heading_is_located(tmp_path):
    data = WRAP.format('\n<div type="document" xml:id="d1" n="1">\n<p>text</p></div>')
    volume = read_tei_bytes(data.encode(), path="x.xml")
    with pytest.raises(TeiError) as caught:
        volume.reference("d1")
    assert str(caught.value) == "x.xml:2: document d1 has no <head>; expected its heading"


def test_tei_files_are_parsed_beside_text_sources(tmp_path):
    import frus_cite

    seeds = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))
    records, failures = frus_cite.parse_many([VOLUME, seeds[0]])
    assert failures == []
    assert [r.document_number for r in records[:2]] == [57, 58] and len(records) == 3
    assert frus_cite.parse_file(VOLUME, document="d58").document_number == 58
    with pytest.raises(frus_cite.SourceError, match="this TEI file holds 2 documents; expected one, or a document id"):
        frus_cite.parse_file(VOLUME)


def test_a_bad_file_number_in_a_source_note_is_located_in_the_file():
    data = WRAP.format(
        '\n<div type="document" xml:id="d9" n="9">\n<head>9. Telegram From A to B<note n="1" type="source">'
        "Source: Department of State, Central Files, 611.93/13–4555. Secret.</note></head>\n<p>Text.</p></div>"
    )
    volume = read_tei_bytes(data.encode(), path="v.xml")
    with pytest.raises(TeiError) as caught:
        volume.reference("d9")
    assert str(caught.value).startswith("v.xml:3: document d9: cannot read its source line or note: expected a month–day–year date")


def test_a_volume_file_cut_short_names_the_element_left_open():
    data = '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n<body>\n<div type="document" xml:id="d1">\n<p>…'
    error = error_of(data)
    assert str(error).startswith("bad.xml:6: <p> opened at line 6 is not closed; expected its end tag before the end of the file")


def test_a_recipient_stationed_abroad_is_one_party():
    # The heading issue #12 cites: frus1955-57v03 d58 (same form in d35).
    from frus_cite.parsing.frus_heading import parse_heading

    _, _, recipients = parse_heading("Telegram From the Secretary of State to Ambassador U. Alexis Johnson, at Geneva", numbered=True)
    assert [(p.name, p.role) for p in recipients] == [("U. Alexis Johnson", "Ambassador at Geneva")]
