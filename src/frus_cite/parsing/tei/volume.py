"""A parsed TEI file: its documents indexed by id with the page each starts on, the
volume's ``teiHeader`` record and its list of persons."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ...catalog import Catalog, Volume, default_catalog
from ...errors import UnknownDocumentError
from ...model import ListedPerson, Reference
from .document import DocumentReader
from .text import DIV, PB, T, XML_ID, element_text

__all__ = ["TeiVolume", "DocumentEntry", "index_documents"]


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    element: etree._Element
    start_page: str | None
    """The page in effect where the document begins (the last ``pb`` before it)."""


class TeiVolume:
    """A parsed TEI file: its documents by id, the volume's header and list of persons.

    Documents are read into references when first asked for, and kept.
    """

    def __init__(self, root: etree._Element, *, path: str, volume: str | None = None, fragment: bool = False):
        self.path = path
        """The file the volume was read from."""
        self._root = root
        self._entries = index_documents(root)
        self.header: Volume | None = None if fragment else _volume_from_header(root)
        """The volume as its ``teiHeader`` describes it (``None`` for a slice)."""
        self.volume_id: str | None = volume or (self.header.id if self.header else None) or _volume_from_name(path)
        """The FRUS volume id: given, from the header, or from the file name."""
        self.persons: Mapping[str, ListedPerson] = _persons(root)
        """The volume's list of persons, by id ("p_KHA1"), with each person's identification."""
        self._references: dict[str, Reference] = {}

    @property
    def document_ids(self) -> tuple[str, ...]:
        """Ids of the documents in file order ("d1", "d2", …)."""
        return tuple(self._entries)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def catalog(self, base: Catalog | None = None) -> Catalog:
        """*base* (the shipped catalog by default), with this volume added from its
        header when the catalog lacks it."""
        base = base or default_catalog()
        if self.header is None or self.header.id in base:
            return base
        return base.extended({self.header.id: self.header})

    def reference(self, document_id: str) -> Reference:
        """The document *document_id* ("d58", or "58") as a reference."""
        key = document_id if document_id in self._entries else f"d{document_id}"
        if key not in self._entries:
            raise UnknownDocumentError(
                f"no document {document_id!r} in this file; expected one of {self._id_summary()}",
                path=self.path,
                line=self._root.sourceline or 1,
            )
        if key not in self._references:
            self._references[key] = DocumentReader(self, key, self._entries[key]).reference()
        return self._references[key]

    def references(self) -> Iterator[Reference]:
        """Every document of the file, in order."""
        for key in self._entries:
            yield self.reference(key)

    def _id_summary(self) -> str:
        ids = list(self._entries)
        if not ids:
            return "none: the file holds no <div type=\"document\">"
        if len(ids) <= 6:
            return ", ".join(ids)
        return f"{ids[0]}–{ids[-1]} ({len(ids)} documents)"


def index_documents(root: etree._Element) -> dict[str, DocumentEntry]:
    """Document divs by id, each with the page it starts on (one pass in document order)."""
    entries: dict[str, DocumentEntry] = {}
    page: str | None = None
    for element in root.iter(PB, DIV):
        if element.tag == PB:
            page = element.get("n") or page
        elif element.get("type") == "document":
            key = element.get(XML_ID) or f"d{element.get('n')}"
            entries.setdefault(key, DocumentEntry(element, page))
    return entries


def _volume_from_name(path: str) -> str | None:
    """"frus1955-57v03.xml", "frus1882.part.xml" → the volume id the name starts with."""
    match = re.match(r"(frus[0-9][\w-]*?)(?:-d\d+)?(?:\.|$)", Path(path).name)
    return match.group(1) if match else None


def _volume_from_header(root: etree._Element) -> Volume | None:
    """The volume's citation record from ``teiHeader/fileDesc``."""
    desc = root.find(f"{T}teiHeader/{T}fileDesc")
    if desc is None:
        return None
    titles = {t.get("type"): element_text(t) for t in desc.iterfind(f"{T}titleStmt/{T}title")}
    vid = element_text(desc.find(f"{T}publicationStmt/{T}idno[@type='frus']")) or root.get(XML_ID)
    series = titles.get("series") or titles.get("complete")
    if not vid or not series:
        return None
    subseries = titles.get("sub-series") or None
    volume_title = titles.get("volume") or subseries or titles.get("complete") or vid
    editors = tuple(element_text(e) for e in desc.iterfind(f"{T}titleStmt/{T}editor") if e.get("role") in (None, "primary"))
    return Volume(
        id=vid,
        title=titles.get("complete") or f"{series}, {volume_title}",
        series=series,
        subseries=subseries,
        volume_number=titles.get("volume-number") or titles.get("volumenumber") or None,
        volume_title=volume_title,
        editors=tuple(e for e in editors if e),
        publisher=_publisher(element_text(desc.find(f"{T}publicationStmt/{T}publisher"))),
        place=_place(element_text(desc.find(f"{T}publicationStmt/{T}pubPlace"))),
        published=element_text(desc.find(f"{T}publicationStmt/{T}date")) or None,
        coverage=subseries,
        prints_document_numbers=_prints_numbers(subseries),
    )


def _publisher(text: str) -> str:
    # Chicago drops "United States" and the article: "Government Printing Office".
    return re.sub(r"^(?:United States|U\.\s?S\.)\s+", "", text) or "Government Printing Office"


def _place(text: str) -> str:
    return "Washington, DC" if not text or text.startswith("Washington") else text


def _prints_numbers(subseries: str | None) -> bool:
    """Volumes from the 1955–57 subseries on print their document numbers."""
    years = re.match(r"(\d{4})", subseries or "")
    return bool(years) and int(years.group(1)) >= 1955


def _persons(root: etree._Element) -> dict[str, ListedPerson]:
    """The list of persons of the front matter: ``persName[@xml:id]`` and the words after it."""
    persons: dict[str, ListedPerson] = {}
    xml_id = XML_ID
    for section in root.iterfind(f".//{T}front//{T}div"):
        if (section.get(xml_id) or "").lower() not in {"persons", "persname", "listofpersons", "correspondents"}:
            continue
        for name in section.iter(T + "persName"):
            pid = name.get(xml_id)
            if not pid:
                continue
            item = next((a for a in name.iterancestors(T + "item")), None)
            identification = None
            if item is not None:
                whole = element_text(item)
                printed = element_text(name)
                after = whole.split(printed, 1)[1] if printed and printed in whole else ""
                identification = after.lstrip(" ,:;").strip() or None
            persons[pid] = ListedPerson(id=pid, name=element_text(name), identification=identification)
    return persons
