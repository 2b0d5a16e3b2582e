"""What the element classes share: the keys a cite carries from the note engine, kept XPath
answers, and attributes set for the length of one citeproc-py call."""

from __future__ import annotations


CSL_NS = "http://purl.org/net/xbiblio/csl"
POSITION_KEY = "frus_position"
"""Key of a citeproc-py ``CitationItem`` holding the position decided by the note engine."""
NEAR_NOTE_KEY = "frus_near_note"
LONGEST_NAMES_SEEN = "frus_longest_names_seen"
"""Set on a cite to the length of the longest name list it printed (read by the renderer)."""
DISAMBIGUATE_KEY = "frus_disambiguate"
"""True on a cite the note engine found ambiguous (CSL's ``disambiguate`` condition)."""


class KeptAnswers:
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

    def calls_variable(self):
        """citeproc-py's answer, kept: it depends on the style only, and citeproc-py asks it of
        every group's children at every level, once per child and level (most of a note's time)."""
        answers = self.getroottree().getroot().__dict__.get("kept_answers")
        if answers is None:
            return super().calls_variable()
        key = (id(self), "calls_variable()")
        kept = answers.get(key)
        if kept is None or kept[0] is not self:
            kept = answers[key] = (self, super().calls_variable())
        return kept[1]


class temporary_attributes:
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


def note_printed(layout, tag: str, variables) -> None:
    """Record printed variables while a ``cs:substitute`` child is being tried."""
    printed = getattr(layout, "printed", None)
    if printed is not None:
        printed.extend((tag, variable) for variable in variables)
NAMES_KEY = "frus_names"
"""A cite's :class:`NameExpansion` (CSL's disambiguate-add-names and -add-givenname)."""
YEAR_SUFFIX_KEY = "frus_year_suffix"
"""The year-suffix ("a", "b" …) the disambiguation gave the item."""
NUMBER_KEY = "frus_citation_number"
"""The item's citation-number, as the whole document numbers it."""
AMBIGUITY_KEY = "frus_ambiguity_form"
"""On a cite rendered only to be compared with others' (is it ambiguous?): dates that do not
tell works apart (``accessed``) print nothing, as citeproc-js's ambiguity test renders them."""
FIRST_NAMES_KEY = "frus_first_names"
"""On a cite of a grouping citation: "keep" or "cut" its first names."""
FIRST_NAMES_TEXT_KEY = "frus_first_names_text"
"""Set on such a cite to the text of its first names once rendered (a key of its own: a name
printed "Cut" is no request)."""
