"""Wilson Center records: both citation wordings, the corpus, source parsing."""

from __future__ import annotations

import json

import pytest

import frus_cite
from frus_cite.parsing.archival import parse_archival_source, parse_credits, split_credits

CURRENT = ('"Record of a Meeting Between T.V. Soong and Stalin", July 12, 1945, Wilson Center Digital Archive, '
           "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. Contributed by David Wolff. "
           "<https://digitalarchive.wilsoncenter.org/document/134351>")
OLD = ('"Cable, Summary of Averell Harriman Meeting with T. V. Soong," July 05, 1945, History and Public Policy '
       "Program Digital Archive, W. A. Harriman Papers, Library of Congress. http://digitalarchive.wilsoncenter.org/document/123415")


def test_citation_line_alone_is_a_record():
    ref = frus_cite.parse_text(CURRENT)
    assert (ref.kind, ref.title, ref.date, ref.record_id) == ("wilson", "Record of a Meeting Between T.V. Soong and Stalin", "1945-07-12", "134351")
    assert ref.archive.box == "6" and ref.contributors[0].name == "David Wolff"


def test_old_wording_comma_inside_quotes_zero_padded_day():
    ref = frus_cite.parse_text(OLD)
    assert ref.title == "Cable, Summary of Averell Harriman Meeting with T. V. Soong"
    assert ref.date == "1945-07-05"
    assert ref.digital_archive == "History and Public Policy Program Digital Archive"
    assert ref.url == "https://digitalarchive.wilsoncenter.org/document/123415"
    assert ref.original_url == "http://digitalarchive.wilsoncenter.org/document/123415"


def test_curly_quotes_and_no_url():
    ref = frus_cite.parse_text("“Note from the Embassy of the Polish Republic in Korea,” September 02, 1953, History and Public "
                               "Policy Program Digital Archive, Polish Foreign Ministry Archive. Obtained for NKIDP by Jakub "
                               "Poprocki and translated for NKIDP by Maya Latynski.")
    assert ref.title == "Note from the Embassy of the Polish Republic in Korea" and ref.url is None
    assert [(c.role, c.name, c.for_project) for c in ref.contributors] == [
        ("obtained", "Jakub Poprocki", "NKIDP"), ("translated", "Maya Latynski", "NKIDP")]


def test_plain_layout_labels():
    text = ("July 12, 1945\nRecord of a Meeting\n\nCitation:\n" + CURRENT + "\n\nSummary:\nA summary.\n\n"
            "Original Language:\nRussian\n\nContents:\nTranscript - English\nBody text here.\n")
    ref = frus_cite.parse_text(text)
    assert (ref.summary, ref.original_language, ref.text) == ("A summary.", "Russian", "Body text here.")


def test_slug_url_has_no_record_id():
    ref = frus_cite.parse_text('"Title", July 1, 1972, Wilson Center Digital Archive, RGANI, f. 5, op. 49, d. 131, ll. 193-194. '
                               "https://digitalarchive.wilsoncenter.org/document/report-etre-sandor")
    assert ref.record_id is None and ref.url.endswith("report-etre-sandor")
    assert (ref.archive.fond, ref.archive.opis, ref.archive.delo, ref.archive.leaves) == ("5", "49", "131", "193-194")


STAGING = ('"Cable, Summary of Averell Harriman Meeting with T. V. Soong", July 11, 1945, Wilson Center Digital Archive, '
           "W. A. Harriman Papers, Library of Congress. <https://wilson-center-digital-archive.dvincitest.com/document/123444>")


def test_staging_url_normalised_original_kept():
    ref = frus_cite.parse_text(STAGING)
    assert ref.record_id == "123444"
    assert ref.url == "https://digitalarchive.wilsoncenter.org/document/123444"
    assert ref.original_url == "https://wilson-center-digital-archive.dvincitest.com/document/123444"
    data = frus_cite.to_json(ref)
    assert data["url"] == ref.url and data["original_url"] == ref.original_url


def test_example_book_staging_record_normalised():
    from pathlib import Path

    path = Path(__file__).parents[2] / "examples" / "book" / "sources" / "wilson-123444.md"
    ref = frus_cite.parse_file(path)
    assert "dvincitest" in ref.original_url and ref.url == "https://digitalarchive.wilsoncenter.org/document/123444"


def test_url_without_record_id_left_as_it_is():
    url = "https://wilson-center-digital-archive.dvincitest.com/document/report-etre-sandor"
    ref = frus_cite.parse_text('"Title", July 1, 1972, Wilson Center Digital Archive, RGANI, f. 5, op. 49, d. 131. ' + url)
    assert ref.record_id is None and ref.url == url and ref.original_url == url


def test_record_id_section_gives_the_url():
    text = ("**Citation:**\n\n\"Title\", July 1, 1972, Wilson Center Digital Archive, RGANI, f. 5, op. 49, d. 131. "
            "https://digitalarchive.wilsoncenter.org/document/report-etre-sandor\n\n**Record ID:**\n\n123456\n")
    ref = frus_cite.parse_text(text)
    assert ref.record_id == "123456" and ref.url == "https://digitalarchive.wilsoncenter.org/document/123456"
    assert ref.original_url.endswith("report-etre-sandor")


