"""Roles: ``:frus:q:`key <passage>``` (inline quotation) and ``:frus:cite:`key, p. 927```."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from .citing import make_note, parse_cites, parse_locator, prepare_quote
from .logging import warn
from .records import CiteRecord

__all__ = ["QuoteRole", "CiteRole"]

_QUOTE = re.compile(r"(?P<key>[^<,]+?)\s*(?:,\s*(?P<locator>[^<]+?))?\s*<(?P<passage>.+)>\s*$", re.S)


class QuoteRole(SphinxRole):
    """``:frus:q:`key <passage>``` or ``:frus:q:`key, p. 927 <passage>```: “passage” and a footnote."""

    def run(self):
        match = _QUOTE.match(self.text)
        if not match:
            warn("bad_option", f"cannot read {self.rawtext!r}; expected :frus:q:`key <quoted words>`", self.get_location())
            return [nodes.inline(self.rawtext, self.text)], []
        key, passage = match["key"].strip(), " ".join(match["passage"].split())
        locator, label = None, "page"
        if match["locator"]:
            try:
                locator, label = parse_locator(match["locator"])
            except ValueError as error:
                warn("bad_locator", str(error), self.get_location())
        prepared = prepare_quote(self.env, key, passage, locator, location=self.get_location())
        cite = CiteRecord(key, prepared.locator, label, None, None)
        reference = make_note(self.env, self.inliner.document, [cite], self.lineno, passage=prepared.pending)
        quoted = nodes.inline(self.rawtext, "", classes=["frus-quote"])
        quoted += nodes.Text("“" + _nested(passage) + "”")
        return [quoted, reference], []


def _nested(passage: str) -> str:
    """Quotation marks inside a quotation become single ones (CMOS 6.11)."""
    text = re.sub(r"[“\"]([^”\"]*)[”\"]", r"‘\1’", passage)
    return text


class CiteRole(SphinxRole):
    """``:frus:cite:`[prefix::] key[, locator] [:: suffix]``` — several cites separated by ";"."""

    def run(self):
        cites = []
        for prefix, key, locator_text, suffix in parse_cites(self.text):
            if not key or not re.fullmatch(r"[^\s<>]+", key):
                warn("bad_option", f"cannot read a citation key in {self.rawtext!r}; expected :frus:cite:`key, p. 927`", self.get_location())
                continue
            locator, label = None, "page"
            if locator_text:
                try:
                    locator, label = parse_locator(locator_text)
                except ValueError as error:
                    warn("bad_locator", str(error), self.get_location())
            cites.append(CiteRecord(key, locator, label, prefix, suffix))
        if not cites:
            return [nodes.inline(self.rawtext, self.text)], []
        return [make_note(self.env, self.inliner.document, cites, self.lineno)], []
