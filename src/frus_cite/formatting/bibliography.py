"""Bibliographies: CMOS sorting, 3-em dashes, and collapsing documents to their volume.

CMOS lists the published collection, not each telegram: by default FRUS
documents collapse to one entry for their volume ("U.S. Department of State.
*Foreign Relations of the United States* …") and Wilson Center records to
their archival collection (or repository).  ``each_document=True`` lists
every document instead.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from typing import Any, Iterable, Mapping

from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source.json import CiteProcJSON

from ..catalog import Catalog, default_catalog
from ..model import Reference
from . import postprocess, richtext
from .csl_json import to_csl_json, volume_variables
from .styles import load_style, require_bibliography

__all__ = ["entry_item", "render_entries", "render_entry_pairs", "render_bibliography", "collapsed_items", "volume_item", "collection_item"]

THREE_EM_DASH = "———"


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


def _sort_text(value: str) -> str:
    value = unicodedata.normalize("NFKD", richtext.plain(value))
    value = "".join(c for c in value if not unicodedata.combining(c))
    value = re.sub(r"^(the|a|an)\s+", "", value.strip(), flags=re.I)
    return re.sub(r"[^\w\s]", "", value).lower()


def _name_key(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return ", ".join(p for p in (name.get("family", ""), name.get("given", "")) if p)


def sort_key(item: Mapping[str, Any]) -> tuple[str, str, str]:
    """CMOS order: first author (or editor) family name, else the title; then title, date."""
    names = item.get("author") or item.get("editor") or []
    first = "; ".join(_name_key(n) for n in names) if names else item.get("title", "")
    issued = item.get("issued", {}).get("date-parts", [[0]])[0]
    return (_sort_text(first), _sort_text(item.get("title", "")), "-".join(f"{p:04d}" for p in issued))


def _leading_names(item: Mapping[str, Any]) -> list[Mapping[str, str]]:
    """The names an entry starts with: its authors, else (standing in for them) its editors."""
    return item.get("author") or (item.get("editor") if item.get("type") != "document" else None) or []


def _author_text(item: Mapping[str, Any]) -> str:
    names = _leading_names(item)
    return "; ".join(_name_key(n) for n in names)


def render_entries(items: list[Mapping[str, Any]], *, style: str | None = None, fmt: str = "text") -> list[str]:
    """Render bibliography entries in CMOS order, with 3-em dashes for repeated authors."""
    return [text for _, text in render_entry_pairs(items, style=style, fmt=fmt)]


def render_entry_pairs(
    items: list[Mapping[str, Any]], *, style: str | None = None, fmt: str = "text"
) -> list[tuple[Mapping[str, Any], str]]:
    """(item, entry text) in CMOS order; :class:`.NoBibliographyError` for a notes-only style."""
    require_bibliography(style)
    if not items:
        return []
    ordered = sorted(items, key=sort_key)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON([postprocess.prepare_fields(i, fmt) for i in ordered])
        module = formatter.html if fmt == "html" else formatter.plain
        bibliography = CitationStylesBibliography(load_style(style, fmt), source, module)
        for item in ordered:
            bibliography.register(Citation([CitationItem(item["id"])]))
        # citeproc-py keeps registration order (our CMOS order) unless asked to sort.
        rendered = [str(entry) for entry in bibliography.bibliography()]
    entries: list[tuple[Mapping[str, Any], str]] = []
    previous_author = None
    for item, raw in zip(ordered, rendered):
        text = postprocess.fix_entry(raw, fmt=fmt)
        author = _author_text(item)
        if author and author == previous_author:
            text = _substitute_author(text, item, fmt)
        previous_author = author or None
        entries.append((item, text))
    return entries


def _bibliography_names(item: Mapping[str, Any], *, inverted: bool = True) -> str:
    """The author names as the bibliography prints them: first inverted, "and" before the last
    (a FRUS document's correspondents, "W. Averell Harriman to …", are not inverted)."""
    names = _leading_names(item)
    parts = []
    for index, name in enumerate(names):
        if "literal" in name:
            parts.append(name["literal"])
        elif index == 0 and inverted:
            parts.append(_name_key(name))
        else:
            parts.append(" ".join(p for p in (name.get("given", ""), name.get("family", "")) if p))
    if len(parts) > 1:
        parts[-1] = "and " + parts[-1]
    return (", " if len(parts) > 2 or (len(parts) == 2 and "given" in names[0]) else " ").join(parts)


def _substitute_author(text: str, item: Mapping[str, Any], fmt: str) -> str:
    """Replace the repeated author names at the start of an entry with a 3-em dash
    (citeproc-py ignores ``subsequent-author-substitute``)."""
    for names in (_bibliography_names(item), _bibliography_names(item, inverted=False)):
        if names and text.startswith(names):
            return THREE_EM_DASH + text[len(names) :]
    return text


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
