"""frus-cite's CSL engine layer: citeproc-py's style tree, with element classes of our own.

citeproc-py turns a style into a tree of elements whose Python classes come from
:mod:`citeproc.model`, chosen by tag.  :class:`FrusStyle` parses with its own choice of
classes: each is a subclass of citeproc-py's class for that tag, adding

* answers to XPath questions kept by the style that owns the tree (citeproc-py asks some
  60 of them per note; a parsed style does not change, so the answers can be kept);
* the CSL position the note engine decided (:mod:`.notes` knows note numbers, citeproc-py
  does not);
* CSL semantics citeproc-py lacks, each class saying which.

Nothing in citeproc-py is patched: a plain ``CitationStylesStyle`` in the same process
still gets citeproc-py's own classes and behaviour.
"""

from __future__ import annotations

import html as html_lib
import os
import re
import unicodedata
from functools import cmp_to_key
from typing import Any

from citeproc import DATES, LANGUAGE_NAMES, LOCALES_PATH, NAMES, NUMBERS, PRIMARY_DIALECTS
from citeproc import model
from citeproc.frontend import CitationStylesStyle
from citeproc.source import VariableError
from citeproc.string import String, normalize_seam
from lxml import etree

from .textcase import apply_text_case

__all__ = ["FrusStyle", "POSITION_KEY", "NEAR_NOTE_KEY", "DISAMBIGUATE_KEY", "GIVENNAME_KEY"]

CSL_NS = "http://purl.org/net/xbiblio/csl"
POSITION_KEY = "frus_position"
"""Key of a citeproc-py ``CitationItem`` holding the position decided by the note engine."""
NEAR_NOTE_KEY = "frus_near_note"
GIVENNAME_KEY = "frus_add_givenname"
"""True on a cite whose short names are written in full to tell it apart (disambiguate-add-givenname)."""
DISAMBIGUATE_KEY = "frus_disambiguate"
"""True on a cite the note engine found ambiguous (CSL's ``disambiguate`` condition)."""


class _KeptAnswers:
    """XPath answers kept in a dictionary owned by the tree's root (set by :class:`FrusStyle`).

    Each answer is kept with the element it was asked of, so the element's Python proxy
    stays alive and its identity is a valid key; lxml would otherwise make a new proxy,
    dropping what citeproc-py stores on elements (a layout's suppressed variables)."""

    def xpath_search(self, expression):
        answers = self.getroottree().getroot().__dict__.get("kept_answers")
        if answers is None:
            return super().xpath_search(expression)
        key = (id(self), expression)
        kept = answers.get(key)
        if kept is None or kept[0] is not self:
            kept = answers[key] = (self, super().xpath_search(expression))
        return list(kept[1])


_NUMBER_WITH_AFFIXES = r"[^\W\d_]*\d+[^\W\d_]*"
_NUMERIC = re.compile(rf"\s*{_NUMBER_WITH_AFFIXES}(?:\s*(?:[-–,&]|and)\s*{_NUMBER_WITH_AFFIXES})*\s*")


def is_numeric(value: str) -> bool:
    """CSL's ``is-numeric``: numbers, each with optional letters around it ("2nd", "A1"), alone
    or as a range or list ("926-928", "2, 4 & 5"); citeproc-py accepted one number only, and
    never looked at the locator."""
    return _NUMERIC.fullmatch(value) is not None


