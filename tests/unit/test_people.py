"""The name resolver over the shipped people data: each rule, the Bundys, bad input."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frus_cite.model import ListedPerson, Party
from frus_cite.parsing.frus import parse_party
from frus_cite.people import load_persons_data, resolve_party
from frus_cite.people.roles import read_role

ROOT = Path(__file__).resolve().parents[2]


def resolve(printed: str, date: str | None, volume: str | None = None, **options):
    return resolve_party(parse_party(printed), date, volume, **options)


# Rule 1: a role the data records, with or without a surname, names the holder on the date.


@pytest.mark.parametrize(
    "printed, date, full, position",
    [
        ("The Ambassador in the Soviet Union (Harriman)", "1945-07-11", "W. Averell Harriman", "Ambassador Extraordinary and Plenipotentiary, Russia"),
        ("The Ambassador to the USSR (Harriman)", "1945-07-11", "W. Averell Harriman", "Ambassador Extraordinary and Plenipotentiary, Russia"),
        ("The Minister in Bolivia (Des Portes)", "1934-02-27", "Fay A. Des Portes", "Envoy Extraordinary and Minister Plenipotentiary, Bolivia"),
        ("The Ambassador in China (Gauss)", "1943-01-11", "Clarence E. Gauss", "Ambassador Extraordinary and Plenipotentiary, China"),
        ("Secretary of State Rusk", "1965-06-01", "Dean Rusk", "Secretary of State"),
        ("President Truman", "1945-07-11", "Harry S. Truman", "President of the United States"),
        ("President Roosevelt", "1943-01-25", "Franklin D. Roosevelt", "President of the United States"),
        ("President Roosevelt", "1905-01-25", "Theodore Roosevelt", "President of the United States"),
        ("the Under Secretary of State (Richardson)", "1969-03-01", "Elliot L. Richardson", "Under Secretary of State"),
    ],
)
def test_a_surname_with_a_role_is_the_holder_of_that_post_on_the_date(printed, date, full, position):
    name = resolve(printed, date)
    assert (name.name, name.rule, name.position) == (full, "office", position)
    assert name.start <= date and (name.end is None or date <= name.end)


def test_harriman_is_explained_by_his_pocom_appointment():
    name = resolve("The Ambassador in the Soviet Union (Harriman)", "1945-07-11", "frus1945v07")
    assert (name.given, name.family) == ("W. Averell", "Harriman")
    assert name.record == "pocom:harriman-william-averell"
    assert (name.start, name.end) == ("1943-10-23", "1946-01-24")
    assert "POCOM ru-1943-harr-01" in name.reason


@pytest.mark.parametrize(
    "printed, date, full",
    [
        ("the Secretary of State", "1945-07-11", "James F. Byrnes"),  # from July 3, 1945
        ("the Secretary of State", "1945-06-20", "Edward R. Stettinius Jr."),
        ("the Secretary of State", "1943-01-11", "Cordell Hull"),
        ("the President", "1945-07-13", "Harry S. Truman"),
        ("the President", "1945-04-01", "Franklin D. Roosevelt"),
        ("the Assistant Secretary of State for Far Eastern Affairs", "1965-06-10", "William P. Bundy"),
    ],
)
def test_an_office_alone_is_its_holder_on_the_date(printed, date, full):
    name = resolve(printed, date)
    assert (name.name, name.rule) == (full, "office")


def test_between_two_secretaries_the_office_alone_stays_as_printed():
    # Stettinius left on June 27, 1945, Byrnes came on July 3: no Secretary on July 1.
    name = resolve("the Secretary of State", "1945-07-01")
    assert name.name is None and name.rule == "as printed"
    assert "no Secretary of State on 1945-07-01" in name.reason


def test_a_month_date_names_the_holder_only_when_one_held_it_all_month():
    assert resolve("the Secretary of State", "1943-05").name == "Cordell Hull"
    july = resolve("the Secretary of State", "1945-07")  # Stettinius, nobody, then Byrnes
    assert july.name is None


# Rule 2: the volume's persons list; two namesakes told apart by the printed role.


def test_the_two_bundys_of_june_1965():
    adviser = resolve("the President's Special Assistant for National Security Affairs (Bundy)", "1965-06-10", "frus1964-68v02")
    assert (adviser.name, adviser.rule) == ("McGeorge Bundy", "persons list")
    assert "frus1964-68v02" in adviser.reason and adviser.record.startswith("people:")
    assistant = resolve("the Assistant Secretary of State for Far Eastern Affairs (Bundy)", "1965-06-10", "frus1964-68v02")
    assert (assistant.name, assistant.rule, assistant.record) == ("William P. Bundy", "office", "pocom:bundy-william-putnam")


def test_a_role_tells_namesakes_of_a_persons_list_apart():
    # The Potsdam volume lists Winston S. and Mary Churchill, "daughter of the British Prime Minister".
    name = resolve("Prime Minister Churchill", "1945-07-20", "frus1945Berlinv02")
    assert name.name == "Winston S. Churchill" and name.rule == "persons list"


def test_a_surname_alone_in_the_volumes_persons_list():
    name = resolve_party(Party("Kissinger", None, "Kissinger"), "1969-03-01", "frus1969-76v01")
    assert name.name == "Henry A. Kissinger" and "p_KHA1" in name.reason


def test_a_tei_persons_list_comes_first_and_is_cited_by_its_id():
    tei = [ListedPerson("p_SJ1", "Smith, John Q.", "Consul at Geneva"), ListedPerson("p_DJ1", "Doe, Jane")]
    name = resolve("The Consul at Geneva (Smith)", "1934-02-26", "frus1934v04", persons=tei)
    assert (name.name, name.record, name.rule) == ("John Q. Smith", "tei:p_SJ1", "persons list")


def test_two_namesakes_the_role_cannot_tell_apart_stay_as_printed():
    tei = {"p_B1": ListedPerson("p_B1", "Bundy, McGeorge", "adviser"), "p_B2": ListedPerson("p_B2", "Bundy, William P.", "adviser")}
    name = resolve("Mr. Bundy", "1970-01-01", persons=tei)
    assert name.name is None and "names 2 persons Bundy" in name.reason


# Rules 3 and 4: a surname alone, in office on the date, or the one official then living.


@pytest.mark.parametrize(
    "printed, date, full, position",
    [
        ("Mr. Conger", "1901-03-01", "Edwin H. Conger", "Envoy Extraordinary and Minister Plenipotentiary, China"),
        ("Mr. Frelinghuysen", "1882-02-01", "Frederick T. Frelinghuysen", "Secretary of State"),
        ("Acting Secretary of State Dillon", "1959-04-11", "C. Douglas Dillon", None),
    ],
)
def test_a_surname_alone_is_the_one_official_of_that_name_in_office(printed, date, full, position):
    name = resolve(printed, date)
    assert (name.name, name.rule) == (full, "in office")
    if position:
        assert name.position == position


def test_the_full_stop_ending_a_heading_is_not_part_of_the_name():
    # "Mr. Frelinghuysen to Mr. Trescot."
    assert resolve("Mr. Trescot.", "1882-02-04").name == "William H. Trescot"
    assert resolve("Mr. Frelinghuysen.", "1882-02-24").name == "Frederick T. Frelinghuysen"


def test_a_surname_alone_may_be_the_only_official_then_living():
    # Trescot, special envoy to South America in 1882, held no post POCOM lists that year; he
    # is the only Trescot in the data, and had been Assistant Secretary of State in 1860.
    name = resolve("Mr. Trescot", "1882-02-01")
    assert (name.name, name.rule, name.record) == ("William H. Trescot", "only official living", "pocom:trescot-william-henry")
    assert "1822–1898" in name.reason


def test_a_printed_role_must_be_a_post_the_only_namesake_held():
    # Kennan, chargé in Moscow in 1946, was later Ambassador to the Soviet Union.
    assert resolve("The Chargé in the Soviet Union (Kennan)", "1946-02-22").name == "George F. Kennan"
    # The one Gilbert of the data alive in 1934 never was a consul at Geneva (that was Prentiss B.
    # Gilbert, who is not in the data): kept as printed.
    gilbert = resolve("The Consul at Geneva (Gilbert)", "1934-02-26")
    assert gilbert.name is None


def test_a_common_surname_stays_as_printed():
    name = resolve("Prime Minister Churchill", "1944-08-04", "frus1944Quebec")
    assert name.name is None and "persons named Churchill" in name.reason


# What stays as printed, and bad input.


@pytest.mark.parametrize("printed", ["the Department of State", "The Embassy in Israel", "the Legation in China", "the Consulate General at Saigon"])
def test_institutions_stay_as_printed(printed):
    name = resolve(printed, "1950-01-01")
    assert name.name is None and "institution" in name.reason


@pytest.mark.parametrize(
    "printed, date, why",
    [
        ("the Secretary of Magic", "1945-01-01", "not an office the data records"),
        ("the Secretary of State", "1700-01-01", "no Secretary of State on 1700-01-01"),
        ("the Secretary of State", None, "no date"),
        ("the Secretary of State", "July 1945", "no date"),
        ("the Acting Secretary of State", "1943-02-26", "Acting Secretary of State on a given day is not in the data"),
        ("The Ambassador in the Soviet Union (Kennan)", "1945-07-11", "the records disagree: the data has W. Averell Harriman"),
        ("The Ambassador in Atlantis (Smith)", "1945-07-11", "Smith"),
    ],
)
def test_bad_input_keeps_the_printed_form_and_says_why(printed, date, why):
    name = resolve(printed, date)
    assert name.name is None and name.rule == "as printed"
    assert name.printed == parse_party(printed).text
    assert why in name.reason


def test_role_wording_is_normalised():
    data = load_persons_data()

    def office(role):
        found = read_role(role, data)
        return found and (found.kind, found.places, found.titles)

    assert office("Ambassador in the Soviet Union") == office("the Ambassador to the USSR") == ("chief", ("russia",), ("ambassador",))
    assert office("Chargé d’Affaires ad interim in Iran") == office("Chargé in Persia") == ("chief", ("iran",), ("charge",))
    assert office("Minister in China") == ("chief", ("china",), ("minister", "envoy"))
    assert office("Counselor of the Department of State") == office("Counselor") == ("principal", ("counselor",), ())
    assert office("Under Secretary") == office("Under Secretary of State") == ("principal", ("under-secretary",), ())
    assert office("Representative at the United Nations") == ("org", ("representative-to-un",), ())
    assert office("Consul at Geneva") is None


# The shipped data file.


def test_the_data_file_is_small_and_names_its_sources():
    path = ROOT / "src/frus_cite/data/persons.json.gz"
    assert path.stat().st_size <= 1_500_000
    data = load_persons_data()
    assert set(data.sources) == {"pocom", "people"} and all("HistoryAtState" in s for s in data.sources.values())
    assert len(data) > 16_000
    assert data.has_listing("frus1964-68v02") and not data.has_listing("frus1945v07")
    assert len([t for t in data.tenures if t.kind == "president"]) == 44  # Washington to Obama, Cleveland twice
    assert gzip.decompress(path.read_bytes())  # a real gzip file, not a pointer


def test_the_tool_rebuilds_the_shipped_file_from_the_shared_corpus(corpus, tmp_path):
    spec = importlib.util.spec_from_file_location("build_persons", ROOT / "tools/build_persons.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.OUT = tmp_path / "persons.json.gz"
    tool.main(str(corpus))
    assert tool.OUT.read_bytes() == (ROOT / "src/frus_cite/data/persons.json.gz").read_bytes()


def test_a_broken_data_file_keeps_every_printed_form(monkeypatch):
    from frus_cite.people import DataError, PersonsData, resolver

    with pytest.raises(DataError, match="format 99"):
        PersonsData({"format": 99})

    def broken():
        raise DataError("cannot read the people data frus_cite/data/persons.json.gz: truncated")

    monkeypatch.setattr(resolver, "load_persons_data", broken)
    name = resolve("The Ambassador in the Soviet Union (Harriman)", "1945-07-11")
    assert name.name is None and "cannot read the people data" in name.reason


def test_a_printed_role_must_match_the_post_of_the_one_official_in_office():
    # 1918: Lansing's private secretary was Richard Crane; POCOM's Crane then in office (Charles
    # R.) held no post of that kind.  A post no one took up ("did not proceed") counts for nothing.
    name = resolve("the Private Secretary to the Secretary of State (Crane)", "1918-11-23", "frus1919Parisv01")
    assert name.name is None
    assert resolve("Acting Secretary of State Dillon", "1959-04-11").name == "C. Douglas Dillon"  # Under Secretary


def test_a_chief_of_mission_without_a_recorded_end_served_until_the_next_chief():
    data = load_persons_data()
    crane = [t for t in data.tenures if t.record == "cn-1909-cran-01"]
    assert crane == []  # appointed 1909, took the oath, never went to Peking
    open_ended = [t for t in data.tenures if t.kind == "chief" and t.end is None]
    assert all(t.start >= "1990" for t in open_ended), open_ended[:3]  # only posts held to this day


def test_a_1901_despatch_from_the_legation_in_peking_names_both_in_full():
    import frus_cite
    from frus_cite.formatting.csl_json import to_csl_json
    from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

    despatch = ("No. 512.\nMr. Conger to Mr. Hay.\n\nLegation of the United States,\nPeking, March 1, 1901.\n\n"
                "Sir: I have the honor to report that the ministers met again to-day.\n\nE. H. Conger.\n")
    ref = frus_cite.parse_text(despatch, volume="frus1901", url=None)
    item = to_csl_json(ref, key="conger")
    assert item["author"] == [{"family": "Conger", "given": "Edwin H."}]  # Minister to China, 1898–1905
    assert item["recipient"] == [{"family": "Hay", "given": "John"}]  # Secretary of State, 1898–1905
    engine = NoteEngine([item], ibid=False)
    assert engine.cite(Cluster((Cite("conger"),), 1)).startswith("Edwin H. Conger to John Hay, Peking, March 1, 1901, in ")
    assert engine.cite(Cluster((Cite("conger"),), 2)).startswith("Conger to Hay, March 1, 1901")


ROLE_PIECES = ["The ", "Ambassador ", "in ", "to ", "the Soviet Union", "Secretary of State", "Acting ", "President", "(",
               ")", "Harriman", "Mr. ", "Chargé ", "’s ", "Special Assistant", "Embassy", ".", ",", "Jr.", " "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(ROLE_PIECES) | st.text(max_size=6), max_size=8).map("".join),
    st.one_of(st.none(), st.text(max_size=12), st.dates().map(str), st.from_regex(r"\d{4}(-\d\d){0,2}(/\d{4})?", fullmatch=True)),
    st.one_of(st.none(), st.sampled_from(["frus1964-68v02", "frus1945v07", "nonsense", ""])),
)
def test_any_party_date_and_volume_give_a_name_or_the_printed_form_with_a_reason(printed, date, volume):
    name = resolve(printed, date, volume)
    assert name.reason
    assert name.name is None or name.family
