"""BibTeX/biblatex exchange through pybtex.

Export: FRUS documents as biblatex-chicago ``@letter`` entries in their
published collection (``date`` = the volume's publication year, ``origdate``
= the document's date, ``booktitle``/``volume``/``editor``/``publisher``/
``location`` for the volume, ``number`` the FRUS document number, ``pages``,
``type`` the document kind, ``note`` the file number); Wilson Center
records as ``@unpublished`` with the archival fields kept (``archive``,
``archivecollection``, ``archivelocation``, ``archiveplace``, ``source``).

Import: a user's ``.bib`` file read by pybtex and mapped to CSL-JSON so books
and articles go through the same note engine.
"""

from __future__ import annotations

from typing import Any, Iterable

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError

from ..catalog import Catalog
from ..errors import FrusCiteError
from ..model import Reference
from .csl_json import to_csl_json

__all__ = ["to_bibtex", "to_entries", "read_bib", "entry_to_csl", "BibError"]


class BibError(FrusCiteError):
    """A .bib file that pybtex cannot read."""


def _date(parts: dict[str, Any] | None) -> str | None:
    if not parts:
        return None
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts["date-parts"][0]))


def _names(csl_names: list[dict[str, str]]) -> list[Person]:
    people = []
    for name in csl_names:
        if "literal" in name:
            people.append(Person(f"{{{name['literal']}}}"))
        else:
            people.append(Person(first=name.get("given", ""), last=name["family"]))
    return people


# Per kind: entry type, CSL variable → BibTeX field, and the name roles kept.
_EXPORT: dict[str, tuple[str, dict[str, str], tuple[str, ...]]] = {
    "frus": ("letter", {
        "container-title": "booktitle", "volume": "volume", "collection-title": "maintitle",
        "publisher": "publisher", "publisher-place": "location", "number": "number", "page": "pages",
        "genre": "type", "archive_location": "note", "archive_collection": "howpublished", "URL": "url",
        "issued": "date", "original-date": "origdate",
    }, ("author", "recipient", "editor")),
    "wilson": ("unpublished", {
        "genre": "type", "archive": "archive", "archive_collection": "archivecollection",
        "archive_location": "archivelocation", "archive-place": "archiveplace", "source": "source",
        "URL": "url", "language": "origlanguage", "abstract": "abstract", "issued": "date",
    }, ("translator",)),
}


def to_entries(records: Iterable[Reference], *, catalog: Catalog | None = None) -> BibliographyData:
    """pybtex entries for *records*, keyed like the CSL-JSON items."""
    data = BibliographyData()
    for ref in records:
        item = to_csl_json(ref, catalog=catalog)
        entry_type, mapping, roles = _EXPORT[ref.kind]
        fields: dict[str, str] = {"title": item["title"]}
        for csl, bib in mapping.items():
            if item.get(csl):
                value = _date(item[csl]) if csl.endswith(("issued", "date")) else str(item[csl])
                fields[bib] = value.replace("-", "--") if bib == "pages" else value  # type: ignore[union-attr]
        persons = {role: _names(item[role]) for role in roles if item.get(role)}
        data.add_entry(item["id"], Entry(entry_type, fields=fields, persons=persons))
    return data


def to_bibtex(records: Iterable[Reference], *, catalog: Catalog | None = None) -> str:
    """BibTeX text for *records*."""
    return to_entries(records, catalog=catalog).to_string("bibtex")


_TYPES = {
    "book": "book",
    "article": "article-journal",
    "incollection": "chapter",
    "inbook": "chapter",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "misc": "document",
    "unpublished": "manuscript",
    "letter": "document",
    "online": "webpage",
    "report": "report",
    "techreport": "report",
}
_FIELDS = {
    "title": "title",
    "booktitle": "container-title",
    "journal": "container-title",
    "journaltitle": "container-title",
    "volume": "volume",
    "number": "issue",
    "pages": "page",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "edition": "edition",
    "series": "collection-title",
    "url": "URL",
    "doi": "DOI",
    "note": "note",
    "school": "publisher",
    "institution": "publisher",
}


def _latex_to_text(value: str) -> str:
    from pybtex.richtext import Text  # noqa: F401  (pybtex's own LaTeX decoding below)
    from pybtex.markup import LaTeXParser

    text = str(LaTeXParser(value).parse()).strip()
    # TeX ligatures for dashes, which pybtex leaves as typed.
    return text.replace("---", "—").replace("--", "–")


def entry_to_csl(key: str, entry: Entry) -> dict[str, Any]:
    """Map one pybtex entry (book, article, chapter …) to a CSL-JSON item."""
    item: dict[str, Any] = {"id": key, "type": _TYPES.get(entry.type.lower(), "document")}
    for field, csl in _FIELDS.items():
        if field in entry.fields:
            value = _latex_to_text(entry.fields[field])
            item[csl] = value.replace("--", "–") if csl == "page" else value
    if entry.type.lower() in {"phdthesis"}:
        item["genre"] = "PhD diss."
    date = entry.fields.get("date") or entry.fields.get("year")
    if date:
        parts = [int(p) for p in str(date).split("-")[:3] if p.strip().isdigit()]
        if parts:
            item["issued"] = {"date-parts": [parts]}
    for role, csl in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        if role in entry.persons:
            names = []
            for p in entry.persons[role]:
                family = _latex_to_text(" ".join(p.prelast_names + p.last_names))
                given = _latex_to_text(" ".join(p.first_names + p.middle_names))
                name = {"family": family}
                if given:
                    name["given"] = given
                if p.lineage_names:
                    name["suffix"] = " ".join(p.lineage_names)
                names.append(name)
            item[csl] = names
    return item


def read_bib(path: str) -> dict[str, dict[str, Any]]:
    """Read a .bib file into CSL-JSON items keyed by citation key."""
    try:
        data = Parser().parse_file(path)
    except PybtexSyntaxError as exc:
        raise BibError(f"{path}:{getattr(exc, 'lineno', '?')}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BibError(f"{path}: cannot read BibTeX file: {exc}") from None
    except Exception as exc:  # pybtex raises PybtexError subclasses for duplicate keys etc.
        from pybtex.errors import PybtexError

        if isinstance(exc, PybtexError):
            raise BibError(f"{path}: {exc}") from None
        raise
    return {key: entry_to_csl(key, entry) for key, entry in data.entries.items()}
