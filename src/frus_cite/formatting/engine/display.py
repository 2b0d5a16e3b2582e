"""CSL's ``display`` attribute and the bibliography's ``second-field-align``.

citeproc-py ignores both.  An element with ``display`` (``block``, ``left-margin``,
``right-inline``, ``indent``) is marked in citeproc-py's output with the block marks of
:mod:`..tree` around its text, which the tree writes as citeproc-js does: in HTML
``<div class="csl-block">`` and its siblings, with citeproc-js's line breaks, so that a
stylesheet made for citeproc-js's output lays the entry out; in plain text nothing.
With ``second-field-align``, a bibliography entry's first field is its left margin and
the rest its right-inline part (a numbered list: ``[1]`` in the margin, the entry beside it).
"""

from __future__ import annotations

import re

from citeproc.source import VariableError
from citeproc.string import String, normalize_seam

from ..tree import BLOCKS, marks

__all__ = ["Display", "SecondFieldAlign", "write_display", "DISPLAY_MARKS"]

_DISPLAYS = BLOCKS
_OPEN = {display: marks(display)[0] for display in _DISPLAYS}
_CLOSE = {display: marks(display)[1] for display in _DISPLAYS}
DISPLAY_MARKS = "".join(_OPEN.values()) + "".join(_CLOSE.values())
_MARK = re.compile(f"[{DISPLAY_MARKS}]")
_EMPTY = re.compile("|".join(_OPEN[d] + _CLOSE[d] for d in _DISPLAYS))


def _marked(text, display: str):
    return String(_OPEN[display]) + text + String(_CLOSE[display])


def write_display(text: str, fmt: str) -> str:
    """*text* with its display marks as *fmt* keeps them: ``"marked"`` text keeps its blocks
    (the tree writes them), plain text drops them."""
    if not _MARK.search(text):
        return text
    text = _EMPTY.sub("", text)  # an element that printed nothing has no block
    if fmt != "marked":
        return _MARK.sub("", text)
    return text


class Display:
    """An element with ``display``: its text, affixes included, is marked as one block."""

    def wrap(self, string):
        text = super().wrap(string)
        display = self.get("display")
        if text is None or display not in _OPEN:
            return text
        return _marked(text, display)


class SecondFieldAlign:
    """A bibliography layout: ``second-field-align`` puts the first field in the left margin
    and the others beside it; the layout's suffix goes inside the last block (citeproc-js
    closes an entry's period inside its right-inline part)."""

    def render_children(self, item, delimiter="", **kwargs):
        if self.getparent().tag.rpartition("}")[2] != "bibliography" or not self.getparent().get("second-field-align"):
            return super().render_children(item, delimiter=delimiter, **kwargs)
        first, rest = self[:1], self[1:]
        margin = _render_each(first, item, **kwargs)
        inline = _render_each(rest, item, **kwargs)
        pieces = []
        if margin:
            pieces.append(_marked(self.join(margin), "left-margin"))
        if inline:
            pieces.append(_marked(self.join(inline), "right-inline"))
        return _concat(pieces)

    def wrap(self, string):
        suffix = self.get("suffix", "")
        if string is None or not str(string) or str(string)[-1] not in _CLOSE.values():
            return super().wrap(string)
        closing = str(string)[-1]
        inner = str(string)[:-1]
        ending = inner[len(inner.rstrip()):]  # spaces ending the entry follow its last block
        inner = String(inner[: len(inner) - len(ending)])
        return String(self.get("prefix", "")) + inner + String(normalize_seam(inner, suffix) + closing + ending)


def _render_each(children, item, **kwargs) -> list:
    output = []
    for child in children:
        try:
            text = child.render(item, **kwargs)
        except VariableError:
            continue
        if text is not None:
            output.append(text)
    return output


def _concat(pieces):
    if not pieces:
        return None
    text = pieces[0]
    for piece in pieces[1:]:
        text = text + piece
    return text
