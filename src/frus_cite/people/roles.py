"""Printed roles → the offices of the people data.

FRUS words one office many ways: "Ambassador in the Soviet Union" and "Ambassador to the USSR",
"Minister in China", "Chargé in the Soviet Union", "Chargé d’Affaires ad interim in Iran",
"Under Secretary of State" and "Under Secretary", "Counselor of the Department of State".
:func:`read_role` reduces a printed role to an :class:`Office`: what kind of post, where, which
titles, or ``None`` when the role names no office the data records ("Consul at Geneva",
"Prime Minister").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .data import PersonsData, fold

__all__ = ["Office", "read_role", "is_institution"]


@dataclass(frozen=True, slots=True)
class Office:
    """An office as the data knows it."""

    kind: str
    """"president", "principal", "chief" or "org" (as :attr:`Tenure.kind`)."""
    places: tuple[str, ...]
    """The countries, offices or organizations it may be (one, unless a name is shared)."""
    titles: tuple[str, ...] = ()
    """For chiefs of mission: the words the POCOM title must contain ("ambassador"; "minister"
    or "envoy"; "charge"); empty for any title."""
    acting: bool = False
    """"Acting Secretary of State": whoever acted is not in the data."""
    wording: str = ""
    """The role as printed, for messages, without "the" and "Acting" ("Ambassador in the Soviet Union")."""


_LEADING = re.compile(r"^(?:the\s+|american\s+|united\s+states\s+|u\.\s?s\.\s+)+", re.IGNORECASE)
_CHIEF = re.compile(
    r"^(?P<title>ambassador|minister(?:\s+resident)?|envoy|charge(?:\s+d'affaires)?)"
    r"(?:\s+extraordinary\s+and\s+plenipotentiary|\s+ad\s+interim|\s+plenipotentiary)*"
    r"\s+(?:in|to|at|near|for)\s+(?:the\s+)?(?P<place>.+)$"
)
_ORG = re.compile(r"^(?:permanent\s+|deputy\s+)?(?:representative|ambassador)\s+(?:at|to|on|in)\s+(?:the\s+)?(?P<org>.+)$")
_CHIEF_TITLES = {"ambassador": ("ambassador",), "minister": ("minister", "envoy"), "envoy": ("minister", "envoy"), "charge": ("charge",)}
_INSTITUTION = re.compile(
    r"\b(?:Embassy|Legation|Consulate|Department|Mission|Delegation|Office|Government|Ministry|"
    r"Foreign Office|Congress|Senate|Commission|Council|Committee|Staff|Board|Posts|Missions)\b(?!\s*\()"
)


def is_institution(role: str) -> bool:
    """"the Department of State", "the Embassy in Israel", "Certain Diplomatic Posts": not persons."""
    return bool(_INSTITUTION.search(role)) and not re.match(r"(?i)(the\s+)?(chief|head|director|chairman|secretary|member)\b", role)


def _key(role: str) -> str:
    """A role as compared: folded, apostrophes straight, leading article and nationality dropped,
    "of State" and "of the Department of State" dropped ("Under Secretary of State" = "Under
    Secretary")."""
    text = _LEADING.sub("", fold(role).replace("chargé", "charge").replace("’", "'"))
    # (?<!\s): from the start of a run of spaces only, not from each of its spaces (quadratic)
    text = re.sub(r"(?<!\s)(?:\s+of\s+(?:the\s+)?department\s+of\s+state\b|\s+of\s+state\b|\s+in\s+the\s+department\s+of\s+state\b)", "", text)
    return re.sub(r"[.,]", "", text).strip()


def read_role(role: str, data: PersonsData) -> Office | None:
    """The office a printed role names, or ``None``."""
    key = _key(role)
    acting = key.startswith("acting ")
    if acting:
        key = key[len("acting ") :]
    printed = re.sub(r"^(?:the\s+)?(?:acting\s+)?", "", role.strip(), flags=re.IGNORECASE)
    if key in ("president", "president of the united states"):
        return Office("president", ("united-states",), acting=acting, wording="President")
    offices = _office_index(data)
    if key in offices:
        return Office("principal", offices[key], acting=acting, wording=printed)
    chief = _CHIEF.match(key)
    if chief:
        places = _territory_index(data).get(_place_key(chief["place"]))
        if places:
            title = chief["title"].split()[0]
            return Office("chief", places, _CHIEF_TITLES.get(title, ()), acting, printed)
    org = _ORG.match(key)
    if org:
        places = _org_index(data).get(_place_key(org["org"]))
        if places:
            return Office("org", places, acting=acting, wording=printed)
    return None


def _place_key(place: str) -> str:
    return re.sub(r"^the\s+", "", place.strip())


@lru_cache(maxsize=4)
def _office_index(data: PersonsData) -> dict[str, tuple[str, ...]]:
    """Office names → office ids, for the Department's principal officers (several ids when
    one name served two offices, as "Assistant Secretary of State" did)."""
    index: dict[str, list[str]] = {}
    for office, names in data.offices.items():
        if office.startswith("representative"):
            continue
        for name in names:
            index.setdefault(_key(name), []).append(office)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


@lru_cache(maxsize=4)
def _territory_index(data: PersonsData) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for territory, names in data.territories.items():
        for name in names:
            index.setdefault(_place_key(fold(name).replace("’", "'")), []).append(territory)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=4)
def _org_index(data: PersonsData) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for office, names in data.offices.items():
        if office.startswith("representative"):
            for name in names[1:]:  # the first is the title ("Representative of the U.S.A. to …")
                index.setdefault(_place_key(fold(name)), []).append(office)
    return {k: tuple(v) for k, v in index.items()}
