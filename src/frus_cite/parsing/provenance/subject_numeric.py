"""Decode a subject-numeric file designation of the State Department central files (1963–73).

Grammar::

    designation := [years ","] category [number] [country ["–" country]]
    category    := 1–4 capitals from the handbook ("POL", "DEF", "E", "INCO")
    number      := digits ["-" digits]*             ; 27, 27-14, 1
    country     := capitals and spaces              ; VIET S, US–USSR, KOR N

``Central Files 1967–69, POL 27 VIET S`` → category POL (political affairs and
relations), number 27, country "VIET S", years "1967–69".
"""

from __future__ import annotations

import re

from ...model import SubjectNumericFile

__all__ = ["CATEGORIES", "looks_subject_numeric", "parse_subject_numeric", "SUBJECT_NUMERIC"]

# Primary subjects of the 1963 handbook (revised 1965), by abbreviation.  The
# Political & Defense four are as NARA's guide to RG 59 names them.
CATEGORIES: dict[str, str] = {
    "POL": "Political affairs and relations",
    "DEF": "Defense affairs",
    "CSM": "Communism",
    "INT": "Intelligence",
    "ORG": "Organization and administration",
    "PER": "Personnel",
    "BF": "Budget and finance",
    "E": "Economic affairs (general)",
    "ECON": "Economic affairs",
    "FN": "Financial and monetary affairs",
    "FT": "Foreign trade",
    "INCO": "Industries and commodities",
    "AGR": "Agriculture",
    "LAB": "Labor and manpower",
    "AID": "Foreign aid",
    "AV": "Aviation",
    "TEL": "Telecommunications",
    "SCI": "Science",
    "AE": "Atomic energy",
    "CON": "Consular affairs",
    "PPT": "Passports and citizenship",
    "CUL": "Culture",
    "EDX": "Educational and cultural exchange",
    "INF": "Information activities",
    "SOC": "Social conditions",
    "PET": "Petroleum",
    "STR": "Strategic trade control",
}

_CATEGORY = "|".join(sorted(CATEGORIES, key=len, reverse=True))
# Linear: each part is a fixed class of characters with one separator between parts.
SUBJECT_NUMERIC = re.compile(
    rf"\b(?P<category>{_CATEGORY})(?: (?P<number>\d{{1,3}}(?:[-–]\d{{1,3}}){{0,3}}))?"
    rf"(?P<countries>(?: [A-Z][A-Z/]{{0,15}}\b){{0,4}}(?:[–-][A-Z][A-Z/]{{0,15}}\b(?: [A-Z]{{1,3}}\b)?){{0,3}})"
)
_YEARS = re.compile(r"\b(?P<years>(?:19)?\d\d[–-](?:19)?\d\d)\b")


def looks_subject_numeric(text: str) -> bool:
    """True when *text* is a subject-numeric designation ("POL 27 VIET S", "POL CHICOM–US")."""
    stripped = text.strip()
    match = SUBJECT_NUMERIC.match(stripped)
    return bool(match and (match["number"] or match["countries"].strip()) and match.end() == len(stripped))


def _countries(text: str) -> tuple[str, ...]:
    """" VIET S" → ("VIET S",); " US–USSR" → ("US", "USSR")."""
    return tuple(part.strip() for part in re.split(r"[–-]", text) if part.strip())


def parse_subject_numeric(text: str, *, years: str | None = None) -> SubjectNumericFile | None:
    """Decode the first designation in *text*; ``None`` when it holds none.

    A category alone (``POL``) counts only with a number or a country after it,
    so that an office name such as "INT" in prose is not read as a file.
    """
    match = SUBJECT_NUMERIC.search(text)
    if match is None or not (match["number"] or match["countries"].strip()):
        return None
    if years is None:
        found = _YEARS.search(text[: match.start()])
        years = found["years"] if found else None
    category = match["category"]
    return SubjectNumericFile(
        text=match.group(0).strip(),
        category=category,
        category_name=CATEGORIES.get(category),
        number=match["number"],
        countries=_countries(match["countries"]),
        years=years,
    )
