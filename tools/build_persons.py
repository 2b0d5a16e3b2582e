"""Build src/frus_cite/data/persons.json.gz from the Office of the Historian's people data.

Reads two public-domain datasets of the Office of the Historian (U.S. Department of State), as
copied in ../shared/corpus (see each SOURCES.md):

* ``pocom/`` — Principal Officers and Chiefs of Mission: every Secretary, Under and Assistant
  Secretary, ambassador, minister and chargé, with the dates of each appointment;
* ``people/`` — the persons lists printed in FRUS volumes, merged with POCOM and the presidents.

and writes the facts frus-cite needs to name a correspondent: each person's name (given and
family apart), the positions held with their dates, the volumes whose persons list names them,
and the presidents' terms (written below from the public record: the data has no terms).
Run by hand:

    python tools/build_persons.py ../shared/corpus
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from frus_cite.people.data import FIELD, FORMAT, ROW, fold, split_sorted_name  # one folding and layout for builder and reader

OUT = Path(__file__).resolve().parents[1] / "src/frus_cite/data/persons.json.gz"
PERSON_FIELDS = ("pocom", "people", "given", "family", "suffix", "birth", "death")
POSITION_FIELDS = ("person", "kind", "where", "title", "start", "end", "record")

PRESIDENT_TERMS = {
    # presidents.xml id: (first day, last day) — inauguration to the successor's inauguration
    # (or death, resignation), from the public record.
    "washington-george": ("1789-04-30", "1797-03-04"),
    "adams-john": ("1797-03-04", "1801-03-04"),
    "jefferson-thomas": ("1801-03-04", "1809-03-04"),
    "madison-james": ("1809-03-04", "1817-03-04"),
    "monroe-james": ("1817-03-04", "1825-03-04"),
    "adams-john-quincy": ("1825-03-04", "1829-03-04"),
    "jackson-andrew": ("1829-03-04", "1837-03-04"),
    "buren-martin-van": ("1837-03-04", "1841-03-04"),
    "harrison-william-henry": ("1841-03-04", "1841-04-04"),
    "tyler-john": ("1841-04-04", "1845-03-04"),
    "polk-james-k": ("1845-03-04", "1849-03-04"),
    "taylor-zachary": ("1849-03-04", "1850-07-09"),
    "fillmore-millard": ("1850-07-09", "1853-03-04"),
    "pierce-franklin": ("1853-03-04", "1857-03-04"),
    "buchanan-james": ("1857-03-04", "1861-03-04"),
    "lincoln-abraham": ("1861-03-04", "1865-04-15"),
    "johnson-andrew": ("1865-04-15", "1869-03-04"),
    "grant-ulysses-s": ("1869-03-04", "1877-03-04"),
    "hayes-rutherford-b": ("1877-03-04", "1881-03-04"),
    "garfield-james-a": ("1881-03-04", "1881-09-19"),
    "arthur-chester-a": ("1881-09-19", "1885-03-04"),
    "cleveland-grover": ("1885-03-04", "1889-03-04"),
    "harrison-benjamin": ("1889-03-04", "1893-03-04"),
    "cleveland-grover#2": ("1893-03-04", "1897-03-04"),
    "mckinley-william": ("1897-03-04", "1901-09-14"),
    "roosevelt-theodore": ("1901-09-14", "1909-03-04"),
    "taft-william-howard": ("1909-03-04", "1913-03-04"),
    "wilson-woodrow": ("1913-03-04", "1921-03-04"),
    "harding-warren-g": ("1921-03-04", "1923-08-02"),
    "coolidge-calvin": ("1923-08-02", "1929-03-04"),
    "hoover-herbert-c": ("1929-03-04", "1933-03-04"),
    "roosevelt-franklin-d": ("1933-03-04", "1945-04-12"),
    "truman-harry-s": ("1945-04-12", "1953-01-20"),
    "eisenhower-dwight-d": ("1953-01-20", "1961-01-20"),
    "kennedy-john-f": ("1961-01-20", "1963-11-22"),
    "johnson-lyndon-b": ("1963-11-22", "1969-01-20"),
    "nixon-richard-m": ("1969-01-20", "1974-08-09"),
    "ford-gerald-r": ("1974-08-09", "1977-01-20"),
    "carter-jimmy": ("1977-01-20", "1981-01-20"),
    "reagan-ronald": ("1981-01-20", "1989-01-20"),
    "bush-george-h-w": ("1989-01-20", "1993-01-20"),
    "clinton-william-j": ("1993-01-20", "2001-01-20"),
    "bush-george-w": ("2001-01-20", "2009-01-20"),
    "obama-barack": ("2009-01-20", "2017-01-20"),
}

TERRITORY_NAMES = {
    # Names FRUS headings print for a mission's country, besides the one made from the POCOM id
    # ("united-kingdom" → "United Kingdom").  Historical and short forms, from the public record.
    "russia": ["Soviet Union", "USSR", "Union of Soviet Socialist Republics", "Russia"],
    "united-kingdom": ["Great Britain", "United Kingdom", "England"],
    "germany": ["Germany", "Federal Republic of Germany", "West Germany"],
    "german-democratic-republic": ["German Democratic Republic", "East Germany"],
    "korea": ["Korea", "Republic of Korea", "South Korea"],
    "vietnam-south": ["Vietnam", "Viet-Nam", "Republic of Vietnam", "South Vietnam"],
    "vietnam": ["Vietnam", "Viet-Nam"],
    "congo-democratic-republic": ["Congo", "Zaire", "Congo (Léopoldville)", "Republic of the Congo"],
    "congo-republic": ["Congo (Brazzaville)"],
    "burma": ["Burma", "Myanmar"],
    "sri-lanka": ["Ceylon", "Sri Lanka"],
    "iran": ["Iran", "Persia"],
    "thailand": ["Thailand", "Siam"],
    "holy-see": ["Holy See", "Vatican"],
    "netherlands": ["Netherlands", "the Netherlands"],
    "china": ["China", "Republic of China", "People’s Republic of China"],
    "czechoslovakia": ["Czechoslovakia"],
    "turkey": ["Turkey", "Ottoman Empire"],
    "egypt": ["Egypt", "United Arab Republic"],
    "cote-divoire": ["Ivory Coast", "Côte d’Ivoire"],
    "two-sicilies": ["Two Sicilies", "Naples"],
    "hawaii": ["Hawaii", "Hawaiian Islands"],
    "cambodia": ["Cambodia", "Khmer Republic"],
    "benin": ["Benin", "Dahomey"],
    "burkina-faso": ["Burkina Faso", "Upper Volta"],
    "tanzania": ["Tanzania", "Tanganyika"],
    "malawi": ["Malawi", "Nyasaland"],
    "zambia": ["Zambia", "Northern Rhodesia"],
    "zimbabwe": ["Zimbabwe", "Rhodesia"],
    "ghana": ["Ghana", "Gold Coast"],
    "bangladesh": ["Bangladesh", "East Pakistan"],
    "ethiopia": ["Ethiopia", "Abyssinia"],
}

ORGANIZATION_NAMES = {
    # "the Representative at the United Nations (Lodge)": the organization's names in headings.
    "representative-to-un": ["United Nations", "UN"],
    "representative-to-nato": ["North Atlantic Council", "North Atlantic Treaty Organization", "NATO"],
    "representative-to-oas": ["Organization of American States", "OAS"],
    "representative-to-eu": ["European Communities", "European Union", "European Economic Community"],
    "representative-to-oecd": ["Organization for Economic Cooperation and Development", "OECD"],
    "representative-to-iaea": ["International Atomic Energy Agency", "IAEA"],
    "representative-uneo": ["European Office of the United Nations"],
}

_FRUS_PERSONS = re.compile(r"historicaldocuments/(?P<volume>[^/#]+)/persons#(?P<pid>[\w.-]+)")
_POCOM_PERSON = re.compile(r"departmenthistory/people/(?P<id>[\w-]+)$")
_PRESIDENT = re.compile(r"presidents\.xml#(?P<id>[\w-]+)$")
_HARVESTED_OFFICE = re.compile(
    r"\b(?:(?:Deputy\s+)?Under|Assistant|Deputy\s+Assistant)\s+Secretary(?:\s+of\s+State)?\s+for\s+"
    r"(?:[A-Z][\w-]*,?\s+(?:and\s+)?)*?[A-Z][\w-]*\s+Affairs"
)


def text(node: ET.Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def date_of(event: ET.Element | None) -> str | None:
    """An ISO date (or year, year-month) from a POCOM event element, or None."""
    value = text(event.find("date")) if event is not None else ""
    return value if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value) else None


def given_from_altname(altname: str, surname: str) -> tuple[str | None, str | None]:
    """POCOM's printed name "W. Averell Harriman" with surname "Harriman" → ("W. Averell", None);
    "Henry Cabot Lodge, Jr." → ("Henry Cabot", "Jr.")."""
    suffix = None
    match = re.search(r",?\s+(Jr\.|Sr\.|II|III|IV)$", altname)
    if match:
        suffix, altname = match.group(1), altname[: match.start()]
    if altname.endswith(" " + surname):
        return altname[: -len(surname)].strip() or None, suffix
    return None, suffix


class Builder:
    def __init__(self, corpus: Path):
        self.corpus = corpus
        self.persons: list[list] = []
        self.by_pocom: dict[str, int] = {}
        self.by_people: dict[str, int] = {}
        self.volumes: list[str] = []
        self.volume_index: dict[str, int] = {}
        self.remarks: list[str] = []
        self.remark_index: dict[str, int] = {}

    def volume(self, vid: str) -> int:
        if vid not in self.volume_index:
            self.volume_index[vid] = len(self.volumes)
            self.volumes.append(vid)
        return self.volume_index[vid]

    def remark(self, value: str) -> int:
        if value not in self.remark_index:
            self.remark_index[value] = len(self.remarks)
            self.remarks.append(value)
        return self.remark_index[value]

    def read_pocom_people(self) -> None:
        for path in sorted((self.corpus / "pocom/people").glob("*/*.xml")):
            root = ET.parse(path).getroot()
            pid = root.findtext("id")
            names = root.find("persName")
            surname = text(names.find("surname"))
            altname = text(names.find("altname"))
            forename = text(names.find("forename")) or None
            if not pid or not surname:
                continue
            given, suffix = given_from_altname(altname, surname) if altname else (forename, None)
            self.by_pocom[pid] = len(self.persons)
            # [pocom id, people id, given, family, suffix, birth, death, listings]
            self.persons.append([pid, None, given, surname, suffix, _year(root.findtext("birth")), _year(root.findtext("death")), []])

    def read_people(self) -> dict[str, int]:
        """Merge the people records into POCOM's (by the POCOM link they carry); add the others.
        Returns the presidents' person indexes by presidents.xml id."""
        presidents: dict[str, int] = {}
        for path in sorted((self.corpus / "people/data").rglob("*.xml")):
            root = ET.parse(path).getroot()
            people_id = root.findtext("id")
            preferred = text(root.find("names/preferred/name"))
            if not people_id or not preferred:
                continue
            urls = [u.text or "" for u in root.iter("source-url")]
            pocom = next((m["id"] for u in urls if (m := _POCOM_PERSON.search(u)) and m["id"] in self.by_pocom), None)
            president = next((m["id"] for u in urls if (m := _PRESIDENT.search(u))), None)
            if pocom is not None:
                index = self.by_pocom[pocom]
                self.persons[index][1] = people_id
            else:
                given, family, suffix = split_sorted_name(preferred)
                index = len(self.persons)
                self.persons.append([None, people_id, given, family, suffix, _year(root.findtext("birth-year")), _year(root.findtext("death-year")), []])
            self.by_people[people_id] = index
            if president:
                presidents[president] = index
            self.persons[index][7] = self._listings(root)
        return presidents

    def _listings(self, root: ET.Element) -> list[list]:
        """[volume index, p_… id, remark text] for each FRUS persons list naming the person."""
        remark_of: dict[str, str] = {}
        for remark in root.iter("remark"):
            value = text(remark.find("p"))
            for url in remark.iter("source-url"):
                remark_of[url.text or ""] = value
        listings: dict[int, list] = {}
        for url in root.iter("source-url"):
            match = _FRUS_PERSONS.search(url.text or "")
            if match:
                vol = self.volume(match["volume"])
                listings.setdefault(vol, [vol, match["pid"], remark_of.get(url.text or "", "")])
        return sorted(listings.values())

    def keep_needed_remarks(self) -> None:
        """A listing's identification ("Assistant Secretary of State for Far Eastern Affairs") is kept
        only where it is needed: where the same volume lists two persons of one surname (the two
        Bundys), so that the printed role can tell them apart.  Elsewhere the id alone is kept."""
        per_volume: Counter[tuple[int, str]] = Counter()
        for person in self.persons:
            for vol, _, _ in person[7]:
                per_volume[(vol, fold(person[3]))] += 1
        for person in self.persons:
            for listing in person[7]:
                shared = per_volume[(listing[0], fold(person[3]))] > 1
                listing[2] = self.remark(listing[2]) if shared and listing[2] else -1

    def positions(self) -> tuple[list[list], dict[str, list[str]]]:
        """[person, kind, where, title, start, end, record id] for every POCOM appointment, and the
        names of each office ("secretary": ["Secretary of State"])."""
        rows: list[list] = []
        offices: dict[str, list[str]] = {}
        pocom = self.corpus / "pocom"
        for path in sorted((pocom / "missions-countries").glob("*.xml")):
            root = ET.parse(path).getroot()
            territory = root.findtext("territory-id") or path.stem
            for chief in root.iter("chief"):
                where = chief.findtext("contemporary-territory-id") or territory
                self._row(rows, chief, "chief", territory if where == territory else f"{territory}/{where}")
        for folder, kind in (("positions-principals", "principal"), ("missions-orgs", "org")):
            for path in sorted((pocom / folder).glob("*.xml")):
                root = ET.parse(path).getroot()
                office = root.findtext("id") or path.stem
                offices[office] = self._office_names(root, kind)
                for element in root.iter():
                    if element.tag in ("principal", "chief") and element.find("person-id") is not None:
                        self._row(rows, element, kind, office)
        return rows, _drop_borrowed_names(offices)

    def _row(self, rows: list[list], element: ET.Element, kind: str, where: str) -> None:
        person = self.by_pocom.get(element.findtext("person-id") or "")
        if person is None:
            return
        started, ended = date_of(element.find("started")), date_of(element.find("ended"))
        if started is None and ended is None:
            return  # appointed only: "took oath of office, but did not proceed to post"
        start = started or date_of(element.find("appointed"))
        rows.append([person, kind, where, element.findtext("role-title-id") or "", start, ended, element.findtext("id") or ""])

    def close_open_posts(self, rows: list[list]) -> None:
        """A post with no recorded end: a chief of mission served until the next chief of that
        country took up the post; any post ends at the latest with its holder's death year.
        (Offices the Department fills with several people at once, such as Assistant
        Secretary, have no successor to go by.)"""
        by_country: dict[str, list[list]] = defaultdict(list)
        for row in rows:
            if row[1] == "chief" and row[4]:
                by_country[row[2].split("/")[0]].append(row)
        for chiefs in by_country.values():
            chiefs.sort(key=lambda row: row[4])
            for row, following in zip(chiefs, chiefs[1:]):
                if row[5] is None and following[4] > row[4]:
                    row[5] = following[4]
        for row in rows:
            death = self.persons[row[0]][6]
            if row[5] is None and death:
                row[5] = str(death)

    @staticmethod
    def _office_names(root: ET.Element, kind: str) -> list[str]:
        singular = text(root.find("names/singular"))
        names = [singular] if singular else []
        if kind == "principal":
            # Former designations named in the office's own description ("Assistant Secretary of
            # State for Far Eastern Affairs" until 1966 for East Asian and Pacific Affairs).
            names += [" ".join(m.group(0).split()) for m in _HARVESTED_OFFICE.finditer(text(root.find("description")))]
        if kind == "org":
            names += ORGANIZATION_NAMES.get(root.findtext("id") or "", [])
        return list(dict.fromkeys(names))

    def titles(self) -> dict[str, str]:
        """The chiefs of mission's titles: "ambassador-e-p" → "Ambassador Extraordinary and Plenipotentiary"."""
        titles = {}
        for path in sorted((self.corpus / "pocom/roles-country-chiefs").glob("*.xml")):
            root = ET.parse(path).getroot()
            titles[root.findtext("id") or path.stem] = text(root.find("names/singular"))
        return titles

    def build(self) -> dict:
        self.read_pocom_people()
        presidents = self.read_people()
        self.keep_needed_remarks()
        rows, offices = self.positions()
        self.close_open_posts(rows)
        terms = []
        for key, (start, end) in PRESIDENT_TERMS.items():
            person = presidents.get(key.split("#")[0])
            if person is None:
                raise SystemExit(f"president {key} not in the people data")
            terms.append([person, start, end])
        territories = {}
        for path in sorted((self.corpus / "pocom/missions-countries").glob("*.xml")):
            made = path.stem.replace("-", " ").title()
            territories[path.stem] = list(dict.fromkeys([made, *TERRITORY_NAMES.get(path.stem, [])]))
        listings: dict[str, list[str]] = defaultdict(list)
        for index, person in enumerate(self.persons):
            for vol, pid, remark in person[7]:
                listings[self.volumes[vol]].append(f"{index}{FIELD}{pid}{FIELD}{'' if remark < 0 else remark}")
        return {
            "format": FORMAT,
            "sources": {
                "pocom": "HistoryAtState/pocom " + _commit(self.corpus / "pocom/SOURCES.md"),
                "people": "HistoryAtState/people " + _commit(self.corpus / "people/SOURCES.md"),
            },
            "persons": columns([p[:7] for p in self.persons], PERSON_FIELDS),
            "positions": columns(rows, POSITION_FIELDS),
            # One string per volume, split only when a document of that volume is resolved.
            "listings": {vid: ROW.join(rows) for vid, rows in sorted(listings.items())},
            "remarks": self.remarks,
            "offices": offices,
            "territories": territories,
            "titles": self.titles(),
            "presidents": terms,
        }


