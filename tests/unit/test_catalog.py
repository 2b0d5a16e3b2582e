"""The catalog of every FRUS volume: what it holds, how it is built, and the notes and
bibliography entries it gives for each era."""

from __future__ import annotations

import importlib.util
import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from frus_cite.catalog import Catalog, default_catalog
from frus_cite.cli import main
from frus_cite.errors import CatalogError, UnknownVolumeError, UnpublishedVolumeError
from frus_cite.formatting.bibliography import render_entries, volume_item
from frus_cite.formatting.csl_json import volume_variables
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

from ..conftest import CORPUS

ROOT = Path(__file__).resolve().parents[2]
GPO = "Washington, DC: Government Printing Office"


def _builder():
    spec = importlib.util.spec_from_file_location("build_volume_catalog", ROOT / "tools/build_volume_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- what the shipped catalog holds -------------------------------------------------------------


def test_every_volume_is_in_the_catalog_and_only_published_ones_can_be_cited():
    catalog = default_catalog()
    volumes = list(catalog.volumes())
    assert len(volumes) == 546
    assert sum(v.is_published for v in volumes) == 529
    assert {v.status for v in volumes if not v.is_published} == {"in-production", "under-declassification", "being-researched-or-prepared"}
    assert catalog.get("frus1969-76v17").published == "2006"
    with pytest.raises(UnpublishedVolumeError, match=r"'frus1977-80v04' .* is not published: .* lists it as in production"):
        catalog.get("frus1977-80v04")
    assert catalog.record("frus1977-80v04").published is None  # known, listed, not citable
    with pytest.raises(UnknownVolumeError, match=r"did you mean frus1969-76v17.*frus-cite volumes"):
        catalog.get("frus1969-76v107")


def test_one_series_title_per_year_and_the_diplomatic_papers_after_a_colon():
    catalog = default_catalog()
    series_1945 = {catalog.get(v).series for v in ("frus1945Berlinv01", "frus1945v02", "frus1945v07", "frus1945v01")}
    assert series_1945 == {"Foreign Relations of the United States: Diplomatic Papers"}
    by_subseries: dict[str, set[str]] = {}
    for volume in catalog.volumes():
        by_subseries.setdefault(volume.subseries or "", set()).add(volume.series)
    assert by_subseries["1934"] == {"Foreign Relations of the United States: Diplomatic Papers"}
    assert by_subseries["1942"] == {"Foreign Relations of the United States: Diplomatic Papers"}  # v02–v06 lacked it
    assert by_subseries["1969–1976"] == {"Foreign Relations of the United States"}
    assert by_subseries["1866"] == {"Papers Relating to Foreign Affairs"}  # "Papers relating to …" in two records
    assert not any("," in v.series or v.series.endswith(":") for v in catalog.volumes())


def test_primary_editors_only_and_names_tidied():
    catalog = default_catalog()
    assert catalog.get("frus1969-76v17").editors == ("Steven E. Phillips",)  # general editor Keefer left out
    assert catalog.get("frus1969-76v38p1").editors == ("Kristin L. Ahlberg", "Alexander R. Wieland")  # trailing space
    assert catalog.get("frus1958-60v05").editors[:2] == ("N. Stephen Kane", "Paul Claussen")  # "Kane, N. Stephen"
    assert catalog.get("frus1955-57v08").editors[0] == "Robert J. McMahon"  # "Robert J . McMahon"
    assert catalog.get("frus1945-50Intel").editors[0] == "C. Thomas Thorne, Jr."
    assert "E. R. Perkins" in catalog.get("frus1942v06").editors  # "E.R. Perkins"
    assert catalog.get("frus1894").editors == ()  # role="" and no name
    assert catalog.get("frus1948v01p1").editors == ("Ralph R. Goodwin",)  # division chiefs left out
    assert all(e.isascii() or not any("\u0400" <= c <= "\u04ff" for c in e) for v in catalog.volumes() for e in v.editors)


@pytest.mark.parametrize(
    "vid, prints",
    [
        ("frus1955-57v01", True), ("frus1969-76v17", True), ("frus1981-88v41", True),
        ("frus1945Berlinv01", True), ("frus1945Berlinv02", True),  # the Potsdam volumes print "No. N"
        ("frus1945-50Intel", True), ("frus1952-54Guat", True),  # retrospective volumes, compiled after 1985
        ("frus1952-54v14p2", False), ("frus1945v07", False), ("frus1944Quebec", False), ("frus1894", False),
    ],
)
def test_printed_document_numbers_follow_the_offices_rule(vid, prints):
    assert default_catalog().record(vid).prints_document_numbers is prints


@pytest.mark.parametrize(
    "vid, part, volume, volume_title",
    [
        ("frus1894", None, None, None),  # annual: no volume number, no volume title
        ("frus1882", None, None, None),  # the record's "Transmitted to Congress …" is no volume title
        ("frus1863p1", "pt. 1", None, None),
        ("frus1872p2v1", "pt. 2", "1", "Papers Relating to the Treaty of Washington"),
        ("frus1894app2", "app. 2", None, "Affairs in Hawaii"),
        ("frus1952-54v14p2", None, "14, pt. 2", "China and Japan"),
        ("frus1969-76ve05p1", None, "E–5, pt. 1", "Documents on Sub-Saharan Africa, 1969–1972"),
        ("frus1977-80v23", None, "23", "Mexico, Cuba, and the Caribbean"),  # record prints "XXIII" alone
    ],
)
def test_volume_designations(vid, part, volume, volume_title):
    record = default_catalog().record(vid)
    assert (record.part, record.volume_arabic, record.volume_title) == (part, volume, volume_title)


def test_documents_ranges_are_kept_and_a_user_volume_needs_no_volume_title():
    catalog = default_catalog()
    assert catalog.get("frus1945Berlinv02").documents == (710, 1433)
    assert catalog.get("frus1945v07").holds(1155) and not catalog.get("frus1945v07").holds(1156)
    annual = catalog.extended({"frus1899x": {"title": "Papers, 1899", "series": "Papers Relating to the Foreign Relations of the United States", "subseries": "1899", "published": "1901"}})
    assert annual.get("frus1899x").volume_title is None
    with pytest.raises(CatalogError, match="status 'printed' is not one of published"):
        catalog.extended({"frus1899y": {"title": "T", "series": "S", "status": "printed"}})


def test_the_catalog_is_read_once_and_its_volumes_made_on_demand():
    default_catalog.cache_clear()
    first = default_catalog()
    assert default_catalog() is first
    first.get("frus1945v07")
    made = sum(1 for entry in first._volumes.values() if not isinstance(entry, dict))
    assert made == 1  # looking one volume up does not build the other 545


# --- the builder --------------------------------------------------------------------------------


def _record(body: str, vid: str) -> str:
    """A bibliography record in the Office's shape with these child elements."""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<volume id="{vid}">{textwrap.dedent(body)}</volume>\n'


def test_builder_tidies_a_messy_record(tmp_path):
    builder = _builder()
    (tmp_path / "bibliography").mkdir()
    path = tmp_path / "bibliography" / "frus1945v99.xml"
    path.write_text(_record("""
        <title type="complete">Foreign Relations of the United States Diplomatic Papers, 1945, Europe, Volume XCIX</title>
        <title type="sub-series" n="1945">Foreign Relations of the United States Diplomatic Papers, 1945</title>
        <title type="volume">Europe</title>
        <title type="volumenumber">Volume XCIX</title>
        <editor role="primary">Kristin L. Ahlberg </editor>
        <editor role="primary">Park Chung Нее</editor>
        <editor role="primary">Velma&#160;H. Cassidy</editor>
        <editor role="general">S. Everett Gleason</editor>
        <editor role="chief-foreign-relations-division">E. Ralph Perkins</editor>
        <editor role=""/>
        <publication-status>published</publication-status>
        <published-year>1969</published-year>
        <grouping>regular</grouping>
        <coverage>1945</coverage>
    """, "frus1945v99"), encoding="utf-8")
    vid, record = builder.volume_record(tmp_path, path, 1985)
    assert vid == "frus1945v99"
    assert record["series"] == "Foreign Relations of the United States: Diplomatic Papers"
    assert record["subseries"] == "1945" and record["volume_number"] == "Volume XCIX" and record["volume_title"] == "Europe"
    assert record["editors"] == ["Kristin L. Ahlberg", "Park Chung Hee", "Velma H. Cassidy"]
    assert "prints_document_numbers" not in record and "status" not in record


def test_builder_flags_unpublished_and_leaves_out_transmittal_lines(tmp_path):
    builder = _builder()
    (tmp_path / "bibliography").mkdir()
    path = tmp_path / "bibliography" / "frus1881.xml"
    path.write_text(_record("""
        <title type="complete">Papers Relating to the Foreign Relations of the United States, 1881</title>
        <title type="series">Papers Relating to the Foreign Relations of the United States</title>
        <title type="sub-series" n="1881">1881</title>
        <title type="volume">Transmitted to Congress, With the Annual Message of the President, December 5, 1881</title>
        <title type="volume-number"/>
        <publication-status>under-declassification</publication-status>
        <published-year/>
    """, "frus1881"), encoding="utf-8")
    _, record = builder.volume_record(tmp_path, path, 1985)
    assert record["status"] == "under-declassification" and "published" not in record
    assert "volume_title" not in record and record["subseries"] == "1881"


def test_shipped_catalog_is_what_the_builder_makes_of_the_records(corpus, tmp_path, monkeypatch):
    builder = _builder()
    monkeypatch.setattr(builder, "OUT", tmp_path / "volumes.json")
    builder.main(str(corpus / "frus"))
    built = json.loads((tmp_path / "volumes.json").read_text(encoding="utf-8"))
    shipped = json.loads((ROOT / "src/frus_cite/data/volumes.json").read_text(encoding="utf-8"))
    assert built == shipped
    records = sorted((corpus / "frus" / "bibliography").glob("*.xml"))
    assert sorted(built["volumes"]) == sorted(ET.parse(p).getroot().get("id") for p in records)


# --- notes and bibliography entries for every era -----------------------------------------------

ERAS = {
    "frus1861": (
        "in Message of the President of the United States to the Two Houses of Congress at the Commencement of the "
        f"Second Session of the Thirty-seventh Congress ({GPO}, 1861), 45",
        "U.S. Department of State. Message of the President of the United States to the Two Houses of Congress at the "
        f"Commencement of the Second Session of the Thirty-seventh Congress. {GPO}, 1861."),
    "frus1894": (
        f"in Papers Relating to the Foreign Relations of the United States, 1894 ({GPO}, 1895), 45",
        f"U.S. Department of State. Papers Relating to the Foreign Relations of the United States, 1894. {GPO}, 1895."),
    "frus1895p1": (
        f"in Papers Relating to the Foreign Relations of the United States, 1895, pt. 1 ({GPO}, 1896), 45",
        f"U.S. Department of State. Papers Relating to the Foreign Relations of the United States, 1895. Pt. 1. {GPO}, 1896."),
    "frus1872p2v1": (
        "in Papers Relating to the Foreign Relations of the United States, 1872, pt. 2, vol. 1, Papers Relating to the "
        f"Treaty of Washington ({GPO}, 1872), 45",
        "U.S. Department of State. Papers Relating to the Foreign Relations of the United States, 1872. Pt. 2, vol. 1, "
        f"Papers Relating to the Treaty of Washington. {GPO}, 1872."),
    "frus1919Parisv01": (
        "in Papers Relating to the Foreign Relations of the United States, 1919, vol. 1, The Paris Peace Conference, "
        f"1919, ed. Joseph V. Fuller ({GPO}, 1942), 45",
        "U.S. Department of State. Papers Relating to the Foreign Relations of the United States, 1919. Vol. 1, The Paris "
        f"Peace Conference, 1919. Edited by Joseph V. Fuller. {GPO}, 1942."),
    "frus1934v04": (
        "in Foreign Relations of the United States: Diplomatic Papers, 1934, vol. 4, The American Republics, "
        f"ed. Victor J. Farrar and Richard P. McCornack ({GPO}, 1951), 45",
        "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers, 1934. Vol. 4, The "
        f"American Republics. Edited by Victor J. Farrar and Richard P. McCornack. {GPO}, 1951."),
    "frus1945v07": (
        "in Foreign Relations of the United States: Diplomatic Papers, 1945, vol. 7, The Far East, China, "
        f"ed. Ralph R. Goodwin et al. ({GPO}, 1969), 45",
        "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers, 1945. Vol. 7, The Far "
        "East, China. Edited by Ralph R. Goodwin, Herbert A. Fine, Velma H. Cassidy, and Francis C. Prescott. "
        f"{GPO}, 1969."),
    "frus1945Berlinv02": (
        "in Foreign Relations of the United States: Diplomatic Papers, vol. 2, The Conference of Berlin (The Potsdam "
        f"Conference), 1945, ed. Richardson Dougall ({GPO}, 1960), doc. 1120",
        "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers. Vol. 2, The Conference of "
        f"Berlin (The Potsdam Conference), 1945. Edited by Richardson Dougall. {GPO}, 1960."),
    "frus1952-54v14p2": (
        "in Foreign Relations of the United States, 1952–1954, vol. 14, pt. 2, China and Japan, ed. David W. Mabon "
        f"and Harriet D. Schwar ({GPO}, 1985), 45",
        "U.S. Department of State. Foreign Relations of the United States, 1952–1954. Vol. 14, pt. 2, China and Japan. "
        f"Edited by David W. Mabon and Harriet D. Schwar. {GPO}, 1985."),
    "frus1969-76v17": (
        "in Foreign Relations of the United States, 1969–1976, vol. 17, China, 1969–1972, ed. Steven E. Phillips "
        f"({GPO}, 2006), doc. 1120",
        "U.S. Department of State. Foreign Relations of the United States, 1969–1976. Vol. 17, China, 1969–1972. "
        f"Edited by Steven E. Phillips. {GPO}, 2006."),
    "frus1981-88v41": (
        "in Foreign Relations of the United States, 1981–1988, vol. 41, Global Issues II, ed. Alexander O. Poster "
        "(Washington, DC: Government Publishing Office, 2017), doc. 1120",
        "U.S. Department of State. Foreign Relations of the United States, 1981–1988. Vol. 41, Global Issues II. "
        "Edited by Alexander O. Poster. Washington, DC: Government Publishing Office, 2017."),
}


def _document_in(vid: str) -> dict:
    """A letter in volume *vid*, as to_csl_json makes it (page 45; number 1120 where printed)."""
    volume = default_catalog().get(vid)
    item = {"id": "doc", "type": "document", "title": "Letter", "author": [{"family": "Denby"}],
            "recipient": [{"family": "Gresham"}], "original-date": {"date-parts": [[1894, 9, 25]]},
            "page": "45", **volume_variables(volume), "URL": volume.document_url(1120 if volume.prints_document_numbers else None)}
    if volume.prints_document_numbers:
        item["number"] = "1120"
    return item


@pytest.mark.parametrize("vid", sorted(ERAS))
def test_full_note_and_bibliography_entry_of_each_era(vid):
    in_volume, entry = ERAS[vid]
    item = _document_in(vid)
    note = NoteEngine([item]).cite(Cluster((Cite("doc"),), 1))
    assert note == f"Denby to Gresham, September 25, 1894, {in_volume}, {item['URL']}."
    url = default_catalog().get(vid).document_url()
    assert render_entries([volume_item(vid)]) == [f"{entry} {url}."]


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_era_notes_and_entries_agree_with_citeproc_js(fmt):
    from .test_conformance import _node_ready, run_citeproc_js

    reason = _node_ready()
    if reason:
        pytest.skip(reason)
    items = [dict(_document_in(vid), id=f"doc-{vid}") for vid in ERAS] + [volume_item(vid) for vid in ERAS]
    clusters = [{"citationItems": [{"id": f"doc-{vid}"}], "properties": {"noteIndex": i + 1}} for i, vid in enumerate(ERAS)]
    expected = run_citeproc_js(items, clusters, fmt)
    engine = NoteEngine(items, ibid=True)
    assert engine.cite_clusters(clusters, fmt=fmt) == expected["notes"]
    assert engine.bibliography(fmt=fmt, ids=[item["id"] for item in items]) == expected["bibliography"]


# --- the command line ---------------------------------------------------------------------------


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_volumes_searches_ids_and_titles_with_every_word(capsys):
    code, out, _ = _run(capsys, "volumes", "china", "1969")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["frus1969-76v17", "frus1969-76v18", "frus1969-76ve13"]
    assert "frus1969-76v17\tForeign Relations of the United States, 1969–1976, Volume XVII, China, 1969–1972 (2006)" in out
    code, out, _ = _run(capsys, "volumes", "CHINA", "1969", "--format", "json")
    first = json.loads(out)[0]
    assert first["editors"] == ["Steven E. Phillips"] and first["prints_document_numbers"] is True
    assert first["url"] == "https://history.state.gov/historicaldocuments/frus1969-76v17"
    code, out, err = _run(capsys, "volumes", "1977-80", "national", "security")
    assert "frus1977-80v04\tForeign Relations of the United States, 1977–1980, Volume IV, National Security Policy (in production)" in out
    code, out, err = _run(capsys, "volumes", "zanzibar")
    assert code == 1 and out == "" and "no FRUS volume matches 'zanzibar'" in err


def test_volumes_lists_all_and_a_volume_needs_no_hand_written_metadata(capsys, tmp_path):
    code, out, _ = _run(capsys, "volumes")
    assert code == 0 and len(out.splitlines()) == 546
    memo = tmp_path / "memo.txt"
    memo.write_text("Telegram From the Department of State to the Embassy in the Republic of China\n\n"
                    "Washington, February 5, 1969.\n\nThe text.\n", encoding="utf-8")
    code, out, err = _run(capsys, "parse", str(memo), "--volume", "frus1969-76v17", "--format", "csl-json")
    assert code == 0, err
    item = json.loads(out)[0]
    # The CLI's CSL-JSON is the Zotero export: a book section whose book is the volume and whose
    # series is the subseries (the rendering item has them the other way round; see test_zotero.py).
    assert item["collection-title"] == "Foreign Relations of the United States, 1969–1976"
    assert (item["volume"], item["container-title"], item["issued"]) == ("17", "China, 1969–1972", {"date-parts": [[2006]]})
    code, out, err = _run(capsys, "parse", str(memo), "--volume", "frus1977-80v04")
    assert code == 1 and "'frus1977-80v04'" in err and "is not published" in err and "Traceback" not in err


def test_user_catalog_from_json_file(tmp_path):
    extra = tmp_path / "volumes.json"
    extra.write_text(json.dumps({"volumes": {"frus2001x": {"title": "T", "series": "Foreign Relations of the United States", "subseries": "2001"}}}), encoding="utf-8")
    catalog = Catalog.from_json((ROOT / "src/frus_cite/data/volumes.json").read_text(encoding="utf-8")).extended(str(extra))
    assert catalog.get("frus2001x").container_title == "Foreign Relations of the United States, 2001"
    assert len(catalog) == 547
    bad = tmp_path / "bad.json"
    bad.write_text('{"volumes": {"frus2001y": {"title": "T"}}}', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^volume catalog .*bad.json: volume 'frus2001y': field 'series' is required$"):
        catalog.extended(str(bad))
    extra = catalog.extended({vid: {"title": "T", "series": "S"} for vid in ("frus2001v17", "frus2001v2")})
    assert [v.id for v in extra.volumes()][-3:] == ["frus2001v2", "frus2001v17", "frus2001x"]


# --- from copied text to a note, with nothing but the volume id ---------------------------------

MEMO_1969 = """12. Memorandum From the President’s Assistant for National Security Affairs (Kissinger) to President Nixon1

Washington, February 5, 1969.

Some text of the memorandum.

  1. Source: National Archives, Nixon Presidential Materials, NSC Files, Box 839, Name Files, China. Secret; Sensitive.
"""
DESPATCH_1894 = """No. 120.
Mr. Denby to Mr. Gresham.

Legation of the United States,
Peking, September 25, 1894.

Sir: I have the honor to report the war news.

[Page 46]

More news follows here.
"""


@pytest.mark.parametrize(
    "text, vid, locator, tail",
    [
        (MEMO_1969, "frus1969-76v17", None,
         "in Foreign Relations of the United States, 1969–1976, vol. 17, China, 1969–1972, ed. Steven E. Phillips "
         "(Washington, DC: Government Printing Office, 2006), doc. 12, "
         "https://history.state.gov/historicaldocuments/frus1969-76v17/d12."),
        (DESPATCH_1894, "frus1894", "46",
         "in Papers Relating to the Foreign Relations of the United States, 1894 (Washington, DC: Government "
         "Printing Office, 1895), 46, "),
    ],
    ids=["1969-memorandum", "1894-despatch"],
)
def test_copied_document_is_cited_in_its_volume_from_the_id_alone(text, vid, locator, tail):
    import frus_cite
    from frus_cite.formatting.notes import cite_reference

    note = cite_reference(frus_cite.parse_text(text, volume=vid), locator=locator)
    assert tail in note, note
