"""One cite at a time, in one style and output format, through citeproc-py and our engine layer.

A :class:`CiteRenderer` owns everything it keeps: the parsed style (with its XPath answers,
see :mod:`.engine`), a citeproc-py bibliography holding the items it was given (under the
hash of their content), and the cites it rendered.  A full note costs citeproc-py a few
milliseconds and a book cites the same source at many pages, so a cite whose locator is a
plain number is rendered once with a stand-in number, and the page is put in its place
afterwards; any other locator (a range, a list, "n. 4") is rendered as it is, so that labels
("pp.") and range formats see it.  :meth:`CiteRenderer.shared` hands the note engines of a
process (a book makes one per chapter) the same renderer for the same style file.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator, formatter

from . import formatter as marked_formatter
from . import postprocess
from .cluster import Collapsing
from .disambiguation import NO_DISAMBIGUATION, Disambiguation, Rules
from .engine import AMBIGUITY_KEY, FIRST_NAMES_KEY, NEAR_NOTE_KEY, NUMBER_KEY, POSITION_KEY
from .engine.base import FIRST_NAMES_TEXT_KEY, LONGEST_NAMES_SEEN
from .engine.conditions import DISAMBIGUATE_SEEN
from .engine.labels import locator_label
from .styles import find_style, load_style
from .tree import PRIVATE_USE
from .source import CslJsonSource

__all__ = ["CiteRenderer", "LOCATOR_STAND_IN", "citeproc_formatter", "fingerprint"]

LOCATOR_STAND_IN = "9990999"
"""Rendered in place of a plain-number locator, then replaced by it."""
_KEPT_LIMIT = 50_000  # a long-lived process (sphinx-autobuild) starts afresh past this


class CiteRenderer:
    """Renders single cites of CSL-JSON items in one style and format (``"text"``, or
    ``"marked"``: text with the marks of :mod:`.tree`), keeping the results."""

    def __init__(self, style: str | None, fmt: str) -> None:
        self.fmt = fmt
        self.style = load_style(style, fmt)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = CslJsonSource([])
        self._bibliography = CitationStylesBibliography(self.style, source, citeproc_formatter(fmt))
        self.layout = postprocess.Layout.of(self.style)  # after the formatter is set on the style
        self._kept: dict[tuple[Any, ...], tuple[str, str | None]] = {}
        self._sort_rows: dict[str, list[Any]] = {}  # bibliography sort values by item fingerprint
        self.kept_disambiguations: dict[tuple[Any, ...], dict[Any, Disambiguation]] = {}  # see disambiguation.disambiguate
        # short forms by (fingerprint, disambiguation), with what they met (see _short_form)
        self._short_forms: dict[tuple[str, Disambiguation], tuple[str, tuple[int, int]]] = {}
        citation = self.style.root.citation
        self._citation_sort = citation.find("cs:sort", citation.nsmap)
        self._bibliography_layout = self.style.root.find("cs:bibliography/cs:layout", citation.nsmap)
        self._bibliography_sort = self.style.root.find("cs:bibliography/cs:sort", citation.nsmap)
        self.uses_first_note_number = bool(self.style.root.xpath(".//*[contains(@variable, 'first-reference-note-number')]"))
        # What whole-citation rendering the style asks for, decided once (see .disambiguation, .cluster)
        conditions = len(self.style.root.xpath(".//cs:if[@disambiguate='true'] | .//cs:else-if[@disambiguate='true']",
                                               namespaces=citation.nsmap))
        self.disambiguation_rules = Rules.of(citation, conditions)
        self.disambiguates = self.disambiguation_rules.active  # read on every cite
        self.uses_citation_number = bool(self.style.root.xpath(".//*[@variable='citation-number']"))
        sorted_by_keys = self._citation_sort is not None and not self.uses_citation_number
        self.collapsing = Collapsing.of(self.style, sorted=sorted_by_keys)

    @staticmethod
    def shared(style: str | None, fmt: str) -> "CiteRenderer":
        """The process's renderer for this style file (as it is now on disk) and format."""
        path = find_style(style).path
        return _shared(str(path), path.stat().st_mtime_ns, fmt)

    def render(self, item: Mapping[str, Any], *, position: str, near_note: bool = False,
               locator: str | None = None, label: str = "page", fingerprint: str | None = None,
               disambiguation: Disambiguation = NO_DISAMBIGUATION, number: int | None = None) -> str:
        """The text of one cite of *item* at *position* (the layout's affixes taken off);
        *fingerprint* is :func:`fingerprint` of the item, if the caller keeps it; *disambiguation*
        and *number* are what the note engine decided over the whole set of cited items."""
        return self.render_with_names(item, position=position, near_note=near_note, locator=locator, label=label,
                                      fingerprint=fingerprint, disambiguation=disambiguation, number=number)[0]

    def render_with_names(self, item: Mapping[str, Any], *, position: str, near_note: bool = False,
                          locator: str | None = None, label: str = "page", fingerprint: str | None = None,
                          disambiguation: Disambiguation = NO_DISAMBIGUATION, number: int | None = None,
                          first_names: str | None = None) -> tuple[str, str | None]:
        """:meth:`render`, and the text of the cite's first names when *first_names* is "keep"
        (they are printed) or "cut" (they are left out, as a collapsed cite leaves them)."""
        fingerprint = fingerprint or globals()["fingerprint"](item)
        if locator is not None and label == "page" and "." in locator:
            label, locator = self._labelled_locator(locator, item.get("type"))
        stand_in = locator is not None and locator.isdigit()
        shown = LOCATOR_STAND_IN if stand_in else locator
        state = (position, near_note, disambiguation, number, first_names, False)
        key = (fingerprint, state, label if locator is not None else None, shown)
        kept = self._kept.get(key)
        if kept is None:
            kept = self._render(item, fingerprint, state, shown, label)[:2]
            if stand_in and LOCATOR_STAND_IN not in kept[0]:  # the style changed the number (roman, ordinal)
                return self._render(item, fingerprint, state, locator, label)[:2]
            if len(self._kept) > _KEPT_LIMIT:
                self._kept.clear()
            self._kept[key] = kept
        if not stand_in:
            return kept
        return kept[0].replace(LOCATOR_STAND_IN, locator), kept[1]

    def short_form(self, item: Mapping[str, Any], fingerprint: str, disambiguation: Disambiguation) -> str:
        """The cite disambiguation compares (at a subsequent position, near its note, without a
        locator) under *disambiguation*."""
        key = (fingerprint, disambiguation)
        kept = self._short_forms.get(key)
        if kept is None:
            kept = self._short_form(item, fingerprint, disambiguation)
            if len(self._short_forms) > _KEPT_LIMIT:
                self._short_forms.clear()
            self._short_forms[key] = kept
        return kept[0]

    def _short_form(self, item: Mapping[str, Any], fingerprint: str,
                    disambiguation: Disambiguation) -> tuple[str, tuple[int, int]]:
        """The short form, and what its rendering met: (disambiguate="true" tests, longest name list)."""
        # Disambiguation tries counts one more at a time; a cite that met fewer disambiguate="true"
        # tests than were made true, or whose name lists are no longer than the names shown,
        # prints the same with one more: the count below is asked (kept), not rendered again.
        names = disambiguation.names
        fewer = []
        if disambiguation.condition > 1:
            fewer.append((replace(disambiguation, condition=disambiguation.condition - 1), 0, disambiguation.condition))
        if names is not None and names.shown is not None and names.shown > 1:
            fewer.append((replace(disambiguation, names=replace(names, shown=names.shown - 1)), 1, names.shown))
        for below, which, count in fewer:
            self.short_form(item, fingerprint, below)
            text, met = self._short_forms.get((fingerprint, below), ("", (count, count)))
            if met[which] < count:
                return text, met
        # the form compared: no access date (see engine.AMBIGUITY_KEY)
        text, _, met = self._render(item, fingerprint, ("subsequent", True, disambiguation, None, None, True), None, "page")
        return text, met

    def _labelled_locator(self, locator: str, item_type: str | None) -> tuple[str, str]:
        """A page locator that starts with a label's abbreviation ("vol. 1, fol. 186") takes
        that label, as citeproc-js reads it, when the locale has the term."""
        found = locator_label(locator, item_type)
        if found is None or self.style.root.get_term(found[0]) is None:
            return "page", locator
        return found

    def citation_order(self, items: list[tuple[Mapping[str, Any], str]], numbers: list[int | None] | None = None) -> list[int]:
        """Indexes of a note's items, (item, fingerprint) pairs, in the order of the style's
        citation ``<sort>`` (*numbers*: their citation-numbers); without one, the order given
        (as citeproc-js keeps it)."""
        if self._citation_sort is None or len(items) < 2:
            return list(range(len(items)))
        return self._sorted(self._citation_sort, self.style.root.citation.layout, items, numbers)

    def bibliography_order(self, items: list[tuple[Mapping[str, Any], str]]) -> list[int]:
        """Indexes of items, (item, fingerprint) pairs, in the order of the style's bibliography
        ``<sort>`` (its citation numbers and year-suffixes follow it); without one, the order
        given.  Each item's sort values are kept: the order is asked again as items are cited."""
        sort = self._bibliography_sort
        if sort is None or len(items) < 2 or sort.xpath("cs:key[@variable='citation-number']", namespaces=self.style.root.nsmap):
            return list(range(len(items)))  # numbered in order of citation, whatever order is printed
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cites = [CitationItem(self._source_id(item, print_)) for item, print_ in items]
            self._bibliography.register(Citation(cites))
            if len(self._sort_rows) + len(items) > _KEPT_LIMIT:  # bounded as _kept is
                self._sort_rows.clear()
            for cite, (_, print_) in zip(cites, items):
                if print_ not in self._sort_rows:
                    self._sort_rows[print_] = sort.rows([cite], self._bibliography_layout)[0]
            ordered = sort.sort(cites, self._bibliography_layout, rows=[self._sort_rows[p] for _, p in items])
        position = {id(cite): index for index, cite in enumerate(cites)}
        return [position[id(cite)] for cite in ordered]

    def _sorted(self, sort, layout, items: list[tuple[Mapping[str, Any], str]], numbers: list[int | None] | None) -> list[int]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cites = [CitationItem(self._source_id(item, print_), **({NUMBER_KEY: number} if number else {}))
                     for (item, print_), number in zip(items, numbers or [None] * len(items))]
            self._bibliography.register(Citation(cites))
            ordered = sort.sort(cites, layout)
        position = {id(cite): index for index, cite in enumerate(cites)}
        return [position[id(cite)] for cite in ordered]

    def _render(self, item: Mapping[str, Any], fingerprint: str, state: tuple[Any, ...],
                locator: str | None, label: str) -> tuple[str, str | None, tuple[int, int]]:
        """The cite's text, its first names' text if asked, and what it met: how many
        disambiguate="true" tests, and its longest name list (*state*: position, near note,
        disambiguation, citation-number, first names, ambiguity form)."""
        position, near_note, disambiguation, number, first_names, ambiguity = state
        args: dict[str, Any] = {POSITION_KEY: position, NEAR_NOTE_KEY: near_note, **disambiguation.citation_item_keys()}
        if number is not None:
            args[NUMBER_KEY] = number
        if first_names is not None:
            args[FIRST_NAMES_KEY] = first_names
        if ambiguity:
            args[AMBIGUITY_KEY] = True
        if locator is not None:
            args["locator"] = Locator(label.replace("-", " "), locator)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # citeproc-py warns about CSL variables it does not model
            cite = CitationItem(self._source_id(item, fingerprint), **args)
            citation = Citation([cite])
            self._bibliography.register(citation)
            raw = str(self._bibliography.cite(citation, lambda missing: None))
        names = cite.get(FIRST_NAMES_TEXT_KEY) if first_names is not None else None
        text = postprocess.fix_note(raw, fmt=self.fmt, item=item, layout=self.layout)
        if not _prints_something(text):  # the note engine reports the item (a collapsed cite's "cut" too may print nothing)
            text = ""
        return text, names, (cite.get(DISAMBIGUATE_SEEN, 0), cite.get(LONGEST_NAMES_SEEN, 0))

    def _source_id(self, item: Mapping[str, Any], fingerprint: str) -> str:
        """The item's id in the citeproc-py source (its content's hash), added on first use."""
        source_id = "i" + hashlib.sha1(fingerprint.encode()).hexdigest()[:20]
        source = self._bibliography.source
        if source_id not in source:
            prepared = postprocess.prepare_fields(item, self.fmt)
            prepared["id"] = source_id
            for reference in CslJsonSource([prepared]).values():
                source.add(reference)
        return source_id


def citeproc_formatter(fmt: str):
    """The citeproc-py formatter module of *fmt*: ``"marked"`` text (HTML and the tree are
    written from it, see :mod:`.tree`) or plain text."""
    return marked_formatter if fmt == "marked" else formatter.plain


def fingerprint(item: Mapping[str, Any]) -> str:
    """The item's content, by which rendered cites are kept."""
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


_PRINTED_CHAR = re.compile(rf"[^\s{PRIVATE_USE}]")


def _prints_something(text: str) -> bool:
    """*text* has a character that is neither a space nor a mark (private use, see :mod:`.tree`)."""
    return _PRINTED_CHAR.search(text) is not None


@lru_cache(maxsize=16)
def _shared(path: str, version: int, fmt: str) -> CiteRenderer:
    return CiteRenderer(str(Path(path)), fmt)
