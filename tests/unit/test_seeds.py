"""Golden tests: every field of the five seed documents."""

from __future__ import annotations

import pytest

import frus_cite
from frus_cite.model import Party

from ..conftest import seed


@pytest.fixture(scope="module")
def seeds():
    return {n: frus_cite.parse_file(seed(n)) for n in range(5)}


def test_seed0_harriman_telegram_of_11_july(seeds):
    ref = seeds[0]
    assert ref.kind == "frus"
    assert ref.title == "The Ambassador in the Soviet Union (Harriman) to President Truman and the Secretary of State"
    assert ref.document_type == "telegram"
    assert ref.document_number is None
    assert ref.file.text == "761.93/7–1145" and ref.file.scheme == "decimal"
    decimal = ref.file.decimal
    assert (decimal.class_digit, decimal.country, decimal.second_country) == ("7", "61", "93")
    assert decimal.country_name == "Union of Soviet Socialist Republics"
    assert decimal.second_country_name == "China"
    assert decimal.class_name == "Political Relations of States"
    assert decimal.date == "1945-07-11" and decimal.serial is None
    assert ref.date == "1945-07-11" and ref.file_date == "1945-07-11" and ref.dateline_date is None
    assert ref.authors == (Party("Harriman", "Ambassador in the Soviet Union", "The Ambassador in the Soviet Union (Harriman)"),)
    assert [(p.role, p.name) for p in ref.recipients] == [("President", "Truman"), ("Secretary of State", None)]
    assert ref.classification is None
    assert ref.telegram_number == "102330"
    assert ref.signature == "[Harriman]"
    assert ref.footnotes == ()
    assert ref.text.startswith("102330. Soong showed me this morning")
    assert ref.text.endswith("This conference is taking place this afternoon.")
    assert "[Page" not in ref.text and "[Harriman]" not in ref.text
    # [Page N] marks the start of page N: the text begins on 926 and ends on 928.
    assert (ref.pages.first, ref.pages.last) == ("926", "928")
    made = ref.text.index("Substantial progress was made")
    assert ref.text[made:].startswith("Substantial progress was made. There")  # marker removed cleanly
    assert ref.pages.page_at(made) == "926"
    assert ref.pages.page_at(made + len("Substantial progress was ")) == "927"
    start = ref.text.index("The open questions were left for discussion")
    end = ref.text.index("This conference is taking place") 
    assert ref.pages.pages_for(start, end).locator() == "927–28"


def test_seed1_potsdam_document_578(seeds):
    ref = seeds[1]
    assert ref.document_number == 578
    assert ref.file.text == "761.93/7–1345" and ref.file.decimal.date == "1945-07-13"
    assert ref.date == "1945-07-13"
    assert ref.title == "The Ambassador in the Soviet Union (Harriman) to the President and the Secretary of State"
    assert ref.heading.endswith("Secretary of State 1")
    assert [(p.role, p.name) for p in ref.recipients] == [("President", None), ("Secretary of State", None)]
    assert ref.classification == "top secret"
    assert ref.signature is None
    assert ref.text.startswith("(Personal and top secret for the President and Secretary of State from Harriman.)")
    # Footnote 1 is on the heading; footnote 2's mark is glued to "July 11–12".
    first, second = ref.footnotes
    assert (first.mark, first.in_heading, first.text) == ("1", True, "Sent by the United States Naval Attaché, Moscow, via Navy channels.")
    assert (second.mark, second.text, second.see_documents) == ("2", "See document No. 577.", (577,))
    assert ref.text[second.offset - len("July 11–12") : second.offset] == "July 11–12"
    assert "July 11–12)[.]" in ref.text  # editorial brackets kept
    assert "[be?]" in ref.text
    assert (ref.pages.first, ref.pages.last) == ("863", "864")
    assert ref.pages.page_at(ref.text.index("Soong told me that he did not press")) == "864"
    assert ref.pages.page_at(ref.text.index("As to the management")) == "863"


def test_seed2_post_file_without_date(seeds):
    ref = seeds[2]
    assert ref.file.text == "Moscow Embassy Files—710 Sino-Soviet Relations"
    assert ref.file.scheme == "post"
    assert ref.file.collection == "Moscow Embassy Files"
    assert ref.file.post_file == "710 Sino-Soviet Relations"
    assert ref.file.decimal is None
    assert ref.document_type == "telegram"
    assert ref.date is None  # the text carries no date; none is invented
    assert (ref.pages.first, ref.pages.last) == ("912", "914")
    assert ref.text.startswith("Stalin, in discussing the operation")
    assert ref.text.endswith("even with a 4-power trusteeship.")
    assert ref.signature is None and ref.footnotes == ()


def test_seed3_wilson_markdown_staging_host_normalised(seeds):
    ref = seeds[3]
    assert ref.kind == "wilson"
    assert ref.title == "Cable, Summary of Averell Harriman Meeting with T. V. Soong"
    assert ref.date == "1945-07-11"
    assert ref.url == "https://digitalarchive.wilsoncenter.org/document/123444"
    assert ref.original_url == "https://wilson-center-digital-archive.dvincitest.com/document/123444"
    assert ref.record_id == "123444"
    assert ref.digital_archive == "Wilson Center Digital Archive"
    assert ref.archive.collection == "W. A. Harriman Papers"
    assert ref.archive.repository == "Library of Congress"
    assert ref.archive.text == "W. A. Harriman Papers, Library of Congress"
    assert ref.contributors == ()
    assert ref.summary.startswith("Harriman summarizes the July 11 meeting")
    assert ref.credits == "This document was made possible with support from Chun & Jane Chiu Family Foundation"
    assert ref.original_language == "English"
    assert ref.text.startswith("PARAPHRASE OF NAVY CABLE # JULY 11, 1945. TOP SECRET")
    assert ref.text.endswith("from the insurgents in Sinkiang.")
    assert ref.pages is None


def test_seed4_wilson_record_with_box_and_folder(seeds):
    ref = seeds[4]
    assert ref.title == "Record of a Meeting Between T.V. Soong and Stalin"
    assert ref.date == "1945-07-12"
    assert ref.record_id == "134351" and ref.key == "wilson-134351"
    assert ref.url == "https://digitalarchive.wilsoncenter.org/document/134351"
    archive = ref.archive
    assert (archive.collection, archive.box, archive.folder) == ("Victor Hoo Collection", "6", "9")
    assert archive.repository == "Hoover Institution Archives" and archive.place == "Stanford, CA"
    assert [(c.role, c.name) for c in ref.contributors] == [("contributed", "David Wolff")]
    assert ref.summary == "Stalin and T.V. Soong review outstanding issues affecting Sino-Soviet relations in 1945."
    assert ref.text.startswith("12 July 1945, 12:00 - 12:45 a.m.")
    assert "Miao dow li dow (?) [sic] islands" in ref.text
    assert ref.text.endswith("Soong: I believe.")


def test_volume_and_url_fill_document_url():
    ref = frus_cite.parse_file(seed(1), url="https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578")
    assert ref.volume == "frus1945Berlinv01" and ref.document_number == 578
    ref = frus_cite.parse_file(seed(1), volume="frus1945Berlinv01")
    assert ref.url == "https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578"
    assert ref.key == "frus1945Berlinv01-d578"


def test_records_are_frozen(seeds):
    with pytest.raises(AttributeError):
        seeds[0].title = "x"  # type: ignore[misc]
