"""Read FRUS documents from the Office of the Historian's TEI master files.

A whole volume (``frus1955-57v03.xml``), a slice of one (``pb`` and
``div[@type="document"]`` elements side by side, as cut from a volume) or a
single document is parsed once (:mod:`.files`); its documents are indexed by id
together with the page each starts on (:mod:`.volume`), and each document becomes
a :class:`~frus_cite.model.Reference` of the same shape the text parser gives,
built when first asked for (:mod:`.document`).
"""

from __future__ import annotations

from .files import MAX_TEI_BYTES, looks_like_tei, open_tei, read_tei, read_tei_bytes, split_address
from .text import FRUS_NS, TEI_NS
from .volume import TeiVolume

__all__ = [
    "MAX_TEI_BYTES",
    "TEI_NS",
    "FRUS_NS",
    "TeiVolume",
    "looks_like_tei",
    "open_tei",
    "read_tei",
    "read_tei_bytes",
    "split_address",
]
