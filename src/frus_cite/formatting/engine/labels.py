"""``cs:label``: printed only with its variable, plural as CSL decides."""

from __future__ import annotations

import re

from citeproc.source import VariableError


class LabelNeedsItsVariable:
    """A ``cs:label`` prints only when its variable has a value (citeproc-py printed the
    term anyway: "edition" after an article with no edition)."""

    def calls_variable(self):
        return self.get("variable") is not None

    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        if variable is not None:
            variable = variable.replace("_", "-")  # a names role, as citeproc-py keys it: its term
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
        # the numbers before a label written in the value count ("1, fol. 186": one volume)
        text = _before_embedded_label(str(value).replace("\\-", ""))
        return bool(_SEVERAL_NUMBERS.search(text))


# Two numbers, arabic or roman ("1-2", "i-ix", "3, 5"): a plural label.
_SEVERAL_NUMBERS = re.compile(r"\d[^\d.]+\d|\b[ivxlcdm]+\s*[-–&,]\s*[ivxlcdm]+\b", re.IGNORECASE)
_EMBEDDED_LABEL = re.compile(r",\s*([a-z]+)\.\s")


def _before_embedded_label(text: str) -> str:
    for match in _EMBEDDED_LABEL.finditer(text):
        if match[1] in _LOCATOR_ABBREVIATIONS:
            return text[: match.start()]
    return text


# Abbreviations a locator may start with, and the locator label each stands for (citeproc-js's list).
_LOCATOR_ABBREVIATIONS = {
    "vrs": "verse", "sv": "sub-verbo", "subpara": "subparagraph", "op": "opus", "subch": "subchapter",
    "add": "addendum", "amend": "amendment", "annot": "annotation", "app": "appendix", "art": "article",
    "bibliog": "bibliography", "bk": "book", "ch": "chapter", "cl": "clause", "col": "column", "cmt": "comment",
    "dec": "decision", "dept": "department", "ex": "example", "fig": "figure", "fld": "field", "fol": "folio",
    "n": "note", "hypo": "hypothetical", "illus": "illustration", "intro": "introduction", "l": "line",
    "no": "issue", "p": "page", "pp": "page", "para": "paragraph", "pt": "part", "pmbl": "preamble",
    "princ": "principle", "pub": "publication", "r": "rule", "rn": "randnummer", "sched": "schedule",
    "sec": "section", "subdiv": "subdivision", "subsec": "subsection", "supp": "supplement", "tbl": "table",
    "tit": "title", "vol": "volume",
}
_LEGAL_TYPES = frozenset({"bill", "gazette", "legislation", "regulation", "treaty"})


def locator_label(locator: str, item_type: str | None) -> tuple[str, str] | None:
    """("volume", "1, fol. 186") for a locator written "vol. 1, fol. 186"; None when it does
    not start with a label's abbreviation (or the item is legal, whose locators keep theirs)."""
    if item_type in _LEGAL_TYPES:
        return None
    abbreviation, period, rest = locator.partition(".")
    label = _LOCATOR_ABBREVIATIONS.get(abbreviation)
    if label is None or not period or not rest[:1].isspace() or not rest.strip():
        return None
    return label, rest.strip()
