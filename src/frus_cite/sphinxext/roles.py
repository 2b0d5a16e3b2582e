"""Roles: ``:frus:q:`key <passage>``` (inline quotation) and ``:frus:cite:`key, p. 927```."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from .citing import make_note, parse_locator, prepare_quote, read_cites
from .logging import warn
from .nodes import quotation
from .records import CiteRecord

__all__ = ["QuoteRole", "CiteRole"]

# Key and locator end at their last non-space character, so that each run of spaces has one
# place to go (lazy groups beside `\s*` were quadratic in a run of spaces, #16).
_QUOTE = re.compile(r"(?P<key>[^<,]*[^<,\s])\s*(?:,\s*(?P<locator>[^<]*[^<\s])\s*)?<(?P<passage>.+)>\s*(?:;(?P<more>[^<>]*))?$", re.S)


class QuoteRole(SphinxRole):
    """``:frus:q:`key <passage>``` or ``:frus:q:`key, p. 927 <passage>```: “passage” and a footnote;
    ``:frus:q:`key <passage>; other, p. 3``` cites more sources in the same note, in that order."""

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
        cites = [CiteRecord(key, prepared.locator, label, None, None)]
        cites += read_cites(match["more"] or "", self.rawtext, self.get_location())
        mark = make_note(self.env, cites, self.lineno, passage=prepared.pending)
        return [quotation(self.rawtext, prepared.printed, mark["note_id"], self.env.docname), mark], []


class CiteRole(SphinxRole):
    """``:frus:cite:`[prefix::] key[, locator] [:: suffix]``` — several cites separated by ";"."""

    def run(self):
        cites = read_cites(self.text, self.rawtext, self.get_location())
        if not cites:
            return [nodes.inline(self.rawtext, self.text)], []
        return [make_note(self.env, cites, self.lineno)], []