class _PositionFromEngine:
    """``position`` tests answered from the position the note engine gave the cite, and the
    ``disambiguate`` test, which citeproc-py skipped (an ``<if disambiguate="true">`` branch
    was always taken): true when the note engine found the cite ambiguous."""

    def _is_numeric(self, item):
        results = []
        for variable in self.get("is-numeric").split():
            if variable == "locator":
                value = item.locator.identifier if item.has_locator else None
            else:
                value = item.reference.get(variable.replace("-", "_"))
            results.append(value is not None and is_numeric(str(value)))
        return results

    def render(self, item, context=None, delimiter="", **kwargs):
        tests = [
            (self._type, "type"), (self._variable, "variable"), (self._is_numeric, "is-numeric"),
            (self._is_uncertain_date, "is-uncertain-date"), (self._locator, "locator"),
        ]
        results = [result for test, attribute in tests if attribute in self.attrib for result in test(item)]
        if "position" in self.attrib:
            results += self._position(item, context)
        if "disambiguate" in self.attrib:
            results.append(bool(item.get(DISAMBIGUATE_KEY)) == (self.get("disambiguate") == "true"))
        match = self.get("match", "all")
        passed = any(results) if match == "any" else not any(results) if match == "none" else all(results)
        if not passed:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _position(self, item, context):
        decided = item.get(POSITION_KEY)
        if decided is None:  # a cite not placed by the note engine: citeproc-py's own guess
            return super()._position(item, context)
        if (context if context is not None else self).xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        tests = {
            "first": decided == "first",
            "subsequent": decided != "first",
            "ibid": decided in ("ibid", "ibid-with-locator"),
            "ibid-with-locator": decided == "ibid-with-locator",
            "near-note": bool(item.get(NEAR_NOTE_KEY)),
        }
        return [tests.get(wanted, False) for wanted in self.get("position").split()]


class _SubstitutedOnce:
    """Names that ``cs:substitute`` put in the place of another variable are not printed again
    later in the same entry (CSL 1.0.2, "Substitution"): an edited book's editors stand in
    for its author once.  citeproc-py records the substituted variable but only ``cs:text``
    looks at the record."""

    def process(self, item, names_context=None, context=None, **kwargs):
        if self.name is not None:  # its own <name>: not the one of the names it stands in for
            names_context = None
        layout = (context if context is not None else self).get_layout()
        used = {role for entry in getattr(layout, "repressed", {}).get(self.tag, []) if entry for role in entry.split()}
        roles = self.get("variable", "").split()
        left = [role for role in roles if role not in used]
        if not left:
            raise VariableError(self.get("variable"))
        # citeproc-py's process reads the attribute: the used roles are taken out for the call
        with _attributes(self, {"variable": " ".join(left)} if len(left) < len(roles) else {}):
            text = super().process(item, names_context=names_context, context=context, **kwargs)
        if text:
            _note_printed(layout, self.tag, [role for role in left if role in item.reference])
        return text


def _note_printed(layout, tag: str, variables) -> None:
    """Record printed variables while a ``cs:substitute`` child is being tried."""
    printed = getattr(layout, "printed", None)
    if printed is not None:
        printed.extend((tag, variable) for variable in variables)


def shorten_range_end(first: str, last: str, form: str | None) -> str:
    """The second number of a page range as CSL's ``page-range-format`` writes it.

    ``expanded`` (and no format): in full; ``minimal``: only the digits that change;
    ``minimal-two``: those, but at least two; ``chicago-16`` (CMOS 16–17): in full under
    100 and at a multiple of 100, minimal after 101–109, minimal-two otherwise; ``chicago``
    / ``chicago-15``: the same, but four-digit numbers with three changed digits in full
    (1496–1504).  An abbreviated end (``100-4``) is first read in full (104); numbers of
    different lengths, or not plain digits, stay whole."""
    if form is None or not (first.isdigit() and last.isdigit()) or max(len(first), len(last)) > 9:
        return last  # not page numbers to shorten (thousands of digits are past int()'s limit)
    if len(last) < len(first) and int(first[: len(first) - len(last)] + last) > int(first):
        last = first[: len(first) - len(last)] + last
    if len(first) != len(last) or form == "expanded":
        return last
    common = next((i for i, (a, b) in enumerate(zip(first, last)) if a != b), len(last))
    minimal, minimal_two = last[common:] or last[-1:], last[min(common, len(last) - 2):]
    if form == "minimal":
        return minimal
    if form == "minimal-two":
        return minimal_two
    if form not in ("chicago", "chicago-15", "chicago-16"):
        return last
    number = int(first)
    if number < 100 or number % 100 == 0:
        return last
    if number % 100 < 10:
        return minimal
    if form != "chicago-16" and len(first) == 4 and len(last) - common >= 3:
        return last
    return minimal_two


