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
from typing import Any

from citeproc import LANGUAGE_NAMES, LOCALES_PATH, PRIMARY_DIALECTS, model
from citeproc.frontend import CitationStylesStyle
from lxml import etree

from .base import (AMBIGUITY_KEY, CSL_NS, DISAMBIGUATE_KEY, FIRST_NAMES_KEY, NAMES_KEY, NEAR_NOTE_KEY, NUMBER_KEY,
                   POSITION_KEY, YEAR_SUFFIX_KEY, KeptAnswers)
from .conditions import PositionFromEngine, is_numeric
from .disambiguation import AccessedNotCompared, ExpandedNames, FirstNames, GeneratedVariables, ImplicitYearSuffix, NameExpansion
from .dates import DatePartRendering, DateRendering, clean_date
from .entries import NO_PRINTED_FORM, EveryEntryPrinted
from .display import Display, SecondFieldAlign
from .numbers import GenderedOrdinals
from .labels import LabelNeedsItsVariable
from .macros import MacroLikeGroup
from .names import NameList, initialize_given
from .punctuation import PunctuationSeams
from .ranges import RangeFormats, format_ranges, shorten_range_end
from .sorting import CslSort, CslSortKey, MacroSortOptions, sort_text
from .substitution import AuthorSubstitute, SubstitutedOnce, Substitution
from .text import BlankTermIsEmpty, EscapedAffixes, TextCase

__all__ = ["FrusStyle", "NO_PRINTED_FORM", "POSITION_KEY", "NEAR_NOTE_KEY", "DISAMBIGUATE_KEY", "NAMES_KEY",
           "YEAR_SUFFIX_KEY", "NUMBER_KEY", "FIRST_NAMES_KEY", "AMBIGUITY_KEY", "NameExpansion", "is_numeric",
           "initialize_given", "clean_date", "format_ranges", "shorten_range_end", "sort_text"]

_EXTRAS: dict[str, tuple[type, ...]] = {
    "name": (ExpandedNames, NameList, EscapedAffixes),
    "layout": (EveryEntryPrinted, SecondFieldAlign, AuthorSubstitute),
    "macro": (MacroLikeGroup,),
    "term": (BlankTermIsEmpty,),
    "sort": (CslSort,),
    "key": (CslSortKey,),
    "substitute": (Substitution,),
    "text": (MacroSortOptions, GeneratedVariables, RangeFormats, TextCase, Display, EscapedAffixes),
    "number": (GenderedOrdinals, RangeFormats, TextCase, Display, EscapedAffixes),
    "label": (LabelNeedsItsVariable, TextCase, Display, EscapedAffixes),
    "date-part": (DatePartRendering, TextCase, EscapedAffixes),
    "name-part": (TextCase, EscapedAffixes),
    "group": (PunctuationSeams, Display, EscapedAffixes),
    "date": (AccessedNotCompared, ImplicitYearSuffix, DateRendering, Display, EscapedAffixes),
    "et-al": (EscapedAffixes,),
    "if": (PositionFromEngine,),
    "else-if": (PositionFromEngine,),
    "names": (FirstNames, SubstitutedOnce, Display, EscapedAffixes),
}


class _Unmodelled(KeptAnswers, model.CitationStylesElement):
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
        classes[tag] = type(base.__name__, (KeptAnswers, *_EXTRAS.get(tag, ()), base), {"__module__": __name__})
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
