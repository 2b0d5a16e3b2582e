"""The JSON contract of ``frus-cite parse --format json`` (schema: data/schema/reference.schema.json)."""

from __future__ import annotations

from typing import Any

from .catalog import Catalog
from .model import ArchivalLocation, Party, Reference
from .people.naming import name_party
from .people.resolver import ResolvedName

__all__ = ["to_json", "full_name_json", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1


def _party(party: Party | None, ref: Reference, catalog: Catalog | None) -> dict[str, Any] | None:
    if party is None:
        return None
    return {"name": party.name, "role": party.role, "full_name": full_name_json(name_party(party, ref, catalog))}


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


def to_json(ref: Reference, *, catalog: Catalog | None = None) -> dict[str, Any]:
    """The reference as a JSON-ready dict (public contract, documented in the schema).  Each
    party's ``full_name`` is resolved with *catalog*'s persons and names setting."""
    file = None
    if ref.file is not None:
        decimal = ref.file.decimal
        file = {
            "text": ref.file.text,
            "scheme": ref.file.scheme,
            "collection": ref.file.collection,
            "lot": ref.file.lot,
            "box": ref.file.box,
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
        }
    pages = ref.pages.whole() if ref.pages else None
    return {
        "kind": ref.kind,
        "key": ref.key,
        "path": ref.path,
        "title": ref.title,
        "date": ref.date,
        "document_type": ref.document_type,
        "document_number": ref.document_number,
        "file": file,
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
