"""Dates as FRUS and the Wilson Center print them: "July 11, 1945", "22 November, 1918"."""

from __future__ import annotations

import re

__all__ = ["MONTHS", "DATE_PATTERN", "iso_from_match"]

MONTHS = (
    "January February March April May June July August September October November December".split()
)
_MONTH = "|".join(MONTHS)
DATE_PATTERN = re.compile(
    rf"(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>1[789]\d\d|20\d\d)"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}),?\s+(?P<year2>1[789]\d\d|20\d\d))"
)


def iso_from_match(match: re.Match[str]) -> str:
    """The ISO date of a :data:`DATE_PATTERN` match."""
    month = match["month"] or match["month2"]
    day = match["day"] or match["day2"]
    year = match["year"] or match["year2"]
    return f"{int(year):04d}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
