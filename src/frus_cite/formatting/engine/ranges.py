"""Page ranges in the style's ``page-range-format``."""

from __future__ import annotations

import re

from citeproc.string import String

from .base import note_printed


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
# Number variables whose range of plain numbers takes an en dash when printed by cs:text too, as
# citeproc-js prints them (page and locator have their own formats above).
_RANGED_NUMBERS = frozenset(("chapter-number", "collection-number", "edition", "issue", "number", "number-of-pages",
                             "number-of-volumes", "part-number", "section", "supplement", "volume"))
_NUMBER_RANGE = re.compile(r"(\d+) ?- ?(\d+)")
_ROMAN = re.compile(r"[ivxlcdm]+|[IVXLCDM]+")
_AMPERSAND = re.compile(r" ?&(?!#?\w+;) ?")


def format_ranges(text: str, form: str | None, delimiter: str) -> str:
    """Each range ``a-b`` of *text* joined by *delimiter*, its end shortened as *form* says.

    The two ends must have the same prefix before their digits (``N110-N115``, ``110-5``);
    an abbreviated end loses the prefix (``8n11564–68``), a full one keeps it.  Other
    ranges (``N110-5``, ``110-N6``) are left exactly as written, hyphen included."""

    def shorten(match: re.Match[str]) -> str:
        first, last = _PREFIXED_NUMBER.fullmatch(match[1]), _PREFIXED_NUMBER.fullmatch(match[2])
        if not first and not last:  # roman numerals: joined, nothing to shorten; words keep their hyphen
            joined = delimiter if _ROMAN.fullmatch(match[1]) and _ROMAN.fullmatch(match[2]) else "-"
            return match[1] + joined + match[2]
        if not (first and last and last[1] == first[1]):
            return match[1] + "-" + match[2]
        end = shorten_range_end(first[2], last[2], form)
        return match[1] + delimiter + (end if len(end) < len(first[2]) else last[1] + end)

    return _RANGE.sub(shorten, text)


class RangeFormats:
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
        return self._localized_ampersands(text.replace("\ue0ff", "-"))

    def _localized_ampersands(self, text: str) -> str:
        """"213 & 235": the "&" joining numbers is the locale's symbol for "and" (citeproc-js)."""
        if "&" not in text:
            return text
        symbol = str(self.get_single_term(name="and", form="symbol") or "&")
        if symbol in ("&", "&amp;"):
            return text
        return _AMPERSAND.sub(lambda _: " " + str(self.preformat(symbol)) + " ", text)

    def _variable(self, item, context):
        if self.get("variable") != "locator" or not item.has_locator:
            text = super()._variable(item, context)
            if text:
                note_printed(context.get_layout(), self.tag, [self.get("variable")])
            numbers = _NUMBER_RANGE.fullmatch(str(text).strip()) if text and self.get("variable") in _RANGED_NUMBERS else None
            if numbers:
                text = String(f"{numbers[1]}\u2013{numbers[2]}")  # an issue "3-4" prints 3–4
            return text
        label = item.locator.label
        return self._process(item.locator.identifier, "page" if label == "page" else "locator")