# Linear (#16): a range starts where a word starts, not inside it; the number is the last run
# of digits, found without trying every shorter prefix.
_RANGE = re.compile(r"(?<![^\s,&\-–])([^\s,&\-–]+)\s*[-–]\s*([^\s,&\-–]+)")
_PREFIXED_NUMBER = re.compile(r"(.*[^\d\n]|)(\d+)")


def format_ranges(text: str, form: str | None, delimiter: str) -> str:
    """Each range ``a-b`` of *text* joined by *delimiter*, its end shortened as *form* says.

    The two ends must have the same prefix before their digits (``N110-N115``, ``110-5``);
    an abbreviated end loses the prefix (``8n11564–68``), a full one keeps it.  Other
    ranges (``N110-5``, ``110-N6``) are left exactly as written, hyphen included."""

    def shorten(match: re.Match[str]) -> str:
        first, last = _PREFIXED_NUMBER.fullmatch(match[1]), _PREFIXED_NUMBER.fullmatch(match[2])
        if not first and not last:  # roman numerals, words: joined, nothing to shorten
            return match[1] + delimiter + match[2]
        if not (first and last and last[1] == first[1]):
            return match[1] + "-" + match[2]
        end = shorten_range_end(first[2], last[2], form)
        return match[1] + delimiter + (end if len(end) < len(first[2]) else last[1] + end)

    return _RANGE.sub(shorten, text)


class _RangeFormats:
    """Page ranges in the style's ``page-range-format``, for ``page`` and for locators
    labelled ``page`` (citeproc-py's chicago rules abbreviate 100–104 to 100–4, and it does
    not read ``100-4`` as 100–104); any locator's ranges joined by an en dash, as
    citeproc-js does."""

    def _process(self, value, variable):
        if variable not in ("page", "locator"):
            return super()._process(value, variable)
        if variable == "page":
            form = self.get_root().get("page-range-format")
            delimiter = str(self.get_single_term(name="page-range-delimiter")) or "\u2013"
        else:
            form, delimiter = None, "\u2013"
        # "\-" is a hyphen that joins no range ("327\-30"): kept out of the range reading
        text = format_ranges(str(value).strip().replace("\\-", "\ue0ff"), form, self.preformat(delimiter))
        return text.replace("\ue0ff", "-")

    def _variable(self, item, context):
        if self.get("variable") != "locator" or not item.has_locator:
            text = super()._variable(item, context)
            if text:
                _note_printed(context.get_layout(), self.tag, [self.get("variable")])
            return text
        label = item.locator.label
        return self._process(item.locator.identifier, "page" if label == "page" else "locator")


class _Substitution:
    """``cs:substitute`` as CSL means it: its first child that prints something stands in for
    the names; a ``cs:names`` without a ``<name>`` of its own, also inside ``cs:choose``,
    takes the ``<name>`` and ``<label>`` of the names it stands in for (citeproc-py did so
    only for direct children: editors in a ``choose`` lost "ed." and were initialised); and
    every variable the child printed, through macros too, is not printed again in the entry
    (citeproc-py recorded only a direct ``variable``: a title came out twice)."""

    def render(self, item, context=None, **kwargs):
        kwargs.pop("names_context", None)
        names = self.getparent()
        layout = (context if context is not None else self).get_layout()
        for child in self.iterchildren():
            layout.printed = []
            try:
                text = child.render(item, context=context, names_context=names, **kwargs)
            except VariableError:
                text = None
            finally:
                printed, layout.printed = layout.printed, None
            if text:
                for tag, variable in printed:
                    layout.repressed.setdefault(tag, []).append(variable)
                if kwargs.get("sort_options") is None and getattr(layout, "first_names", "") is None:
                    layout.first_names = str(text)  # a title standing in for the author is substituted too
                return text
        return None


