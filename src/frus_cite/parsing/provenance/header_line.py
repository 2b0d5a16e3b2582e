"""Provenance reader: the file-number header line above the heading (1910s–1950s volumes).

Grammar::

    header := ["File No."] designation [":" document-type]   ; 761.93/7–1145: Telegram, File No. 893.00/1234.
    designation := decimal | lot | post file       ; 893.00/14961, Moscow Embassy Files—710 …

A line naming a collection of papers ("Roosevelt Papers: Telegram") is the
inline source reader's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import ArchivalSource, FileDesignation
from ..decimal_file import looks_decimal
from .files import read_file_designation

__all__ = ["read", "claims", "parse_header_line", "Header"]

NAME = "header-line"
_TYPE = re.compile(r"(?P<des>.+?)\s*:\s*(?P<type>[A-Z][A-Za-z][\w ’'-]*)$")
_STATE_FILES = re.compile(r"\b(?:Lots?\s+\w|(?:Embassy|Legation|Consulate|Mission|Delegation) Files?)")


@dataclass(frozen=True, slots=True)
class Header:
    """A provenance line split into its designation and the document type after the colon."""

    designation: FileDesignation
    document_type: str | None


_FILE_NO = re.compile(r"File Nos?\.\s*")


def split_type(text: str) -> tuple[str, str | None]:
    """("761.93/7–1145", "telegram") from "761.93/7–1145: Telegram"; a lot after the colon is no type.

    "File No. 893.00/1234." (1910s–20s volumes) gives the number alone.
    """
    prefixed = _FILE_NO.match(text)
    if prefixed:
        text = text[prefixed.end() :].rstrip(".")
    match = _TYPE.match(text)
    if match and not re.match(r"Lot\b", match["type"]):
        return match["des"], match["type"].strip().lower()
    return text, None


def claims(line: str) -> bool:
    """True for a State Department file line: a decimal number, a lot or a post file."""
    text = line.strip()
    if len(text) > 200:
        return False
    designation, _ = split_type(text)
    return looks_decimal(designation) or bool(_STATE_FILES.search(designation) and not text.endswith((".", "!", "?")))


def parse_header_line(line: str, *, offset: int = 0, source: str | None = None, year: int | None = None) -> Header:
    """Parse the provenance header line: designation, then optionally ``: Document type``.

    "File No. 3767/5." before 1910, or any "File No." without a decimal point, is a case of
    the Numerical File (1906–10), not a decimal number.
    """
    text = line.strip()
    lead = offset + (len(line) - len(line.lstrip()))
    designation, doc_type = split_type(text)
    if _FILE_NO.match(text) and ("." not in designation or (year is not None and year < 1910)):
        return Header(FileDesignation(text=designation, scheme="other", collection="Numerical File"), doc_type)
    return Header(read_file_designation(designation, year=year, offset=lead, source=source), doc_type)


def read(evidence) -> ArchivalSource | None:
    """The header line above the heading, when it names a State Department file."""
    for line, offset in evidence.lines_above:
        if claims(line):
            header = parse_header_line(line, offset=offset, source=evidence.source, year=evidence.year)
            file = header.designation
            central = file.scheme == "decimal"
            return ArchivalSource(
                text=line.strip(),
                reader=NAME,
                repository="Department of State",
                file=file,
                collection="Central Files" if central else file.collection,
                box=file.box,
                document_type=header.document_type,
            )
    return None
