"""``cs:number``'s ordinal forms as CSL defines them.

citeproc-py looked for ordinal suffixes term by term through every locale and ignored
gender: a style's own ``cs:locale`` with ``ordinal`` terms did not replace the locale file's
set (English "3rd" in a style that defines ".ª"), and Spanish or French "1.º"/"1.ª",
"1er"/"1re" did not follow the gender of the term they count ("edition" is feminine).
"""

from __future__ import annotations

import re

__all__ = ["GenderedOrdinals", "ordinal", "term_gender"]

_ORDINAL_TERM = re.compile(r"ordinal(?:-\d\d)?$")


def _locale_terms(locale):
    terms = locale.find("cs:terms", locale.nsmap) if hasattr(locale, "nsmap") else None
    return [] if terms is None else [t for t in terms if isinstance(t.tag, str) and t.tag.endswith("}term")]


def _ordinal_terms(element) -> list:
    """The ordinal terms in force: those of the first locale (the style's own first) that
    defines any, which replace every other locale's (CSL 1.0.2, "Ordinal Suffixes")."""
    for locale in _locales(element):
        found = [t for t in _locale_terms(locale) if _ORDINAL_TERM.match(t.get("name", "")) and t.get("form") is None]
        if found:
            return found
    return []


def _locales(element) -> list:
    root = element.get_root()
    locales = getattr(root, "locales", None)
    return list(locales) if locales is not None else [root]


def term_gender(element, name: str) -> str | None:
    """The grammatical gender of term *name* (``gender`` on its definition), if it has one."""
    for locale in _locales(element):
        for term in _locale_terms(locale):
            if term.get("name") == name and term.get("form") is None:
                return term.get("gender")
    return None


def _pick(terms: list, name: str, gender: str | None):
    """The text of term *name* in *gender*, else its neuter form; None when neither exists."""
    named = [t for t in terms if t.get("name") == name]
    for wanted in ((gender, None) if gender else (None,)):
        for term in named:
            if term.get("gender-form") == wanted:
                return term.text or ""
    return None


def ordinal(element, number: int, gender: str | None = None) -> str:
    """*number* with its ordinal suffix: a two-digit term for its last two digits (or the whole
    number, as the term's ``match`` says), then a one-digit term, then ``ordinal``."""
    terms = _ordinal_terms(element)
    last_two, last = number % 100, number % 10
    candidates = []
    for term in terms:
        name = term.get("name")
        if name == "ordinal":
            continue
        value = int(name[-2:])
        match = term.get("match") or ("last-digit" if value < 10 else "last-two-digits")
        if (match == "whole-number" and number == value) or (match == "last-two-digits" and last_two == value):
            candidates.append((0, name))
        elif match == "last-digit" and last == value:
            candidates.append((1, name))
    for _, name in sorted(set(candidates)):
        suffix = _pick(terms, name, gender)
        if suffix is not None:
            return f"{number}{suffix}"
    suffix = _pick(terms, "ordinal", gender)
    return f"{number}{suffix or ''}"


class GenderedOrdinals:
    """``cs:number`` with ``form="ordinal"`` or ``"long-ordinal"``: the suffix (or word, for
    long ordinals up to ten) agrees with the gender of the variable's term."""

    def format_number(self, number):
        form = self.get("form", "numeric")
        if form not in ("ordinal", "long-ordinal"):
            return super().format_number(number)
        try:
            value = int(number)
        except ValueError:
            return number
        gender = term_gender(self, self.get("variable", ""))
        if form == "long-ordinal" and 1 <= value <= 10:
            word = _long_ordinal(self, value, gender)
            if word:
                return word
        return ordinal(self, value, gender)


def _long_ordinal(element, value: int, gender: str | None) -> str | None:
    name = f"long-ordinal-{value:02}"
    for locale in _locales(element):
        terms = [t for t in _locale_terms(locale) if t.get("name") == name and t.get("form") is None]
        if terms:
            return _pick(terms, name, gender)
    return None
