"""The Office of the Historian's people data, as packed by ``tools/build_persons.py``.

The file (``data/persons.json.gz``) is read once, on first use: persons (POCOM officials and the
persons of FRUS volumes' lists), the POCOM appointments with their dates, each volume's persons
list, the office and country names, and the presidents' terms.  Columns are packed strings, split
on load; a volume's persons list is split only when a document of that volume asks for it.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Iterator, Mapping

from .. import model

__all__ = ["Person", "Tenure", "ListEntry", "split_sorted_name", "PersonsData", "load_persons_data", "fold", "DataError"]

FORMAT = 1
"""Bumped whenever the file's layout changes (by tools/build_persons.py); other versions are refused."""
FIELD, ROW = "|", "~"
"""Separators of the packed columns: a column is one string, split on first use (much faster
to load than a JSON list of lists)."""


class DataError(Exception):
    """The packed people data cannot be read (a broken install)."""


def fold(value: str) -> str:
    """Case- and accent-blind key: "Des Portes" → "des portes", "Hammarskjöld" → "hammarskjold"."""
    decomposed = unicodedata.normalize("NFKD", value.replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the Office of the Historian's data names."""

    index: int
    """Position in the data file (stable for one build of it only)."""
    given: str | None
    """Given names as the Office prints them: "W. Averell", "Harry S."."""
    family: str
    """Family name: "Harriman"; a name written family name first ("Chiang Kai-shek") whole."""
    suffix: str | None
    """"Jr.", "III" or ``None``."""
    pocom_id: str | None
    """POCOM person id ("harriman-william-averell") for officials of the Department."""
    people_id: str | None
    """The people database's id ("105570")."""
    birth: int | None
    death: int | None

    @property
    def name(self) -> str:
        """The full name for a first note: "W. Averell Harriman", "Henry Cabot Lodge Jr."."""
        return " ".join(p for p in (self.given, self.family, self.suffix) if p)

    @property
    def record(self) -> str:
        """Which record this is: "pocom:harriman-william-averell" or "people:105570"."""
        return f"pocom:{self.pocom_id}" if self.pocom_id else f"people:{self.people_id}"


@dataclass(frozen=True, slots=True)
class Tenure:
    """One appointment: a person in an office (or a mission) from a date to a date."""

    person: int
    kind: str
    """"chief" (chief of mission to a country), "principal" (officer of the Department), "org"
    (representative to an international organization) or "president"."""
    where: str
    """The country (POCOM territory id, "russia"), the office ("secretary") or organization."""
    title: str
    """POCOM role title id ("ambassador-e-p", "secretary")."""
    start: str | None
    """ISO date the person took up the post (or was appointed, when that is all the data has)."""
    end: str | None
    """ISO date the post was left.  Where POCOM records none, the build closes the post when the
    next chief of mission of the country took up the post, or in the holder's death year;
    ``None`` is left for posts still held."""
    record: str
    """POCOM's id of the appointment ("ru-1943-harr-01")."""

    def covers(self, first: str, last: str) -> bool:
        """True when the tenure spans the whole of [first, last] (ISO dates)."""
        return bool(self.start) and _low(self.start) <= first and (self.end is None or last <= _high(self.end))

    def overlaps(self, first: str, last: str) -> bool:
        return bool(self.start) and _low(self.start) <= last and (self.end is None or first <= _high(self.end))


@dataclass(frozen=True, slots=True)
class ListEntry:
    """An entry of a volume's list of persons (from the people data, or a TEI volume's own list),
    its name split for notes."""

    id: str
    """The list's id for the entry: "p_HWA1"."""
    family: str
    given: str | None = None
    suffix: str | None = None
    description: str | None = None
    """The identification printed ("Assistant Secretary of State for Far Eastern Affairs").  The
    packed data keeps it only where one volume lists two persons of one surname."""
    person: int | None = None
    """The person in :class:`PersonsData`, when known."""

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.given, self.family, self.suffix) if p)

    @classmethod
    def from_listed(cls, listed: "model.ListedPerson") -> "ListEntry":
        """A TEI list's entry ("Kissinger, Henry A.", its identification) split for notes."""
        given, family, suffix = split_sorted_name(listed.name)
        return cls(listed.id, family, given, suffix, listed.identification)


def split_sorted_name(sorted_name: str) -> tuple[str | None, str, str | None]:
    """"Bundy, William Putnam" → (given, family, suffix); "Lodge, Henry Cabot, Jr." keeps "Jr.";
    a name without a comma ("Chiang Kai-shek") is a family name alone."""
    parts = [p.strip() for p in " ".join(sorted_name.split()).split(",")]
    if len(parts) == 1 or not parts[0]:
        return None, sorted_name.strip(), None
    suffix = parts[2] if len(parts) > 2 and parts[2] else None
    return parts[1] or None, parts[0], suffix


def _low(iso: str) -> str:
    """First day of a possibly partial ISO date: "1945" → "1945-01-01"."""
    return iso + "-01-01"[len(iso) - 4 :] if len(iso) < 10 else iso


