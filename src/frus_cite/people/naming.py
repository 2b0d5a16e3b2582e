"""The name a note gives each correspondent of a reference.

The author's own list of persons (``frus_cite_persons``, ``--persons``, a volume's ``persons`` in
the catalog) wins; then, unless the catalog says names are "as-printed", the people data
(:func:`resolve_party`); else the name as the heading prints it.
"""

from __future__ import annotations

import re

from ..catalog import Catalog, default_catalog
from ..model import Party, Reference
from .resolver import ResolvedName, resolve_party

__all__ = ["name_party", "name_parties"]

NAMES_MODES = ("full", "as-printed")


def name_party(party: Party, ref: Reference, catalog: Catalog | None = None) -> ResolvedName:
    """The full name of *party*, a sender or recipient of *ref*, and what decided it."""
    catalog = catalog or default_catalog()
    printed = party.text or party.display()
    authors = _author_name(party, ref, catalog)
    if authors is not None:
        return authors
    if ref.kind != "frus":
        return ResolvedName(printed, None, reason="printed form kept: only FRUS headings are resolved")
    if getattr(catalog, "names", "full") == "as-printed":
        return ResolvedName(printed, None, reason="printed form kept: names are set to “as-printed”")
    return resolve_party(party, ref.date or _volume_years(ref, catalog), ref.volume)


def name_parties(ref: Reference, catalog: Catalog | None = None) -> tuple[tuple[ResolvedName, ...], tuple[ResolvedName, ...]]:
    """The names of the senders and of the recipients of *ref*."""
    return tuple(name_party(p, ref, catalog) for p in ref.authors), tuple(name_party(p, ref, catalog) for p in ref.recipients)


def _volume_years(ref: Reference, catalog: Catalog) -> str | None:
    """An undated document's volume's years as an interval ("1945/1945"), when the catalog knows them."""
    if not ref.volume or ref.volume not in catalog:
        return None
    years = re.findall(r"\d{4}", catalog.get(ref.volume).coverage or "")
    return f"{years[0]}/{years[-1]}" if years else None


def _author_name(party: Party, ref: Reference, catalog: Catalog) -> ResolvedName | None:
    """The author's list of persons: by the printed name ("Harriman"), or for a party printed as
    an office alone by the office as printed ("the Secretary of State")."""
    if party.name:
        keys = [party.name]
    else:
        role = party.role or ""
        keys = [party.text, f"the {role}", role]
    for key in keys:
        full = catalog.full_name(key, ref.volume) if key else None
        if full:
            given, family, suffix = _split(full, party.name)
            return ResolvedName(
                party.text or party.display(), full, given, family, suffix, "author", "persons:" + key,
                reason=f"the author's list of persons names “{key}” {full}",
            )
    return None


def _split(full: str, printed: str | None) -> tuple[str | None, str, str | None]:
    """Given and family names of an author's full name: the printed surname is the family name
    ("W. Averell Harriman" for "Harriman"); a name that does not end with it ("Chiang Kai-shek"
    for "Chiang") is kept whole; for an office alone, the last word is the family name."""
    if printed:
        if full.endswith(" " + printed):
            return full[: -len(printed)].strip(), printed, None
        return None, full, None
    words = full.split()
    if len(words) > 2 and words[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
        return " ".join(words[:-2]), words[-2], words[-1]
    return (" ".join(words[:-1]) or None), words[-1], None
