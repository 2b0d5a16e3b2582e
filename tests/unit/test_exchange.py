"""CSL-JSON validity, BibTeX round trip through pybtex, and reading a user's .bib."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string

import frus_cite
from frus_cite.formatting.bibtex import BibError, read_bib, to_bibtex
from frus_cite.formatting.csl_json import to_csl_json
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

from ..conftest import seed

# The CSL-JSON schema's item properties (CSL 1.0.2 csl-data.json), for validation
# without network access: every key we emit must be one of these, with the right shape.
CSL_VARIABLES = set(
    "id type categories language journalAbbreviation shortTitle author chair collection-editor compiler composer "
    "container-author contributor curator director editor editorial-director executive-producer guest host interviewer "
    "illustrator narrator organizer original-author performer producer recipient reviewed-author script-writer "
    "series-creator translator accessed available-date event-date issued original-date submitted abstract annote "
    "archive archive_collection archive_location archive-place authority call-number chapter-number "
    "citation-number citation-label collection-number collection-title container-title container-title-short "
    "dimensions division DOI edition event event-title event-place first-reference-note-number genre ISBN ISSN "
    "issue jurisdiction keyword locator medium note number number-of-pages number-of-volumes original-publisher "
    "original-publisher-place original-title page page-first part part-title PMCID PMID printing publisher "
    "publisher-place references reviewed-genre reviewed-title scale section source status supplement title "
    "title-short URL version volume volume-title volume-title-short year-suffix custom".split()
)


CSL_TYPES = set(
    "article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection dataset "
    "document entry entry-dictionary entry-encyclopedia figure graphic hearing interview legal_case legislation manuscript "
    "map motion_picture musical_score pamphlet paper-conference patent performance periodical personal_communication post "
    "post-weblog regulation report review review-book software song speech standard thesis treaty webpage".split()
)


def _check_csl(item):
    """The rules of the CSL-JSON schema (csl-data.json): required id and type, known type,
    known variables only, name and date shapes."""
    assert isinstance(item["id"], (str, int)) and item["type"] in CSL_TYPES
    assert set(item) <= CSL_VARIABLES, set(item) - CSL_VARIABLES
    for role in ("author", "editor", "recipient", "translator"):
        for name in item.get(role, []):
            assert set(name) <= {"family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle"}
    for date in ("issued", "original-date"):
        if date in item:
            parts = item[date]["date-parts"]
            assert isinstance(parts, list) and all(isinstance(p, int) for p in parts[0])


def test_volume_and_collection_items_are_valid_csl():
    from frus_cite.formatting.bibliography import collection_item, volume_item

    _check_csl(volume_item("frus1945v07"))
    _check_csl(collection_item(frus_cite.parse_file(seed(4))))


@pytest.mark.parametrize("number, volume", [(0, "frus1945v07"), (1, "frus1945Berlinv01"), (2, "frus1945v07"), (3, None), (4, None)])
def test_csl_json_items_are_valid_and_keep_both_dates(number, volume):
    item = to_csl_json(frus_cite.parse_file(seed(number), volume=volume))
    _check_csl(item)
    json.dumps(item)
    if number == 0:
        assert item["original-date"] == {"date-parts": [[1945, 7, 11]]}  # the telegram's date
        assert item["issued"] == {"date-parts": [[1969]]}  # the volume's publication year
        assert item["container-title"] == "Foreign Relations of the United States: Diplomatic Papers, 1945"
        assert item["volume"] == "7" and item["publisher"] == "Government Printing Office"
        assert item["page"] == "926-928"
    if number == 4:
        assert (item["archive"], item["archive_collection"], item["archive_location"], item["archive-place"], item["source"]) == (
            "Hoover Institution Archives", "Victor Hoo Collection", "box 6, folder 9", "Stanford, CA", "Wilson Center Digital Archive")


def test_bibtex_round_trip_keeps_fields():
    refs = [frus_cite.parse_file(seed(0), volume="frus1945v07"), frus_cite.parse_file(seed(4))]
    text = to_bibtex(refs)
    data = parse_string(text, "bibtex")
    frus = data.entries["000_c88cd66dba214b07"]
    assert frus.type == "incollection"
    assert (frus.fields["origdate"], frus.fields["date"], frus.fields["addendum"], frus.fields["pages"]) == (
        "1945-07-11", "1969", "761.93/7–1145", "926--928")
    assert [str(p) for p in frus.persons["editor"]][:1] == ["Goodwin, Ralph R."]
    wilson = data.entries["wilson-134351"]
    assert wilson.type == "unpublished"
    assert (wilson.fields["archive"], wilson.fields["archivecollection"], wilson.fields["archivelocation"]) == (
        "Hoover Institution Archives", "Victor Hoo Collection", "box 6, folder 9")
    # Export → parse → export → parse gives the same fields and names.
    again = parse_string(data.to_string("bibtex"), "bibtex")
    for key, entry in data.entries.items():
        assert dict(again.entries[key].fields) == dict(entry.fields)
        assert {r: [str(p) for p in ps] for r, ps in again.entries[key].persons.items()} == {
            r: [str(p) for p in ps] for r, ps in entry.persons.items()}


def test_user_bib_books_cited_beside_frus(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{feis1953,\n  author = {Feis, Herbert},\n  title = {The China Tangle},\n  publisher = {Princeton University Press},\n"
        "  address = {Princeton, NJ},\n  year = {1953}\n}\n"
        "@article{westad1997,\n  author = {Westad, Odd Arne},\n  title = {Losses, Chances, and Myths},\n  journal = {Diplomatic History},\n"
        "  volume = {21},\n  number = {1},\n  pages = {105--115},\n  year = {1997}\n}\n",
        encoding="utf-8",
    )
    items = list(read_bib(str(bib)).values())
    items.append(to_csl_json(frus_cite.parse_file(seed(0), volume="frus1945v07"), key="harriman"))
    engine = NoteEngine(items)
    assert engine.cite(Cluster((Cite("feis1953", "12"),), 1)) == "Herbert Feis, The China Tangle (Princeton, NJ: Princeton University Press, 1953), 12."
    assert engine.cite(Cluster((Cite("harriman", "927"),), 2)).startswith("W. Averell Harriman to Harry S. Truman")
    assert engine.cite(Cluster((Cite("westad1997", "107"),), 3)) == "Odd Arne Westad, “Losses, Chances, and Myths,” Diplomatic History 21, no. 1 (1997): 107."


def test_broken_bib_is_a_located_error(tmp_path):
    bib = tmp_path / "broken.bib"
    bib.write_text("@book{x,\n  title = {Unclosed\n", encoding="utf-8")
    with pytest.raises(BibError, match=str(bib)):
        read_bib(str(bib))


def test_user_volume_from_the_docs_example(tmp_path):
    """The catalog addition shown in docs/howto/cite-frus.rst works, from Python and the command line."""
    import json as json_module

    from frus_cite.catalog import default_catalog

    volume = {
        "title": "Foreign Relations of the United States, 1969–1976, Volume XXI, Chile, 1969–1973",
        "series": "Foreign Relations of the United States",
        "subseries": "1969–1976",
        "volume_number": "Volume XXI",
        "volume_title": "Chile, 1969–1973",
        "editors": ["James McElveen", "James Siekmeier"],
        "published": "2014",
        "prints_document_numbers": True,
    }
    catalog = default_catalog().extended({"frus1969-76v21": volume})
    source = tmp_path / "kissinger.txt"
    source.write_text("No. 190\nMemorandum From the President’s Assistant for National Security Affairs (Kissinger) to President Nixon\n\n"
                      "Washington, December 18, 1970.\n\nThe text of the memorandum.\n", encoding="utf-8")
    ref = frus_cite.parse_file(source, volume="frus1969-76v21", catalog=catalog)
    item = to_csl_json(ref, catalog=catalog)
    assert (item["volume"], item["number"], item["URL"]) == ("21", "190", "https://history.state.gov/historicaldocuments/frus1969-76v21/d190")
    note = NoteEngine([item]).cite(Cluster((Cite(item["id"]),), 1))
    # Kissinger by the persons list of frus1969-76v21, Nixon by the presidents' terms.
    assert note.startswith("Henry A. Kissinger to Richard M. Nixon, memorandum, Washington, December 18, 1970, in Foreign Relations of the United States, 1969–1976, vol. 21, Chile, 1969–1973, ed. James McElveen and James Siekmeier (Washington, DC: Government Printing Office, 2014), doc. 190")
    catalog_file = tmp_path / "volumes.json"
    catalog_file.write_text(json_module.dumps({"volumes": {"frus1969-76v21": volume}}))
    from frus_cite.cli import main

    assert main(["parse", str(source), "--volume", "frus1969-76v21", "--catalog", str(catalog_file), "--format", "csl-json"]) == 0


def test_bib_latex_markup_and_accents_become_csl_rich_text(tmp_path):
    """Zotero and JabRef exports carry \\emph{}, {\\em }, accents and escaped symbols: notes show
    the words (italic where the .bib asks for it), never the TeX."""
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{review,\n  author = {M{\\\"u}ller, J{\\'e}r{\\^o}me},\n"
        "  title = {Review of \\emph{The China Tangle}: {NATO}, {\\em Pravda} \\& the {S}oviet Press, 1945--1950},\n"
        "  journal = {The \\textit{Pacific} Historical Review},\n  volume = {22},\n  pages = {401--403},\n  year = {1953}\n}\n"
        "@book{garver,\n  author = {Garver, John W.},\n  title = {Reading \\emph{Izvestiia} in Chongqing},\n"
        "  publisher = {Oxford University Press},\n  address = {New York},\n  year = {1988}\n}\n",
        encoding="utf-8",
    )
    items = read_bib(str(bib))
    assert items["review"]["title"] == "Review of <i>The China Tangle</i>: NATO, <i>Pravda</i> & the Soviet Press, 1945–1950"
    assert items["review"]["author"] == [{"family": "Müller", "given": "Jérôme"}]
    engine = NoteEngine(list(items.values()))
    assert engine.cite(Cluster((Cite("review", "402"),), 1)) == (
        "Jérôme Müller, “Review of The China Tangle: NATO, Pravda & the Soviet Press, 1945–1950,” "
        "The Pacific Historical Review 22 (1953): 402.")
    html = NoteEngine(list(items.values())).cite(Cluster((Cite("review", "402"),), 1), fmt="html")
    assert "“Review of <i>The China Tangle</i>: NATO, <i>Pravda</i> &#38; the Soviet Press, 1945–1950,”" in html
    assert "<i>The <span style=\"font-style:normal;\">Pacific</span> Historical Review</i>" in html  # roman inside italic
    book = NoteEngine(list(items.values())).cite(Cluster((Cite("garver"),), 1), fmt="html")
    assert book.startswith("John W. Garver, <i>Reading <span style=\"font-style:normal;\">Izvestiia</span> in Chongqing</i>")


@pytest.mark.parametrize("latex, rich", [
    ("\\LaTeX\\ and \\TeX{} macros", "LaTeX and TeX macros"),
    ("{\\bf bold} \\textsc{Tass} x\\textsuperscript{2}", "<b>bold</b> <span style=\"font-variant:small-caps;\">Tass</span> x<sup>2</sup>"),
    ("un}balanced{ braces", "unbalanced braces"),
    ("50\\% of \\$5", "50% of $5"),
    ("{" * 3000 + "deep" + "}" * 3000, "deep"),  # nesting beyond Python's recursion limit
])
def test_latex_to_rich_text(latex, rich):
    from frus_cite.formatting.bibtex import latex_to_rich

    assert latex_to_rich(latex) == rich


def test_bibtex_export_escapes_latex_specials_and_reads_back_the_same(tmp_path):
    """A title with & or % must not break a LaTeX build of the exported .bib, and must come back unchanged."""
    import dataclasses

    ref = frus_cite.parse_file(seed(4))
    title = 'Mao & Khrushchev: 50% of $5, #1, x_1, {a, ~ ^ back\\slash -- "quoted"'
    text = to_bibtex([dataclasses.replace(ref, title=title)])
    assert "Mao \\& Khrushchev: 50\\% of \\$5, \\#1, x\\_1" in text
    bib = tmp_path / "out.bib"
    bib.write_text(text, encoding="utf-8")
    (item,) = read_bib(str(bib)).values()
    assert item["title"] == title
    assert item["URL"] == "https://digitalarchive.wilsoncenter.org/document/134351"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé —–-&%$#_{}~^\\\"'`“”")), max_size=40))
def test_latex_escape_round_trip(text):
    from frus_cite.formatting.bibtex import latex_escape, latex_to_rich

    assert latex_to_rich(latex_escape(text)) == " ".join(text.split())


def test_bad_bib_files_are_reported_entry_by_entry(tmp_path):
    """A repeated key or an unreadable field names the entry and keeps the others; a missing
    or non-UTF-8 file is one located error (pybtex's errors never escape)."""
    from frus_cite.formatting.bibtex import load_bib

    bib = tmp_path / "refs.bib"
    bib.write_text("@book{feis, title={The China Tangle}, year={1953}}\n@book{feis, title={Again}}\n"
                   "@book{bad, title={Bad Year}, year={²}}\n@book{tsou, title={America's Failure in China}, year={1963}}\n",
                   encoding="utf-8")
    loaded = load_bib(str(bib))
    assert sorted(loaded.items) == ["feis", "tsou"] and loaded.items["feis"]["title"] == "The China Tangle"
    assert [str(p) for p in loaded.problems] == [
        f"{bib}: repeated bibliography entry: feis",
        f"{bib}:3: entry 'bad': cannot be read (year '²' is not a year or an ISO date); entry skipped"]
    with pytest.raises(BibError, match=r"refs.bib: repeated bibliography entry: feis"):
        read_bib(str(bib))
    with pytest.raises(BibError, match="missing.bib: file not found"):
        read_bib(str(tmp_path / "missing.bib"))
    latin = tmp_path / "latin.bib"
    latin.write_bytes("@book{x,\n  title={Caf\u00e9}}\n".encode("latin-1"))
    with pytest.raises(BibError, match=r"latin.bib:2: not UTF-8 \(byte 0xe9\)"):
        read_bib(str(latin))


def test_url_cannot_inject_latex_through_the_bib(tmp_path):
    """A Wilson citation URL that closes the field and opens @preamble comes back as one URL,
    with the characters BibTeX acts on percent-encoded; the .bib holds no @preamble."""
    import dataclasses

    ref = frus_cite.parse_file(seed(4))
    hostile = 'https://x.org/document/1"}@preamble{"\\input{payload.tex}"}%'
    text = to_bibtex([dataclasses.replace(ref, url=hostile), dataclasses.replace(ref, url="https://x.org/{unbalanced", record_id="2")])
    data = parse_string(text, "bibtex")
    assert not re.search(r"(?im)^\s*@preamble", text) and not data.preamble and len(data.entries) == 2
    assert data.entries["wilson-134351"].fields["url"] == "https://x.org/document/1%22%7D@preamble%7B%22%5Cinput%7Bpayload.tex%7D%22%7D%"
    assert data.entries["wilson-2"].fields["url"] == "https://x.org/%7Bunbalanced"


_HOSTILE = st.lists(st.sampled_from(list('aZé —–-&%$#_{}~^\\"\'`“”@,=()<>!?\n') + [" and "]), min_size=1, max_size=20).map("".join)


@settings(max_examples=80, deadline=None)
@given(title=_HOSTILE, archive=_HOSTILE, collection=_HOSTILE, place=_HOSTILE, summary=_HOSTILE,
       url_tail=st.text(alphabet=st.sampled_from(list("aZ0/?#[]@!$&'()*+,;=%-._~:")), max_size=30))
def test_every_exported_field_reads_back_as_written(tmp_path_factory, title, archive, collection, place, summary, url_tail):
    """Whatever the text of a field, the .bib parses and each field reads back as the same
    text (white space runs as one space); a URL of URL characters comes back unchanged."""
    import dataclasses

    from frus_cite.formatting.bibtex import load_bib

    ref = frus_cite.parse_file(seed(4))
    archive_location = dataclasses.replace(ref.archive, repository=archive, collection=collection, place=place)
    changed = dataclasses.replace(ref, title=title, archive=archive_location, summary=summary, url="https://x.org/" + url_tail)
    bib = tmp_path_factory.mktemp("bib") / "out.bib"
    bib.write_text(to_bibtex([changed]), encoding="utf-8")
    entry = parse_string(bib.read_text(encoding="utf-8"), "bibtex").entries["wilson-134351"]
    from frus_cite.formatting.bibtex import latex_to_text

    def same(text):
        return " ".join(text.split())

    assert latex_to_text(entry.fields["title"]) == same(title)
    assert latex_to_text(entry.fields["archive"]) == same(archive)
    assert latex_to_text(entry.fields["archivecollection"]) == same(collection)
    assert latex_to_text(entry.fields["archiveplace"]) == same(place)
    assert latex_to_text(entry.fields["abstract"]) == same(summary)
    assert entry.fields["url"] == "https://x.org/" + url_tail
    (item,) = load_bib(str(bib)).items.values()
    assert item["URL"] == "https://x.org/" + url_tail


def test_bibtex_places_fields_for_biblatex_and_zotero():
    """biblatex: the volume is the book, the series with its subseries the multi-volume work.
    Zotero's BibTeX import keeps ``location``, ``language`` and ``howpublished``; it would make
    ``note`` a child note, so no entry has one."""
    refs = [frus_cite.parse_file(seed(0), volume="frus1945v07"), frus_cite.parse_file(seed(4))]
    data = parse_string(to_bibtex(refs), "bibtex")
    frus, wilson = data.entries["000_c88cd66dba214b07"], data.entries["wilson-134351"]
    assert frus.fields["booktitle"] == "The Far East, China"
    assert frus.fields["maintitle"] == "Foreign Relations of the United States: Diplomatic Papers, 1945"
    assert (frus.fields["volume"], frus.fields["location"], frus.fields["type"]) == ("7", "Washington, DC", "telegram")
    assert (wilson.fields["howpublished"], wilson.fields["location"], wilson.fields["language"]) == (
        "Wilson Center Digital Archive", "Stanford, CA", "English")
    assert not any(f in e.fields for e in data.entries.values() for f in ("note", "source", "origlanguage"))


def test_bibtex_puts_the_frus_document_number_in_number():
    """Zotero's BibTeX import keeps ``number`` on a Book Section (as its Series Number); ``eid`` it drops."""
    ref = frus_cite.parse_file(seed(1), url="https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578")
    entry = next(iter(parse_string(to_bibtex([ref]), "bibtex").entries.values()))
    assert entry.type == "incollection" and entry.fields["number"] == "578" and "eid" not in entry.fields
