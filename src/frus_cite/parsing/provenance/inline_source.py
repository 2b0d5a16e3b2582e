"""Provenance reader: an inline source line naming a collection (1861–1940s volumes).

Grammar::

    line := collection [number] [":" document-type]
          ; Paris Peace Conf. 184.00101/24     Edward M. House Papers: Telegram
          ; Notter File, Box 168: Stettinius Diary
          | repository "," location "." sentence*   ; read as a source note without "Source:"

The Paris Peace Conference files carry their own numbers (the file of the
American Commission to Negotiate Peace), so a number after the collection is
kept as printed, not decoded against the Central Decimal File.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import ArchivalSource, FileDesignation
from .header_line import split_type
from .repositories import match_repository
from .source_note import parse_source_note

__all__ = ["read", "claims"]

NAME = "inline-source"
_COLLECTION = re.compile(r"\b(?:Papers|Diary|Files?|Records|Conference\b|Conf\.(?=\s|$))", re.IGNORECASE)
_NUMBER = re.compile(r"\s(?P<number>\d{1,4}(?:\.\w+)*(?:/[\w½–-]+)?)$")
_BOX = re.compile(r",\s*Box\s+(?P<box>\w+)")


def _reads_as_note(text: str) -> bool:
    """"Department of State, Conference Files: Lot 64 D 199, CF 100. Secret.": a source note
    printed above the heading without "Source:"."""
    return len(text) <= 400 and match_repository(text) is not None and not re.search(r"\sto\s", text.split(",")[0])


def claims(line: str) -> bool:
    """True for a short line naming papers, a diary, files or a conference's records."""
    text = line.strip()
    if _reads_as_note(text):
        return True
    designation, _ = split_type(text)
    return (
        0 < len(text) <= 160
        and bool(_COLLECTION.search(designation))
        and not text.endswith(("!", "?"))
        and len(designation.split()) <= 14
        and not re.search(r"\sto\s", designation)
    )


def read(evidence) -> ArchivalSource | None:
    """The collection line above the heading."""
    for line, _ in evidence.lines_above:
        if not claims(line):
            continue
        if _reads_as_note(line.strip()):
            note = parse_source_note("Source: " + line.strip(), year=evidence.year)
            return replace(note, text=line.strip(), reader=NAME)
        designation, document_type = split_type(line.strip())
        number = _NUMBER.search(designation)
        box = _BOX.search(designation)
        collection = designation[: number.start()] if number else designation
        collection = _BOX.sub("", collection).strip(" ,")
        file = FileDesignation(
            text=designation,
            scheme="papers" if re.search(r"Papers|Diary", collection) else "other",
            collection=collection,
            box=box["box"] if box else None,
            post_file=number["number"] if number else None,
        )
        return ArchivalSource(
            text=line.strip(),
            reader=NAME,
            file=file,
            collection=collection,
            box=file.box,
            folder=number["number"] if number else None,
            document_type=document_type,
        )
    return None