def _high(iso: str) -> str:
    """Last day of a possibly partial ISO date ("1945-07" → "1945-07-31"; months end on the 31st
    for comparison, which no real date exceeds)."""
    return iso + "-12-31"[len(iso) - 4 :] if len(iso) < 10 else iso


def date_range(iso: str) -> tuple[str, str]:
    """The first and last day a partial date ("1945-07") or an interval ("1944/1945") may mean."""
    first, _, last = iso.partition("/")
    return _low(first), _high(last or first)


class PersonsData:
    """The packed people data, with the look-ups the resolver needs."""

    def __init__(self, payload: Mapping[str, Any]):
        if payload.get("format") != FORMAT:
            raise DataError(f"people data has format {payload.get('format')!r}, expected {FORMAT}")
        self.sources: dict[str, str] = dict(payload["sources"])
        self._packed_persons: dict[str, str] = payload["persons"]
        self._packed_positions: dict[str, str] = payload["positions"]
        self._listings: dict[str, str] = payload["listings"]
        self.remarks: list[str] = payload["remarks"]
        self.offices: dict[str, list[str]] = payload["offices"]
        self.territories: dict[str, list[str]] = payload["territories"]
        self.titles: dict[str, str] = payload["titles"]
        self._presidents: list[list] = payload["presidents"]

    @cached_property
    def _persons(self) -> dict[str, list[str]]:
        return {k: v.split(FIELD) for k, v in self._packed_persons.items()}

    @cached_property
    def _positions(self) -> dict[str, list[str]]:
        return {k: v.split(FIELD) for k, v in self._packed_positions.items()}

    def __len__(self) -> int:
        return len(self._persons["family"])

    def person(self, index: int) -> Person:
        column = self._persons
        birth, death = column["birth"][index], column["death"][index]
        return Person(
            index=index,
            given=column["given"][index] or None,
            family=column["family"][index],
            suffix=column["suffix"][index] or None,
            pocom_id=column["pocom"][index] or None,
            people_id=column["people"][index] or None,
            birth=int(birth) if birth else None,
            death=int(death) if death else None,
        )

    @cached_property
    def tenures(self) -> tuple[Tenure, ...]:
        """Every POCOM appointment, then every president's term."""
        col = self._positions
        rows = [
            Tenure(int(col["person"][i]), col["kind"][i], col["where"][i], col["title"][i], col["start"][i] or None, col["end"][i] or None, col["record"][i])
            for i in range(len(col["person"]))
        ]
        rows += [Tenure(person, "president", "united-states", "president", start, end, f"president-{n + 1}") for n, (person, start, end) in enumerate(self._presidents)]
        return tuple(rows)

    @cached_property
    def tenures_by_place(self) -> dict[tuple[str, str], tuple[Tenure, ...]]:
        """Tenures by (kind, country or office)."""
        index: dict[tuple[str, str], list[Tenure]] = {}
        for tenure in self.tenures:
            index.setdefault((tenure.kind, tenure.where.split("/")[0]), []).append(tenure)
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def tenures_by_person(self) -> dict[int, tuple[Tenure, ...]]:
        index: dict[int, list[Tenure]] = {}
        for tenure in self.tenures:
            index.setdefault(tenure.person, []).append(tenure)
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def by_family(self) -> dict[str, tuple[int, ...]]:
        """Persons by folded family name (and by each word of a many-word family name's last
        word, so "Des Portes" is found as "Des Portes")."""
        index: dict[str, list[int]] = {}
        for i, family in enumerate(self._persons["family"]):
            index.setdefault(fold(family), []).append(i)
        return {k: tuple(v) for k, v in index.items()}

    def listing(self, volume: str) -> tuple[ListEntry, ...]:
        """The persons list of *volume* as the people data records it (empty when it has none)."""
        return _listing(self, volume)

    def has_listing(self, volume: str) -> bool:
        return volume in self._listings

    def listing_rows(self, volume: str) -> Iterator[tuple[int, str, str | None]]:
        for row in self._listings.get(volume, "").split(ROW) if volume in self._listings else ():
            person, pid, remark = row.split(FIELD)
            yield int(person), pid, self.remarks[int(remark)] if remark else None


@lru_cache(maxsize=64)
def _listing(data: PersonsData, volume: str) -> tuple[ListEntry, ...]:
    entries = []
    for index, pid, remark in data.listing_rows(volume):
        person = data.person(index)
        entries.append(ListEntry(pid, person.family, person.given, person.suffix, remark, index))
    return tuple(entries)


@lru_cache(maxsize=1)
def load_persons_data() -> PersonsData:
    """The data shipped with frus-cite (read on first use, then kept)."""
    raw = resources.files("frus_cite").joinpath("data/persons.json.gz").read_bytes()
    try:
        return PersonsData(json.loads(gzip.decompress(raw)))
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"cannot read the people data frus_cite/data/persons.json.gz: {exc}") from None
