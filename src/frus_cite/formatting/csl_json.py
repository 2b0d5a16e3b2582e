"""Map references to CSL-JSON items.

FRUS documents become items *in their volume* (:func:`volume_variables`):
``container-title`` is the series title with the subseries, ``volume`` the
arabic volume number, ``collection-number`` a part that precedes it,
``collection-title`` the volume title, ``editor`` the volume editors,
``publisher`` "Government Printing Office", ``issued`` the volume's
publication year and ``original-date`` the document's own date (CSL has a
single ``issued``; both dates must survive, so the document date goes in
``original-date``).  ``number`` holds the FRUS document number, ``genre``
the document kind, ``archive_location`` the file number.

Wilson Center records become ``manuscript`` items with ``archive``
(repository), ``archive_collection``, ``archive_location`` (box/folder or
fond/opis/delo), ``archive-place`` and ``source`` "Wilson Center Digital
Archive".
"""

from __future__ import annotations

import re
from typing import Any

from ..catalog import Catalog, Volume, default_catalog
from ..model import ArchivalLocation, Party, Reference
from ..people.naming import name_party

__all__ = ["to_csl_json", "csl_date", "person", "archive_location_text", "volume_variables"]


def csl_date(iso: str | None) -> dict[str, Any] | None:
    """"1945-07-11" → {"date-parts": [[1945, 7, 11]]}; partial dates keep their precision."""
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")[:3] if p.isdigit()]
    return {"date-parts": [parts]} if parts else None


def person(name: str) -> dict[str, str]:
    """"David Wolff" → {"family": "Wolff", "given": "David"}; particles stay with the given name."""
    words = name.replace(",", " ").split()  # "William F. Sanford, Jr."
    if len(words) == 1:
        return {"family": words[0]}
    if re.fullmatch(r"(Jr\.?|Sr\.?|II|III)", words[-1]) and len(words) > 2:
        return {"family": words[-2], "given": " ".join(words[:-2]), "suffix": words[-1]}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def _party(party: Party, ref: Reference, catalog: Catalog | None) -> dict[str, str]:
    # A resolved name carries given and family apart (CMOS: "W. Averell Harriman" in a first
    # note, "Harriman" in later ones); a name written family first ("Chiang Kai-shek") is
    # a family name alone.  Unresolved, the name is kept as printed, whole.
    resolved = name_party(party, ref, catalog)
    if resolved.name and resolved.family:
        name = {"family": resolved.family}
        if resolved.given:
            name["given"] = resolved.given
        if resolved.suffix:
            name["suffix"] = resolved.suffix
        return name
    if party.name:
        return {"family": party.name}
    phrase = party.text or party.role or ""
    phrase = re.sub(r"^The\b", "the", phrase)
    if party.role and not phrase.lower().startswith("the "):
        phrase = "the " + party.role
    return {"literal": phrase}


def archive_location_text(location: ArchivalLocation) -> str | None:
    """"box 6, folder 9" or "f. 558, op. 11, d. 97, ll. 67-70" (CMOS order, lower-case labels)."""
    parts: list[str] = []
    for label, value in (
        ("box", location.box),
        ("folder", location.folder),
        ("f.", location.fond),
        ("op.", location.opis),
        ("d.", location.delo),
        ("p.", location.papka),
        ("ll.", location.leaves if location.fond else None),
    ):
        if value:
            parts.append(f"{label} {value}")
    if location.reference:
        parts.append(location.reference)
    if location.leaves and not location.fond:
        parts.append(location.leaves)
    return ", ".join(parts) or None


def volume_variables(volume: Volume) -> dict[str, Any]:
    """The CSL variables that name a FRUS volume, for a document in it (the volume of a
    bibliography entry takes the same, with ``title`` for ``container-title``).

    ``container-title`` is the series with its subseries ("Foreign Relations of the United
    States, 1969–1976"), ``volume`` the arabic volume number ("17", "19, pt. 1"),
    ``collection-number`` a part or appendix that comes before any volume number ("pt. 1" of
    "Part I" in 1863–1907), ``collection-title`` the volume title (annual volumes have none).
    """
    variables: dict[str, Any] = {
        "container-title": volume.container_title,
        "publisher": volume.publisher,
        "publisher-place": volume.place,
    }
    designation = {"collection-number": volume.part, "volume": volume.volume_arabic, "collection-title": volume.volume_title}
    variables.update((name, value) for name, value in designation.items() if value)
    if volume.editors:
        variables["editor"] = [person(e) for e in volume.editors]
    if volume.published:
        variables["issued"] = {"date-parts": [[int(volume.published)]]}
    return variables


def to_csl_json(ref: Reference, *, catalog: Catalog | None = None, key: str | None = None) -> dict[str, Any]:
    """The CSL-JSON item for *ref* (valid against the CSL-JSON schema)."""
    item: dict[str, Any] = {"id": key or ref.key, "title": ref.title}
    if ref.kind == "frus":
        item["type"] = "document"
        if ref.authors:
            item["author"] = [_party(p, ref, catalog) for p in ref.authors]
            first = item["author"][0]
            if first.get("literal", "").startswith("the "):
                # A note begins with the sender: "The Embassy in Israel to the Department of State".
                first["literal"] = "T" + first["literal"][1:]
        if ref.recipients:
            item["recipient"] = [_party(p, ref, catalog) for p in ref.recipients]
        if ref.document_type:
            item["genre"] = ref.document_type
        if ref.date:
            item["original-date"] = csl_date(ref.date)
        if ref.file:
            # "telegram 761.93/7–1145" reads well; other provenance is named on its own.
            if ref.file.scheme == "decimal":
                item["archive_location"] = ref.file.text
                item["archive"] = "National Archives, RG 59"
            else:
                item["archive_collection"] = ref.file.text
        if ref.place:
            item["event-place"] = ref.place
        volume = (catalog or default_catalog()).get(ref.volume) if ref.volume else None
        # Volumes before the 1955–57 subseries print no document numbers (the web
        # edition adds them): those are cited by page, the others by document.
        if ref.document_number and (volume is None or volume.prints_document_numbers):
            item["number"] = str(ref.document_number)
        if ref.pages:
            # Full numbers in the data; styles abbreviate ranges (page-range-format).
            item["page"] = ref.pages.first if ref.pages.first == ref.pages.last else f"{ref.pages.first}-{ref.pages.last}"
        if volume is not None:
            item.update(volume_variables(volume))
            item["URL"] = ref.url or volume.document_url(ref.document_number)
        elif ref.url:
            item["URL"] = ref.url
    else:
        item["type"] = "manuscript"
        if ref.date:
            item["issued"] = csl_date(ref.date)
        if ref.document_type:
            item["genre"] = ref.document_type
        location = ref.archive
        if location is not None:
            if location.repository or location.name:
                item["archive"] = location.repository or location.name
            if location.collection:
                item["archive_collection"] = location.collection
            where = archive_location_text(location)
            if where:
                item["archive_location"] = where
            if location.place:
                item["archive-place"] = location.place
        item["source"] = "Wilson Center Digital Archive"
        translators = [person(c.name) for c in ref.contributors if c.role == "translated"]
        if translators:
            item["translator"] = translators
        if ref.summary:
            item["abstract"] = ref.summary
        if ref.original_language:
            item["language"] = ref.original_language
        if ref.url:
            item["URL"] = ref.url
    return item
