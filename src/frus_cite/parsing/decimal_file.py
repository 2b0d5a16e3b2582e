"""Decode State Department Central Decimal File numbers (1910–1963).

Grammar (one file number)::

    number     := class country [ "." suffix ] [ " " subfile ] [ "/" designator ]
    class      := digit
    country    := digit digit [ letter ]  [ personnel-code ]
    suffix     := (digit | letter)+          ; subject, or second country in relations classes
    designator := serial | month "–" day year2   ; "3144½" or "7–1145"

The schedule was renumbered on 1 January 1950, so the same digits are read
against the 1910–1949, 1950–1959 or 1960–1963 tables depending on the year.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..errors import HeaderSyntaxError
from ..model import DecimalFile

__all__ = ["parse_decimal", "looks_decimal", "decode_date_code", "country_name", "period_for_year"]

# Class names per schedule (NARA classification manuals of 1910, 1950 and 1960).
CLASS_NAMES = {
    "1910-1949": {
        "0": "General. Miscellaneous",
        "1": "Administration, United States Government",
        "2": "Extradition",
        "3": "Protection of Interests",
        "4": "Claims",
        "5": "Congresses and Conferences",
        "6": "Commerce. Customs Administration",
        "7": "Political Relations of States",
        "8": "Internal Affairs of States",
    },
    "1950-1959": {
        "0": "Miscellaneous",
        "1": "Administration of the U.S. Government",
        "2": "Protection of Interests",
        "3": "International Conferences, Congresses, Meetings and Organizations",
        "4": "International Trade and Commerce",
        "5": "International Informational and Educational Relations",
        "6": "International Political Relations",
        "7": "Internal Political and National Defense Affairs",
        "8": "Internal Economic, Industrial and Social Affairs",
        "9": "Other Internal Affairs. Communications, Transportation, Science",
    },
}
CLASS_NAMES["1960-1963"] = dict(CLASS_NAMES["1950-1959"])
# After 1963 the digits keep their shape but no schedule names them.
CLASS_NAMES["1964-1973"] = {}

# Classes whose second and third digits are a country number.
COUNTRY_CLASSES = {"1910-1949": set("678"), "1950-1959": set("3456789"), "1960-1963": set("3456789"), "1964-1973": set("3456789")}
# Classes whose suffix is a second country (bilateral relations).
RELATIONS_CLASS = {"1910-1949": "7", "1950-1959": "6", "1960-1963": "6", "1964-1973": "6"}

# Frequent subject suffixes of the internal-affairs class (8) before 1950.
SUBJECTS_1910_1949 = {
    "00": "Political affairs",
    "001": "Chief executive",
    "002": "Cabinet",
    "00B": "Bolshevism. Communism",
    "01": "Government",
    "20": "Military affairs",
    "24": "Equipment and supplies",
    "30": "Naval affairs",
    "44": "Special mention of citizens",
    "48": "Calamities",
    "50": "Economic matters",
    "51": "Financial conditions",
    "515": "Monetary system",
    "5151": "Exchange",
    "6363": "Petroleum",
    "77": "Railways",
    "796": "Aerial navigation",
    "911": "Newspapers",
}

_NUMBER = re.compile(
    r"""
    (?P<class>\d)
    (?P<country>\d\d[A-Za-z]?)
    (?P<personnel>[A-Za-z]?\d*)          # 123G231: officer code after a class-1 number
    (?:\.(?P<suffix>[0-9A-Za-z]+(?:[–-][A-Za-z]{1,6}\d*)?))?   # .00, .5–MSP, .1–GE (1950s subject codes)
    (?:\s+(?P<subfile>[^/:]*?[^\s/:]))?  # Pacific War, European War 1939, Chiang Kai-shek
    (?:\s*/\s*(?P<designator>[^\s:]+))?
    \s*$
    """,
    re.VERBOSE,
)
_DATE_CODE = re.compile(r"(?P<month>\d{1,2})\s*[-–—‑]\s*(?P<rest>\d{3,4})")
_LOOKS_DECIMAL = re.compile(r"\d{3}[A-Za-z0-9]*(?:\.[0-9A-Za-z]+(?:[–-][A-Za-z]{1,6}\d*)?)?(?:\s[^/:]*)?(?:\s*/\s*\S+)?\s*$")


def looks_decimal(text: str) -> bool:
    """True when *text* has the shape of a decimal file number."""
    return bool(_LOOKS_DECIMAL.match(text.strip()))


def period_for_year(year: int | None) -> str:
    """The schedule in force in *year* (before 1950 when unknown)."""
    if year is None or year < 1950:
        return "1910-1949"
    if year < 1960:
        return "1950-1959"
    if year <= 1963:
        return "1960-1963"
    # The decimal file closed in 1963: a later date code has no schedule to read it by.
    return "1964-1973"


@lru_cache(maxsize=1)
def _country_table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    data = resources.files("frus_cite").joinpath("data/decimal_countries.tsv").read_text("utf-8")
    header: list[str] = []
    for line in data.splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = cells
            continue
        table[cells[0]] = {p: n for p, n in zip(header[1:], cells[1:]) if n != "-"}
    return table


def country_name(code: str, period: str = "1910-1949") -> str | None:
    """Name of country number *code* ("61", "51g") in the schedule *period*."""
    return _country_table().get(code.upper(), {}).get(period)


def decode_date_code(designator: str) -> str | None:
    """Decode a date-coded designator: "7–1145" → "1945-07-11", "4–249" → "1949-04-02".

    Month, then day without padding, then the two-digit year.  Returns ``None``
    when *designator* is not a valid date code (it is then a serial number).
    """
    match = _DATE_CODE.fullmatch(designator.strip())
    if not match:
        return None
    month = int(match["month"])
    rest = match["rest"]
    day, year = int(rest[:-2]), 1900 + int(rest[-2:])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1910 <= year <= 1973):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_decimal(text: str, *, year: int | None = None, offset: int = 0, source: str | None = None) -> DecimalFile:
    """Decode one decimal file number.

    *year* chooses the schedule when the number carries no date code (a
    serial such as ``893.00/14961``); the date code wins when there is one.
    """
    stripped = text.strip()
    match = _NUMBER.match(stripped)
    if not match:
        raise HeaderSyntaxError(
            "expected a decimal file number such as '761.93/7–1145' (class digit, country number, "
            "optional '.subject', optional '/serial' or '/month–day–year')",
            source=source if source is not None else text,
            span=(offset, offset + max(1, len(text))),
        )
    designator = match["designator"]
    date = decode_date_code(designator) if designator else None
    if designator and date is None and _DATE_CODE.fullmatch(designator):
        at = offset + text.find(designator)
        raise HeaderSyntaxError(
            f"expected a month–day–year date after '/' (month 1–12, day 1–31, two-digit year), got '{designator}'",
            source=source if source is not None else text,
            span=(at, at + len(designator)),
        )
    period = period_for_year(int(date[:4]) if date else year)
    class_digit = match["class"]
    country = match["country"].upper()
    suffix = match["suffix"].upper() if match["suffix"] else None

    country_code = name = second = second_name = subject = subject_name = None
    if class_digit in COUNTRY_CLASSES[period] and not match["personnel"]:
        country_code, name = country, country_name(country, period)
        if suffix and class_digit == RELATIONS_CLASS[period] and re.fullmatch(r"\d\d[A-Z]?", suffix):
            second, second_name = suffix, country_name(suffix, period)
        elif suffix:
            subject = suffix
            if period == "1910-1949" and class_digit == "8":
                subject_name = SUBJECTS_1910_1949.get(suffix)
    elif suffix:
        subject = suffix
    return DecimalFile(
        class_digit=class_digit,
        class_name=CLASS_NAMES[period].get(class_digit),
        country=country_code,
        country_name=name,
        second_country=second,
        second_country_name=second_name,
        subject=subject,
        subject_name=subject_name,
        subfile=match["subfile"],
        serial=None if date else designator,
        date=date,
        period=period,
    )
