"""What whole-citation rendering asks of one cite: names expanded to tell items apart, the
year-suffix, the citation-number, and the first names kept aside for cite grouping.

The note engine (:mod:`..disambiguation`, :mod:`..cluster`) decides these over the whole set
of cited items and hands them to each cite in keys of its citeproc-py ``CitationItem``;
the classes here only read them, so a cite without them renders as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from citeproc.source import Date as CiteprocDate
from citeproc.source import DateRange, VariableError
from citeproc.source import Name as CiteprocName

from .base import FIRST_NAMES_KEY, NAMES_KEY, NUMBER_KEY, YEAR_SUFFIX_KEY, temporary_attributes

FULL_GIVEN = "\ue0fd"
"""Put before a given name that ``initialize-with`` must leave whole (taken off by :class:`ExpandedNames`)."""


@dataclass(frozen=True, slots=True)
class NameExpansion:
    """How a cite's names are shown beyond the style's own forms.

    ``shown``: names printed before "et al." (add-names), None for the style's count;
    ``levels``: ((index, person), level) for persons, as (family, given), whose given name
    is added where they are the *index*-th name of a list (-1: wherever they are): level 1
    initials (when the style initializes), 2 the whole given name."""

    shown: int | None = None
    levels: tuple[tuple[tuple[int, tuple[str, str]], int], ...] = ()

    def level(self, index: int, person: tuple[str, str]) -> int:
        return max((level for (at, who), level in self.levels if who == person and at in (-1, index)), default=0)


def person(name) -> tuple[str, str]:
    """A citeproc-py name as the disambiguation knows a person: (family with its
    non-dropping particle, given)."""
    given, family, _dropping, non_dropping, _suffix = name.parts()
    return " ".join(str(part) for part in (non_dropping, family) if part), str(given or "")


def letters(number: int) -> str:
    """The year-suffix for the *number*-th item (1: "a", 26: "z", 27: "aa", 52: "az")."""
    text = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


class ExpandedNames:
    """``cs:name`` with a cite's :class:`NameExpansion`: more names before "et al.", and given
    names added to the persons it lists (in a short form the name is written in full)."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        expansion = item.get(NAMES_KEY) if sort_options is None else None
        if not expansion:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        overrides = {}
        if expansion.shown is not None:
            overrides = {"et-al-use-first": str(expansion.shown), "et-al-subsequent-use-first": str(expansion.shown)}
        reference = item.reference
        names = reference.get(variable)
        expanded = [self._expanded(name, expansion.level(i, person(name)), context) for i, name in enumerate(names or [])]
        if names:
            reference[variable] = expanded
        try:
            with temporary_attributes(self, overrides):
                return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            if names:
                reference[variable] = names

    def _expanded(self, name, level: int, context):
        """*name* with its given name added at *level* (the same name when there is nothing to add)."""
        given, family, dropping, non_dropping, suffix = name.parts()
        if level == 0 or not given or "literal" in name:
            return name
        initials = self.get_option("initialize-with", context)
        if self.get_option("form", context) == "short":
            shown = self.initialize(given, initials, context) if level == 1 and initials is not None else given
            whole = " ".join(part for part in (shown, dropping, non_dropping, family) if part)
            return CiteprocName(family=whole)
        if level == 2 and initials is not None:
            return CiteprocName(**{**dict(name), "given": FULL_GIVEN + given})
        return name

    def initialize(self, given, mark, context):
        if str(given).startswith(FULL_GIVEN):
            return str(given)[len(FULL_GIVEN):]
        return super().initialize(given, mark, context)


class GeneratedVariables:
    """``cs:text`` for the variables the processor makes: ``year-suffix`` and ``citation-number``."""

    def _variable(self, item, context):
        variable = self.get("variable")
        if variable == "year-suffix":
            if not item.get(YEAR_SUFFIX_KEY):
                raise VariableError(variable)
            return item[YEAR_SUFFIX_KEY]
        if variable == "citation-number" and item.get(NUMBER_KEY) is not None:
            return str(item[NUMBER_KEY])
        return super()._variable(item, context)


_PENDING_SUFFIX = "frus_pending_year_suffix"


class ImplicitYearSuffix:
    """A style that does not print ``year-suffix`` itself gets it after the year of the first
    date a cite prints (CSL: "the year-suffix is appended to the first year rendered")."""

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        suffix = item.get(YEAR_SUFFIX_KEY) if kwargs.get("sort_options") is None else None
        if not suffix or item.get(_PENDING_SUFFIX) is not None or self._prints_year_suffix():
            return super().process(item, variable, show_parts, context, **kwargs)
        value = item.reference.get((variable or self.get("variable") or "").replace("-", "_"))
        date = value.begin if isinstance(value, DateRange) else value
        if not isinstance(date, CiteprocDate):
            return super().process(item, variable, show_parts, context, **kwargs)
        item[_PENDING_SUFFIX] = suffix
        date[_PENDING_SUFFIX] = suffix
        try:
            text = super().process(item, variable, show_parts, context, **kwargs)
        finally:
            printed = _PENDING_SUFFIX not in date
            date.pop(_PENDING_SUFFIX, None)
        item[_PENDING_SUFFIX] = "" if printed else None  # "": printed once, never again in this cite
        return text

    def _prints_year_suffix(self) -> bool:
        return bool(self.get_root().xpath_search(".//cs:text[@variable='year-suffix']"))


class YearSuffixAfterYear:
    """``cs:date-part name="year"`` printing the pending implicit year-suffix."""

    def process(self, date, context=None):
        text = super().process(date, context)
        if text and self.get("name") == "year" and isinstance(date, CiteprocDate):
            suffix = date.pop(_PENDING_SUFFIX, None)
            if suffix:
                text = text + suffix
        return text


class FirstNames:
    """The first names a grouping citation's cite prints are kept aside on the cite (cite
    grouping compares them), and cut when the cite follows one with the same names
    (collapse)."""

    def render(self, item, *args, **kwargs):
        text = super().render(item, *args, **kwargs)
        wanted = item.get(FIRST_NAMES_KEY)
        if wanted not in ("keep", "cut") or kwargs.get("sort_options") is not None or not text:
            return text
        if self.xpath_search("./ancestor::cs:substitute"):
            return text
        item[FIRST_NAMES_KEY] = str(text)
        return None if wanted == "cut" else text
