"""``cs:name``: initials, ``initialize="false"``, ``after-inverted-name``, add-givenname."""

from __future__ import annotations

import re

from .base import GIVENNAME_KEY, temporary_attributes
from .sorting import NAME_PART_BREAK


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


def _initial(word: str) -> str:
    """A word's initial: its first letter, or a run of capitals before lower case ("TSerendorjiin": Ts)."""
    run = re.match(r"[A-Z]{2,}(?=[a-z])", word)
    return word[0] + run.group()[1:].lower() if run else word[0]


class Initials:
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
        with temporary_attributes(self, overrides):
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)

    def initialize(self, given, mark, context):
        anchor = context if context is not None else self
        initialize = self.get("initialize")
        for element in reversed(anchor.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography or self::cs:style]")):
            initialize = initialize or element.get("initialize")
        return initialize_given(str(given), mark, initialize=initialize != "false",
                                hyphen=self.get_option("initialize-with-hyphen", context))