def columns(rows: list[list], names: tuple[str, ...]) -> dict[str, str]:
    """Rows → one packed string per field (None as the empty string)."""
    packed = {name: FIELD.join("" if row[i] is None else str(row[i]) for row in rows) for i, name in enumerate(names)}
    for row in rows:
        if any(FIELD in str(v) or ROW in str(v) for v in row):
            raise SystemExit(f"a separator occurs in the data: {row}")
    return packed


def _drop_borrowed_names(offices: dict[str, list[str]]) -> dict[str, list[str]]:
    """A harvested name that is another office's own name ("Assistant Secretary for Political
    Affairs", mentioned in the Western Hemisphere description) belongs to that office only."""
    def key(name: str) -> str:
        return fold(name).replace(" of state ", " ")

    own = {key(names[0]): office for office, names in offices.items() if names}
    return {
        office: [n for i, n in enumerate(names) if i == 0 or own.get(key(n), office) == office]
        for office, names in offices.items()
    }


def _year(value: str | None) -> int | None:
    match = re.match(r"\d{4}", value or "")
    return int(match.group(0)) if match else None


def _commit(sources: Path) -> str:
    match = re.search(r"commit\s+([0-9a-f]{40})", sources.read_text(encoding="utf-8"))
    return match.group(1) if match else "unknown commit"


def main(corpus: str) -> None:
    payload = Builder(Path(corpus)).build()
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{OUT}: {payload['persons']['family'].count(FIELD) + 1} persons, "
          f"{payload['positions']['person'].count(FIELD) + 1} positions, {len(payload['listings'])} volumes' persons lists; "
          f"{len(raw):,} bytes of JSON, {OUT.stat().st_size:,} compressed")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared/corpus"))
