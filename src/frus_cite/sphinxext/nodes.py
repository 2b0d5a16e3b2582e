"""Placeholder nodes, filled in by the post-transform once every note's position is known."""

from __future__ import annotations

import re

from docutils import nodes

__all__ = ["frus_note", "frus_note_ref", "frus_bibliography", "quotation", "set_quotation_text"]


class frus_note(nodes.Inline, nodes.Element):
    """The text of one citation footnote, to be rendered.

    Attributes: ``note_id`` (unique), ``cites`` (list of dicts: key, locator,
    label, prefix, suffix).
    """


class frus_note_ref(nodes.Inline, nodes.Element):
    """Where a citation's note mark goes (``note_id``), until the reading transforms make it
    a footnote reference or set the citation inline in the author's own footnote.

    Not a footnote reference while the document is parsed: parsers such as myst-parser
    2–3 check every footnote reference against the footnotes they defined themselves."""


class frus_bibliography(nodes.General, nodes.Element):
    """Where a ``frus:bibliography`` directive stands; ``node_id`` names its record."""


def visit_skip(self, node) -> None:
    # Placeholders are always replaced before writing; an unresolved one prints nothing.
    raise nodes.SkipNode


def quotation(rawtext: str, passage: str, note_id: str, docname: str) -> nodes.inline:
    """An inline quotation: “passage”, tied to the note that cites it."""
    node = nodes.inline(rawtext, "", classes=["frus-quote"], frus_passage=passage, frus_note_id=note_id, frus_closing="", docname=docname)
    set_quotation_text(node)
    return node


def set_quotation_text(node: nodes.inline, passage: str | None = None, closing: str | None = None) -> None:
    """(Re)write a quotation's text: a new passage (footnote marks dropped), or the
    sentence's period or comma set inside the closing quotation mark (CMOS 6.9)."""
    if passage is not None:
        node["frus_passage"] = passage
    if closing is not None:
        node["frus_closing"] = closing
    text = node["frus_passage"]
    if node["frus_closing"] and text.endswith((".", ",")):
        text = text[:-1]  # "years." and a following period: one period
    node.children = []
    node += nodes.Text("“" + _nested(text) + node["frus_closing"] + "”")


def _nested(passage: str) -> str:
    """Quotation marks inside a quotation become single ones (CMOS 6.11)."""
    # Nothing after the last closing mark can be a quotation: searching it from each opening
    # mark there was quadratic (#16).
    last = max(passage.rfind("”"), passage.rfind('"'))
    return re.sub(r"[“\"]([^”\"]*)[”\"]", r"‘\1’", passage[: last + 1]) + passage[last + 1 :]
