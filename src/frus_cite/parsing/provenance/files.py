"""File designations shared by the provenance readers: decimal, subject-numeric, lot, post, papers."""

from __future__ import annotations

import re

from ...model import FileDesignation
from ..decimal_file import looks_decimal, parse_decimal
from .subject_numeric import looks_subject_numeric, parse_subject_numeric

__all__ = ["read_file_designation", "LOT"]

LOT = re.compile(r"\bLots?\s+(?:File\s+)?(?P<lot>[0-9A-Z][0-9A-Z –-]{0,20}[0-9A-Z])")
_POST = re.compile(
    r"(?P<coll>.+?\b(?:Embassy|Legation|Consulate(?: General)?|Mission|Delegation) Files?)(?:\s*[—–-]\s*(?P<file>.+))?$"
)
_PAPERS = re.compile(r"\b(?:Papers|Diary|File|Files|Records)\b")


def read_file_designation(
    designation: str, *, year: int | None = None, offset: int = 0, source: str | None = None, years: str | None = None
) -> FileDesignation:
    """Classify and decode one designation ("761.93/7–1145", "POL 27 VIET S", "EUR Files: Lot 61 D 282A")."""
    text = re.sub(r"(?<=\d\.) (?=\d)", "", designation.strip())  # "396. 1–GE/11–855": a line break in the print
    if looks_decimal(text):
        return FileDesignation(text=text, scheme="decimal", decimal=parse_decimal(text, year=year, offset=offset, source=source))
    if looks_subject_numeric(text):
        return FileDesignation(text=text, scheme="subject-numeric", subject_numeric=parse_subject_numeric(text, years=years))
    box_match = re.search(r"\bBox\s+(\w+(?: \d+)?)", text)
    box = box_match.group(1) if box_match else None
    lot_match = LOT.search(text)
    if lot_match:
        lot = re.sub(r"[\s–-]", "", lot_match["lot"]).upper()
        collection = text[: lot_match.start()].rstrip(" :,") or None
        return FileDesignation(text=text, scheme="lot", collection=collection, lot=lot, box=box)
    post = _POST.match(text)
    if post:
        return FileDesignation(text=text, scheme="post", collection=post["coll"], post_file=post["file"], box=box)
    if _PAPERS.search(text):
        collection = re.split(r",\s*Box\b", text)[0].split(":")[0].strip()
        return FileDesignation(text=text, scheme="papers", collection=collection, box=box)
    return FileDesignation(text=text, scheme="other", box=box)
