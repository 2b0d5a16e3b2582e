"""``cs:name``: a list of names written as CSL writes it.

citeproc-py's ``Name`` wrote "given family" with plain spaces and knew little more; this
class writes the list itself: particles (read from plain "van Gogh" / "Alexander von" as
CSL processors read them), names in scripts written family first without a space (我妻栄),
``name-part`` formatting kept to its part, suffixes ("Jr.", with ``comma-suffix``),
initials as CSL means them, et-al and "and" rules, ``form="count"``.  The parsing of one
name is in :mod:`.personal_names`.
"""

from __future__ import annotations

import re

from citeproc.string import String

from .base import LONGEST_NAMES_SEEN, POSITION_KEY
from .personal_names import PersonName, initialize_given, joins_without_space, person_name, starts_romanesque
from .sorting import NAME_PART_BREAK

__all__ = ["NameList", "initialize_given"]

_PRIVATE_USE = "".join(map(chr, range(0xE000, 0xF900)))


class NameList:
    """``cs:name`` rendered by frus-cite (citeproc-py's ``process`` is not called)."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        text = self._names(item, variable, context, sort_options)
        if isinstance(text, int):
            return text
        if text and sort_options is not None:  # in a sort key, the breaks between name parts count
            return re.sub(r"[\s,]+", NAME_PART_BREAK, str(text))
        layout = (context if context is not None else self).get_layout()
        if text and sort_options is None and getattr(layout, "first_names", "") is None:
            layout.first_names = str(text)  # the names alone, without their label: subsequent-author-substitute
        return text

    def markup(self, text):
        """A count stays a number: ``cs:names`` adds up the counts of its variables."""
        return text if isinstance(text, int) else super().markup(text)

    # -- options ------------------------------------------------------------------------------

    def _options(self, item, context, sort_options) -> dict:
        option = lambda name: self.get_option(name, context, sort_options)  # noqa: E731
        names = ("and", "delimiter", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
                 "et-al-use-first", "et-al-use-last", "initialize-with", "name-as-sort-order", "sort-separator", "form")
        options = {name: option(name) for name in names}
        # et-al-subsequent-*: the cites of an item after its first, in citations
        if item.get(POSITION_KEY) not in (None, "first") and sort_options is None:
            anchor = context if context is not None else self
            owner = anchor.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]")[0]
            if owner.tag.endswith("citation"):
                for short in ("min", "use-first"):
                    value = self.get(f"et-al-subsequent-{short}", owner.get(f"et-al-subsequent-{short}"))
                    if value is not None:
                        options[f"et-al-{short}"] = int(value)
                        options["subsequent"] = True
        options["use-first-set"] = self._is_set("et-al-use-first", context, sort_options) or "subsequent" in options
        root = self.get_root()
        options["demote"] = root.get("demote-non-dropping-particle", "display-and-sort")
        options["nbsp"] = "\u00a0" if root.get("default-locale", "en")[:2] in ("fr", "ru", "cs") else " "
        options["initialize"] = self._initialize_option(context) != "false"
        options["hyphen"] = self.get_option("initialize-with-hyphen", context)
        return options

    def _is_set(self, name: str, context, sort_options) -> bool:
        """The style sets option *name* for this name (on it, its citation or bibliography, or the style)."""
        if sort_options is not None and name in sort_options:
            return True
        anchor = context if context is not None else self
        owners = anchor.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]")
        return any(element.get(name) is not None for element in (self, *owners, self.get_root()))

    def _initialize_option(self, context):
        anchor = context if context is not None else self
        value = self.get("initialize")
        for element in reversed(anchor.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography or self::cs:style]")):
            value = value or element.get("initialize")
        return value

    # -- the list ------------------------------------------------------------------------------

    def _names(self, item, variable, context, sort_options):
        options = self._options(item, context, sort_options)
        raw_names = list(item.reference.get(variable) or [])
        people = [person_name(raw) for raw in raw_names]
        if sort_options is None:  # the renderer learns that showing more names than this changes nothing
            item[LONGEST_NAMES_SEEN] = max(item.get(LONGEST_NAMES_SEEN, 0), len(people))
        et_al_min, use_first = options["et-al-min"], options["et-al-use-first"]
        # truncation needs both et-al-min and et-al-use-first (CSL sets no default for either)
        truncated = options["use-first-set"] and bool(et_al_min) and len(people) >= et_al_min > 0 and use_first < len(people)
        if options["form"] == "count":
            return min(len(people), use_first) if truncated else len(people)
        shown = people[:use_first] if truncated else people
        if truncated and use_first <= 0:
            return None  # nothing to put "et al." after
        inverted = [self._inverted(options, index) and person.literal is None for index, person in enumerate(shown)]
        texts = [self._person(person, options, inverted[i], i, sort_options) for i, person in enumerate(shown)]
        texts = [t for t in texts if t]
        if not texts:
            return None
        delimiter = options["delimiter"]
        if sort_options is not None and not (truncated and options["et-al-use-last"]):
            return String(delimiter.join(texts))  # a sort key: the names alone, without "and" or "et al."
        if truncated:
            return self._with_et_al(texts, people, inverted, options)
        if len(texts) > 1 and options["and"] is not None:
            return self._with_and(texts, inverted, options)
        return String(delimiter.join(texts))

    def _inverted(self, options, index: int) -> bool:
        order = options["name-as-sort-order"]
        return options["form"] == "long" and (order == "all" or (order == "first" and index == 0))

    def _delimiter_precedes(self, rule: str, count: int, inverted_before: bool) -> bool:
        """``delimiter-precedes-et-al`` / ``-last``: *count* names come before it."""
        if rule == "always":
            return True
        if rule == "never":
            return False
        if rule == "after-inverted-name":
            return inverted_before
        return count >= 2

    def _with_et_al(self, texts, people, inverted, options):
        delimiter = options["delimiter"]
        if options["et-al-use-last"] and len(people) - len(texts) >= 2:
            last = self._person(people[-1], options, self._inverted(options, len(people) - 1), len(people) - 1, None)
            return String(delimiter.join(texts) + delimiter + "\u2026 " + last)
        term = self.et_al()
        if not term:
            return String(delimiter.join(texts))
        joined = delimiter.join(texts)
        if self._delimiter_precedes(options["delimiter-precedes-et-al"], len(texts), inverted[len(texts) - 1]):
            return String(joined + delimiter + term)
        # the term's first letter, after its formatting (tags, or the private-use marks of the tree)
        shown = re.sub(r"^(?:<[^<>]*>)+", "", str(term)).lstrip(_PRIVATE_USE)
        space = " " if not shown or starts_romanesque(shown) else ""  # 等 joins the name, as "and" does
        return String(joined + space + term)

    def _with_and(self, texts, inverted, options):
        """The last name after "and" (or "&"); spaces around it only for a term in a Latin,
        Greek, Cyrillic … script (a Hebrew "ו" joins its name)."""
        delimiter, rule = options["delimiter"], options["delimiter-precedes-last"]
        term = str(self.get_single_term(name="and") if options["and"] == "text" else self.preformat("&"))
        space = " " if starts_romanesque(term) else ""
        before = space
        if rule == "always" or (space and rule != "never" and self._delimiter_precedes(rule, len(texts) - 1, inverted[len(texts) - 2])):
            before = delimiter
        return String(delimiter.join(texts[:-1]) + before + term + space + texts[-1])

    # -- one name --------------------------------------------------------------------------

    def _person(self, person: PersonName, options, inverted: bool, index: int, sort_options) -> str | None:
        if person.literal is not None:
            return self._part("family", person.literal)  # an institution: never inverted, no affixes
        given = self._given(person, options)
        short = options["form"] == "short"
        family_part = self._part("family", person.family) if person.family else ""
        ndp = self._part("family", person.non_dropping) if person.non_dropping else ""
        if not person.script_is_romanesque:  # 我妻栄: family first, no space
            return "".join(p for p in (ndp, family_part, "" if short else given) if p)
        if short:
            return self._affixed("family", _join_particle(ndp, family_part, person.non_dropping, " "))
        dp = self._part("given", person.dropping) if person.dropping else ""
        if person.family_first:
            return " ".join(p for p in (_join_particle(ndp, family_part, person.non_dropping, options["nbsp"]), given) if p)
        suffix = person.suffix
        if inverted or sort_options is not None:
            return self._inverted_person(person, options, given, dp, ndp, family_part, suffix, sort_options)
        if person.dropping and not person.non_dropping and joins_without_space(person.dropping) and person.dropping[:-1] != "de":
            # an elision joins the name (d’Aubignac, dell’Acqua); Italian "de’" (de’ Medici) is
            # a contraction of "dei", written apart, as citeproc-js writes it
            family_part, dp = dp + family_part, ""
        second = " ".join(p for p in (dp, _join_particle(ndp, family_part, person.non_dropping, options["nbsp"])) if p)
        if suffix:
            second += (", " if person.comma_suffix else " ") + suffix
        space = options["nbsp"] if options["initialize-with"] and "\u00a0" in options["initialize-with"] else " "
        return _join_spaced(self._affixed("given", given), self._affixed("family", second), space)

    def _inverted_person(self, person, options, given, dp, ndp, family_part, suffix, sort_options) -> str:
        separator = options["sort-separator"]
        demoted = options["demote"] in ("always", "display-and-sort") or (
            sort_options is not None and options["demote"] == "sort-only")
        if demoted:
            first = family_part
            second = " ".join(p for p in (given, dp, ndp) if p)
        else:
            first = _join_particle(ndp, family_part, person.non_dropping, options["nbsp"])
            second = " ".join(p for p in (given, dp) if p)
        parts = [self._affixed("family", first), self._affixed("given", second) if second else "", suffix or ""]
        return separator.join(p for p in parts if p)

    def _given(self, person: PersonName, options) -> str:
        given = person.given
        if not given:
            return ""
        mark = options["initialize-with"]
        if mark is not None and person.family:
            given = initialize_given(given, mark, initialize=options["initialize"], hyphen=options["hyphen"])
        return self._part("given", given)

    # -- name-part formatting ----------------------------------------------------------------

    def _name_part(self, which: str):
        for part in self.findall("cs:name-part", self.nsmap):
            if part.get("name") == which:
                return part
        return None

    def _part(self, which: str, text: str) -> str:
        """*text* with the formatting (not the affixes) of ``<name-part name=which>``."""
        part = self._name_part(which)
        if part is None or not text:
            return text
        return str(part.format(part.case(String(text))))

    def _affixed(self, which: str, text: str) -> str:
        part = self._name_part(which)
        if part is None or not text:
            return text
        return part.get("prefix", "") + text + part.get("suffix", "")


def _join_particle(particle_text: str, family_text: str, particle: str | None, space: str) -> str:
    """A non-dropping particle and its family name: "van Gogh", "al-One", "d’Aubignac"."""
    if not particle_text:
        return family_text
    return particle_text + ("" if joins_without_space(particle) else space) + family_text


def _join_spaced(first: str, second: str, space: str) -> str:
    if not first or not second:
        return first or second
    if first[-1].isspace() or first.endswith("\u00a0"):  # a given name-part suffix "&#160;"
        return first + second
    return first + space + second