class _LabelNeedsItsVariable:
    """A ``cs:label`` prints only when its variable has a value (citeproc-py printed the
    term anyway: "edition" after an article with no edition)."""

    def calls_variable(self):
        return self.get("variable") is not None

    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        own = self.get("variable")
        if variable is None and own not in (None, "locator") and not item.reference.get(own.replace("-", "_")):
            raise VariableError(own)
        if kwargs.get("sort_options") is not None:  # a sort key is the names, not their "ed."
            return None
        if variable is None and plural is None and own is not None:
            plural = self._plural_value(item, own)
        return super().process(item, variable=variable, plural=plural, context=context, **kwargs)

    def _plural_value(self, item, own: str) -> bool | None:
        """Plural for a count above one ("volumes 2"; citeproc-py failed on number-of-*) or for
        several numbers, an escaped hyphen ("327\\-30") joining nothing; None: citeproc-py decides."""
        if own == "locator":
            value = item.locator.identifier if item.has_locator else None
        else:
            value = item.reference.get(own.replace("-", "_"))
        if value is None or self.get("plural", "contextual") != "contextual":
            return None
        if own.startswith("number-of"):
            number = re.match(r"\s*(\d+)", str(value))
            return bool(number) and int(number[1]) > 1
        return bool(re.search(r"\d[^\d.]+\d", str(value).replace("\\-", "")))


_TAG_TEXT = re.compile(r"<[^>]*>")


def sort_text(text: str) -> str:
    """A sort key's text compared as citeproc-js compares it: without markup, case, accents and
    punctuation ("[F]linders" sorts as Flinders)."""
    text = unicodedata.normalize("NFKD", html_lib.unescape(_TAG_TEXT.sub("", str(text))))
    # Spaces and punctuation do not count ("Papers, 1945" before "Papers, ed."), except between
    # the parts of a name, marked NAME_PART_BREAK, which sorts first ("Dale" before "Dalebout").
    return "".join(c for c in text if (c.isalnum() or c == NAME_PART_BREAK) and not unicodedata.combining(c)).casefold()


NAME_PART_BREAK = "\x00"


class _CslSort:
    """``cs:sort`` as CSL sorts: keys compared in order, an empty key last whatever the
    direction, ties kept in citation order; text without case, accents and punctuation,
    numbers as numbers, dates by year, month and day (citeproc-py compares raw strings and
    sorts its "None" keys by type)."""

    def sort(self, items, context):
        keys = self.findall("cs:key", self.nsmap)
        rows = [[key.sort_value(item, context) for key in keys] for item in items]
        descending = [key.get("sort", "ascending") == "descending" for key in keys]

        def compare(left: int, right: int) -> int:
            for a, b, reverse in zip(rows[left], rows[right], descending):
                if a == b:
                    continue
                if a is None or b is None:
                    return 1 if a is None else -1
                return (1 if a > b else -1) * (-1 if reverse else 1)
            return 0

        return [items[i] for i in sorted(range(len(items)), key=cmp_to_key(compare))]


