"""``cs:date`` as CSL renders it: localized forms with their overrides, ranges, seasons,
eras, literal dates; and CSL-JSON dates read as citeproc-js reads them.

citeproc-py's date rendering merged a style's ``cs:date-part`` attributes into the locale's
element for good (one cite's override leaked into the next), joined a range's parts with
a plain en dash whatever ``range-delimiter`` said and left the parts' delimiter out, read
months 13–24 as nothing and printed ``00/00/2000`` for empty date parts.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.source import Date as SourceDate
from citeproc.source import DateRange, LiteralDate, VariableError
from citeproc.string import String

from .base import temporary_attributes
from .numbers import ordinal, term_gender

__all__ = ["DateRendering", "DatePartRendering", "clean_date", "season_or_month"]

_RANK = {"year": 3, "month": 2, "day": 1}
_NOT_OVERRIDDEN = ("name", "prefix", "suffix")  # a localized date's affixes stay the locale's


# -- reading CSL-JSON dates --------------------------------------------------------------------


def _number(value: Any) -> int | None:
    text = str(value).strip()
    return int(text) if re.fullmatch(r"-?\d+", text) else None


def _clean_parts(parts: list[Any]) -> list[int]:
    """A date's parts as numbers, stopping at the first empty or invalid one (``["2000", "", ""]``
    is the year 2000; a day without a valid month means nothing)."""
    cleaned = []
    for index, part in enumerate(parts[:3]):
        number = _number(part)
        if number is None or (index > 0 and number <= 0) or (index == 0 and number == 0):
            break
        if index == 1 and season_or_month(number) is None:
            break
        cleaned.append(number)
    return cleaned


def clean_date(value: Any) -> Any:
    """A CSL-JSON date value as citeproc-py should read it: numeric parts, empty ones dropped;
    a ``raw`` date without parts is printed as it is (a ``literal``)."""
    if not isinstance(value, dict):
        return value
    value = dict(value)
    ranges = [_clean_parts(list(p)) for p in value.get("date-parts") or [] if isinstance(p, (list, tuple))][:2]
    if ranges and ranges[0]:
        value["date-parts"] = [ranges[0], ranges[1] or [0]] if len(ranges) == 2 else ranges  # [0]: open ("1987–")
    else:
        value.pop("date-parts", None)
        if "literal" not in value and str(value.get("raw") or "").strip():
            value["literal"] = str(value["raw"]).strip()
    return value


def season_or_month(number: int) -> tuple[str, int] | None:
    """("month", 1–12) or ("season", 1–4) for a CSL-JSON month: 13–16 are the seasons, and
    17–24 fold back onto them by fours (as citeproc-js reads them); anything else is no month."""
    if number < 1 or number > 24:
        return None
    while number > 16:
        number -= 4
    return ("season", number - 12) if number > 12 else ("month", number)


# -- rendering -----------------------------------------------------------------------------------


class DateRendering:
    """A style's ``cs:date`` (never a locale's: those are templates read here)."""

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        if self.is_locale_date():
            return super().process(item, variable=variable, show_parts=show_parts, context=context, **kwargs)
        variable = variable or self.get("variable")
        try:
            value = item.reference[variable.replace("-", "_")]
        except VariableError:
            return None
        if not value:
            return None
        parts, delimiter = self._template()
        if kwargs.get("sort_options") is not None and not isinstance(value, LiteralDate):
            return String(_sort_key(value, [name for name, _ in parts]))
        if isinstance(value, LiteralDate):
            text = value.text
        elif isinstance(value, DateRange) and not value.end.is_nil():
            text = self._range(value.begin, value.end, parts, delimiter)
        elif isinstance(value, DateRange):  # open: "1987–"
            text = _join(self._parts(value.begin, parts), delimiter) + "\u2013"
        else:
            single = value.begin if isinstance(value, DateRange) else value
            text = _join(self._parts(single, parts), delimiter)
        if not text:
            return None
        return self.wrap(self.format(String(text)))

    def markup(self, text):
        return text

    def _template(self) -> tuple[list[tuple[str, Any]], str]:
        """The date's parts in order, (name, element rendering it), and their delimiter: a
        localized form's parts as the locale has them, with the style's overrides; or the
        style's own parts."""
        form = self.get("form")
        if form is None:
            return [(part.get("name"), part) for part in self.iterchildren() if part.get("name")], self.get("delimiter", "")
        localized = self.get_date(form)
        shown = self.get("date-parts", "year-month-day").split("-")
        overrides = {part.get("name"): part for part in self.iterchildren() if part.get("name")}
        parts = []
        for part in localized.iterchildren():
            name = part.get("name")
            if name in shown:
                parts.append((name, _Overridden(part, overrides.get(name))))
        return parts, localized.get("delimiter", "")

    def _parts(self, date, parts, drop_first_prefix=False, drop_last_suffix=False) -> list[str]:
        rendered = []
        shown = [(name, part) for name, part in parts if _value(date, name) is not None]
        for index, (name, part) in enumerate(shown):
            text = part.render_value(self, date, name)
            if text is None:
                continue
            keep_prefix = not (drop_first_prefix and index == 0)
            keep_suffix = not (drop_last_suffix and index == len(shown) - 1)
            rendered.append(part.affixed(text, keep_prefix, keep_suffix))
        return rendered

    def _range(self, begin, end, parts, delimiter) -> str:
        """A range: the parts as large as the largest that differs or smaller are written for
        both ends, joined by that part's ``range-delimiter``; the others once."""
        names = [name for name, _ in parts]
        differing = next((n for n in ("year", "month", "day") if n in names and _value(begin, n) != _value(end, n)), None)
        if differing is None:
            return _join(self._parts(begin, parts), delimiter)
        varying = [(n, p) for n, p in parts if _RANK[n] <= _RANK[differing]]
        range_delimiter = dict(parts)[differing].get("range-delimiter", "\u2013")
        first = _join(self._parts(begin, varying, drop_last_suffix=True), delimiter)
        last = _join(self._parts(end, varying, drop_first_prefix=True), delimiter)
        pieces, placed = [], False
        for name, part in parts:
            if _RANK[name] <= _RANK[differing]:
                if not placed:
                    pieces.append(first + range_delimiter + last)
                    placed = True
            else:
                pieces.extend(self._parts(end, [(name, part)]))
        return _join(pieces, delimiter)


