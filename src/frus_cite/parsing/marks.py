"""Where footnote marks can be in a body, found in one pass.

A copied footnote mark is a bare number glued to the word, bracket or punctuation it follows
("State.1", "July 11–122)") and followed by white space, punctuation or the end.  Searching the
body once per mark costs the whole body for each mark that is not there (a 1 MB body with 2,000
such notes took minutes); this index reads the body once and answers each mark by bisection.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["MarkIndex"]

_GLUE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,;:)]”’\"!?")
"""What a mark glued to a word or punctuation (a "strong" mark) follows."""
_TOKEN = re.compile(r"(?<!\d)(?P<digits>\d+)[a-z]?(?=[\s)\].,;:!?”’\"—–]|$)")
"""A maximal run of digits, an optional letter, then a mark's end."""
_MAX_DIGITS = 3
_CLOSING = set(")].,;:”’\"!?")
"""What stands before the space of a mark set one space after punctuation ("separately) 3")."""


class MarkIndex:
    """The offsets at which each mark (``1``, ``12``, ``2a``) stands in a text.

    ``find(mark, start)`` gives what searching the text from *start* for the mark glued to a
    word or punctuation (or one space after a word at the end of a line: "to President
    Nixon 2") would give, else glued to a digit (``1945`` holds a weak ``45``), else set one
    space after closing punctuation and followed by white space ("separately) 3 she").
    """

    __slots__ = ("_strong", "_weak", "_spaced")

    def __init__(self, text: str) -> None:
        self._strong: dict[str, list[int]] = {}
        self._weak: dict[str, list[int]] = {}
        self._spaced: dict[str, list[int]] = {}
        for token in _TOKEN.finditer(text):
            start, end = token.span()
            digits = len(token["digits"])
            spaced = digits <= _MAX_DIGITS and start > 1 and text[start - 1] == " "
            line_end = end == len(text) or text[end] == "\n"
            if digits <= _MAX_DIGITS and start > 0 and text[start - 1] in _GLUE:
                self._strong.setdefault(text[start:end], []).append(start)
            elif spaced and line_end and text[start - 2].isalpha():
                self._strong.setdefault(text[start:end], []).append(start)  # "to President Nixon 2" ending a line
            elif spaced and text[start - 2] in _CLOSING and (line_end or text[end].isspace()):
                self._spaced.setdefault(text[start:end], []).append(start)
            # Every shorter tail of the run is a mark glued to the digit before it.
            for position in range(max(start + 1, start + digits - _MAX_DIGITS), start + digits):
                self._weak.setdefault(text[position:end], []).append(position)

    def find(self, mark: str, start: int = 0, *, glued_to_digit: bool = True) -> int | None:
        """Offset of the first *mark* at or after *start* (glued to a word first), or None."""
        for table in (self._strong, self._weak, self._spaced) if glued_to_digit else (self._strong,):
            positions = table.get(mark, ())
            index = bisect.bisect_left(positions, start)
            if index < len(positions):
                return positions[index]
        return None
