"""One warning type for the extension, with a subtype per kind of problem.

``suppress_warnings = ["frus.quote_not_found"]`` silences one kind; ``-W``
turns all of them into a failed build.
"""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

__all__ = ["WARNING_TYPE", "SUBTYPES", "warn"]

WARNING_TYPE = "frus"
SUBTYPES = {
    "config": "a frus_cite_* configuration value is invalid",
    "bad_style": "the CSL style cannot be found or read",
    "source_not_found": "a source file is missing, unreadable, or not inside the project",
    "parse_error": "a source file is not a FRUS document or Wilson Center record",
    "unknown_key": "a citation names a key that no source declares",
    "duplicate_key": "two sources are declared with the same key",
    "quote_not_found": "a quotation does not occur in its source",
    "empty_quote": "a quotation is empty or only an ellipsis",
    "bad_option": "a directive or role option or argument is invalid",
    "bad_locator": "a locator cannot be read",
    "unknown_volume": "a FRUS volume id or URL is not in the catalog",
    "bibfile": "a .bib or CSL-JSON file cannot be read",
    "nothing_printed": "the style prints nothing for a cited item",
}

logger = logging.getLogger("frus_cite")


def warn(subtype: str, message: str, location: Any) -> None:
    """Emit a located ``frus.<subtype>`` warning."""
    assert subtype in SUBTYPES, subtype
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)
