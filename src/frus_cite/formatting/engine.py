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

import os
import re
from typing import Any

from citeproc import LANGUAGE_NAMES, LOCALES_PATH, PRIMARY_DIALECTS
from citeproc import model
from citeproc.frontend import CitationStylesStyle
from citeproc.source import VariableError
from lxml import etree

__all__ = ["FrusStyle", "POSITION_KEY", "NEAR_NOTE_KEY"]

CSL_NS = "http://purl.org/net/xbiblio/csl"
POSITION_KEY = "frus_position"
"""Key of a citeproc-py ``CitationItem`` holding the position decided by the note engine."""
NEAR_NOTE_KEY = "frus_near_note"


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


class _PositionFromEngine:
    """``position`` tests answered from the position the note engine gave the cite."""

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
        layout = (context if context is not None else self).get_layout()
        used = {role for entry in getattr(layout, "repressed", {}).get(self.tag, []) if entry for role in entry.split()}
        roles = self.get("variable", "").split()
        left = [role for role in roles if role not in used]
        if len(left) == len(roles):
            return super().process(item, names_context=names_context, context=context, **kwargs)
        if not left:
            raise VariableError(self.get("variable"))
        self.set("variable", " ".join(left))  # the element's own process reads the attribute
        try:
            return super().process(item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))


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
        return format_ranges(str(value), form, self.preformat(delimiter))

    def _variable(self, item, context):
        if self.get("variable") != "locator" or not item.has_locator:
            return super()._variable(item, context)
        label = item.locator.label
        return self._process(item.locator.identifier, "page" if label == "page" else "locator")


def _variables_in(element, seen: set[str] | None = None):
    """(tag, variable) of every element under *element* that prints a variable, macros followed."""
    seen = set() if seen is None else seen
    for node in element.iter():
        for variable in (node.get("variable") or "").split():
            yield node.tag, variable
        macro = node.get("macro")
        if macro and macro not in seen:
            seen.add(macro)
            yield from _variables_in(node.get_macro(macro), seen)


class _SubstituteSuppressesAll:
    """What ``cs:substitute`` printed is not printed again in the entry — every variable the
    substituting element calls, through macros too (citeproc-py records only a direct
    ``variable``, so a title put in the author's place by a macro came out twice)."""

    def add_to_repressed_list(self, child, context):
        repressed = (context if context is not None else self).get_layout().repressed
        for tag, variable in _variables_in(child):
            repressed.setdefault(tag, []).append(variable)


_EXTRAS: dict[str, tuple[type, ...]] = {
    "substitute": (_SubstituteSuppressesAll,),
    "text": (_RangeFormats,),
    "number": (_RangeFormats,),
    "if": (_PositionFromEngine,),
    "else-if": (_PositionFromEngine,),
    "names": (_SubstitutedOnce,),
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
