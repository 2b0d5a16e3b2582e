"""An item the style prints nothing for still has its place, as citeproc-js gives it one."""

from __future__ import annotations

from citeproc.string import String

__all__ = ["NO_PRINTED_FORM", "NO_ENTRY", "EveryEntryPrinted"]

NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"
"""What citeproc-js prints for a cite the style renders as nothing."""
NO_ENTRY = "\ue0fd"
"""Stands for a bibliography entry the style renders as nothing; still there after the
layout's affixes and formatting are put around it, so the entry is known and left out."""


class EveryEntryPrinted:
    """A bibliography layout: an entry that renders as nothing is :data:`NO_ENTRY`, which
    :mod:`..bibliography` leaves out, as citeproc-js does (citeproc-py dropped the entry from
    its list, and every entry after it was paired with the wrong item)."""

    def render_children(self, item, delimiter="", **kwargs):
        text = super().render_children(item, delimiter=delimiter, **kwargs)
        if text is None and self.getparent().tag.rpartition("}")[2] == "bibliography":
            return String(NO_ENTRY)
        return text
