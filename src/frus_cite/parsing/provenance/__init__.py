"""Provenance readers: where a FRUS document's original is held.

Each reader is a module with ``read(evidence) -> ArchivalSource | None``; they
are tried in order and the first that recognises its evidence wins:

1. :mod:`.header_line` — the State Department file line above the heading
   (``761.93/7–1145: Telegram``);
2. :mod:`.inline_source` — a collection line above the heading
   (``Paris Peace Conf. 184.00101/24``, ``Hopkins Papers: Telegram``);
3. :mod:`.source_note` — the ``Source:`` footnote of later volumes.

A new era or archive is one more module in :data:`READERS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ...model import ArchivalSource
from . import header_line, inline_source, source_note
from .source_note import is_source_note, parse_source_note

__all__ = ["Evidence", "READERS", "read_provenance", "parse_source_note", "is_source_note", "claims_line"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the readers look at: the lines above the heading and the footnotes."""

    lines_above: tuple[tuple[str, int], ...] = ()
    """Lines printed above the heading, each with its offset in :attr:`source`."""
    footnotes: tuple[str, ...] = ()
    """The footnote texts, in order."""
    year: int | None = None
    """The volume's last year (decides the century of decimal file dates)."""
    source: str | None = None
    """The whole text, for located errors."""


Reader = Callable[[Evidence], "ArchivalSource | None"]

READERS: tuple[Reader, ...] = (header_line.read, inline_source.read, source_note.read)


def claims_line(line: str) -> bool:
    """True when a provenance reader would read *line* printed above a heading."""
    return header_line.claims(line) or inline_source.claims(line)


def read_provenance(evidence: Evidence) -> ArchivalSource | None:
    """The archival source from the first reader that recognises the evidence."""
    for reader in READERS:
        found = reader(evidence)
        if found is not None:
            return found
    return None