class _CslSortKey:
    """One ``cs:key``'s value for an item: (0, number) or (1, text); None when empty."""

    def sort_value(self, item, context):
        variable = self.get("variable")
        if variable is None:
            return self._macro_value(item, context)
        name = variable.replace("-", "_")
        value = item.reference.get(name)
        if variable == "citation-number":
            return (0, item.number, "")
        if value is None or (isinstance(value, str) and not value):
            return None
        if name in NAMES:
            return (1, 0, sort_text(NAME_PART_BREAK.join(_name_sort_text(n) for n in value)))
        if name in DATES:
            return (1, 0, value.sort_key()) if hasattr(value, "sort_key") else (1, 0, str(value))
        if name in NUMBERS:
            number = re.match(r"\s*(\d+)", str(value))
            if number:
                return (0, int(number[1]), "")
        return (1, 0, sort_text(value)) if sort_text(value) else None

    def _macro_value(self, item, context):
        options = {"name-as-sort-order": "all"}
        for option in ("names-min", "names-use-first", "names-use-last"):
            if option in self.attrib:
                options[option.replace("names", "et-al")] = self.get(option)
        layout = context.get_layout()
        saved, layout.repressed = getattr(layout, "repressed", {}), {}
        try:
            rendered = self.get_macro(self.get("macro")).render(item, context=context, sort_options=options)
        finally:
            layout.repressed = saved
        text = sort_text(rendered) if rendered else ""
        return (1, 0, text) if text else None


def _name_sort_text(name) -> str:
    given, family, dropping, non_dropping, suffix = name.parts()
    return NAME_PART_BREAK.join(part.replace(" ", NAME_PART_BREAK) for part in (non_dropping, family, given, dropping, suffix) if part)


class _AuthorSubstitute:
    """``subsequent-author-substitute``: an entry whose first names are those of the entry
    before it prints the substitute (Chicago's 3-em dash) in their place (rule
    ``complete-all``, the default); citeproc-py ignores the option."""

    def render_bibliography(self, citation_items):
        bibliography = self.getparent()
        substitute = bibliography.get("subsequent-author-substitute")
        entries, previous = [], None
        for item in citation_items:
            self.repressed, self.first_names = {}, None
            body = self.render_children(item)
            names = self.first_names
            if body is not None and substitute is not None and names and names == previous:
                body = str(body).replace(names, self.preformat(substitute), 1)
            previous = names
            text = self.format(self.wrap(body))
            if text is not None:
                entries.append(text)
        return entries


_GIVEN_TOKEN = re.compile(r"([^\s.]+)(\.?)")


def initialize_given(given: str, mark: str, *, initialize: bool = True, hyphen: bool = True) -> str:
    """A given name with ``initialize-with`` *mark*, as CSL and citeproc-js write it.

    A word followed by a period ("Ph.", "ME.") or a single capital is already an initial:
    it is kept, with *mark* after it.  A full name becomes its initial (each part of a
    hyphenated one: J.-L.), or with ``initialize="false"`` stays whole.  Lower-case words
    (particles: "de") stay as they are."""
    pieces: list[str] = []

    def whole(word: str) -> None:  # a word kept whole stands apart from what comes before
        if pieces and not pieces[-1].endswith(" "):
            pieces[-1] += " "
        pieces.append(word + " ")

    for word, period in _GIVEN_TOKEN.findall(given):
        if not word[0].isupper():
            whole(word)
        elif period or (len(word) == 1):
            pieces.append(word + mark)
        elif not initialize:
            whole(word)
        else:
            parts = [p for p in word.split("-") if p]
            joined = ("-" if hyphen else "").join(_initial(p) + mark.rstrip() for p in parts)
            pieces.append(joined + mark[len(mark.rstrip()):])
    return "".join(pieces).strip()


class _attributes:
    """Attributes of *element* set for the time of a citeproc-py call that reads them, then restored."""

    def __init__(self, element, values: dict[str, str]):
        self.element, self.values = element, values
        self.saved = {name: element.get(name) for name in values}

    def __enter__(self):
        for name, value in self.values.items():
            self.element.set(name, value)

    def __exit__(self, *exc):
        for name, value in self.saved.items():
            if value is None:
                del self.element.attrib[name]
            else:
                self.element.set(name, value)


def _initial(word: str) -> str:
    """A word's initial: its first letter, or a run of capitals before lower case ("TSerendorjiin": Ts)."""
    run = re.match(r"[A-Z]{2,}(?=[a-z])", word)
    return word[0] + run.group()[1:].lower() if run else word[0]


