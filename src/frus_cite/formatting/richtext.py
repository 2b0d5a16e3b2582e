"""CSL rich text: the little HTML of CSL-JSON field values, rendered as citeproc-js does.

Zotero and citeproc-js let a title carry ``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
``<span style="font-variant:small-caps;">`` and ``<span class="nocase">`` (a book title
inside an article title: ``Review of <i>The China Tangle</i>``). citeproc-py copies
field values as plain text, so the tags would be printed (or escaped) literally.

:func:`protect` turns each balanced tag pair of a value into private-use characters
that pass through citeproc-py untouched; :func:`restore` turns them into the marks of
:mod:`.tree` afterwards (an italic run inside an italic title flips to roman, as
citeproc-js prints it), or into nothing in plain text.  Tags outside this set stay text.
"""

from __future__ import annotations

import re

from . import tree

__all__ = ["protect", "restore", "plain", "has_markup", "placeholders"]

# kind -> (opening placeholder, closing placeholder); U+E000… are private-use characters.
_KINDS = ("i", "b", "sup", "sub", "sc", "nocase")
_OPEN = {kind: chr(0xE000 + 2 * n) for n, kind in enumerate(_KINDS)}
_CLOSE = {kind: chr(0xE001 + 2 * n) for n, kind in enumerate(_KINDS)}
_KIND_OF = {**{c: k for k, c in _OPEN.items()}, **{c: k for k, c in _CLOSE.items()}}
_PLACEHOLDERS = re.compile("[" + "".join(_OPEN.values()) + "".join(_CLOSE.values()) + "]")

_TAG = re.compile(
    r"<(?P<open>i|b|sup|sub|sc)>|</(?P<close>i|b|sup|sub|sc|span)>"
    r"|<span\s+style=\"\s*font-variant\s*:\s*small-caps\s*;?\s*\">(?P<sc>)"
    r"|<span\s+class=\"nocase\">(?P<nocase>)"
)


def placeholders(kind: str) -> tuple[str, str]:
    """The opening and closing placeholders of *kind* (``i``, ``b``, ``sup``, ``sub``, ``sc``, ``nocase``)."""
    return _OPEN[kind], _CLOSE[kind]


def has_markup(value: str) -> bool:
    return "<" in value and _TAG.search(value) is not None


def protect(value: str) -> str:
    """*value* with its balanced rich-text tags replaced by placeholders."""
    if not has_markup(value):
        return value
    tokens = list(_TAG.finditer(value))
    stack: list[tuple[int, str]] = []  # (token index, kind)
    pairs: dict[int, str] = {}  # token index -> placeholder
    for index, token in enumerate(tokens):
        if token["open"]:
            stack.append((index, token["open"]))
        elif token["sc"] is not None:
            stack.append((index, "sc"))
        elif token["nocase"] is not None:
            stack.append((index, "nocase"))
        else:
            closing = token["close"]
            if stack and (stack[-1][1] == closing or (closing == "span" and stack[-1][1] in ("sc", "nocase"))):
                opened, kind = stack.pop()
                pairs[opened] = _OPEN[kind]
                pairs[index] = _CLOSE[kind]
            else:
                stack.clear()  # a stray closing tag: what is open cannot pair across it
    pieces, cursor = [], 0
    for index, token in enumerate(tokens):
        if index in pairs:
            pieces.append(value[cursor : token.start()])
            pieces.append(pairs[index])
            cursor = token.end()
    pieces.append(value[cursor:])
    return "".join(pieces)


def plain(value: str) -> str:
    """*value* without its rich-text tags (for sorting and plain text)."""
    return _PLACEHOLDERS.sub("", protect(value))


# The style a placeholder's run takes, and the one it takes inside a run that is already
# italic or bold: roman, normal weight (as citeproc-js prints a title inside a title).
_STYLE = {"i": ("italic", "roman"), "b": ("bold", "normal-weight"), "sup": ("superscript", None),
          "sub": ("subscript", None), "sc": ("small-caps", None)}
_ITALIC, _BOLD = tree.marks("italic"), tree.marks("bold")
_STYLE_TOKENS = re.compile("[" + "".join(_ITALIC + _BOLD) + "".join(_OPEN.values()) + "".join(_CLOSE.values()) + "]")


def restore(text: str, fmt: str) -> str:
    """Placeholders in rendered *text* as *fmt* shows them: marked text (``"marked"``, see
    :mod:`.tree`) or nothing (``"text"``)."""
    if not _PLACEHOLDERS.search(text):
        return text
    if fmt == "text":
        return _PLACEHOLDERS.sub("", text)
    pieces, cursor = [], 0
    # Whether each enclosing run is italic / bold, innermost last; the style's own
    # italic and bold count as well as the field's.
    italic: list[bool] = [False]
    bold: list[bool] = [False]
    opened: list[str] = []  # closing mark of each open placeholder
    for token in _STYLE_TOKENS.finditer(text):
        pieces.append(text[cursor : token.start()])
        cursor = token.end()
        char = token.group(0)
        if char in _ITALIC or char in _BOLD:
            states = italic if char in _ITALIC else bold
            if char in (_ITALIC[1], _BOLD[1]):
                if len(states) > 1:
                    states.pop()
            else:
                states.append(True)
            pieces.append(char)
            continue
        kind = _KIND_OF[char]
        if kind == "nocase":
            continue
        states = italic if kind == "i" else bold if kind == "b" else None
        if char == _OPEN[kind]:
            style, flipped = _STYLE[kind]
            flips = states is not None and states[-1]
            opening, closing = tree.marks(flipped if flips else style)
            pieces.append(opening)
            opened.append(closing)
            if states is not None:
                states.append(not flips)
        else:
            if opened:
                pieces.append(opened.pop())
            if states is not None and len(states) > 1:
                states.pop()
    pieces.append(text[cursor:])
    return "".join(pieces)
