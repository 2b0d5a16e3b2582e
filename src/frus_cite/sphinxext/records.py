"""The records the ``frus`` domain stores: small immutable tuples, nothing else.

This module imports nothing from the extension, so that every other module
can use the records without an import cycle.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["SourceRecord", "CiteRecord", "NoteRecord", "BibliographyRecord"]


class SourceRecord(NamedTuple):
    """A declared source."""

    key: str
    path: str
    """Absolute path of the source file."""
    volume: str | None
    url: str | None
    docname: str | None
    """Declaring document; ``None`` for sources declared in conf.py."""
    lineno: int | None
    short_title: str | None = None
    """The author's short title for later notes (CMOS: up to four key words of the title)."""
    title: str | None = None
    """The author's title, in place of the one read from the source."""
    date: str | None = None
    """The author's date (ISO, "1945-07-11", "1945-07", "1945"), or "n.d." for none."""
    place: str | None = None
    """The author's dateline place."""
    document: str | None = None
    """The document of a TEI volume file ("d58"); ``None`` for a text source."""

    def overrides(self) -> dict[str, str | None]:
        """The fields of the parsed source the author replaces ("n.d." removes the date)."""
        given = {"title": self.title, "date": self.date, "place": self.place}
        return {name: (None if value == "n.d." else value) for name, value in given.items() if value is not None}


class CiteRecord(NamedTuple):
    key: str
    locator: str | None
    label: str
    prefix: str | None
    suffix: str | None


class NoteRecord(NamedTuple):
    """One citation footnote."""

    note_id: str
    """The ``frus_note`` node's id, unique in the project."""
    note_index: int
    """The footnote's number in its document."""
    cites: tuple[CiteRecord, ...]
    lineno: int | None
    passage: str | None = None
    """A quotation still to be checked (its source is declared in another document)."""
    printed: str | None = None
    """Such a quotation as it is to be printed, once checked (the source's footnote marks dropped)."""


class BibliographyRecord(NamedTuple):
    node_id: str
    cited: str
    """"project", "document" or "all"."""
    style: str | None
    each_document: bool
