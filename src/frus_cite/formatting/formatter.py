"""A citeproc-py formatter module writing marked text (see :mod:`.tree`).

citeproc-py takes its output format as a module with ``preformat`` and one class per CSL
formatting (``Italic``, ``Bold`` …), as its own ``citeproc.formatter.html`` and ``plain``.
This one keeps text as it is and wraps each formatted run in the marks of its style, so
that the output can be repaired as text and turned into a tree without parsing HTML.
"""

from __future__ import annotations

from .tree import mark

__all__ = ["preformat", "Italic", "Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript", "SmallCaps"]


def preformat(text):
    """Text is kept as it is; each output escapes it as it needs."""
    return text


class _Marked(str):
    """A run in one style (a ``str``, as citeproc-py's own formatters make)."""

    style = ""

    def __new__(cls, text):
        return super().__new__(cls, mark(cls.style, str(text)))


class Italic(_Marked):
    style = "italic"


class Oblique(Italic):
    pass


class Bold(_Marked):
    style = "bold"


class Light(_Marked):
    style = "light"


class Underline(_Marked):
    style = "underline"


class Superscript(_Marked):
    style = "superscript"


class Subscript(_Marked):
    style = "subscript"


class SmallCaps(_Marked):
    style = "small-caps"