class DatePartRendering:
    """A ``cs:date-part``: its value in its form, and its affixes applied on request (a
    range leaves out the affixes at its join)."""

    def render_value(self, date_element, date, name) -> str | None:
        return _render_part(self, date_element, date, name)

    def affixed(self, text: str, keep_prefix: bool = True, keep_suffix: bool = True) -> str:
        return (self.get("prefix", "") if keep_prefix else "") + text + (self.get("suffix", "") if keep_suffix else "")


class _Overridden:
    """A locale's date-part with the style's attributes for it (``form``, formatting,
    ``text-case``, ``range-delimiter``) put on for the time of one rendering."""

    def __init__(self, part, override) -> None:
        self.part = part
        self.values = {k: v for k, v in (override.attrib.items() if override is not None else ()) if k not in _NOT_OVERRIDDEN}

    def get(self, name, default=None):
        return self.values.get(name, self.part.get(name, default))

    def render_value(self, date_element, date, name):
        with temporary_attributes(self.part, self.values):
            return _render_part(self.part, date_element, date, name)

    def affixed(self, text, keep_prefix=True, keep_suffix=True):
        return self.part.affixed(text, keep_prefix, keep_suffix)


def _value(date, name: str):
    """The date's *name* part (a month or a season for "month"), None when it has none."""
    value = date.get(name)
    if name == "month":
        if value is None:
            season = date.get("season")
            return ("season", season) if season not in (None, "") else None
        return season_or_month(value)
    if name == "day" and date.get("month") is None:
        return None
    return value if value not in (None, 0, "") else None


def _render_part(part, date_element, date, name) -> str | None:
    value = _value(date, name)
    if value is None:
        return None
    form = part.get("form")
    if name == "year":
        text = _year(date_element, value, form or "long")
    elif name == "month":
        text = _month(date_element, value, form or "long")
    else:
        text = _day(date_element, value, form or "numeric", date)
    if not text:
        return None
    if part.get("strip-periods", "false").lower() == "true":
        text = text.replace(".", "")
    return str(part.format(part.case(String(text))))


def _year(date_element, year: int, form: str) -> str:
    if form == "short":
        return str(abs(year))[-2:]
    text = str(abs(year))
    if year < 0:
        return text + str(date_element.get_single_term("bc"))
    if year < 1000:
        return text + str(date_element.get_single_term("ad"))
    return text


def _month(date_element, value: tuple[str, Any], form: str) -> str:
    kind, number = value
    if kind == "season":
        if isinstance(number, str) and not number.isdigit():
            return number  # a season given as text ("Easter")
        return str(date_element.get_single_term(f"season-{int(number):02}"))
    if form == "numeric":
        return str(number)
    if form == "numeric-leading-zeros":
        return f"{number:02}"
    term = f"month-{number:02}"
    if form == "short":
        return str(date_element.get_single_term(term, form="short") or date_element.get_single_term(term))
    return str(date_element.get_single_term(term))


def _day(date_element, day: int, form: str, date) -> str:
    if form == "numeric-leading-zeros":
        return f"{day:02}"
    if form == "ordinal":
        limited = str(date_element.get_locale_option("limit-day-ordinals-to-day-1") or "false").lower() == "true"
        if not limited or day == 1:  # the suffix agrees with the month's gender (French "1er")
            return ordinal(date_element, day, term_gender(date_element, f"month-{date.get('month'):02}"))
    return str(day)


def _join(pieces: list[str], delimiter: str) -> str:
    return delimiter.join(piece for piece in pieces if piece)


def _sort_key(value, shown: list[str]) -> str:
    """A date in a macro sort key: its shown parts as a number that sorts in time (BC first)."""
    def key(date) -> str:
        year = date.get("year") or 0
        month = _value(date, "month")
        month_number = (month[1] + 12 if month[0] == "season" else month[1]) if month and str(month[1]).isdigit() else 0
        day = date.get("day") if "day" in shown else 0
        return f"{year + 50000:06}{month_number if 'month' in shown else 0:02}{day or 0:02}"

    if isinstance(value, DateRange):
        return key(value.begin) + (key(value.end) if not value.end.is_nil() else "")
    return key(value)
