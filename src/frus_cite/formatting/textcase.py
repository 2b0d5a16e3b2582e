"""CSL's ``text-case`` values, applied as citeproc-js applies them.

citeproc-py title-cases word by word on white space only, with the specification's short list
of stop words, so "out-of-fashion" stays "Out-of-fashion", the last word stays lower case, a
word after an opening quotation mark is never capitalised, and text marked ``nocase`` (or in
small capitals, superscript, subscript) is changed like any other.  Here:

* words are split at white space, hyphens, dashes and slashes; each part of a compound is a
  word ("Out-of-Fashion", "Scientist–Practitioner");
* a word is changed only when it is all lower case ("iPhone", "USSR" stay);
* stop words (articles, conjunctions, prepositions, name particles) stay lower case except
  as the first or last word, after a colon or a sentence's end, or as the first part of a
  compound ("Pro-Environmental");
* only letters of the Latin script are capitalised ("β-Carotine"), and not after a number
  and a hyphen ("07-x");
* sentence case puts every other word in lower case, as citeproc-js does;
* marked text (``<span class="nocase">``, small caps, sup, sub) is never changed.
"""

from __future__ import annotations

import re
import unicodedata

from . import richtext

__all__ = ["apply_text_case", "STOP_WORDS"]

STOP_WORDS = frozenset(
    """a an the and but or nor for so yet as at by down from in into of off on onto over per
    till to up via with about above across after against along amid among around before behind
    below beneath beside between beyond during except inside like near out since than through
    toward towards under until upon versus vs v within without de d' d’ van von der den""".split()
)
_TOKEN = re.compile(r"[^\s\-‐‑–—/]+|[\s\-‐‑–—/]+")
_LEADING_MARKUP = re.compile(r"(?:&#60;/?[a-z]+&#62;|</?[a-z]+>|[^\w<&])*")
_SENTENCE_END = re.compile(r"[:?!.]\W*$")


def _protected(text: str) -> bytearray:
    """1 for each character inside a nocase, small-caps, sup or sub run (placeholders included)."""
    mask = bytearray(len(text))
    for kind in ("nocase", "sc", "sup", "sub"):
        opening, closing = richtext.placeholders(kind)
        start = text.find(opening)
        while start != -1:
            end = text.find(closing, start)
            end = len(text) - 1 if end == -1 else end
            mask[start : end + 1] = b"\x01" * (end + 1 - start)
            start = text.find(opening, end)
    return mask


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


_TURKIC_UPPER = {"i": "İ"}
_TURKIC_LOWER = {"I": "ı", "İ": "i"}


def apply_text_case(text: str, case: str | None, *, english: bool = True, language: str | None = None) -> str:
    """*text* in the CSL ``text-case`` *case* (title case only for English, as CSL says); in
    Turkish and Azerbaijani (*language* ``tr``, ``az``) i and ı keep their dot, or its absence."""
    if not case or not text:
        return text
    mask = _protected(text)
    chars = list(text)
    turkic = language in ("tr", "az")

    def change(index: int, upper: bool) -> None:
        if not mask[index]:
            char = chars[index]
            if turkic:
                char = (_TURKIC_UPPER if upper else _TURKIC_LOWER).get(char, char)
            chars[index] = char.upper() if upper else char.lower()

    if case in ("lowercase", "uppercase"):
        for index in range(len(chars)):
            change(index, case == "uppercase")
        return "".join(chars)
    if case == "sentence":  # citeproc-js: every other word in lower case
        for index in range(len(chars)):
            change(index, False)
        text = "".join(chars)
    if case == "title" and not english:
        return text
    words = [(m.start(), m.group()) for m in _TOKEN.finditer(text) if not m.group()[0].isspace() and m.group()[0] not in "-‐‑–—/"]
    for number, (start, word) in enumerate(words):
        skip = _LEADING_MARKUP.match(word).end()  # a tag left as text ("<i>" with no "</i>") is not a word
        # the word's first letter or digit: a word that starts with a number ("3rd", "’50s") is not capitalised
        letter = next((i for i, c in enumerate(word) if c.isalnum() and i >= skip), None)
        if letter is None or not word[letter].isalpha() or not word[letter:].islower() or not _latin(word[letter]):
            continue
        if case in ("capitalize-first", "sentence") and number > 0:
            break
        if case == "title" and (_keeps_lower(text, words, number, word[letter:]) or _after_number(text, start)):
            continue
        change(start + letter, True)
    return "".join(chars)


def _after_number(text: str, start: int) -> bool:
    """The word is joined by a hyphen to a number before it ("07-x"): a code, not a compound."""
    before = re.search(r"(?<!\S)(\S*)[-‐‑]$", text[:start])  # from a word's start only: linear (#16)
    return bool(before) and not any(c.isalpha() for c in before.group(1))


def _keeps_lower(text: str, words: list[tuple[int, str]], number: int, word: str) -> bool:
    """A title-case stop word that stays lower case where it stands."""
    bare = word.rstrip(".,;:!?”’\"')]").lower()
    if bare not in STOP_WORDS or number in (0, len(words) - 1):
        return False
    start = words[number][0]
    before = text[: start].rstrip()
    if _SENTENCE_END.search(text[words[number - 1][0] : start]):
        return False
    after = text[start + len(words[number][1]) :]
    first_of_compound = after[:1] in "-‐‑" and not before.endswith(("-", "‐", "‑"))
    return not first_of_compound