def test_frus_has_no_original_url():
    ref = frus_cite.parse_text("761.93/7–1145: Telegram\n\nThe Ambassador in the Soviet Union (Harriman) to the Secretary of State\n\n"
                               "Moscow, July 11, 1945.\n\nText.", volume="frus1945v07")
    assert ref.kind == "frus" and ref.original_url is None and frus_cite.to_json(ref)["original_url"] is None


@pytest.mark.parametrize(
    "source, fields",
    [
        ("RGASPI, f. 558, op. 11, d. 97, ll. 67-70", {"name": "RGASPI", "fond": "558", "opis": "11", "delo": "97", "leaves": "67-70"}),
        ("Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20",
         {"fond": "059a", "opis": "5a", "delo": "3", "papka": "11", "leaves": "10-20"}),
        ("PRC FMA 111-00016-16, 66-67", {"name": "PRC FMA", "reference": "111-00016-16", "leaves": "66-67"}),
        ("Vostochnaia Evropa, edited by G.P. Murashko, et al, vol. 2, pp. 504-09 (APRF, f. 45, op. 1, d. 249, l. 90-97)",
         {"name": "APRF", "fond": "45", "leaves": "90-97", "published_in": "Vostochnaia Evropa, edited by G.P. Murashko, et al, vol. 2, pp. 504-09"}),
        ("Container # 172, W. Averell Harriman Papers, Manuscript Division, Library of Congress, Washington, D.C",
         {"box": "172", "collection": "W. Averell Harriman Papers", "repository": "Library of Congress"}),
    ],
)
def test_archival_sources(source, fields):
    location = parse_archival_source(source)
    for name, value in fields.items():
        assert getattr(location, name) == value, name


def test_copy_chains_and_several_archives():
    location = parse_archival_source("APRF, f. 52, op. 1, d. 498, ll. 151-6, copy in Volkogonov Collection, LC, Reel 17")
    assert location.delo == "498" and location.copies[0].collection == "Volkogonov Collection"
    location = parse_archival_source("APRF, f. 45, op. 1, d. 342, l. 78; AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 80; and RGASPI, f. 558, op. 11, d. 342, ll. 0078")
    assert [c.name for c in location.copies] == ["AVPRF", "RGASPI"]
    location = parse_archival_source("APRF, Fond 45, Opis 1, Delo 336, List 122 and AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 13")
    assert (location.delo, location.papka, location.copies[0].papka) == ("336", None, "11")


def test_credit_roles():
    _, credits = split_credits("BArch, B 136/59748, 403-410. Contributed, transcribed, and translated by Stephan Kieninger.")
    assert [c.role for c in parse_credits(credits)] == ["contributed", "transcribed", "translated"]
    _, credits = split_credits("Obtained by Béla Révész; translated and edited by Barnabás Vajd, Laura Deal, and Karl P. Benziger.")
    people = parse_credits(credits)
    assert ("obtained", "Béla Révész") in [(c.role, c.name) for c in people]
    assert [c.name for c in people if c.role == "edited"] == ["Barnabás Vajd", "Laura Deal", "Karl P. Benziger"]


def test_corpus_records(corpus):
    records = [json.loads(line) for line in (corpus / "wilson" / "records.jsonl").read_text().splitlines() if line.strip()]
    assert len(records) == 23
    for record in records:
        ref = frus_cite.parse_text(record["citation"])
        assert ref.kind == "wilson"
        if "quality" not in record:  # lossy mirror copies changed the title text
            assert ref.title == record["title"]
            assert ref.date == frus_cite.parsing.wilson.iso_date(record["date"])
        if "http" in record["citation"]:
            assert ref.original_url == record["url"]
            if ref.record_id:
                assert ref.url == f"https://digitalarchive.wilsoncenter.org/document/{ref.record_id}"
            else:
                assert ref.url == record["url"]
        assert ref.archive is None or ref.archive.text in record["citation"] or ref.archive.text.rstrip(".") in record["citation"]
        # Every "… by NAME" credit is read.
        for name in ("Yafeng Xia", "Balazs Szalontai", "Gary Goldberg", "Zhang Qian", "David Wolff"):
            if f"by {name}" in record["citation"]:
                assert name in [c.name for c in ref.contributors], (name, record["citation"])


def test_corpus_source_fields(corpus):
    rows = [json.loads(line) for line in (corpus / "wilson" / "source-fields.jsonl").read_text().splitlines() if line.strip()]
    assert len(rows) == 33
    russian = 0
    for row in rows:
        archival, credits = split_credits(row["source_field"])
        location = parse_archival_source(archival)
        if " f. " in archival or "Fond" in archival or "fond" in archival:
            assert location.fond or any(c.fond for c in location.copies), archival
            russian += 1
        for person in parse_credits(credits):
            assert person.name in row["source_field"]
    assert russian >= 10
