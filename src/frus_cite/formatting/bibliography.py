"""Bibliographies: entries in the style's order, and collapsing documents to their volume.

Sorting and the 3-em dash for a repeated author (``subsequent-author-substitute``) are
the style's, done by the engine layer (:mod:`.engine`).

CMOS lists the published collection, not each telegram: by default FRUS
documents collapse to one entry for their volume ("U.S. Department of State.
*Foreign Relations of the United States* …") and Wilson Center records to
their archival collection (or repository).  ``each_document=True`` lists
every document instead.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import replace
from typing import Any, Iterable, Mapping

from citeproc import Citation, CitationItem, CitationStylesBibliography

from ..catalog import Catalog, default_catalog
from ..model import Reference
from . import postprocess
from .csl_json import to_csl_json, volume_variables
from .disambiguation import NO_DISAMBIGUATION, Disambiguation
from .engine.entries import NOTHING_PRINTED_KEY
from .renderer import citeproc_formatter
from .styles import load_style, require_bibliography
from .tree import Rendered
from .source import CslJsonSource

__all__ = ["entry_item", "render_entries", "render_entry_pairs", "render_entry_trees", "render_bibliography", "collapsed_items", "volume_item", "collection_item"]



def volume_item(volume_id: str, catalog: Catalog | None = None) -> dict[str, Any]:
    """A CSL ``book`` item for a whole FRUS volume, authored by the Department of State."""
    volume = (catalog or default_catalog()).get(volume_id)
    variables = volume_variables(volume)
    item: dict[str, Any] = {
        "id": volume_id,
        "type": "book",
        "author": [{"literal": "U.S. Department of State"}],
        "title": variables.pop("container-title"),
        **variables,
        "URL": volume.document_url(),
    }
    return item


def collection_item(ref: Reference) -> dict[str, Any] | None:
    """A CSL ``collection`` item for the archival collection (or repository) of a record."""
    location = ref.archive
    if location is None or not (location.collection or location.repository or location.name):
        return None
    title = location.collection or location.repository or location.name
    item: dict[str, Any] = {"id": "collection:" + re.sub(r"\W+", "-", title.lower()).strip("-"), "type": "collection", "title": title}
    if location.collection and (location.repository or location.name):
        item["archive"] = location.repository or location.name
    if location.place:
        item["archive-place"] = location.place
    return item


def entry_item(ref: Reference, document: dict[str, Any], *, catalog: Catalog | None = None, each_document: bool = False) -> dict[str, Any]:
    """The bibliography entry for a cited document (*document* is its CSL item): its FRUS
    volume, its archival collection, or, with *each_document*, the document itself."""
    if each_document:
        return document
    if ref.kind == "frus" and ref.volume:
        return volume_item(ref.volume, catalog)
    if ref.kind == "wilson":
        return collection_item(ref) or document
    return document


def collapsed_items(records: Iterable[Reference], *, catalog: Catalog | None = None, each_document: bool = False) -> list[dict[str, Any]]:
    """CSL items for a bibliography of *records*: volumes and collections, or every document."""
    items: dict[str, dict[str, Any]] = {}
    for ref in records:
        item = entry_item(ref, to_csl_json(ref, catalog=catalog), catalog=catalog, each_document=each_document)
        items.setdefault(item["id"], item)
    return list(items.values())


Disambiguations = Mapping[str, Disambiguation] | None


def render_entries(items: list[Mapping[str, Any]], *, style: str | None = None, fmt: str = "text",
                   disambiguations: Disambiguations = None) -> list[str]:
    """Render bibliography entries in CMOS order, with 3-em dashes for repeated authors."""
    return [text for _, text in render_entry_pairs(items, style=style, fmt=fmt, disambiguations=disambiguations)]


def render_entry_pairs(
    items: list[Mapping[str, Any]], *, style: str | None = None, fmt: str = "text", disambiguations: Disambiguations = None,
) -> list[tuple[Mapping[str, Any], str]]:
    """(item, entry text) in the style's order (its ``<sort>``; without one, the order given),
    in plain text or (``fmt="html"``) HTML; :class:`.NoBibliographyError` for a notes-only style.
    *disambiguations*, by item id, are those the citations printed: an entry shows the same
    year-suffix (and CSL's ``disambiguate`` test is true for it too)."""
    if fmt == "html":
        return [(item, tree.html()) for item, tree in render_entry_trees(items, style=style, disambiguations=disambiguations)]
    return _render_entries(items, style, "text", disambiguations)


def render_entry_trees(items: list[Mapping[str, Any]], *, style: str | None = None,
                       disambiguations: Disambiguations = None) -> list[tuple[Mapping[str, Any], Rendered]]:
    """(item, entry as a tree) in the style's order, as :func:`render_entry_pairs`."""
    return [(item, Rendered.from_marked(marked)) for item, marked in _render_entries(items, style, "marked", disambiguations)]


def _render_entries(items: list[Mapping[str, Any]], style: str | None, fmt: str,
                    disambiguations: Disambiguations = None) -> list[tuple[Mapping[str, Any], str]]:
    require_bibliography(style)
    if not items:
        return []
    parsed = load_style(style, fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CslJsonSource([postprocess.prepare_fields(i, fmt) for i in items])
        bibliography = CitationStylesBibliography(parsed, source, citeproc_formatter(fmt))
        for item in items:
            shown = (disambiguations or {}).get(str(item["id"]), NO_DISAMBIGUATION)
            keys = replace(shown, names=None).citation_item_keys()  # names are the bibliography's own
            bibliography.register(Citation([CitationItem(str(item["id"]), **keys)]))
        if parsed.root.bibliography.find("cs:sort", parsed.root.nsmap) is not None:  # (.sort is a method)
            bibliography.sort()
        rendered = [str(entry) for entry in bibliography.bibliography()]
    by_key = {str(item["id"]).lower(): item for item in items}  # citeproc-py lower-cases ids
    ordered = [by_key[cite.key] for cite in bibliography.items]
    inside = postprocess.punctuation_in_quote(parsed)
    # An item the style prints nothing for has no entry (the engine layer flagged it, and kept
    # its place so that each entry stays with its item); NoteEngine.unprinted() names it.
    return [(item, postprocess.fix_entry(raw, fmt=fmt, quote_punctuation=inside))
            for item, raw, cite in zip(ordered, rendered, bibliography.items) if not cite.get(NOTHING_PRINTED_KEY)]


def render_bibliography(
    records: Iterable[Reference],
    *,
    style: str | None = None,
    fmt: str = "text",
    catalog: Catalog | None = None,
    each_document: bool = False,
) -> list[str]:
    """The bibliography of parsed sources (collapsed to volumes/collections by default)."""
    return render_entries(collapsed_items(records, catalog=catalog, each_document=each_document), style=style, fmt=fmt)
