"""The JSON contract of ``frus-cite parse --format json`` (schema: data/schema/reference.schema.json)."""

from __future__ import annotations

from typing import Any

from .catalog import Catalog
from .model import ArchivalLocation, ArchivalSource, FileDesignation, Party, Reference
from .people.naming import name_party
from .people.resolver import ResolvedName

__all__ = ["to_json", "full_name_json", "SCHEMA_VERSION"]

SCHEMA_VERSION = 2
"""The ``version`` of data/schema/reference.schema.json this module writes."""


def _party(party: Party | None, ref: Reference, catalog: Catalog | None) -> dict[str, Any] | None:
    if party is None:
        return None
    found = {"name": party.name, "role": party.role, "full_name": full_name_json(name_party(party, ref, catalog))}
    if party.person_id is not None:  # documents read from TEI files
        found["person_id"] = party.person_id
    return found


def full_name_json(name: ResolvedName) -> dict[str, Any]:
    """A resolved name as the schema's ``full_name`` object."""
    return {
        "name": name.name,
        "given": name.given,
        "family": name.family,
        "suffix": name.suffix,
        "rule": name.rule,
        "record": name.record,
        "position": name.position,
        "start": name.start,
        "end": name.end,
        "reason": name.reason,
    }


def _archive(location: ArchivalLocation | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {
        "name": location.name,
        "repository": location.repository,
        "place": location.place,
        "collection": location.collection,
        "box": location.box,
        "folder": location.folder,
        "fond": location.fond,
        "opis": location.opis,
        "delo": location.delo,
        "papka": location.papka,
        "leaves": location.leaves,
        "reference": location.reference,
        "published_in": location.published_in,
        "copies": [_archive(c) for c in location.copies],
        "text": location.text,
    }


def _file(file: FileDesignation | None) -> dict[str, Any] | None:
    if file is None:
        return None
    decimal, numeric = file.decimal, file.subject_numeric
    return {
        "text": file.text,
        "scheme": file.scheme,
        "collection": file.collection,
        "lot": file.lot,
        "box": file.box,
        "post_file": file.post_file,
        "decimal": None
        if decimal is None
        else {
            "class": decimal.class_digit,
            "class_name": decimal.class_name,
            "country": decimal.country,
            "country_name": decimal.country_name,
            "second_country": decimal.second_country,
            "second_country_name": decimal.second_country_name,
            "subject": decimal.subject,
            "subject_name": decimal.subject_name,
            "subfile": decimal.subfile,
            "serial": decimal.serial,
            "date": decimal.date,
            "period": decimal.period,
        },
        "subject_numeric": None
        if numeric is None
        else {
            "category": numeric.category,
            "category_name": numeric.category_name,
            "number": numeric.number,
            "countries": list(numeric.countries),
            "years": numeric.years,
        },
    }


def _source(source: ArchivalSource | None) -> dict[str, Any] | None:
    if source is None:
        return None
    fields = ("text", "reader", "repository", "repository_as_printed", "record_group", "collection", "box", "folder",
              "published_in", "document_type", "classification", "marking", "drafted_by", "cleared_by", "approved_by", "repeated_to", "received")
    return {name: getattr(source, name) for name in fields} | {"file": _file(source.file), "handling": list(source.handling)}


def to_json(ref: Reference, *, catalog: Catalog | None = None) -> dict[str, Any]:
    """The reference as a JSON-ready dict (public contract, documented in the schema).  Each
    party's ``full_name`` is resolved with *catalog*'s persons and names setting."""
    pages = ref.pages.whole() if ref.pages else None
    return {
        "kind": ref.kind,
        "key": ref.key,
        "path": ref.path,
        "title": ref.title,
        "date": ref.date,
        "document_type": ref.document_type,
        "document_number": ref.document_number,
        "file": _file(ref.file),
        "source": _source(ref.source),
        "subject": ref.subject,
        "document_code": ref.document_code,
        "participants": list(ref.participants),
        "enclosures": list(ref.enclosures),
        "author": _party(ref.author, ref, catalog),
        "authors": [_party(p, ref, catalog) for p in ref.authors],
        "recipients": [_party(p, ref, catalog) for p in ref.recipients],
        "classification": ref.classification,
        "telegram_number": ref.telegram_number,
        "place": ref.place,
        "dateline_date": ref.dateline_date,
        "file_date": ref.file_date,
        "time": ref.time,
        "received": ref.received,
        "pages": None if pages is None else {"first": pages.first, "last": pages.last},
        "page_breaks": [] if ref.pages is None else [{"offset": o, "page": p} for o, p in ref.pages.breaks],
        "footnotes": [
            {"mark": f.mark, "text": f.text, "offset": f.offset, "in_heading": f.in_heading, "see_documents": list(f.see_documents)}
            for f in ref.footnotes
        ],
        "signature": ref.signature,
        "volume": ref.volume,
        "url": ref.url,
        "original_url": ref.original_url,
        "record_id": ref.record_id,
        "digital_archive": ref.digital_archive,
        "archive": _archive(ref.archive),
        "contributors": [{"role": c.role, "name": c.name, "for": c.for_project} for c in ref.contributors],
        "summary": ref.summary,
        "credits": ref.credits,
        "original_language": ref.original_language,
        "citation": ref.citation,
        "text": ref.text,
    }
