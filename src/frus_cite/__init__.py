"""frus-cite: parse, quote and cite FRUS documents and Wilson Center archival records.

Scripts start here::

    import frus_cite
    ref = frus_cite.parse_file("harriman-1945-07-11.txt", volume="frus1945v07")
    ref.title, ref.date, ref.pages.whole().locator()

The Sphinx extension is ``frus_cite.sphinxext``.
"""

from __future__ import annotations

from .catalog import Catalog, Volume, default_catalog
from .errors import FrusCiteError, SourceError
from .model import (
    ArchivalLocation,
    Contributor,
    DecimalFile,
    FileDesignation,
    Footnote,
    PageMap,
    PageRange,
    Party,
    Reference,
)
from .parsing import ParseFailure, parse_file, parse_many, parse_text
from .parsing.decimal_file import parse_decimal
from .serialize import to_json

__version__ = "0.1.0"

__all__ = [
    "ArchivalLocation",
    "Catalog",
    "Contributor",
    "DecimalFile",
    "FileDesignation",
    "Footnote",
    "FrusCiteError",
    "PageMap",
    "PageRange",
    "ParseFailure",
    "Party",
    "Reference",
    "SourceError",
    "Volume",
    "default_catalog",
    "parse_decimal",
    "parse_file",
    "parse_many",
    "parse_text",
    "to_json",
    "__version__",
]
