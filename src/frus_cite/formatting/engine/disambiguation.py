"""What whole-citation rendering asks of one cite: names expanded to tell items apart, the
year-suffix, the citation-number, and the first names kept aside for cite grouping.

The note engine (:mod:`..disambiguation`, :mod:`..cluster`) decides these over the whole set
of cited items and hands them to each cite in keys of its citeproc-py ``CitationItem``;
the classes here only read them, so a cite without them renders as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeproc.source import Date as CiteprocDate
from citeproc.source import DateRange, VariableError

from .base import AMBIGUITY_KEY, FIRST_NAMES_KEY, FIRST_NAMES_TEXT_KEY, NAMES_KEY, NUMBER_KEY, YEAR_SUFFIX_KEY, temporary_attributes
from .personal_names import person_name

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


NAME_VARIABLES = ("author", "editor", "translator", "composer", "director", "illustrator", "interviewer",
                  "recipient", "collection-editor", "container-author", "editorial-director", "original-author",
                  "reviewed-author")
"""The name variables whose persons disambiguation and citation-labels look at, in order."""


def person_key(raw) -> tuple[str, str]:
    """A CSL-JSON name as the disambiguation knows a person: (family with its non-dropping
    particle, given), read as the names are read for printing ("" for an institution)."""
    return parsed_person_key(person_name(raw))


def parsed_person_key(name) -> tuple[str, str]:
    """:func:`person_key` of a name already read (a :func:`.personal_names.person_name`)."""
    if name.literal is not None:
        return "", ""
    return " ".join(part for part in (name.non_dropping, name.family) if part), name.given


def letters(number: int) -> str:
    """The year-suffix for the *number*-th item (1: "a", 26: "z", 27: "aa", 52: "az")."""
    text = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


class ExpandedNames:
    """``cs:name`` with a cite's :class:`NameExpansion`: more names before "et al.", and given
    names added to the persons it lists (a short form becomes the long one for them)."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        expansion = item.get(NAMES_KEY) if sort_options is None else None
        if not expansion:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        overrides = {}
        if expansion.shown is not None:
            overrides = {"et-al-use-first": str(expansion.shown), "et-al-subsequent-use-first": str(expansion.shown)}
        self._frus_expansion = expansion  # read by _person, for the time of this call
        try:
            with temporary_attributes(self, overrides):
                return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            self._frus_expansion = None

    def _person(self, person, options, inverted, index, sort_options):
        expansion = vars(self).get("_frus_expansion")
        key = parsed_person_key(person)
        level = expansion.level(index, key) if expansion and person.literal is None and person.given else 0
        if level:
            short = options["form"] == "short"
            options = dict(options, form="long")
            if level == 2 or (short and options["initialize-with"] is None):
                options["initialize-with"] = None  # the whole given name
            inverted = self._inverted(options, index) if short else inverted
        return super()._person(person, options, inverted, index, sort_options)


_TRIGRAPH = ((4,), (2, 2), (2, 1, 1), (1, 1, 1, 1))
"""Letters taken from each name for a citation-label, by number of names (citeproc-js's
default trigraph "Aaaa00:AaAa00:AaAA00:AAAA00")."""


def _label_word(text: str, letters_wanted: int) -> str:
    word = re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.I)
    word = "".join(char for char in word if char.isalpha())[:letters_wanted]
    return word[:1].upper() + word[1:].lower()


def citation_label(reference) -> str:
    """CSL's ``citation-label``: the item's own, or letters of its first names (or of its
    title) and the last two digits of its year ("Asth00", "RoNo78")."""
    own = reference.get("citation_label")
    if own:
        return str(own)
    label = ""
    for variable in NAME_VARIABLES:
        names = reference.get(variable.replace("-", "_")) or []
        if names:
            counts = _TRIGRAPH[min(len(names), len(_TRIGRAPH)) - 1]
            for name, wanted in zip(names, counts):
                given, family, *_ = name.parts()
                label += _label_word(re.sub(r"^[ '\u2019a-z]+\s+", "", str(family or "")), wanted)
            break
    if not label and reference.get("title"):
        label = _label_word(str(reference["title"]).replace(" ", ""), _TRIGRAPH[0][0])
    issued = reference.get("issued")
    date = issued.begin if isinstance(issued, DateRange) else issued
    year = date.get("year") if isinstance(date, CiteprocDate) else None
    return label + (f"{abs(int(year)) % 100:02}" if year else "00")


