"""CSL-JSON items as citeproc-py references, every CSL name variable read as names."""

from __future__ import annotations

from typing import Any

from citeproc.source.json import CiteProcJSON

__all__ = ["CslJsonSource"]


class CslJsonSource(CiteProcJSON):
    """citeproc-py reads as names only the variables it knows (author, editor …); a list of
    names in any other CSL name variable (``reviewed-author``, ``compiler``, ``chair`` …) became
    the text of the list, and the engine layer's names, given that text, failed.  A list of
    objects is read as names here, whatever the variable."""

    def parse_string(self, value: Any):
        if isinstance(value, list) and value and all(isinstance(entry, dict) for entry in value):
            return self.parse_names(value)
        return super().parse_string(value)
