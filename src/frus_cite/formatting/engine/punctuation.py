"""Punctuation where two pieces of a cite meet, as CSL processors join them.

When an affix or a delimiter starting with punctuation follows text ending in punctuation,
citeproc-js keeps what a reader expects: one mark where two would say the same ("colon:" +
": x" → "colon: x"), the stronger of a pair ("semicolon;" + "! x" → "semicolon! x",
"question?" + ". x" → "question? x"), both where each says something ("period." + ", x" →
"period., x": an abbreviation's period before a comma).  citeproc-py only dropped a mark
repeated twice.
"""

from __future__ import annotations

from citeproc.string import String, normalize_seam

from ..tree import STYLES, marks

PUNCTUATION = ".,;:!?"


# The formatter's marks around a formatted run (see ..tree): a mark at the seam is looked
# through, so that text and HTML (both written from the marked text) merge the same marks.
_INLINE_MARKS = "".join(char for style in STYLES for char in marks(style))


def _before_closing_marks(text: str) -> int:
    """Where the text ends when the marks at its end are left out."""
    return len(text.rstrip(_INLINE_MARKS))


def _after_opening_marks(text: str) -> int:
    """Where the text starts when the marks at its start are left out."""
    return len(text) - len(text.lstrip(_INLINE_MARKS))


def merged(left: str, right: str) -> str:
    """What is printed for mark *left* followed by mark *right*."""
    if left == right:
        return left
    if right == ".":
        return left if left in ":;!?" else left + right
    if right == ":":
        return left if left in ";!?" else left + right
    if right in "!?":
        return right if left in ":;" else left + right
    return left + right  # a semicolon or comma after another mark


def join_at_seam(left, right):
    """*left* + *right*, the punctuation where they meet merged (see :func:`merged`)."""
    if left is None or right is None:
        return right if left is None else left
    text, other = str(left), str(right)
    at_left, at_right = _before_closing_marks(text) - 1, _after_opening_marks(other)
    if at_left < 0 or at_right >= len(other) or text[at_left] not in PUNCTUATION or other[at_right] not in PUNCTUATION:
        return left + normalize_seam(left, right)
    mark_left, mark_right = text[at_left], other[at_right]
    kept = merged(mark_left, mark_right)
    if kept == mark_left + mark_right:
        return left + right
    if kept == mark_left:
        return String(text + other[:at_right] + other[at_right + 1:])
    return String(text[:at_left] + mark_right + text[at_left + 1:] + other[:at_right] + other[at_right + 1:])


class PunctuationSeams:
    """``cs:group`` children joined with their delimiter, punctuation merged at each seam."""

    def join(self, strings, default_delimiter=""):
        delimiter = self.get("delimiter", default_delimiter)
        parts = [s for s in strings if s is not None]
        if not parts:
            return String("")
        text = parts[0]
        for part in parts[1:]:
            text = join_at_seam(join_at_seam(text, delimiter) if delimiter else text, part)
        return text