class _Initials:
    """``initialize-with`` as CSL means it (existing initials kept: "Ph.", "ME."), and
    ``initialize="false"``, which citeproc-py ignores (given names were always initialized)."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        text = self._names(item, variable, context, sort_options, **kwargs)
        if text and sort_options is not None:  # in a sort key, the breaks between name parts count
            return re.sub(r"[\s,]+", NAME_PART_BREAK, str(text))
        layout = (context if context is not None else self).get_layout()
        if text and sort_options is None and getattr(layout, "first_names", "") is None:
            layout.first_names = str(text)  # the names alone, without their label: subsequent-author-substitute
        return text

    def _names(self, item, variable, context, sort_options, **kwargs):
        option = lambda name: self.get_option(name, context, sort_options)  # noqa: E731
        overrides = {}
        # disambiguate-add-givenname: a short name of an ambiguous cite is written in full.
        if item.get(GIVENNAME_KEY) and option("form") == "short":
            overrides["form"] = "long"
        people = [n for n in item.reference.get(variable) or [] if "literal" not in n]
        if people and not any(n.get("family") for n in people):
            overrides["initialize"] = "false"  # a lone given name ("Banksy") is the whole name
        # "after-inverted-name" (CSL 1.0.1), unknown to citeproc-py: the delimiter goes before
        # "et al." or "and" when the name before it is inverted ("Zhang, Shu Guang, et al.").
        for name in ("delimiter-precedes-et-al", "delimiter-precedes-last"):
            if option(name) == "after-inverted-name":
                names = item.reference.get(variable) or []
                truncated = option("et-al-min") and len(names) >= option("et-al-min") > 1
                index = option("et-al-use-first") - 1 if name.endswith("et-al") else len(names) - 2
                order = option("name-as-sort-order")
                personal = 0 <= index < len(names) and "literal" not in names[index]  # institutions are not inverted
                inverted = personal and (order == "all" or (order == "first" and index == 0 and (truncated or name.endswith("last"))))
                overrides[name] = "always" if inverted else "never"
        with _attributes(self, overrides):
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)

    def initialize(self, given, mark, context):
        anchor = context if context is not None else self
        initialize = self.get("initialize")
        for element in reversed(anchor.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography or self::cs:style]")):
            initialize = initialize or element.get("initialize")
        return initialize_given(str(given), mark, initialize=initialize != "false",
                                hyphen=self.get_option("initialize-with-hyphen", context))


class _MacroSortOptions:
    """A ``<text macro>`` inside a sort key's macro renders with the sort key's options
    (names in sort order, no labels); citeproc-py dropped them one macro down."""

    def process(self, item, context=None, **kwargs):
        if "macro" not in self.attrib or kwargs.get("sort_options") is None:
            return super().process(item, context=context, **kwargs)
        try:  # the item's language, as citeproc-py's own process finds it
            language = item.reference.language[:2]
        except VariableError:
            language = self.get_root().get("default-locale", "en")[:2]
        macro = self.get_macro(self.get("macro"))
        return macro.render(item, context=context if context is not None else self, sort_options=kwargs["sort_options"]), language


class _EscapedAffixes:
    """Affixes are text: in HTML a ``prefix="<"`` prints ``&#60;`` (citeproc-py copied it as
    markup, so "<https://…>" around a URL vanished in a browser)."""

    def wrap(self, string):
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        if string is None or not any(c in "<>&" for c in prefix + suffix):
            return super().wrap(string)
        prefix, suffix = self.preformat(prefix), self.preformat(suffix)
        text = prefix + normalize_seam(prefix, string)
        return text + normalize_seam(text, suffix)


class _TextCase:
    """``text-case`` as citeproc-js applies it (see :mod:`.textcase`)."""

    def case(self, text, language=None):
        case = self.get("text-case")
        if not case or text is None:
            return text
        return String(apply_text_case(str(text), case, english=language in (None, "en")))


_EXTRAS: dict[str, tuple[type, ...]] = {
    "name": (_Initials, _EscapedAffixes),
    "layout": (_AuthorSubstitute,),
    "sort": (_CslSort,),
    "key": (_CslSortKey,),
    "substitute": (_Substitution,),
    "text": (_MacroSortOptions, _RangeFormats, _TextCase, _EscapedAffixes),
    "number": (_RangeFormats, _TextCase, _EscapedAffixes),
    "label": (_LabelNeedsItsVariable, _TextCase, _EscapedAffixes),
    "date-part": (_TextCase, _EscapedAffixes),
    "name-part": (_TextCase, _EscapedAffixes),
    "group": (_EscapedAffixes,),
    "date": (_EscapedAffixes,),
    "et-al": (_EscapedAffixes,),
    "if": (_PositionFromEngine,),
    "else-if": (_PositionFromEngine,),
    "names": (_SubstitutedOnce, _EscapedAffixes),
}


class _Unmodelled(_KeptAnswers, model.CitationStylesElement):
    """Elements citeproc-py has no class for (``terms``, ``info`` …).

    Being a direct subclass of ``CitationStylesElement``, this class is seen by citeproc-py's
    own parser too, under the tag ``-unmodelled``, which no CSL file uses."""


def _tag_of(cls: type) -> str:
    return cls.__name__.replace("_", "-").lower()


def _element_classes() -> dict[str, type]:
    """Our class for each tag citeproc-py models."""
    classes = {}
    for base in model.CitationStylesElement.__subclasses__():
        if base.__module__ != model.__name__:
            continue
        tag = _tag_of(base)
        classes[tag] = type(base.__name__, (_KeptAnswers, *_EXTRAS.get(tag, ()), base), {"__module__": __name__})
    return classes


_CLASSES = _element_classes()


def _parser() -> etree.XMLParser:
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = _Unmodelled
    namespace.update(_CLASSES)
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


class FrusStyle(CitationStylesStyle):
    """A CSL style parsed into frus-cite's element classes; it owns its XPath answers."""

    def __init__(self, path: str | os.PathLike[str], locale: str | None = None) -> None:  # noqa: D107
        self.parser = _parser()
        self.xml = etree.parse(os.fspath(path), self.parser)
        self.root = self.xml.getroot()
        self.kept_answers: dict[tuple[int, str], tuple[Any, list[Any]]] = {}
        self.root.kept_answers = self.kept_answers
        # Attributes the engine layer keeps on layouts, set here: an unset one would be looked
        # up as a child element on every read.  The proxies are kept so that they live on.
        self._layouts = self.root.xpath("./cs:citation/cs:layout | ./cs:bibliography/cs:layout", namespaces=model.CitationStylesElement.nsmap)
        for layout in self._layouts:
            layout.repressed, layout.printed, layout.first_names = {}, None, ""
        self.root.locales = self._locales(locale or self.root.get("default-locale", "en-US"))
        for locale_root in self.root.locales:
            locale_root.style = self.root
            locale_root.kept_answers = self.kept_answers

    def _locales(self, wanted: str) -> list[Any]:
        """Where terms, dates and options are looked for, in CSL's order: the style's own
        ``cs:locale`` for the dialect, the language, no language; then the locale files for the
        dialect, the language's primary dialect, and en-US."""
        language = wanted.split("-")[0]
        found = []
        for lang in (wanted, language, None):
            test = f'@xml:lang="{lang}"' if lang else "not(@xml:lang)"
            found += self.root.xpath(f"./cs:locale[{test}]", namespaces=model.CitationStylesElement.nsmap)
        files = [lang for lang in (wanted if wanted in LANGUAGE_NAMES else None, PRIMARY_DIALECTS.get(language), "en-US") if lang]
        for lang in dict.fromkeys(files):
            found.append(etree.parse(os.path.join(LOCALES_PATH, f"locales-{lang}.xml"), self.parser).getroot())
        return found
