"""TEI markup read as text: names, and words laid out as a browser shows them."""

from __future__ import annotations

import re

from lxml import etree

__all__ = [
    "TEI_NS", "FRUS_NS", "T", "PB", "DIV", "XML_ID", "SKIPPED",
    "TextBuilder", "local_name", "element_text", "element_lines", "note_text",
]

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
T = "{%s}" % TEI_NS
PB, DIV = T + "pb", T + "div"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SKIPPED = frozenset({"figure", "graphic", "gap"})
"""Elements that print no words."""
_CLOSING = ")],."
_INNER_SPACE = re.compile(r"(?<=[(\[]) | (?=[)\],.])")
"""A space after an opening bracket or before a closing bracket, comma or full stop."""
_INNER_SPACE_PROBES = ("( ", "[ ", " )", " ]", " ,", " .")
_OPENING = "([\n"


def local_name(name: bytes | str) -> str:
    text = name.decode(errors="replace") if isinstance(name, bytes) else name
    return text.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def element_text(element: etree._Element | None) -> str:
    """The element's words, white space collapsed (a line break counts as a space)."""
    if element is None:
        return ""
    words = TextBuilder()
    note_text(element, words)
    return " ".join(words.text().split())


class TextBuilder:
    """Text as a browser shows it: white space collapsed, blocks kept apart, offsets exact.

    Spaces the pretty-printer put inside brackets are dropped ("( Gauss )" reads
    "(Gauss)"), as on history.state.gov.
    """

    __slots__ = ("_parts", "length", "_space", "_last", "_break", "_pages", "breaks")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0
        self._space = False
        self._last = ""
        self._break = ""
        self._pages: list[str] = []
        self.breaks: list[tuple[int, str]] = []
        """(offset, page label) of every page break, at the first character of its page."""

    def add(self, text: str | None) -> None:
        if not text:
            return
        if text[0].isspace():
            self._space = True
        words = text.split()
        if words:
            # One run of words at a time: white space collapsed, then the bracket rule inside it.
            run = " ".join(words)
            if len(words) > 1 and any(probe in run for probe in _INNER_SPACE_PROBES):  # substring tests: memchr speed
                run = _INNER_SPACE.sub("", run)
            self._word(run)
        if text[-1].isspace():
            self._space = True

    def _word(self, word: str) -> None:
        if self.length:
            separator = self._break
            if not separator and self._space and self._last not in _OPENING and word[0] not in _CLOSING:
                separator = " "
            if separator:
                self._parts.append(separator)
                self.length += len(separator)
        self._break, self._space = "", False
        for label in self._pages:
            self.breaks.append((self.length, label))
        self._pages.clear()
        self._parts.append(word)
        self.length += len(word)
        self._last = word[-1]

    def space(self) -> None:
        self._space = True

    def block(self, separator: str = "\n\n") -> None:
        """Start a new block (paragraph "\\n\\n", line "\\n") before the next word."""
        if self.length and len(separator) > len(self._break):
            self._break = separator

    def page(self, label: str | None) -> None:
        if label:
            self._pages.append(label)

    def text(self) -> str:
        for label in self._pages:
            self.breaks.append((self.length, label))
        self._pages.clear()
        return "".join(self._parts)


def note_text(element: etree._Element, words: TextBuilder, *, line_breaks: bool = False) -> None:
    words.add(element.text)
    for child in element:
        name = local_name(child.tag)
        if name == "lb":
            words.block("\n") if line_breaks else words.space()
        elif name not in SKIPPED and name != "pb" and not (line_breaks and name == "note"):
            note_text(child, words, line_breaks=line_breaks)
        words.add(child.tail)


def element_lines(element: etree._Element) -> list[str]:
    words = TextBuilder()
    note_text(element, words, line_breaks=True)
    return [line.strip() for line in words.text().split("\n")]
