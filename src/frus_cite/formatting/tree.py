"""A rendered note or bibliography entry as a small tree, the one form every output is written from.

citeproc-py writes through a formatter module chosen by its caller; frus-cite's own,
:mod:`.formatter`, wraps each formatted run in a pair of *marks* (private-use characters,
one pair per style) instead of HTML tags.  The repairs of :mod:`.postprocess` work on that
marked text as on plain text (a mark is one character that is neither a letter, a space nor
punctuation, so a rule that looks across formatting skips marks), and the marked text maps one
to one onto the tree built here: text runs (``str``), :class:`Styled` runs holding runs, and
:class:`Link` for a web address.  Plain text, HTML and (in :mod:`frus_cite.sphinxext`) docutils
nodes are written from the tree; nothing is parsed back from HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

__all__ = ["STYLES", "BLOCKS", "MARKS", "PRIVATE_USE", "URL", "mark", "marks", "Styled", "Link", "Inline", "Rendered"]

STYLES = ("italic", "bold", "light", "underline", "superscript", "subscript", "small-caps", "roman", "normal-weight")
"""Every style a run can carry: CSL's ``font-style``, ``font-weight``, ``text-decoration``,
``vertical-align`` and ``font-variant`` values, and the roman and normal-weight forms an italic
or bold run of a field value takes inside a run that is already italic or bold."""

BLOCKS = ("block", "left-margin", "right-inline", "indent")
"""CSL's ``display`` values: runs that citeproc-js writes as ``<div>`` blocks (see
:mod:`.engine.display`).  Their marks are not in :data:`MARKS`: punctuation is not moved across
a block's edge."""

_FIRST_MARK = 0xE010  # after the placeholders of field rich text (see .richtext)
_FIRST_BLOCK_MARK = 0xE0F0
_OPEN = {style: chr(_FIRST_MARK + 2 * n) for n, style in enumerate(STYLES)}
_CLOSE = {style: chr(_FIRST_MARK + 2 * n + 1) for n, style in enumerate(STYLES)}
_OPEN.update({block: chr(_FIRST_BLOCK_MARK + n) for n, block in enumerate(BLOCKS)})
_CLOSE.update({block: chr(_FIRST_BLOCK_MARK + len(BLOCKS) + n) for n, block in enumerate(BLOCKS)})
_STYLE_OF = {**{c: s for s, c in _OPEN.items()}, **{c: s for s, c in _CLOSE.items()}}
MARKS = f"{chr(_FIRST_MARK)}-{chr(_FIRST_MARK + 2 * len(STYLES) - 1)}"
"""The marks of :data:`STYLES` as a regular-expression character range (``f"[{MARKS}]"``)."""
_BLOCK_MARKS = f"{chr(_FIRST_BLOCK_MARK)}-{chr(_FIRST_BLOCK_MARK + 2 * len(BLOCKS) - 1)}"
_MARK = re.compile(f"[{MARKS}{_BLOCK_MARKS}]")
PRIVATE_USE = "\ue000-\uf8ff"
"""Unicode's private-use area as a regular-expression range: the marks here, the placeholders
of field rich text (:mod:`.richtext`) and the repairs' own stand-ins; none is printed as itself."""
URL = rf"(?:https?|ftp)://[^\s<>\"{PRIVATE_USE}]*[^\s<>\".,;:)\]{PRIVATE_USE}]"
"""A web address in text, as a regular expression: up to a space, a quotation mark or a mark,
without the punctuation that ends a sentence after it."""
# A web address, or a DOI as "doi:10.1234/…" (MHRA), which links to https://doi.org/.
_LINKABLE = re.compile(rf"{URL}|\bdoi:\s?(10\.\d{{4,9}}/[^\s<>\"]*[^\s<>\".,;:)\]])", re.I)


def marks(style: str) -> tuple[str, str]:
    """The opening and closing mark of *style* (one of :data:`STYLES` or :data:`BLOCKS`)."""
    return _OPEN[style], _CLOSE[style]


def mark(style: str, text: str) -> str:
    """*text* as one run in *style*."""
    return _OPEN[style] + text + _CLOSE[style]