class GeneratedVariables:
    """``cs:text`` for the variables the processor makes: ``year-suffix``, ``citation-number``
    and ``citation-label`` (which carries the year-suffix when the style prints it)."""

    def _variable(self, item, context):
        variable = self.get("variable")
        if variable == "year-suffix":
            if not item.get(YEAR_SUFFIX_KEY):
                raise VariableError(variable)
            return item[YEAR_SUFFIX_KEY]
        if variable == "citation-number" and item.get(NUMBER_KEY) is not None:
            return str(item[NUMBER_KEY])
        if variable == "citation-label":
            return citation_label(item.reference) + (item.get(YEAR_SUFFIX_KEY) or "")
        return super()._variable(item, context)


class AccessedNotCompared:
    """In a cite's ambiguity form the date an item was accessed prints nothing: two works
    are the same reference to a reader whatever day each was looked up."""

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        if item.get(AMBIGUITY_KEY) and (variable or self.get("variable")) == "accessed":
            return None
        return super().process(item, variable, show_parts, context, **kwargs)


class ImplicitYearSuffix:
    """A style that does not print ``year-suffix`` itself gets it after the year of the first
    date a cite prints (CSL: "the year-suffix is appended to the first year rendered")."""

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        suffix = item.get(YEAR_SUFFIX_KEY) if kwargs.get("sort_options") is None else None
        if not suffix or item.get(_SUFFIX_PRINTED) or self.is_locale_date() or self._prints_year_suffix():
            return super().process(item, variable, show_parts, context, **kwargs)
        self._frus_year_suffix = suffix  # read by the year part (see _template), which clears it
        try:
            text = super().process(item, variable, show_parts, context, **kwargs)
        finally:
            item[_SUFFIX_PRINTED] = self._frus_year_suffix is None
            self._frus_year_suffix = None
        return text

    def _template(self):
        parts, delimiter = super()._template()
        if not vars(self).get("_frus_year_suffix"):
            return parts, delimiter
        return [(name, _YearWithSuffix(part, self) if name == "year" else part) for name, part in parts], delimiter

    def _prints_year_suffix(self) -> bool:
        return bool(self.get_root().xpath_search(".//cs:text[@variable='year-suffix' or @variable='citation-label']"))


_SUFFIX_PRINTED = "frus_year_suffix_printed"


class _YearWithSuffix:
    """A year date-part printing the date's pending year-suffix after the year, once."""

    def __init__(self, part, date_element) -> None:
        self.part, self.date_element = part, date_element

    def get(self, name, default=None):
        return self.part.get(name, default)

    def render_value(self, date_element, date, name):
        text = self.part.render_value(date_element, date, name)
        suffix = vars(self.date_element).get("_frus_year_suffix")
        if text and suffix:
            self.date_element._frus_year_suffix = None
            return text + suffix
        return text

    def affixed(self, text, keep_prefix=True, keep_suffix=True):
        return self.part.affixed(text, keep_prefix, keep_suffix)


class FirstNames:
    """The first names a grouping citation's cite prints are kept aside on the cite (cite
    grouping compares them), and cut when the cite follows one with the same names
    (collapse)."""

    def render(self, item, *args, **kwargs):
        text = super().render(item, *args, **kwargs)
        wanted = item.get(FIRST_NAMES_KEY)
        if wanted not in ("keep", "cut") or FIRST_NAMES_TEXT_KEY in item or kwargs.get("sort_options") is not None or not text:
            return text
        if self.xpath_search("./ancestor::cs:substitute"):
            return text
        item[FIRST_NAMES_TEXT_KEY] = str(text)
        return None if wanted == "cut" else text
