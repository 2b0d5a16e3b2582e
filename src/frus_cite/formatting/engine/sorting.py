"""``cs:sort`` and its keys, compared as citeproc-js compares them."""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from functools import cmp_to_key

from citeproc import DATES, NAMES, NUMBERS
from citeproc.source import VariableError

from .base import NUMBER_KEY
from .disambiguation import citation_label
from .personal_names import person_name


_TAG_TEXT = re.compile(r"<[^>]*>")


def sort_text(text: str) -> str:
    """A sort key's text compared as citeproc-js compares it: without markup, case, accents and
    punctuation ("[F]linders" sorts as Flinders)."""
    text = unicodedata.normalize("NFKD", html_lib.unescape(_TAG_TEXT.sub("", str(text))))
    # Spaces and punctuation do not count ("Papers, 1945" before "Papers, ed."), except between
    # the parts of a name, marked NAME_PART_BREAK, which sorts first ("Dale" before "Dalebout").
    return "".join(c for c in text if (c.isalnum() or c == NAME_PART_BREAK) and not unicodedata.combining(c)).casefold()


NAME_PART_BREAK = "\x00"


class CslSort:
    """``cs:sort`` as CSL sorts: keys compared in order, an empty key last whatever the
    direction, ties kept in citation order; text without case, accents and punctuation,
    numbers as numbers, dates by year, month and day (citeproc-py compares raw strings and
    sorts its "None" keys by type)."""

    def sort(self, items, context, rows=None):
        """*items* in order; *rows*, if given, are their :meth:`rows`, kept by the caller."""
        keys = self.findall("cs:key", self.nsmap)
        rows = rows if rows is not None else self.rows(items, context)
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

    def rows(self, items, context):
        """Each item's sort values, one per ``cs:key``."""
        keys = self.findall("cs:key", self.nsmap)
        return [[key.sort_value(item, context) for key in keys] for item in items]


class CslSortKey:
    """One ``cs:key``'s value for an item: (0, number) or (1, text); None when empty."""

    def sort_value(self, item, context):
        variable = self.get("variable")
        if variable is None:
            return self._macro_value(item, context)
        name = variable.replace("-", "_")
        value = item.reference.get(name)
        if variable == "citation-label":  # made by the processor when the item has none
            return (1, 0, sort_text(citation_label(item.reference)))
        if variable == "citation-number":  # the note engine's number for the item, if it gave one
            number = item.get(NUMBER_KEY)
            return (0, item.number if number is None else number, "")
        if value is None or (isinstance(value, str) and not value):
            return None
        if name in NAMES:
            demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort") != "never"
            return (1, 0, sort_text(NAME_PART_BREAK.join(name_sort_text(n, demote=demote) for n in value)))
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


def name_sort_text(name, *, demote: bool = True) -> str:
    """A name as a sort key: family name first; a non-dropping particle ("van Gogh") after the
    given name when the style demotes it (CSL's default), else before the family name."""
    person = person_name(name)
    if person.literal is not None:
        return person.literal.replace(" ", NAME_PART_BREAK)
    if demote:
        parts = (person.family, person.given, person.dropping, person.non_dropping, person.suffix)
    else:
        parts = (person.non_dropping, person.family, person.dropping, person.given, person.suffix)
    return NAME_PART_BREAK.join(part.replace(" ", NAME_PART_BREAK) for part in parts if part)


class MacroSortOptions:
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