@dataclass(frozen=True, slots=True)
class Link:
    """A web address printed in the text: a URL (a DOI printed as ``https://doi.org/…`` too), or
    a DOI printed as ``doi:10.…``, which links to ``https://doi.org/10.…``."""

    url: str
    text: str


@dataclass(frozen=True, slots=True)
class Styled:
    """Runs printed in one of :data:`STYLES`, or set as one of :data:`BLOCKS`."""

    style: str
    children: tuple["Inline", ...]


Inline = Union[str, Styled, Link]

# HTML as citeproc-py's html formatter and citeproc-js print it: numeric character references.
_HTML_ESCAPES = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})
_HTML_TAGS = {
    "italic": ("<i>", "</i>"), "bold": ("<b>", "</b>"), "light": ("<l>", "</l>"), "underline": ("<u>", "</u>"),
    "superscript": ("<sup>", "</sup>"), "subscript": ("<sub>", "</sub>"),
    "small-caps": ('<span style="font-variant:small-caps;">', "</span>"),
    "roman": ('<span style="font-style:normal;">', "</span>"),
    "normal-weight": ('<span style="font-weight:normal;">', "</span>"),
    # citeproc-js's blocks, with its line breaks, so that a stylesheet made for it applies
    "block": ('\n\n    <div class="csl-block">', "</div>\n"),
    "left-margin": ('\n    <div class="csl-left-margin">', "</div>"),
    "right-inline": ('<div class="csl-right-inline">', "</div>\n  "),
    "indent": ('<div class="csl-indent">', "</div>\n  "),
}


@dataclass(frozen=True, slots=True)
class Rendered:
    """One rendered note or bibliography entry."""

    children: tuple[Inline, ...]

    @classmethod
    def from_marked(cls, marked: str) -> "Rendered":
        """The tree of *marked* text.  A closing mark closes the runs opened after its own
        opening mark; one with nothing to close is dropped, as is a mark never closed."""
        stack: list[tuple[str | None, list[Inline]]] = [(None, [])]
        position = 0
        for found in _MARK.finditer(marked):
            if found.start() > position:
                _add_text(stack[-1][1], marked[position : found.start()])
            position = found.end()
            char = found.group()
            style = _STYLE_OF[char]
            if char == _OPEN[style]:
                stack.append((style, []))
            elif any(open_style == style for open_style, _ in stack[1:]):
                while True:
                    open_style, children = stack.pop()
                    stack[-1][1].append(Styled(open_style, tuple(children)))
                    if open_style == style:
                        break
        _add_text(stack[-1][1], marked[position:])
        while len(stack) > 1:
            open_style, children = stack.pop()
            stack[-1][1].append(Styled(open_style, tuple(children)))
        return cls(tuple(stack[0][1]))

    def text(self) -> str:
        """Plain text: the runs' words without their styles."""
        return "".join(_text(child) for child in self.children)

    def html(self) -> str:
        """HTML as citeproc-js writes it (links are printed as their text, as it prints them)."""
        return "".join(_html(child) for child in self.children)

    def __str__(self) -> str:
        return self.text()


def _add_text(children: list[Inline], text: str) -> None:
    """Append *text*, its web addresses as :class:`Link` runs."""
    if not text:
        return
    if "://" not in text and "doi:" not in text.lower():
        children.append(text)
        return
    position = 0
    for found in _LINKABLE.finditer(text):
        if found.start() > position:
            children.append(text[position : found.start()])
        doi = found.group(1)
        children.append(Link("https://doi.org/" + doi if doi else found.group(), found.group()))
        position = found.end()
    if position < len(text):
        children.append(text[position:])


def _text(node: Inline) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, Link):
        return node.text
    return "".join(_text(child) for child in node.children)


def _html(node: Inline) -> str:
    if isinstance(node, str):
        return node.translate(_HTML_ESCAPES)
    if isinstance(node, Link):
        return node.text.translate(_HTML_ESCAPES)
    opening, closing = _HTML_TAGS[node.style]
    return opening + "".join(_html(child) for child in node.children) + closing
