"""CSL-JSON for Zotero: the export mapping.

Zotero imports CSL-JSON with ``itemFromCSLJSON`` (zotero/utilities, utilities_item.js),
driven by the CSL mappings of its schema (``data/zotero-mapping.json``):

* the CSL ``type`` picks the item type — the first Zotero type listed for it
  (``chapter`` → Book Section, ``manuscript`` → Manuscript);
* a text variable is kept when one of the fields listed for it is valid for that
  item type (directly or as the type's form of a base field: ``container-title`` →
  ``publicationTitle`` → Book Section's ``bookTitle``); otherwise it is dropped;
* a date variable likewise (``issued`` → Date, ``original-date`` → Original Date);
* a name variable whose creator type the item type lacks becomes its primary
  creator type (a recipient would become an author);
* ``note`` becomes Extra.

So each variable of the rendering item (:func:`.csl_json.to_csl_json`) that Zotero
would drop or misfile is written into ``note`` instead, one ``variable: value``
line each, the form Zotero keeps in Extra and hands back to citeproc-js when it
cites (names as ``recipient: Family || Given``, dates in ISO form).  FRUS
documents are exported as book sections of their volume: the volume's title is the
book title and the series (with its subseries) the series.  The rendering item
itself is left as it is, so the notes frus-cite prints do not depend on Zotero's
model.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..catalog import Catalog
from ..model import Reference
from .csl_json import to_csl_json

__all__ = ["to_zotero_csl_json", "zotero_item", "extra_lines", "ZOTERO_TYPES"]

ZOTERO_TYPES = {"frus": "chapter", "wilson": "manuscript"}
"""CSL type of the exported item per source kind (Zotero: Book Section, Manuscript)."""

_KEEP_OUT_OF_EXTRA = {"id", "type", "note"}


@lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    """Zotero's CSL mappings and item types (see tools/build_zotero_mapping.py)."""
    return json.loads(resources.files("frus_cite").joinpath("data/zotero-mapping.json").read_text(encoding="utf-8"))


def zotero_type(csl_type: str) -> str:
    """The Zotero item type a CSL type imports as (the first one listed; Document if none)."""
    listed = mapping()["csl"]["types"].get(csl_type)
    return listed[0] if listed else "document"


def _field_kept(candidates: list[str], item_type: str) -> bool:
    """Whether one of *candidates* (Zotero fields) is a field of *item_type*, itself or
    through the base field it stands for."""
    fields = mapping()["itemTypes"][item_type]["fields"]
    return any(f in fields or f in fields.values() for f in candidates)


def kept_by_zotero(variable: str, value: Any, item_type: str) -> bool:
    """Whether Zotero's CSL-JSON import keeps *variable* in a field of *item_type*."""
    csl = mapping()["csl"]
    if isinstance(value, list):  # names
        creator = next((c for c, v in csl["names"].items() if v == variable), None)
        return creator is not None and creator in mapping()["itemTypes"][item_type]["creatorTypes"]
    if isinstance(value, dict):  # dates
        field = csl["fields"]["date"].get(variable)
        return field is not None and _field_kept([field], item_type)
    return _field_kept(csl["fields"]["text"].get(variable, []), item_type)


def _date_text(value: dict[str, Any]) -> str:
    if "date-parts" not in value:
        return str(value.get("literal") or value.get("raw") or "")
    dates = ["-".join(f"{int(p):02d}" if i else f"{int(p):04d}" for i, p in enumerate(parts)) for parts in value["date-parts"]]
    return "/".join(dates)  # EDTF interval for a range


def _name_text(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    family = " ".join(filter(None, (name.get("non-dropping-particle"), name.get("family"))))
    given = " ".join(filter(None, (name.get("given"), name.get("dropping-particle"))))
    return f"{family} || {given}" if given else family


def extra_lines(variable: str, value: Any) -> list[str]:
    """Zotero's Extra lines for one CSL variable (one line per name)."""
    if isinstance(value, list):
        return [f"{variable}: {_name_text(name)}" for name in value]
    text = _date_text(value) if isinstance(value, dict) else str(value)
    return [f"{variable}: {' '.join(text.split())}"]  # a line ends the value


def zotero_item(item: dict[str, Any], csl_type: str) -> dict[str, Any]:
    """*item* with type *csl_type*, every variable Zotero would not keep moved into ``note``."""
    item_type = zotero_type(csl_type)
    exported: dict[str, Any] = {"id": item["id"], "type": csl_type}
    extra: list[str] = []
    for variable, value in item.items():
        if variable in _KEEP_OUT_OF_EXTRA or value in (None, "", []):
            continue
        if kept_by_zotero(variable, value, item_type):
            exported[variable] = value
        else:
            extra.extend(extra_lines(variable, value))
    if _field_kept(mapping()["csl"]["fields"]["text"]["citation-key"], item_type):
        exported["citation-key"] = str(item["id"])  # Zotero 7 keeps the key; notes cite it
    if item.get("note"):
        extra.append(item["note"])
    if extra:
        exported["note"] = "\n".join(extra)
    return exported


def _as_book_section(item: dict[str, Any]) -> dict[str, Any]:
    """A FRUS item as a section of its volume: the volume title is the book's title and the
    series (with subseries) its series; without a volume title the series is the book."""
    item = dict(item)
    if item.get("collection-title") and item.get("container-title"):
        item["container-title"], item["collection-title"] = item["collection-title"], item["container-title"]
    return item


def to_zotero_csl_json(ref: Reference, *, catalog: Catalog | None = None, key: str | None = None) -> dict[str, Any]:
    """The CSL-JSON item for *ref* that Zotero imports without loss."""
    item = to_csl_json(ref, catalog=catalog, key=key)
    if ref.kind == "frus":
        item = _as_book_section(item)
    return zotero_item(item, ZOTERO_TYPES[ref.kind])
